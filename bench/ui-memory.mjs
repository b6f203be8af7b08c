// Peak memory of the terminal UI during long training: `node dist/cli.js` in a real pseudo-terminal at
// 120x40 trains [784,100,10] for 1,000 epochs (one run of --epochs 1000, started with `t`) on a tiny
// IDX folder made from the full MNIST (the first 120 training and 100 test images), so epochs are short
// and end up to 25 times a second. It prints the resident memory at start, its peak (VmHWM, main and
// worker threads together) and the target: under 250 MB.
//   usage: npm run build && node bench/ui-memory.mjs [kernels=auto|js|wasm]      (BENCH_CLI=other/dist/cli.js for another build)
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gunzipSync} from 'node:zlib';
import {mnistDir} from './common.mjs';
import {childEnv, cliName, cliPath, loadPty, nodeArgs, PtyOutput} from './tui-terminal.mjs';

const trainCount = 120;
const testCount = 100;
const epochs = 1000;
const kernels = process.argv[2] ?? 'auto';
const targetMb = 250;

/** An IDX file of the full MNIST (plain or .gz), cut to its first `count` items of `itemBytes` each. */
function cutIdx(dir, name, count, itemBytes, headerBytes) {
	const path = join(dir, name);
	let bytes;
	try {
		bytes = readFileSync(path);
	} catch {
		bytes = gunzipSync(readFileSync(`${path}.gz`));
	}

	const out = Buffer.from(bytes.subarray(0, headerBytes + (count * itemBytes)));
	out.writeUInt32BE(count, 4);
	return out;
}

function tinyFolder() {
	const source = mnistDir();
	const dir = mkdtempSync(join(tmpdir(), 'nnviz-ui-memory-'));
	for (const [prefix, count] of [['train', trainCount], ['t10k', testCount]]) {
		writeFileSync(join(dir, `${prefix}-images-idx3-ubyte`), cutIdx(source, `${prefix}-images-idx3-ubyte`, count, 28 * 28, 16));
		writeFileSync(join(dir, `${prefix}-labels-idx1-ubyte`), cutIdx(source, `${prefix}-labels-idx1-ubyte`, count, 1, 8));
	}

	return dir;
}

/** A field of /proc/PID/status in MB (VmRSS, VmHWM). */
function statusMb(pid, field) {
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) / 1024 : Number.NaN;
}

const pty = await loadPty();
const data = tinyFolder();
const env = childEnv();
const args = [...nodeArgs, cliPath, '--data', data, '--layers', '784,100,10', '--epochs', String(epochs), '--kernels', kernels];
const child = pty.spawn(process.execPath, args, {name: env.TERM, cols: 120, rows: 40, cwd: process.cwd(), env});
const output = new PtyOutput(child);
try {
	await output.waitFor(/example \d+ of \d+/i, 0, 30_000);
	const startMb = statusMb(child.pid, 'VmRSS');
	const started = performance.now();
	const from = output.text.length;
	child.write('t');
	const samples = [];
	const sampler = setInterval(() => {
		samples.push(statusMb(child.pid, 'VmRSS'));
	}, 1000);
	await output.waitFor(`trains ${epochs} more`, from, 600_000);
	clearInterval(sampler);
	const seconds = (performance.now() - started) / 1000;
	const peakMb = statusMb(child.pid, 'VmHWM');
	const endMb = statusMb(child.pid, 'VmRSS');
	const mb = value => `${value.toFixed(0)} MB`;
	console.log(`${cliName} --data <${trainCount} train, ${testCount} test images> --layers 784,100,10 --epochs ${epochs} --kernels ${kernels}, t (120x40 pty)`);
	console.log(`${epochs} epochs in ${seconds.toFixed(1)} s`);
	console.log(`RSS at start ${mb(startMb)}, at the end ${mb(endMb)}; sampled every second: ${samples.map(s => s.toFixed(0)).join(' ')}`);
	console.log(`peak RSS (VmHWM) ${mb(peakMb)}  target < ${targetMb} MB: ${peakMb < targetMb ? 'met' : 'NOT met'}`);
	process.exitCode = peakMb < targetMb ? 0 : 1;
} finally {
	child.kill();
	rmSync(data, {recursive: true, force: true});
}
