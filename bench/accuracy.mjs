// Test accuracy after 30 epochs on the full MNIST (Nielsen's split), for the two workloads of the
// targets: the chapter-1 network, and chapter 3's [784,100,10] with cross-entropy, scaled init and L2.
// Trained on the kernels asked for (default the WebAssembly ones; `both` runs each family in turn).
//   usage: npm run build && node bench/accuracy.mjs [epochs=30] [which=both|ch1|ch3] [kernels=wasm|js|both]
import {mnistDir, project} from './common.mjs';

const {loadMnist} = await project('data/mnist.js');
const {newConfig} = await project('nn/config.js');
const {createModel} = await project('model/model-dataset.js');
const {Trainer} = await project('training/trainer.js');

const epochs = Number(process.argv[2] ?? 30);
const which = process.argv[3] ?? 'both';
const families = (process.argv[4] ?? 'wasm') === 'both' ? ['js', 'wasm'] : [process.argv[4] ?? 'wasm'];
const dataset = loadMnist(mnistDir());
const workloads = {
	ch1: {config: newConfig('nielsen-ch1'), target: 0.948},
	ch3: {config: newConfig('nielsen-ch3', {layers: [784, 100, 10], eta: 0.1, lambda: 5}), target: 0.973},
};

for (const kernels of families) for (const [name, {config, target}] of Object.entries(workloads)) {
	if (which !== 'both' && which !== name) {
		continue;
	}

	const c = config;
	console.log(`${name}, ${kernels} kernels: [${c.layers}] ${c.activation}/${c.output}, ${c.cost}, ${c.init} init, batch ${c.batch}, eta ${c.eta}, lambda ${c.lambda}, seed ${c.seed}`);
	const model = createModel(config, dataset);
	const trainer = new Trainer(model, dataset, {kernels});
	for (let e = 0; e < epochs; e++) {
		const r = await trainer.runEpoch();
		console.log(`  epoch ${String(r.epoch).padStart(2)}  ${r.seconds.toFixed(2)} s  loss ${r.trainLoss.toFixed(5)}  validation ${(r.validationAccuracy * 100).toFixed(2)}%  test ${(r.testAccuracy * 100).toFixed(2)}%`);
	}

	const last = model.history.at(-1);
	const best = model.history.reduce((b, r) => (r.testAccuracy > b.testAccuracy ? r : b));
	console.log(`${name}, ${kernels} kernels: test accuracy after ${epochs} epochs ${(last.testAccuracy * 100).toFixed(2)}% (target >= ${(target * 100).toFixed(1)}%: ${last.testAccuracy >= target ? 'met' : 'NOT met'}); best ${(best.testAccuracy * 100).toFixed(2)}% at epoch ${best.epoch}`);
}
