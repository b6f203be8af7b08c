// Cost of one full frame of the TUI: the real App from dist, rendered by Ink in debug mode into the
// ScreenWriter with the PixelLayer (as `nnviz-tui` runs it), over a fake terminal. Weights tab: every
// frame is a training progress event with different weights, so every tile is re-encoded and redrawn.
// Examples tab: every frame is the next example (Right arrow), so the image and the confidence column
// change. For each frame: Ink's renderTime (its onRender option: output of the laid-out tree), the
// wall time from the trigger to the last byte reaching the terminal (React, layout, Ink, diff, pixel
// substitution), the process's CPU time over the same span (steadier than wall time on a busy
// machine), and the bytes written. "update" frames send only changed lines, as in normal use;
// "redraw" frames invalidate the screen first, so the whole screen is sent (as after a resize).
// Baseline in the same run: the same App and tiles the plain way (no pixel layer: the half-block
// strings go to Ink's <Text>; a normal, non-debug Ink render with its default log-update).
// Timeline: a model of 30 saved epochs on the weights tab; every frame is [ (or ]), one step of the
// epoch timeline, so every tile and the detail show another epoch's weights; "first" is the time to
// the step's first write (the new weights on screen), before the test-set figures of that epoch follow.
// Targets (issue 8, section 6) at 120x40 with the overview (30 tiles and a detail tile): a full
// weights frame <= 30 ms and <= 60 KB; one timeline step <= 50 ms to the new frame.
// React's build: production unless NODE_ENV says otherwise, as the CLI does; the first line says which
// (NODE_ENV=development shows what React's development build costs).
//   usage: npm run build && node bench/tui-frame.mjs [frames=30] [scenario filter, e.g. 'weights 120x40'] [ways=update,redraw,plain]
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {median, project, repoRoot} from './common.mjs';
import {FakeTerminal, fakeStdin, headings, keys, percentile} from './tui-terminal.mjs';

delete process.env.CI; // Ink reads it at import time and then writes no frames
process.env.NODE_ENV ??= 'production'; // as src/cli.tsx does, before react is imported
const frames = Number(process.argv[2] ?? 30);
const only = process.argv[3] ?? ''; // e.g. 'weights 120x40'
const ways = (process.argv[4] ?? 'update,redraw,plain').split(',');
const warmup = 3;
const settleMs = 45; // > Ink's render throttle at its default 30 fps, so the plain path draws on its leading edge

const React = (await import('react')).default;
const {render} = await import('ink');
const chalk = (await import('chalk')).default;
const {App} = await project('app/App.js');
const {PixelLayerContext} = await project('components/PixelImage.js');
const {PixelLayer} = await project('app/pixel-layer.js');
const {ScreenWriter} = await project('app/screen-writer.js');
// As the CLI does: Ink's output stage sped up, src/app/ink-output.ts (BENCH_INK_OUTPUT=ink measures Ink's own).
// A build from before src/app/ink-output.ts (a baseline) has none.
const inkCache = process.env.BENCH_INK_OUTPUT !== 'ink' && existsSync(join(repoRoot, 'dist', 'app', 'ink-output.js'))
	&& await (await project('app/ink-output.js')).speedUpInkOutput();
const {loadDataset} = await project('data/load.js');
const {createModel} = await project('model/model-dataset.js');
const {defaultConfig} = await project('nn/config.js');
const {initParameters} = await project('nn/network.js');
const {Random} = await project('nn/random.js');

const dataset = loadDataset({env: {}});
const model = createModel(defaultConfig, dataset);
// Different weights for every frame: a pool of fresh initialisations, used in turn.
const pool = Array.from({length: 5}, (_, k) => initParameters(defaultConfig, Random.fromSeed(1000 + k)));
// A model of 30 saved epochs (the pool's weights in turn), for the timeline.
const timelineModel = {
	...createModel(defaultConfig, dataset),
	current: pool[29 % pool.length],
	snapshots: Array.from({length: 30}, (_, k) => ({epoch: k + 1, parameters: pool[k % pool.length]})),
	history: Array.from({length: 30}, (_, k) => ({epoch: k + 1, seconds: 1, trainLoss: 1 / (k + 1), validationAccuracy: 0.9, testAccuracy: 0.9})),
};
timelineModel.position = {...timelineModel.position, epoch: 30};
const chalkLevels = {truecolor: 3, ansi256: 2};
const sleep = ms => new Promise(resolve => {
	setTimeout(resolve, ms);
});

/** A client that trains nothing: the bench sends its events itself. */
class BenchClient {
	epochs = 30;
	listeners = new Set();
	subscribe(listener) {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	emit(event) {
		for (const listener of this.listeners) {
			listener(event);
		}
	}

	quietFor() {}
	start() {}
	pause() {}
	save() {}
	async stop() {}
}

/**
 * Render the app into a fake terminal and go to `tab`; returns {frame(i), close()}, where frame(i)
 * triggers one frame and resolves with its figures.
 */
async function setUp({tab, depth, columns, rows, way}) {
	chalk.level = chalkLevels[depth];
	const terminal = new FakeTerminal(columns, rows);
	const stdin = fakeStdin();
	const client = new BenchClient();
	const layer = new PixelLayer();
	const screen = way === 'plain' ? undefined : new ScreenWriter(terminal, layer);
	let renderTime = 0;
	let lastWrite = 0;
	let firstWrite;
	let cpuStart = process.cpuUsage();
	let cpu = 0;
	let seen = '';
	let wake;
	terminal.onWrite = (n, text) => {
		lastWrite = performance.now();
		firstWrite ??= lastWrite;
		const used = process.cpuUsage(cpuStart);
		cpu = (used.user + used.system) / 1000;
		wake?.();
		if (seen.length < 1_000_000) {
			seen += text;
		}
	};

	const nextWrite = () => new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			reject(new Error(`bench: no frame within 5 s (${tab}, ${way})`));
		}, 5000);
		wake = () => {
			wake = undefined;
			clearTimeout(timer);
			resolve();
		};
	});

	const app = React.createElement(App, {model: tab === 'timeline' ? timelineModel : model, dataset, client, depth, savePath: undefined});
	const tree = way === 'plain' ? app : React.createElement(PixelLayerContext.Provider, {value: layer}, app);
	const instance = render(tree, {
		stdout: screen ?? terminal, stdin, stderr: new FakeTerminal(columns, rows),
		exitOnCtrlC: false, patchConsole: false, debug: way !== 'plain',
		onRender({renderTime: ms}) {
			renderTime += ms;
		},
	});
	await sleep(settleMs);
	stdin.write(tab === 'examples' ? keys.down : '2'); // into the examples tab, or the weights tab (where tabs starts)
	await sleep(settleMs);
	const heading = headings[tab === 'tabs' ? 'weights' : tab];
	if (!heading.test(seen)) {
		throw new Error(`bench: the ${tab} tab did not show (no ${heading} in the output)`);
	}

	async function frame(i) {
		chalk.level = chalkLevels[depth];
		if (way === 'redraw') {
			screen.invalidate();
		}

		renderTime = 0;
		const bytesBefore = terminal.bytes;
		const written = nextWrite();
		const start = performance.now();
		cpuStart = process.cpuUsage();
		firstWrite = undefined;
		if (tab === 'timeline') {
			stdin.write(i % 58 < 29 ? '[' : ']');
		} else if (tab === 'tabs') {
			stdin.write(i % 2 === 0 ? keys.left : keys.right); // weights -> examples -> weights ...
		} else if (tab === 'weights') {
			client.emit({type: 'progress', epoch: 1, done: (i + 1) * 100, total: dataset.train.count, samplesPerSecond: 20_000, parameters: pool[i % pool.length]});
		} else {
			stdin.write(i % 20 < 10 ? keys.right : keys.left);
		}

		await written;
		await sleep(settleMs); // a further write of the same frame lands in this window
		return {wall: lastWrite - start, first: firstWrite - start, cpu, ink: renderTime, bytes: terminal.bytes - bytesBefore};
	}

	function close() {
		instance.unmount();
		instance.cleanup();
	}

	return {frame, close};
}

/** The three ways, set up side by side and measured frame by frame in turn (fair under a varying load). */
async function measure(scenario) {
	const results = {};
	const setups = {};
	for (const way of ways) {
		setups[way] = await setUp({...scenario, way});
		results[way] = {wall: [], first: [], cpu: [], ink: [], bytes: []};
	}

	for (let i = 0; i < warmup + frames; i++) {
		for (const way of ways) {
			const figures = await setups[way].frame(i);
			if (i >= warmup) {
				for (const key of ['wall', 'first', 'cpu', 'ink', 'bytes']) {
					results[way][key].push(figures[key]);
				}
			}
		}
	}

	for (const way of ways) {
		setups[way].close();
	}

	return results;
}

const kb = bytes => (bytes / 1024).toFixed(1);
const ms = value => value.toFixed(1);
function line(label, r) {
	return `${label.padEnd(44)} wall median ${ms(median(r.wall)).padStart(6)} p95 ${ms(percentile(r.wall, 95)).padStart(6)} ms · first write median ${ms(median(r.first)).padStart(6)} p95 ${ms(percentile(r.first, 95)).padStart(6)} ms · cpu median ${ms(median(r.cpu)).padStart(6)} ms · ink renderTime median ${ms(median(r.ink)).padStart(6)} p95 ${ms(percentile(r.ink, 95)).padStart(6)} ms · ${kb(median(r.bytes)).padStart(6)} KB/frame (max ${kb(Math.max(...r.bytes))})`;
}

console.log(`tui-frame: ${frames} frames each (after ${warmup} warm-up), node ${process.version}, ink ${JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'ink', 'package.json'), 'utf8')).version}; react ${React.version} ${process.env.NODE_ENV === 'production' ? 'production' : 'development'} build (NODE_ENV=${process.env.NODE_ENV ?? ''}); Ink output stage ${inkCache ? 'sped up (src/app/ink-output.ts)' : 'as Ink ships it'}; dataset ${dataset.name}, layers [${defaultConfig.layers}]`);
const verdicts = [];
const labels = {
	update: '  pixel layer + screen writer, update',
	redraw: '  pixel layer + screen writer, redraw',
	plain: '  baseline: plain Ink <Text> half-blocks',
};
const ratio = (r, key, way) => r[way] && r.plain ? `${(median(r.plain[key]) / median(r[way][key])).toFixed(1)}x` : '-';
for (const tab of ['weights', 'examples', 'timeline', 'tabs']) {
	for (const [columns, rows] of [[120, 40], [200, 60]]) {
		for (const depth of ['truecolor', 'ansi256']) {
			const name = `${tab} ${columns}x${rows} ${depth}`;
			if (!name.includes(only)) {
				continue;
			}

			const r = await measure({tab, depth, columns, rows});
			console.log(`\n${name}`);
			for (const way of ways) {
				console.log(line(labels[way], r[way]));
			}

			console.log(`  ratio baseline/ours: redraw wall ${ratio(r, 'wall', 'redraw')} bytes ${ratio(r, 'bytes', 'redraw')}; update wall ${ratio(r, 'wall', 'update')} bytes ${ratio(r, 'bytes', 'update')}`);
			if (tab === 'weights' && columns === 120 && r.update && r.redraw) {
				// The frame is the first write after the event; a second write in the window is the next
				// frame (the test-set analysis of the new weights, which follows it by tens of ms).
				const worstMs = Math.max(percentile(r.redraw.first, 95), percentile(r.update.first, 95));
				const medianMs = Math.max(median(r.redraw.first), median(r.update.first));
				const worstKb = Math.max(median(r.redraw.bytes), median(r.update.bytes)) / 1024;
				verdicts.push(`${name}: frame median ${ms(medianMs)} ms (target <= 30) ${medianMs <= 30 ? 'met' : 'MISSED'}, p95 ${ms(worstMs)} ms; ${worstKb.toFixed(1)} KB (target <= 60) ${worstKb <= 60 ? 'met' : 'MISSED'}`);
			}

			if (tab === 'timeline' && columns === 120 && r.update) {
				const p95 = percentile(r.update.first, 95);
				verdicts.push(`${name}: one step to its first write median ${ms(median(r.update.first))} ms, p95 ${ms(p95)} ms (target <= 50) ${p95 <= 50 ? 'met' : 'MISSED'}`);
			}
		}
	}
}

if (verdicts.length > 0) {
	console.log(`\ntargets (weights tab, 120x40, worse of update and redraw; a frame's time is to its first write):\n  ${verdicts.join('\n  ')}`);
}
