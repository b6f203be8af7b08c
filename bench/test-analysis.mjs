// The test-set analysis behind the confusion tab and the detail panels (src/app/test-analysis.ts) on
// the full MNIST's 10,000 test images: analyseInSlices from start to end (slices of 10 ms that yield),
// the longest slice, the same work in one go (wall and CPU time: on a busy machine the CPU time is the
// steadier figure), and predict() through a Workspace for comparison; then the same analysis on the
// WebAssembly kernels (the UI's, where they load), in one go.
//   usage: npm run build && node bench/test-analysis.mjs [runs=5]
import {mnistDir, median, project} from './common.mjs';

const {loadMnist} = await project('data/mnist.js');
const {newConfig} = await project('nn/config.js');
const {initParameters} = await project('nn/network.js');
const {Random} = await project('nn/random.js');
const {predict} = await project('nn/evaluate.js');
const {Workspace} = await project('nn/workspace.js');
const {analyse, analyseInSlices} = await project('app/test-analysis.js');

const runs = Number(process.argv[2] ?? 5);
const {test} = loadMnist(mnistDir());

async function sliced(parameters, config) {
	let longest = 0;
	let last = performance.now();
	const start = last;
	const timer = setInterval(() => {}, 1); // keeps a macrotask queue as the UI's would be
	const analysis = await analyseInSlices(parameters, config, test, {
		onProgress() {
			const now = performance.now();
			longest = Math.max(longest, now - last);
			last = now;
		},
	});
	const end = performance.now();
	clearInterval(timer);
	longest = Math.max(longest, end - last);
	return {ms: end - start, longest, analysis};
}

for (const layers of [[784, 30, 10], [784, 100, 10]]) {
	const config = newConfig('nielsen-ch3', {layers});
	const parameters = initParameters(config, Random.fromSeed(1));
	const slicedRuns = [];
	const oneGo = [];
	const oneGoCpu = [];
	const workspace = [];
	let longest = 0;
	for (let r = 0; r < runs; r++) {
		const s = await sliced(parameters, config);
		slicedRuns.push(s.ms);
		longest = Math.max(longest, s.longest);
		const cpu = process.cpuUsage();
		let t = performance.now();
		analyse(parameters, config, test);
		oneGo.push(performance.now() - t);
		const used = process.cpuUsage(cpu);
		oneGoCpu.push((used.user + used.system) / 1000);
		t = performance.now();
		predict(Workspace.create(config, parameters), test);
		workspace.push(performance.now() - t);
	}

	const wasm = [];
	for (let r = 0; r < runs; r++) {
		const t = performance.now();
		analyse(parameters, config, test, 'wasm');
		wasm.push(performance.now() - t);
	}

	console.log(`[${layers}] on the WebAssembly kernels: analyse in one go ${median(wasm).toFixed(1)} ms, ${(median(oneGo) / median(wasm)).toFixed(1)}x faster than on the JavaScript ones`);
	console.log(`[${layers}] on ${test.count} test images: analyseInSlices ${median(slicedRuns).toFixed(1)} ms (longest slice ${longest.toFixed(1)} ms), analyse in one go ${median(oneGo).toFixed(1)} ms (CPU ${median(oneGoCpu).toFixed(1)} ms), predict via a Workspace ${median(workspace).toFixed(1)} ms (medians of ${runs})`);
}
