// How far the two kernel families drift apart over a whole training run: the seed workload and
// chapter 3's [784,100,10] (the accuracy targets' workloads, bench/accuracy.mjs), each trained on the
// JavaScript Workspace and on the WebAssembly kernels from the same start with the same shuffles
// (Nielsen's split: 50,000 training images, the 10,000 test images). Prints each epoch's test accuracy
// of both, the largest parameter difference, the predictions they disagree on, seconds, and peak RSS.
//   usage: npm run build && node bench/kernel-drift.mjs [epochs=30] [which=both|ch1|ch3]
import {mnistDir, project} from './common.mjs';

const {loadMnist} = await project('data/mnist.js');
const {newConfig} = await project('nn/config.js');
const {initParameters} = await project('nn/network.js');
const {Random} = await project('nn/random.js');
const {trainEpoch} = await project('nn/train-epoch.js');
const {Workspace} = await project('nn/workspace.js');
const {predict} = await project('nn/evaluate.js');
const {WasmWorkspace} = await project('nn/wasm/wasm-workspace.js');
const {wasmTrainEpoch} = await project('nn/wasm/wasm-epoch.js');

const epochs = Number(process.argv[2] ?? 30);
const which = process.argv[3] ?? 'both';
const dataset = loadMnist(mnistDir());
const workloads = {
	ch1: {config: newConfig('nielsen-ch1'), target: 0.948},
	ch3: {config: newConfig('nielsen-ch3', {layers: [784, 100, 10], eta: 0.1, lambda: 5}), target: 0.973},
};

function maxDifference(a, b) {
	let max = 0;
	for (const [x, y] of [...a.weights.map((w, l) => [w, b.weights[l]]), ...a.biases.map((v, l) => [v, b.biases[l]])]) {
		for (let i = 0; i < x.length; i++) {
			max = Math.max(max, Math.abs(x[i] - y[i]));
		}
	}

	return max;
}

function correct(predictions) {
	return predictions.reduce((s, p, i) => s + (p === dataset.test.labels[i] ? 1 : 0), 0) / predictions.length;
}

for (const [name, {config, target}] of Object.entries(workloads)) {
	if (which !== 'both' && which !== name) {
		continue;
	}

	console.log(`${name}: [${config.layers}] ${config.activation}/${config.output}, ${config.cost}, eta ${config.eta}, lambda ${config.lambda}, seed ${config.seed}; target ${(target * 100).toFixed(1)}%`);
	const rngJs = Random.fromSeed(config.seed);
	const start = initParameters(config, rngJs);
	const rngWasm = Random.fromState(rngJs.getState());
	const js = Workspace.create(config, start);
	const wasm = WasmWorkspace.create(config, start);
	for (let e = 1; e <= epochs; e++) {
		let t = performance.now();
		trainEpoch(js, dataset.train, rngJs);
		const jsSeconds = (performance.now() - t) / 1000;
		t = performance.now();
		wasmTrainEpoch(wasm, dataset.train, rngWasm);
		const wasmSeconds = (performance.now() - t) / 1000;
		const pj = predict(js, dataset.test);
		const pw = wasm.predict(dataset.test);
		const disagree = pj.reduce((s, p, i) => s + (p === pw[i] ? 0 : 1), 0);
		console.log(`  epoch ${String(e).padStart(2)}  test js ${(correct(pj) * 100).toFixed(2)}%  wasm ${(correct(pw) * 100).toFixed(2)}%  `
			+ `max |param diff| ${maxDifference(js.exportParameters(), wasm.exportParameters()).toExponential(2)}  `
			+ `predictions differing ${disagree}  s: js ${jsSeconds.toFixed(2)} wasm ${wasmSeconds.toFixed(2)}`);
	}
}

console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (both families and the dataset in one process)`);
