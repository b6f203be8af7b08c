// Bytes the built TUI writes while training runs on the weights tab: `node dist/cli.js` in a real
// pseudo-terminal at 120x40 on the embedded digits, once in 256 colours (TERM=xterm-256color, no
// COLORTERM, as over SSH) and once in truecolour. It goes to the weights tab, starts training with `t`,
// waits for the first live update, then counts the bytes and frames (synchronized-output blocks) of
// the next few seconds. Baseline in the same run: the bytes of one whole weights frame (the tab drawn
// afresh after a visit to the examples tab, training paused), so the ratio says how much the line and
// cell diffs save on a training frame.
//   usage: npm run build && node bench/tui-stream.mjs [seconds=5]
import {childEnv, cliName, cliPath, headings, keys, loadPty, nodeArgs, PtyOutput} from './tui-terminal.mjs';

const seconds = Math.max(1, Number(process.argv[2] ?? 5));
const columns = 120;
const rows = 40;
const frameStart = '\u001B[?2026h';
const pty = await loadPty();
// Enough epochs that training is still running when the bench pauses it (a run stops after --epochs).
const longRun = ['--epochs', '10000'];

const sleep = ms => new Promise(resolve => {
	setTimeout(resolve, ms);
});

const kb = bytes => `${(bytes / 1000).toFixed(1)} KB`;

/** Bytes (UTF-8) and synchronized-output frames in text. */
function count(text) {
	return {bytes: Buffer.byteLength(text), frames: text.split(frameStart).length - 1};
}

/** Run the app at one colour depth; returns the figures. */
async function measure(truecolor) {
	const env = childEnv(truecolor ? {COLORTERM: 'truecolor'} : {});
	const child = pty.spawn(process.execPath, [...nodeArgs, cliPath, ...longRun], {name: env.TERM, cols: columns, rows, cwd: process.cwd(), env});
	const output = new PtyOutput(child);
	let exited = false;
	child.onExit(() => {
		exited = true;
	});
	try {
		await output.waitFor(headings.examples, 0, 15_000);
		let from = output.text.length;
		child.write(keys.right);
		await output.waitFor(headings.weights, from, 5000);
		from = output.text.length;
		child.write('t');
		await output.waitFor('samples/s', from, 15_000); // live updates are arriving
		await sleep(500);
		const start = output.text.length;
		await sleep(seconds * 1000);
		const streamed = count(output.text.slice(start));

		from = output.text.length;
		child.write('t');
		await output.waitFor('paused · t to go on', from, 30_000);
		await sleep(300);
		from = output.text.length;
		child.write(keys.left);
		await output.waitFor(headings.examples, from, 5000);
		await sleep(300);
		from = output.text.length;
		child.write(keys.right);
		await output.waitFor(headings.weights, from, 5000);
		await sleep(300);
		const whole = count(output.text.slice(from));
		child.write('q');
		await sleep(300);
		return {streamed, whole};
	} finally {
		if (!exited) {
			child.kill('SIGKILL');
		}
	}
}

console.log(`tui-stream: ${cliName} in a pty ${columns}x${rows}, weights tab, training running, ${seconds} s; node ${process.version}`);
for (const truecolor of [false, true]) {
	const {streamed, whole} = await measure(truecolor);
	const perFrame = streamed.frames > 0 ? streamed.bytes / streamed.frames : Number.NaN;
	console.log(`${truecolor ? 'truecolour' : '256 colours'}: ${kb(streamed.bytes / seconds)}/s, ${(streamed.frames / seconds).toFixed(1)} frames/s, ${kb(perFrame)} a training frame; baseline: a whole weights frame ${kb(whole.bytes)}; ratio whole/training frame ${(whole.bytes / perFrame).toFixed(1)}x`);
}
