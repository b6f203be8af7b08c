// How long one explanation takes (src/nn/explain.ts: a forward pass and two backward passes, the
// predicted and the true class, every hidden layer's activations and the contributions), for
// [784,30,10] and [784,100,100,10] trained one epoch (nielsen-ch3) on the embedded digits, over test
// images of the embedded dataset, against the targets (5 ms and 20 ms); and one class model
// (150 steps of gradient ascent) and all ten in slices for [784,30,10].
//   usage: npm run build && node bench/explain-speed.mjs [images=300]
import {loadavg} from 'node:os';
import {median, project} from './common.mjs';

const {loadDataset} = await project('data/load.js');
const {newConfig} = await project('nn/config.js');
const {initParameters} = await project('nn/network.js');
const {Random} = await project('nn/random.js');
const {trainEpoch} = await project('nn/train-epoch.js');
const {Workspace} = await project('nn/workspace.js');
const {Explainer, imageInput} = await project('nn/explain.js');
const {classModel, classModelsInSlices} = await project('nn/class-model.js');

const count = Number(process.argv[2] ?? 300);
const dataset = loadDataset({env: {}});
const {test, train} = dataset;
const size = dataset.rows * dataset.cols;
const images = Math.min(count, test.count);

function p95(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}

function trained(layers) {
	const config = newConfig('nielsen-ch3', {layers});
	const rng = Random.fromSeed(1);
	const ws = Workspace.create(config, initParameters(config, rng));
	trainEpoch(ws, train, rng);
	return {config, parameters: ws.exportParameters()};
}

console.log(`load average ${loadavg().map(v => v.toFixed(1)).join(' ')} (p95 and max count time the process waited for a core)`);
const targets = new Map([['784,30,10', 5], ['784,100,100,10', 20]]);
let small;
for (const layers of [[784, 30, 10], [784, 100, 100, 10]]) {
	const network = trained(layers);
	small ??= network;
	const explainer = new Explainer(network.config, network.parameters);
	const times = [];
	let right = 0;
	let cpu;
	for (let round = 0; round < 2; round++) { // the first round warms the JIT; the second is measured
		times.length = 0;
		right = 0;
		cpu = process.cpuUsage();
		for (let i = 0; i < images; i++) {
			const t = performance.now();
			const e = explainer.explain(imageInput(test.images, i, size), test.labels[i]);
			times.push(performance.now() - t);
			right += Number(e.predicted === test.labels[i]);
		}

		cpu = process.cpuUsage(cpu);
	}

	const cpuMean = (cpu.user + cpu.system) / 1000 / images;
	const target = targets.get(layers.join(','));
	const verdict = p95(times) <= target ? 'met' : 'MISSED';
	console.log(`[${layers}] explain with the true class, ${images} test images: median ${median(times).toFixed(3)} ms, p95 ${p95(times).toFixed(3)} ms, max ${Math.max(...times).toFixed(3)} ms, mean ${(times.reduce((a, b) => a + b, 0) / images).toFixed(3)} ms, mean CPU ${cpuMean.toFixed(3)} ms; target ${target} ms ${verdict} (p95 ${(target / p95(times)).toFixed(0)}x under); ${right} predicted right`);
}

const modelTimes = [];
for (let r = 0; r < 5; r++) {
	const t = performance.now();
	classModel(small.config, small.parameters, r % 10);
	modelTimes.push(performance.now() - t);
}

let longest = 0;
let last = performance.now();
const start = last;
const timer = setInterval(() => {
	const now = performance.now();
	longest = Math.max(longest, now - last);
	last = now;
}, 0);
await classModelsInSlices(small.config, small.parameters);
const all = performance.now() - start;
clearInterval(timer);
console.log(`[784,30,10] one class model (150 steps): median ${median(modelTimes).toFixed(1)} ms of 5; all 10 in slices of 10 ms: ${all.toFixed(0)} ms, longest wait for a timer ${longest.toFixed(1)} ms`);
