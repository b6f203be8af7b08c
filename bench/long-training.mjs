// Memory of long training in the UI's training path: the training worker's loop (WorkerLoop, as
// the UI runs it) trains [784,100,10] for 1,000 epochs on a tiny made-up dataset (100 training
// images, so epochs are fast), saving after every epoch as `--save` does, and prints the resident set
// size as it goes and at its peak. Target: peak RSS under 250 MB. Build first (`npm run build`).
// `node bench/long-training.mjs [epochs] [--no-save]`; under `node --expose-gc` it also prints the live heap.
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {project} from './common.mjs';

const epochs = Number(process.argv.slice(2).find(a => /^\d+$/.test(a)) ?? 1000);
const save = !process.argv.includes('--no-save');
const {WorkerLoop} = await project('training/worker-loop.js');
const {createModel} = await project('model/model-dataset.js');
const {Trainer} = await project('training/trainer.js');
const {defaultConfig} = await project('nn/config.js');

/** `count` 28x28 images of noise, a fifth of the pixels lit as in MNIST, with labels 0..9 in turn. */
function split(count, seed) {
	const images = new Uint8Array(count * 784);
	let state = seed;
	for (let i = 0; i < images.length; i++) {
		state = (state * 1_103_515_245 + 12_345) >>> 0;
		images[i] = (state >>> 24) < 51 ? state >>> 16 & 0xFF : 0;
	}

	return {count, images, labels: Uint8Array.from({length: count}, (_, i) => i % 10)};
}

const dataset = {
	name: 'mnist', source: 'made up', rows: 28, cols: 28, classNames: Array.from({length: 10}, (_, i) => String(i)),
	train: split(100, 1), validation: split(50, 2), test: split(50, 3),
};
const folder = mkdtempSync(join(tmpdir(), 'nnviz-long-'));
const savePath = save ? join(folder, 'long.safetensors') : undefined;
const mb = bytes => (bytes / 2 ** 20).toFixed(0);
try {
	const model = createModel({...defaultConfig, layers: [784, 100, 10]}, dataset);
	const trainer = new Trainer(model, dataset);
	const started = performance.now();
	console.log(`[784,100,10], ${epochs} epochs of 100 images, ${save ? 'saved after every epoch' : 'not saved'}`);
	console.log('epoch  rss MB  snapshots  file MB');
	await new Promise((resolve, reject) => {
		const loop = new WorkerLoop(trainer, {savePath, savePathExisted: false, epochs, publishMs: 250}, message => {
			if (message.type === 'epoch' && message.record.epoch % 100 === 0) {
				const file = savePath === undefined ? '-' : mb(statSync(savePath).size);
				globalThis.gc?.(); // with --expose-gc: the heap after a full collection, to tell growth from garbage
				const {heapUsed, arrayBuffers} = process.memoryUsage();
				const live = globalThis.gc === undefined ? '' : `  live heap ${mb(heapUsed)} MB, array buffers ${mb(arrayBuffers)} MB`;
				console.log(`${String(message.record.epoch).padStart(5)}  ${mb(process.memoryUsage.rss()).padStart(6)}  ${String(model.snapshots.length).padStart(9)}  ${file.padStart(7)}${live}`);
			} else if (message.type === 'failed' || message.type === 'saveFailed') {
				reject(new Error(message.message));
			} else if (message.type === 'done') {
				loop.handle({type: 'stop'});
			} else if (message.type === 'stopped') {
				resolve();
			}
		});
		void loop.run();
		loop.handle({type: 'start'});
	});
	const seconds = (performance.now() - started) / 1000;
	console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB over ${epochs} epochs in ${seconds.toFixed(0)} s (target: under 250 MB); ${model.snapshots.length} snapshots kept`);
} finally {
	rmSync(folder, {recursive: true, force: true});
}
