// Preloaded with `node --import`: on exit, print this process's peak resident set size to stderr.
import process from 'node:process';

process.on('exit', () => {
	process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
