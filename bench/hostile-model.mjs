// Time and memory of reading hostile model files (all under 10 MB): each file is read by `readModelFile`
// in a fresh process, which prints the milliseconds and the peak RSS above its baseline (after the
// imports). Target: <= 200 ms and <= 50 MB for every file. Build first (`npm run build`).
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {project, repoRoot} from './common.mjs';

const {encodeSafetensors, decodeSafetensors} = await project('model/safetensors.js');
const {encodeModel} = await project('model/model-file.js');

/** A valid [784,30,10] model trained `epochs` epochs (random weights), as bytes. */
function validModel(epochs) {
	const layers = [784, 30, 10];
	const parameters = seed => ({
		layers,
		weights: [Float32Array.from({length: 30 * 784}, (_, i) => Math.sin(seed + i) / 10), Float32Array.from({length: 300}, (_, i) => Math.cos(seed + i) / 10)],
		biases: [new Float32Array(30), new Float32Array(10)],
	});
	const history = Array.from({length: epochs}, (_, i) => record(i));
	return encodeModel({
		config: {layers, activation: 'sigmoid', output: 'softmax', cost: 'cross-entropy', init: 'scaled', batch: 10, eta: 0.5, lambda: 5, momentum: 0, seed: 1},
		dataset: {name: 'mnist-embedded', classNames: Array.from({length: 10}, (_, i) => String(i)), rows: 28, cols: 28, trainCount: 800, validationCount: 100, testCount: 97},
		current: parameters(0),
		initial: parameters(1),
		snapshots: history.map(r => ({epoch: r.epoch, parameters: parameters(r.epoch + 1)})),
		history,
		position: {epoch: epochs, rng: [1, 2, 3, 4], velocity: null},
	});
}

/** The small valid model (version 2) with its tensors or metadata changed, encoded again. */
function edited(edit, epochs = 2) {
	const {tensors, metadata} = decodeSafetensors(validModel(epochs), 'bench');
	edit(tensors, metadata);
	return encodeSafetensors(tensors, metadata);
}

/** As an older nnviz-tui wrote it: version 1, the history as JSON metadata instead of a tensor. */
function asVersion1(tensors, metadata) {
	tensors.delete('history');
	metadata.version = '1';
}

/** Drop the snapshot tensors (as thinning would for a long run). */
function withoutSnapshots(tensors) {
	for (const name of [...tensors.keys()].filter(n => n.startsWith('epoch.'))) {
		tensors.delete(name);
	}
}

const record = i => ({epoch: i + 1, seconds: 1, trainLoss: 0.5, validationAccuracy: 0.9, testAccuracy: 0.9});

const nested = depth => '['.repeat(depth) + ']'.repeat(depth);
const layers = count => metadata => {
	const config = JSON.parse(metadata.config);
	config.layers = [784, ...Array.from({length: count - 2}, () => 30), 10];
	metadata.config = JSON.stringify(config);
};

const files = {
	'valid [784,30,10], 10 epochs': validModel(10),
	'config nested 5,000 deep': edited((_, m) => { m.config = nested(5000); }),
	'v1 history nested 100,000 deep': edited((t, m) => {
		asVersion1(t, m);
		m.history = nested(100_000);
	}),
	'a shape nested 5,000 deep': (() => {
		const text = new TextEncoder().encode(`{"w":{"dtype":"F32","shape":${nested(5000)},"data_offsets":[0,0]}}`);
		const bytes = new Uint8Array(8 + text.length);
		new DataView(bytes.buffer).setBigUint64(0, BigInt(text.length), true);
		bytes.set(text, 8);
		return bytes;
	})(),
	'1,000,000 layers': edited((_, m) => layers(1_000_000)(m)),
	'1,000,000 layers, 10 epochs': edited((_, m) => layers(1_000_000)(m), 10),
	// Version 2: the history is the F64 tensor "history" [100000, 5], 4 MB of data.
	'v2 100,000-epoch history': edited((tensors, m) => {
		withoutSnapshots(tensors);
		const data = new Float64Array(Array.from({length: 100_000}, (_, i) => Object.values(record(i))).flat());
		tensors.set('history', {shape: [100_000, 5], data});
		m.position = JSON.stringify({...JSON.parse(m.position), epoch: 100_000});
	}),
	'v2 header padded to 3 MB': edited((_, m) => { m.note = 'x'.repeat(3_000_000); }),
	// Version 1 (JSON history) as an older nnviz-tui wrote it: over 1,000,000 characters is refused.
	'v1 100,000-epoch history': edited((tensors, m) => {
		withoutSnapshots(tensors);
		asVersion1(tensors, m);
		m.history = JSON.stringify(Array.from({length: 100_000}, (_, i) => record(i)));
		m.position = JSON.stringify({...JSON.parse(m.position), epoch: 100_000});
	}),
	// The longest version-1 history read, in another form than nnviz-tui wrote (spaces), just under the limit.
	'v1 history of spaced records, 1 MB': edited((tensors, m) => {
		withoutSnapshots(tensors);
		asVersion1(tensors, m);
		const spaced = i => `{"epoch": ${i + 1}, "seconds": 1, "trainLoss": 0.5, "validationAccuracy": 0.9, "testAccuracy": 0.9}`;
		const count = Math.floor(1_000_000 / (spaced(99_999).length + 1));
		m.history = `[${Array.from({length: count}, (_, i) => spaced(i)).join(',')}]`;
		m.position = JSON.stringify({...JSON.parse(m.position), epoch: count});
	}),
	'a NaN weight': edited(tensors => { tensors.get('layers.1.weight').data[7] = Number.NaN; }),
	'a repeated key': edited((_, m) => { m.config = m.config.replace('"eta":', '"eta":9,"eta":'); }),
};

const measure = `
const {readModelFile} = await import(${JSON.stringify(join(repoRoot, 'dist', 'model', 'model-file.js'))});
const baseline = process.resourceUsage().maxRSS;
const started = performance.now();
let result;
try { readModelFile(process.argv[1]); result = 'read'; } catch (error) { result = error.constructor.name + ': ' + error.message.slice(0, 90); }
const ms = performance.now() - started;
console.log(JSON.stringify({ms, mb: (process.resourceUsage().maxRSS - baseline) / 1024, result}));
`;

const folder = mkdtempSync(join(tmpdir(), 'nnviz-hostile-'));
try {
	console.log('file                             size MB      ms  MB above baseline  result');
	let worst = {ms: 0, mb: 0};
	for (const [name, bytes] of Object.entries(files)) {
		const path = join(folder, 'm.safetensors');
		writeFileSync(path, bytes);
		const size = statSync(path).size / 1e6;
		const out = execFileSync(process.execPath, ['--input-type=module', '-e', measure, path], {encoding: 'utf8'});
		const {ms, mb, result} = JSON.parse(out);
		worst = {ms: Math.max(worst.ms, ms), mb: Math.max(worst.mb, mb)};
		console.log(`${name.padEnd(32)} ${size.toFixed(2).padStart(7)} ${ms.toFixed(0).padStart(7)} ${mb.toFixed(1).padStart(18)}  ${result}`);
	}

	console.log(`worst: ${worst.ms.toFixed(0)} ms, ${worst.mb.toFixed(1)} MB above baseline (target <= 200 ms, <= 50 MB)`);
} finally {
	rmSync(folder, {recursive: true, force: true});
}
