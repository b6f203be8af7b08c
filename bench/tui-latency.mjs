// Keypress-to-frame latency of the built TUI while training runs: `node dist/cli.js` in a real
// pseudo-terminal at 120x40 (TERM=xterm-256color, no COLORTERM: 256 colours, as over SSH), training
// started with `t`; then Right and Left in turn on the tab bar (Examples <-> Weights) at random
// intervals. Each latency is the time from writing the key to the pty until the output holds the new
// tab's heading (the weights tab's "neurons A-B of N", the examples tab's "example N of M"). Baseline in the same run:
// the same presses with training paused. Target (issue 3, section 9): p95 <= 50 ms while training runs.
// The child inherits NODE_ENV (unset: the CLI picks React's production build; NODE_ENV=development
// shows what the development build costs).
//   usage: npm run build && node bench/tui-latency.mjs [presses=60] [truecolor]   (BENCH_TRACE=1 prints every press: when it was sent, to which tab, its latency)
import {median} from './common.mjs';
import {childEnv, cliName, cliPath, headings, keys, loadPty, nodeArgs, percentile, PtyOutput} from './tui-terminal.mjs';

const presses = Math.max(10, Number(process.argv[2] ?? 60));
const truecolor = process.argv.includes('truecolor');
const columns = 120;
const rows = 40;
const warmupPresses = 6;
const pty = await loadPty();
// Enough epochs that training is still running when the bench pauses it (a run stops after --epochs).
const longRun = ['--epochs', '10000'];

// A small seeded generator for the pauses between presses, so runs are comparable.
let seed = 12_345;
function random() {
	seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
	return seed / 2 ** 32;
}

const sleep = ms => new Promise(resolve => {
	setTimeout(resolve, ms);
});

const env = childEnv(truecolor ? {COLORTERM: 'truecolor'} : {});
const child = pty.spawn(process.execPath, [...nodeArgs, cliPath, ...longRun], {name: env.TERM, cols: columns, rows, cwd: process.cwd(), env});
const output = new PtyOutput(child);
let exited;
const exit = new Promise(resolve => {
	child.onExit(event => {
		exited = event;
		resolve(event);
	});
});

/** Press keys alternately; returns the latencies in ms. */
async function pressAlternately(count, state) {
	const latencies = [];
	for (let i = 0; i < count; i++) {
		const toWeights = state.tab === 'examples';
		const from = output.text.length;
		const start = performance.now();
		child.write(toWeights ? keys.right : keys.left);
		const arrived = await output.waitFor(toWeights ? headings.weights : headings.examples, from, 5000);
		latencies.push(arrived - start);
		if (process.env.BENCH_TRACE) console.log(`${Date.now() - Math.round(performance.now() - start)} press ${toWeights ? "W" : "E"} ${(arrived - start).toFixed(1)}`);
		state.tab = toWeights ? 'weights' : 'examples';
		await sleep(30 + (random() * 270));
	}

	return latencies;
}

function summary(label, values) {
	return `${label.padEnd(26)} n ${String(values.length).padStart(3)} · p50 ${median(values).toFixed(1).padStart(6)} ms · p95 ${percentile(values, 95).toFixed(1).padStart(6)} ms · max ${Math.max(...values).toFixed(1).padStart(6)} ms`;
}

try {
	await output.waitFor(headings.examples, 0, 15_000);
	const state = {tab: 'examples'};
	await pressAlternately(warmupPresses, state); // warm up the JIT on the idle app

	let from = output.text.length;
	child.write('t');
	await output.waitFor('training · t to pause', from, 10_000);
	from = output.text.length;
	await output.waitFor('samples/s', from, 10_000); // live weight updates are arriving
	const running = await pressAlternately(presses, state);
	const stillRunning = output.text.lastIndexOf('training · t to pause') > output.text.lastIndexOf('paused · t to go on');

	from = output.text.length;
	child.write('t');
	await output.waitFor('paused · t to go on', from, 30_000);
	const paused = await pressAlternately(presses, state);

	from = output.text.length;
	child.write('q');
	// With trained epochs in no file, the first q asks once; the second quits.
	if (await Promise.race([exit.then(() => true), sleep(1000).then(() => false)]) === false) {
		child.write('q');
	}

	await Promise.race([exit, sleep(5000)]);

	console.log(`tui-latency: ${cliName} in a pty ${columns}x${rows}, TERM=${env.TERM}${truecolor ? ', COLORTERM=truecolor' : ''}, NODE_ENV ${env.NODE_ENV === undefined ? 'unset (production build)' : `=${env.NODE_ENV}`}, node ${process.version}; Right/Left on the tab bar, key to new tab heading`);
	console.log(summary('training running', running) + (stillRunning ? '' : '   (training was not running at the end)'));
	console.log(summary('baseline: training paused', paused));
	console.log(`ratio running/paused: p50 ${(median(running) / median(paused)).toFixed(2)}x, p95 ${(percentile(running, 95) / percentile(paused, 95)).toFixed(2)}x`);
	const p95 = percentile(running, 95);
	console.log(`target: p95 <= 50 ms while training runs: ${p95 <= 50 ? 'met' : 'MISSED'} (${p95.toFixed(1)} ms); exit after q: ${exited ? `code ${exited.exitCode}` : 'did not exit within 5 s'}`);
} finally {
	if (exited === undefined) {
		child.kill('SIGKILL');
	}
}
