// Input-to-frame latency of the draw tab (issue 9, section 5): `node dist/cli.js` in a real
// pseudo-terminal at 120x40 (TERM=xterm-256color), tab 5, Down into it. Keys: the pen put down with Space, then
// arrows that move the brush and draw; mouse: SGR reports of a drag with the left button across the
// canvas. Each latency is the time from writing the input to the pty until the first output after it
// (the frame that draws the new stroke). With training paused (the baseline) and running (t; the UI
// holds the training's redraws back after each input, so the first output is the input's frame).
// Target: p95 <= 50 ms.
//   usage: npm run build && node bench/canvas-latency.mjs [events=60]
import {median} from './common.mjs';
import {childEnv, cliName, cliPath, keys, loadPty, nodeArgs, percentile, PtyOutput} from './tui-terminal.mjs';

const events = Math.max(10, Number(process.argv[2] ?? 60));
const columns = 120;
const rows = 40;
const pty = await loadPty();
const sleep = ms => new Promise(resolve => {
	setTimeout(resolve, ms);
});

// A small seeded generator for the pauses between inputs, so runs are comparable.
let seed = 54_321;
function random() {
	seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
	return seed / 2 ** 32;
}

const env = childEnv({});
const child = pty.spawn(process.execPath, [...nodeArgs, cliPath, '--epochs', '10000'], {name: env.TERM, cols: columns, rows, cwd: process.cwd(), env});
const output = new PtyOutput(child);
let exited;
const exit = new Promise(resolve => {
	child.onExit(event => {
		exited = event;
		resolve(event);
	});
});
const anything = /[\s\S]/u;

/** Write `bytes`, wait for the first output after them; returns the ms. */
async function timed(bytes) {
	await sleep(30 + (random() * 120));
	const from = output.text.length;
	const start = performance.now();
	child.write(bytes);
	return (await output.waitFor(anything, from, 5000)) - start;
}

/** Arrows to and fro with the pen down (it draws), then a mouse drag zigzagging across the canvas. */
async function draw(count) {
	const arrows = [];
	for (let i = 0; i < count; i++) {
		arrows.push(await timed(i % 16 < 8 ? keys.right : keys.left));
	}

	// The canvas at 120x40: zoom 2 from screen column 2 and row 4 (1-based), 56 x 28 cells.
	const mouse = [await timed('\u001B[<0;10;10M')];
	for (let i = 1; i < count; i++) {
		const x = 10 + (i % 40);
		const y = 10 + Math.round(8 * Math.sin(i / 4));
		mouse.push(await timed(`\u001B[<32;${x};${y}M`));
	}

	await timed('\u001B[<0;50;18m');
	return {arrows, mouse};
}

function summary(label, values) {
	return `${label.padEnd(34)} n ${String(values.length).padStart(3)} · p50 ${median(values).toFixed(1).padStart(6)} ms · p95 ${percentile(values, 95).toFixed(1).padStart(6)} ms · max ${Math.max(...values).toFixed(1).padStart(6)} ms`;
}

try {
	await output.waitFor(/Example \d+ of \d+/u, 0, 15_000);
	let from = output.text.length;
	child.write('5');
	await output.waitFor('Draw · brush', from, 10_000);
	await timed(keys.down); // into the tab: the arrows move the brush
	await timed(' '); // the pen down: the arrows draw
	await draw(10); // warm-up
	const paused = await draw(events);

	from = output.text.length;
	child.write('t');
	await output.waitFor('training · t to pause', from, 10_000);
	await sleep(1000);
	const running = await draw(events);

	child.write('t');
	await sleep(300);
	child.write('q');
	if (await Promise.race([exit.then(() => true), sleep(1000).then(() => false)]) === false) {
		child.write('q');
	}

	await Promise.race([exit, sleep(5000)]);
	console.log(`canvas-latency: ${cliName} in a pty ${columns}x${rows}, TERM=${env.TERM}, node ${process.version}; draw tab, input to the first output after it`);
	console.log(summary('arrows (pen down), paused', paused.arrows));
	console.log(summary('mouse drag, paused', paused.mouse));
	console.log(summary('arrows (pen down), training', running.arrows));
	console.log(summary('mouse drag, training', running.mouse));
	const worst = Math.max(...[paused.arrows, paused.mouse, running.arrows, running.mouse].map(values => percentile(values, 95)));
	console.log(`target: p95 <= 50 ms: ${worst <= 50 ? 'met' : 'MISSED'} (worst p95 ${worst.toFixed(1)} ms); exit after q: ${exited ? `code ${exited.exitCode}` : 'did not exit within 5 s'}`);
} finally {
	if (exited === undefined) {
		child.kill('SIGKILL');
	}
}
