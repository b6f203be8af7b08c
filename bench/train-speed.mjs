// Seconds per epoch of the seed workload ([784,30,10], sigmoid, quadratic, batch 10, eta 3, 50,000
// MNIST training images), for the engine and, in the same process, for a plain dense baseline: the
// same algorithm written the straightforward way (per-example loops over [out x in] Float32Array
// weights, every pixel multiplied, every weight updated), i.e. "naive TypeScript loops".
//   usage: npm run build && node bench/train-speed.mjs [engine-epochs=5] [baseline-epochs=2]
import {median, mnistDir, project} from './common.mjs';

const {loadMnist} = await project('data/mnist.js');
const {newConfig} = await project('nn/config.js');
const {initParameters} = await project('nn/network.js');
const {Random} = await project('nn/random.js');
const {trainEpoch} = await project('nn/train-epoch.js');
const {Workspace} = await project('nn/workspace.js');
const {accuracy} = await project('nn/evaluate.js');

const engineEpochs = Number(process.argv[2] ?? 5);
const baselineEpochs = Number(process.argv[3] ?? 2);
const dataset = loadMnist(mnistDir());
// The seed's network exactly (the default preset is now nielsen-ch3, with another cost and start).
const config = newConfig('nielsen-ch1');

function baselineEpoch(p, split, rng) {
	const [n0, n1, n2] = config.layers;
	const [w0, w1] = p.weights;
	const [b0, b1] = p.biases;
	const gw0 = new Float32Array(w0.length);
	const gw1 = new Float32Array(w1.length);
	const gb0 = new Float32Array(n1);
	const gb1 = new Float32Array(n2);
	const x = new Float32Array(n0);
	const a1 = new Float32Array(n1);
	const a2 = new Float32Array(n2);
	const d1 = new Float32Array(n1);
	const d2 = new Float32Array(n2);
	const order = Uint32Array.from({length: split.count}, (_, i) => i);
	rng.shuffle(order);
	const m = config.batch;
	for (let start = 0; start < split.count; start += m) {
		const end = Math.min(start + m, split.count);
		for (let k = start; k < end; k++) {
			const s = order[k];
			for (let i = 0; i < n0; i++) {
				x[i] = split.images[(s * n0) + i] / 255;
			}

			for (let j = 0; j < n1; j++) {
				let z = b0[j];
				for (let i = 0; i < n0; i++) {
					z += w0[(j * n0) + i] * x[i];
				}

				a1[j] = 1 / (1 + Math.exp(-z));
			}

			for (let j = 0; j < n2; j++) {
				let z = b1[j];
				for (let i = 0; i < n1; i++) {
					z += w1[(j * n1) + i] * a1[i];
				}

				a2[j] = 1 / (1 + Math.exp(-z));
				d2[j] = (a2[j] - (j === split.labels[s] ? 1 : 0)) * a2[j] * (1 - a2[j]);
				gb1[j] += d2[j];
				for (let i = 0; i < n1; i++) {
					gw1[(j * n1) + i] += d2[j] * a1[i];
				}
			}

			for (let i = 0; i < n1; i++) {
				let back = 0;
				for (let j = 0; j < n2; j++) {
					back += w1[(j * n1) + i] * d2[j];
				}

				d1[i] = back * a1[i] * (1 - a1[i]);
				gb0[i] += d1[i];
				for (let q = 0; q < n0; q++) {
					gw0[(i * n0) + q] += d1[i] * x[q];
				}
			}
		}

		const lr = config.eta / (end - start);
		for (const [w, g] of [[w0, gw0], [w1, gw1], [b0, gb0], [b1, gb1]]) {
			for (let i = 0; i < w.length; i++) {
				w[i] -= lr * g[i];
				g[i] = 0;
			}
		}
	}
}

function time(fn) {
	const t = performance.now();
	fn();
	return (performance.now() - t) / 1000;
}

console.log(`workload: [${config.layers}] ${config.activation}, ${config.cost}, batch ${config.batch}, eta ${config.eta}, ${dataset.train.count} training images, node ${process.version}`);
const rngE = Random.fromSeed(1);
const ws = Workspace.create(config, initParameters(config, rngE));
const engine = [];
for (let e = 0; e < engineEpochs; e++) {
	engine.push(time(() => trainEpoch(ws, dataset.train, rngE)));
	console.log(`engine   epoch ${e + 1}: ${engine.at(-1).toFixed(3)} s`);
}

console.log(`engine   test accuracy after ${engineEpochs} epochs: ${(accuracy(ws, dataset.test) * 100).toFixed(2)}%`);
const rngB = Random.fromSeed(1);
const p = initParameters(config, rngB);
const baseline = [];
for (let e = 0; e < baselineEpochs; e++) {
	baseline.push(time(() => baselineEpoch(p, dataset.train, rngB)));
	console.log(`baseline epoch ${e + 1}: ${baseline.at(-1).toFixed(3)} s`);
}

const baselineAccuracy = accuracy(Workspace.create(config, p), dataset.test);
console.log(`baseline test accuracy after ${baselineEpochs} epochs: ${(baselineAccuracy * 100).toFixed(2)}%`);
const me = median(engine);
const mb = median(baseline);
console.log(`median s/epoch: engine ${me.toFixed(3)}, plain dense baseline ${mb.toFixed(3)}; engine is ${(mb / me).toFixed(2)}x faster (target <= 1.0 s/epoch)`);
