// Does a second core pay for the seed workload ([784,30,10], batch 10) on the WebAssembly kernels?
// Measures, in one run:
//  1. the cost of one synchronisation between two threads (a round trip main -> worker -> main over a
//     SharedArrayBuffer): Atomics.wait/notify, spinning on Atomics.load, and spinning a while then waiting;
//  2. one epoch's training on one core, and the evaluation of validation and test one after the other
//     against both at once (the test split here, validation in a worker with its own kernels);
//  3. what the data-parallel halves of a mini-batch could save at most: the epoch's time over its
//     mini-batches, against two synchronisations per mini-batch at the measured cost;
//  4. (on the branch two-cores-halves) the two-thread kernels themselves against one thread;
//  5. whether this machine has two cores' worth of throughput: two one-thread trainings at once.
//   usage: npm run build && node bench/two-cores.mjs [round-trips=20000] [epochs=3] [turns=7]
import {Worker} from 'node:worker_threads';
import {median, mnistDir, project} from './common.mjs';

const roundTrips = Number(process.argv[2] ?? 20_000);
const epochs = Number(process.argv[3] ?? 3);
const spinLimit = 2000; // hybrid: spins before waiting

// ---- 1. ping-pong -------------------------------------------------------------------------------
// Word 0: the main thread's turn counter, word 1: the worker's. Each side bumps its own word and then
// waits until the other's reaches the same count.
const pingPongWorker = `
const {workerData} = require('node:worker_threads');
const words = new Int32Array(workerData.buffer);
const {mode, trips, spinLimit} = workerData;
for (let t = 1; t <= trips; t++) {
	if (mode === 'wait') {
		while (Atomics.load(words, 0) < t) Atomics.wait(words, 0, t - 1);
	} else {
		let spins = 0;
		while (Atomics.load(words, 0) < t) {
			if (mode === 'hybrid' && ++spins > spinLimit) Atomics.wait(words, 0, t - 1);
		}
	}
	Atomics.store(words, 1, t);
	if (mode !== 'spin') Atomics.notify(words, 1);
}
`;

async function pingPong(mode) {
	const buffer = new SharedArrayBuffer(8);
	const words = new Int32Array(buffer);
	const worker = new Worker(pingPongWorker, {eval: true, workerData: {buffer, mode, trips: roundTrips, spinLimit}});
	const exited = new Promise(resolve => {
		worker.once('exit', resolve);
	});
	await new Promise(resolve => {
		worker.once('online', resolve);
	});
	const started = performance.now();
	for (let t = 1; t <= roundTrips; t++) {
		Atomics.store(words, 0, t);
		if (mode !== 'spin') {
			Atomics.notify(words, 0);
		}

		let spins = 0;
		while (Atomics.load(words, 1) < t) {
			if (mode === 'wait' || (mode === 'hybrid' && ++spins > spinLimit)) {
				Atomics.wait(words, 1, t - 1);
			}
		}
	}

	const us = (performance.now() - started) * 1000 / roundTrips;
	await exited;
	return us;
}

const sync = {};
for (const mode of ['wait', 'spin', 'hybrid']) {
	const runs = [];
	for (let r = 0; r < 3; r++) {
		runs.push(await pingPong(mode));
	}

	sync[mode] = median(runs);
	console.log(`round trip main -> worker -> main, ${mode.padEnd(6)}: ${sync[mode].toFixed(2)} us (median of 3 x ${roundTrips}; runs ${runs.map(x => x.toFixed(2)).join(', ')})`);
}

// ---- 2. an epoch on one core, the evaluation one after the other and both at once --------------
const {loadMnist} = await project('data/mnist.js');
const {newConfig} = await project('nn/config.js');
const {initParameters} = await project('nn/network.js');
const {Random} = await project('nn/random.js');
const {WasmWorkspace} = await project('nn/wasm/wasm-workspace.js');
const {wasmTrainEpoch} = await project('nn/wasm/wasm-epoch.js');

const dir = mnistDir();
const dataset = loadMnist(dir);
const config = newConfig('nielsen-ch1');
const rng = Random.fromSeed(1);
const ws = WasmWorkspace.create(config, initParameters(config, rng));

// The evaluation worker: its own kernels and its own copy of the dataset; given the parameters, it
// predicts the validation split and answers with its predictions.
const evalWorker = `
const {parentPort, workerData} = require('node:worker_threads');
(async () => {
	const {loadMnist} = await import(workerData.dist + '/data/mnist.js');
	const {newConfig} = await import(workerData.dist + '/nn/config.js');
	const {WasmWorkspace} = await import(workerData.dist + '/nn/wasm/wasm-workspace.js');
	const dataset = loadMnist(workerData.dir);
	let ws;
	parentPort.on('message', parameters => {
		if (ws) ws.importParameters(parameters, null); else ws = WasmWorkspace.create(newConfig('nielsen-ch1'), parameters);
		parentPort.postMessage(ws.predict(dataset.validation));
	});
	parentPort.postMessage('ready');
})();
`;
const {repoRoot} = await import('./common.mjs');
const worker = new Worker(evalWorker, {eval: true, workerData: {dist: `${repoRoot}/dist`, dir}});
await new Promise(resolve => {
	worker.once('message', resolve);
});
const ask = parameters => new Promise(resolve => {
	worker.once('message', resolve);
	worker.postMessage(parameters);
});

const time = fn => {
	const t = performance.now();
	fn();
	return performance.now() - t;
};

const train = [];
const sequential = [];
const together = [];
ws.predict(dataset.test);
for (let e = 0; e < epochs; e++) {
	train.push(time(() => wasmTrainEpoch(ws, dataset.train, rng)));
	const parameters = ws.exportParameters();
	let one;
	let two;
	sequential.push(time(() => {
		one = ws.predict(dataset.validation);
		ws.predict(dataset.test);
	}));
	const t = performance.now();
	const pending = ask(parameters);
	ws.predict(dataset.test);
	two = await pending;
	together.push(performance.now() - t);
	if (one.some((p, i) => p !== two[i])) {
		console.log('the worker predicted validation differently');
	}

	console.log(`epoch ${e + 1}: training ${train.at(-1).toFixed(1)} ms; validation + test one after the other ${sequential.at(-1).toFixed(1)} ms, at once ${together.at(-1).toFixed(1)} ms`);
}

await worker.terminate();
const mt = median(train);
const ms = median(sequential);
const mtog = median(together);
console.log(`evaluation at once saves ${(ms - mtog).toFixed(1)} ms of an epoch's ${(mt + ms).toFixed(1)} ms: ${(100 * (ms - mtog) / (mt + ms)).toFixed(1)}%`);

// ---- 3. data-parallel halves: the bound ---------------------------------------------------------
const batches = dataset.train.count / config.batch;
const perBatch = mt * 1000 / batches;
for (const mode of ['wait', 'spin', 'hybrid']) {
	const best = (perBatch / 2) + (2 * sync[mode]);
	console.log(`halves of a mini-batch, ${mode.padEnd(6)}: ${perBatch.toFixed(1)} us a mini-batch on one core -> at best ${best.toFixed(1)} us on two (two round trips each): ${(100 * (1 - (best / perBatch))).toFixed(0)}% saved`);
}

// ---- 4. the two-thread kernels against one thread, epochs taken in turn ------------------------
// They are on the branch two-cores-halves (not on main: they do not pay here). Its WasmWorkspace with
// threads 2 splits each mini-batch with a worker thread over shared memory: the forward passes in
// halves of the samples, the sums and the step in halves of each layer's rows, two barriers a
// mini-batch; the same bits as one thread. Run there: git checkout two-cores-halves && npm run build.
const {existsSync} = await import('node:fs');
const twoThreads = existsSync(`${repoRoot}/dist/nn/wasm/kernels-shared.wasm`);
if (!twoThreads) {
	console.log('two-thread kernels: not in this build (they are on the branch two-cores-halves); section 4 skipped');
}

const turns = Number(process.argv[4] ?? 7);
for (const [preset, layers] of twoThreads ? [['nielsen-ch1', undefined], ['nielsen-ch3', [784, 30, 10]], ['nielsen-ch3', [784, 100, 10]]] : []) {
	const c = newConfig(preset, layers ? {layers} : {});
	const begin = initParameters(c, Random.fromSeed(1));
	const pair = [1, 2].map(threads => ({ws: WasmWorkspace.create(c, begin, null, {threads}), rng: Random.fromSeed(2), seconds: []}));
	for (let e = 0; e < turns; e++) {
		for (const side of pair) {
			side.seconds.push(time(() => wasmTrainEpoch(side.ws, dataset.train, side.rng)));
		}
	}

	const [a, b] = pair.map(side => side.ws.exportParameters());
	const same = a.weights.every((w, l) => w.every((x, i) => Object.is(x, b.weights[l][i]))) && a.biases.every((w, l) => w.every((x, i) => Object.is(x, b.biases[l][i])));
	pair[1].ws.dispose();
	const [one, two] = pair.map(side => median(side.seconds.slice(1)));
	console.log(`${preset} [${c.layers}], ms an epoch (median of ${turns - 1} after the first): one thread ${one.toFixed(0)}, two ${two.toFixed(0)}: ${(100 * (1 - (two / one))).toFixed(0)}% saved; same bits: ${same ? 'yes' : 'NO'}`);
	console.log(`  one: ${pair[0].seconds.map(x => x.toFixed(0)).join(' ')}; two: ${pair[1].seconds.map(x => x.toFixed(0)).join(' ')}`);
}

// ---- 5. are there two cores? Two one-thread trainings at once against one alone -----------------
const {spawnSync} = await import('node:child_process');
const solo = `
const dist = ${JSON.stringify(`${repoRoot}/dist`)};
const [{loadMnist}, {newConfig}, {initParameters}, {Random}, {WasmWorkspace}, {wasmTrainEpoch}] = await Promise.all(
	['/data/mnist.js', '/nn/config.js', '/nn/network.js', '/nn/random.js', '/nn/wasm/wasm-workspace.js', '/nn/wasm/wasm-epoch.js'].map(p => import(dist + p)));
const dataset = loadMnist(${JSON.stringify(dir)});
const c = newConfig('nielsen-ch1');
const rng = Random.fromSeed(2);
const ws = WasmWorkspace.create(c, initParameters(c, Random.fromSeed(1)));
const seconds = [];
for (let e = 0; e < 5; e++) { const t = performance.now(); wasmTrainEpoch(ws, dataset.train, rng); seconds.push(performance.now() - t); }
console.log(seconds.slice(1).sort((x, y) => x - y)[2].toFixed(0));
`;
const alone = spawnSync(process.execPath, ['--input-type=module', '-e', solo], {encoding: 'utf8'}).stdout.trim();
const {spawn} = await import('node:child_process');
const both = await Promise.all([0, 1].map(() => new Promise(resolve => {
	const child = spawn(process.execPath, ['--input-type=module', '-e', solo]);
	let out = '';
	child.stdout.on('data', chunk => {
		out += chunk;
	});
	child.on('close', () => {
		resolve(out.trim());
	});
})));
console.log(`the seed workload, one thread, ms an epoch: alone ${alone}, two trainings at once ${both.join(' and ')} (two cores of their own would keep them equal)`);
