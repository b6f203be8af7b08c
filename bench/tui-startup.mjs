// Spawn to first frame of the TUI: `node dist/cli.js` started in a pseudo-terminal at 120x40
// (TERM=xterm-256color), timed from spawn until the output holds the Examples tab's first frame
// ("example 0 of"); then q. Baselines in the same run, started the same way in the same pty size:
// `node -e ""` from spawn to exit, and `node dist/cli.js --version` from spawn to exit. The runs of the
// three commands are interleaved, so a change in the machine's load hits them alike.
// Target (issue 3, section 9): spawn to first frame <= 600 ms.
// Then a large network, --layers 784,2000,2000,10 (3 runs): spawn to first frame, and to the untrained
// test accuracy that the examples tab computes after the first frame (issue 7: it used to hold the first
// frame back for 22 s).
//   usage: npm run build && node bench/tui-startup.mjs [runs=12]
import {median} from './common.mjs';
import {childEnv, cliName, cliPath, headings, loadPty, nodeArgs, percentile, PtyOutput} from './tui-terminal.mjs';

const runs = Math.max(10, Number(process.argv[2] ?? 12));
const columns = 120;
const rows = 40;
const pty = await loadPty();
const env = childEnv();

const sleep = ms => new Promise(resolve => {
	setTimeout(resolve, ms);
});

function spawn(args) {
	const start = performance.now();
	const child = pty.spawn(process.execPath, args, {name: env.TERM, cols: columns, rows, cwd: process.cwd(), env});
	const output = new PtyOutput(child);
	const exit = new Promise(resolve => {
		child.onExit(event => {
			resolve({...event, at: performance.now()});
		});
	});
	return {start, child, output, exit};
}

/** Spawn to exit of a command that exits by itself. */
async function toExit(args) {
	const {start, child, output, exit} = spawn(args);
	const timer = setTimeout(() => {
		child.kill('SIGKILL');
	}, 10_000);
	const event = await exit;
	clearTimeout(timer);
	if (event.exitCode !== 0) {
		throw new Error(`bench: node ${args.join(' ')} exited with ${event.exitCode}: ${output.text.slice(-300)}`);
	}

	return event.at - start;
}

/**
 * Spawn of the TUI to its first frame (and to `then`, when given, after it); then quit it (and kill it
 * if it does not go).
 */
async function toFirstFrame(args = [], then = undefined) {
	const {start, child, output, exit} = spawn([...nodeArgs, cliPath, ...args]);
	let ended = false;
	void exit.then(() => {
		ended = true;
	});
	try {
		const at = await output.waitFor(headings.examples, 0, 60_000);
		const later = then === undefined ? at : await output.waitFor(then, 0, 120_000);
		child.write('q');
		await Promise.race([exit, sleep(5000)]);
		return then === undefined ? at - start : [at - start, later - start];
	} finally {
		if (!ended) {
			child.kill('SIGKILL');
		}
	}
}

const bare = [];
const version = [];
const tui = [];
await toFirstFrame(); // warm the file cache
for (let i = 0; i < runs; i++) {
	bare.push(await toExit(['-e', '']));
	version.push(await toExit([cliPath, '--version']));
	tui.push(await toFirstFrame());
}

const line = (label, values) => `${label.padEnd(44)} median ${median(values).toFixed(0).padStart(5)} ms · p90 ${percentile(values, 90).toFixed(0).padStart(5)} ms · min ${Math.min(...values).toFixed(0).padStart(5)} ms`;
console.log(`tui-startup: ${runs} runs each in a pty ${columns}x${rows}, TERM=${env.TERM}, NODE_ENV ${env.NODE_ENV === undefined ? 'unset' : `=${env.NODE_ENV}`}, node ${process.version}`);
console.log(line('node -e "" (spawn to exit)', bare));
console.log(line(`${cliName} --version (spawn to exit)`, version));
console.log(line(`${cliName} (spawn to first frame)`, tui));
const m = median(tui);
console.log(`first frame minus bare node: ${(m - median(bare)).toFixed(0)} ms; minus --version: ${(m - median(version)).toFixed(0)} ms; ${(m / median(bare)).toFixed(1)}x bare node`);
console.log(`target: spawn to first frame <= 600 ms: ${m <= 600 ? 'met' : 'MISSED'} (median ${m.toFixed(0)} ms)`);

const large = ['--layers', '784,2000,2000,10'];
const largeFrame = [];
const largeAccuracy = [];
for (let i = 0; i < 3; i++) {
	const [frame, accuracy] = await toFirstFrame(large, /\d+\.\d\d% of \d+ right/);
	largeFrame.push(frame);
	largeAccuracy.push(accuracy);
}

console.log(line(`${cliName} ${large.join(' ')} (to first frame)`, largeFrame));
console.log(line('  and to its untrained test accuracy', largeAccuracy));
