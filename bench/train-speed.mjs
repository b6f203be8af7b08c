// Seconds per epoch of the seed workload ([784,30,10], sigmoid, quadratic, batch 10, eta 3, 50,000
// MNIST training images), for the engine and, in the same process, for a plain dense baseline: the
// same algorithm written the straightforward way (per-example loops over [out x in] Float32Array
// weights, every pixel multiplied, every weight updated), i.e. "naive TypeScript loops".
// Then, in the same run: the engine on its WebAssembly SIMD kernels, the numpy peer
// (../shared/peers/numpy_vectorized.py, float32, needs python3-numpy) and the ratios to it,
// [784,100,10] with chapter-3 settings on both kernel families, evaluation of the 10,000 test images,
// and the effective GFLOP/s beside the one-core SIMD bound.
//   usage: npm run build && node bench/train-speed.mjs [engine-epochs=5] [baseline-epochs=2] [peer-epochs=engine-epochs]
// The peer waits up to QUIET_MAX_WAIT seconds (here 10 unless set) for a quiet machine before each epoch.
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {median, mnistDir, project, repoRoot} from './common.mjs';

const {loadMnist} = await project('data/mnist.js');
const {newConfig} = await project('nn/config.js');
const {initParameters} = await project('nn/network.js');
const {Random} = await project('nn/random.js');
const {trainEpoch} = await project('nn/train-epoch.js');
const {Workspace} = await project('nn/workspace.js');
const {accuracy, predict} = await project('nn/evaluate.js');
const {WasmWorkspace} = await project('nn/wasm/wasm-workspace.js');
const {wasmAccuracy, wasmTrainEpoch} = await project('nn/wasm/wasm-epoch.js');

const engineEpochs = Number(process.argv[2] ?? 5);
const baselineEpochs = Number(process.argv[3] ?? 2);
const peerEpochs = Number(process.argv[4] ?? engineEpochs);
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

// Seconds of CPU that other processes used from `start` (a snapshot()) to now, as the peer's cpu_guard counts them.
function snapshot() {
	const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
	const own = process.cpuUsage();
	return {busy: (user + nice + system + irq + softirq + steal) / 100, own: (own.user + own.system) / 1e6};
}

function othersSince(start) {
	const now = snapshot();
	return Math.max(0, (now.busy - start.busy) - (now.own - start.own));
}

/** Epochs of `train` timed, each printed with the CPU others used meanwhile; returns the seconds. */
function timeEpochs(label, epochs, train) {
	const seconds = [];
	for (let e = 0; e < epochs; e++) {
		const start = snapshot();
		seconds.push(time(train));
		console.log(`${label} epoch ${e + 1}: ${seconds.at(-1).toFixed(3)} s (others used ${othersSince(start).toFixed(2)} s of CPU meanwhile)`);
	}

	return seconds;
}

const rngW = Random.fromSeed(1);
const wasm = WasmWorkspace.create(config, initParameters(config, rngW));
const wasmSeconds = timeEpochs('wasm    ', engineEpochs, () => wasmTrainEpoch(wasm, dataset.train, rngW));
console.log(`wasm     test accuracy after ${engineEpochs} epochs: ${(wasmAccuracy(wasm, dataset.test) * 100).toFixed(2)}%`);
const mw = median(wasmSeconds);

// The numpy peer, in this run, so the machine's load is shared between both.
const peerScript = resolve(repoRoot, '..', 'shared', 'peers', 'numpy_vectorized.py');
let peerMedian;
if (existsSync(peerScript)) {
	const peer = spawnSync('python3', [peerScript, String(peerEpochs), '1', 'float32'], {
		encoding: 'utf8', env: {...process.env, MNIST_DIR: mnistDir(), QUIET_MAX_WAIT: process.env.QUIET_MAX_WAIT ?? '10'},
	});
	const epochs = [...(peer.stdout ?? '').matchAll(/^epoch (\d+) train ([\d.]+)s.*$/gm)];
	for (const match of epochs) {
		console.log(`numpy    ${match[0]}`);
	}

	if (epochs.length > 0) {
		peerMedian = median(epochs.map(match => Number(match[2])));
	} else {
		console.log(`numpy peer did not run (python3 with numpy needed: apt-get install python3-numpy): ${(peer.stderr ?? String(peer.error)).trim().split('\n').at(-1)}`);
	}
} else {
	console.log(`numpy peer: ${peerScript} is missing`);
}

// [784,100,10] with chapter 3's settings (cross-entropy, scaled init, L2 5, eta 0.1).
const wide = newConfig('nielsen-ch3', {layers: [784, 100, 10]});
const rngWide = Random.fromSeed(1);
const wideStart = initParameters(wide, rngWide);
const wideWasm = WasmWorkspace.create(wide, wideStart);
const wideRng = Random.fromState(rngWide.getState());
const wideWasmSeconds = timeEpochs('wasm     [784,100,10] ch3', 3, () => wasmTrainEpoch(wideWasm, dataset.train, rngWide));
const wideJs = Workspace.create(wide, wideStart);
const wideJsSeconds = timeEpochs('engine   [784,100,10] ch3', 1, () => trainEpoch(wideJs, dataset.train, wideRng));

// Evaluation of the 10,000 test images with [784,30,10] (the first call also makes the split resident).
wasm.predict(dataset.test);
const evalWasm = median(Array.from({length: 7}, () => time(() => wasm.predict(dataset.test)) * 1000));
const evalJs = median(Array.from({length: 3}, () => time(() => predict(ws, dataset.test)) * 1000));

// Effective: the seed workload's dense arithmetic (5.05 GFLOP an epoch) over the time; zero pixels
// are skipped, so less is actually executed. The bound: one core's f32x4 SIMD at ~42 GFLOP/s
// (0.12 s an epoch for the dense work; ../shared/research/engine-speed.md).
const flopPerEpoch = 5.05;
const simdBound = flopPerEpoch / 0.12;
console.log('');
console.log(`seed workload, median s/epoch: js ${me.toFixed(3)}, wasm ${mw.toFixed(3)}, numpy ${peerMedian === undefined ? 'n/a' : peerMedian.toFixed(3)} (target wasm <= 0.20)`);
if (peerMedian !== undefined) {
	console.log(`ratio to numpy (<= 1.0 is faster): wasm/numpy ${(mw / peerMedian).toFixed(2)}, js/numpy ${(me / peerMedian).toFixed(2)}`);
}

console.log(`effective GFLOP/s (5.05 GFLOP an epoch): wasm ${(flopPerEpoch / mw).toFixed(1)}, js ${(flopPerEpoch / me).toFixed(1)}; one-core SIMD bound ${simdBound.toFixed(0)} (0.12 s/epoch)`);
console.log(`[784,100,10] ch3 s/epoch: wasm ${median(wideWasmSeconds).toFixed(3)}, js ${median(wideJsSeconds).toFixed(3)} (target <= 0.6)`);
console.log(`evaluation of ${dataset.test.count} images, [784,30,10], median ms: wasm ${evalWasm.toFixed(1)}, js ${evalJs.toFixed(1)} (target <= 30)`);
