// How much of each tab's screen is left empty (issue 8, section 1: at most a quarter of the content
// area at 80x24, 120x40 and 200x60). For each size and tab, `node dist/cli.js --model FILE` runs in a
// real tmux terminal through ../shared/tools/tui-shot (truecolour, the tab's key, 2 s to settle) and
// its screen is read back from the .ansi capture. A cell is empty when it and its 3x3 neighbourhood
// are blank: a space on no background (a background colour or inverse video is content). Counted over
// the rows between the timeline line (row 2 on) and the status line (the last two rows), all columns.
// A capture that is not settled (still starting or computing, another tab shown: a busy machine) is
// taken again with a longer wait, 4 s then 8 s. The captures (.txt, .ansi, .png) stay in the folder
// printed at the end.
//   usage: npm run build && node bench/empty-share.mjs [model=/tmp/demo.safetensors] [sizes=80x24,120x40,200x60] [tabs=1,2,3,4]
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {repoRoot} from './common.mjs';
import {contentEmptyShare} from './screen-cells.mjs';

const model = resolve(process.argv[2] ?? '/tmp/demo.safetensors');
const sizes = (process.argv[3] ?? '80x24,120x40,200x60').split(',').map(size => size.split('x').map(Number));
const tabs = (process.argv[4] ?? '1,2,3,4,5').split(',');
const target = 0.25;
const names = {1: 'examples', 2: 'weights', 3: 'maps', 4: 'confusion', 5: 'draw'};
const shot = resolve(repoRoot, '..', 'shared', 'tools', 'tui-shot');
const cli = join(repoRoot, 'dist', 'cli.js');
for (const [file, what] of [[shot, 'tui-shot'], [cli, 'dist/cli.js (npm run build)'], [model, 'the model (node dist/cli.js train --epochs 15 --save FILE)']]) {
	if (!existsSync(file)) {
		console.error(`bench: ${file} is missing: ${what}`);
		process.exit(1);
	}
}

/** Why a capture is not the settled screen of `tab`, or '' when it is: still starting, still computing, another tab. */
function unsettled(text, ansi, tab) {
	if (/starting…|computing|… ?\d+%/u.test(text)) {
		return 'still computing';
	}

	// The active tab is drawn inverse (7) in the tab bar.
	const active = /\x1b\[[0-9;]*7m(?:\x1b\[[0-9;]*m)* ?(\d) /u.exec(ansi.split('\n')[0] ?? '');
	return active !== null && active[1] !== tab ? `tab ${active[1]} shown` : '';
}

const out = mkdtempSync(join(tmpdir(), 'empty-share-'));
const results = [];
// A busy machine draws slowly: a capture that is not settled is taken again with a longer wait.
const waits = [2, 4, 8];
for (const [columns, rows] of sizes) {
	for (const tab of tabs) {
		const prefix = join(out, `${columns}x${rows}-${tab}`);
		for (const [k, wait] of waits.entries()) {
			execFileSync(shot, ['-x', String(columns), '-y', String(rows), '-w', String(wait), '-k', tab, '-o', prefix, '--', process.execPath, cli, '--model', model], {stdio: 'ignore'});
			const why = unsettled(readFileSync(`${prefix}.txt`, 'utf8'), readFileSync(`${prefix}.ansi`, 'utf8'), tab);
			if (why === '') {
				break;
			}

			process.stderr.write(`\n${columns}x${rows} tab ${tab} after ${wait} s: ${why}${k + 1 < waits.length ? ', again' : ', measured as it is'}\n`);
		}

		const {share} = contentEmptyShare(readFileSync(`${prefix}.ansi`, 'utf8'), columns, rows);
		results.push({size: `${columns}x${rows}`, tab, share});
		process.stderr.write('.');
	}
}

process.stderr.write('\n');
const column = tab => `${tab} ${names[tab] ?? ''}`.trimEnd();
const widths = tabs.map(tab => Math.max(column(tab).length, 14));
console.log(`empty share of the content area (target <= ${target * 100}% on every tab), ${model}`);
console.log(['size    ', ...tabs.map((tab, i) => column(tab).padStart(widths[i]))].join('  '));
for (const [columns, rows] of sizes) {
	const size = `${columns}x${rows}`;
	const cells = tabs.map((tab, i) => {
		const {share} = results.find(result => result.size === size && result.tab === tab);
		return `${(share * 100).toFixed(1)}% ${share <= target ? 'met' : 'MISSED'}`.padStart(widths[i]);
	});
	console.log([size.padEnd(8), ...cells].join('  '));
}

console.log(`captures: ${out}`);
