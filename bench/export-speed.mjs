// `nnviz-tui export --view weights` against its 1 s target: in this process (read the model file,
// build the figure, encode the PNG, write it), the median of several runs, for [784,30,10] and
// [784,100,10]; then the parts (figure, PNG) on their own, and one run of the built binary from a
// fresh process (Node's start included).
//   usage: npm run build && node bench/export-speed.mjs [runs=7]
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {median, project, repoRoot} from './common.mjs';

const {main} = await project('cli.js');
const {figureSource} = await project('commands/export.js');
const {buildFigure, encodePng} = await project('figures/figure.js');

const runs = Number(process.argv[2] ?? 7);
const target = 1000;
const folder = mkdtempSync(join(tmpdir(), 'nnviz-export-bench-'));
const quiet = {stdout: {write() {}}, stderr: {write() {}}, env: {}, signal: new AbortController().signal};

async function run(argv) {
	const code = await main(argv, quiet);
	if (code !== 0) {
		throw new Error(`nnviz-tui ${argv.join(' ')} exited ${code}`);
	}
}

try {
	for (const layers of ['784,30,10', '784,100,10']) {
		const model = join(folder, `${layers.replaceAll(',', '-')}.safetensors`);
		await run(['train', '--layers', layers, '--epochs', '1', '--save', model]);
		const png = join(folder, 'weights.png');
		const args = ['export', '--model', model, '--view', 'weights', '-o', png, '--force'];
		await run(args); // warm-up: modules compiled, caches filled
		const times = [];
		for (let i = 0; i < runs; i++) {
			const start = performance.now();
			await run(args);
			times.push(performance.now() - start);
		}

		const command = {kind: 'export', model, view: 'weights', data: {}, json: false, force: true};
		const source = figureSource(command, quiet);
		const figureTimes = [];
		const pngTimes = [];
		let figure;
		for (let i = 0; i < runs; i++) {
			let start = performance.now();
			figure = buildFigure('weights', source);
			figureTimes.push(performance.now() - start);
			start = performance.now();
			encodePng(figure.canvas);
			pngTimes.push(performance.now() - start);
		}

		const start = performance.now();
		execFileSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], {stdio: 'ignore'});
		const fresh = performance.now() - start;
		const m = median(times);
		console.log(`[${layers}] export --view weights: median ${m.toFixed(0)} ms of ${runs} in-process (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}); target ${target} ms: ${m <= target ? 'met' : 'MISSED'} (${(m / target).toFixed(2)} of it)`);
		console.log(`    figure ${median(figureTimes).toFixed(0)} ms, PNG ${median(pngTimes).toFixed(0)} ms (${figure.canvas.width}x${figure.canvas.height} px, ${(statSync(png).size / 1024).toFixed(0)} KB); a fresh process, Node's start included: ${fresh.toFixed(0)} ms`);
	}
} finally {
	rmSync(folder, {recursive: true, force: true});
}
