import {describe, expect, it} from 'vitest';
import type {DatasetSplit} from '../../../src/data/dataset.js';
import {ShapeError} from '../../../src/errors.js';
import {activations, newConfig, type TrainConfig} from '../../../src/nn/config.js';
import {predict} from '../../../src/nn/evaluate.js';
import {initParameters, type Parameters} from '../../../src/nn/network.js';
import {Random} from '../../../src/nn/random.js';
import {trainEpoch} from '../../../src/nn/train-epoch.js';
import {wasmAccuracy, wasmTrainEpoch} from '../../../src/nn/wasm/wasm-epoch.js';
import {WasmWorkspace} from '../../../src/nn/wasm/wasm-workspace.js';
import {Workspace} from '../../../src/nn/workspace.js';
import {barsSplit} from '../helpers.js';

// Both families start from the same parameters and draw the same shuffle from generators in the same
// state. They round differently: the JavaScript Workspace multiplies and sums in float64 and rounds
// each stored value to float32; the kernels multiply and sum in float32 (the output layer's cost and
// delta in float64). A sum of k float32 terms is off by at most about k/2 ulps, and an ulp of a value
// in [1, 2) is 1.2e-7: the 36 inputs here (about 15 non-zero) put one step's difference near 1e-6 of a
// weight at most, and a few steps of training that is not chaotic add up to a few times that.
// 1e-5 relative (1e-5 absolute below 1) is that bound with room, and 50 times smaller than the
// smallest change training makes to some parameter here (checked, so a wrong kernel cannot pass).
const tolerance = 1e-5;

function start(config: TrainConfig): {parameters: Parameters; rng: Random} {
	const rng = Random.fromSeed(config.seed);
	return {parameters: initParameters(config, rng), rng};
}

function maxDifference(a: Parameters, b: Parameters): number {
	let max = 0;
	for (let l = 0; l < a.weights.length; l++) {
		for (const [x, y] of [[a.weights[l], b.weights[l]], [a.biases[l], b.biases[l]]]) {
			for (let i = 0; i < x.length; i++) {
				max = Math.max(max, Math.abs(x[i] - y[i]) / Math.max(1, Math.abs(x[i])));
			}
		}
	}

	return max;
}

function bitsOf(p: Parameters | null): number[][] {
	return p ? [...p.weights, ...p.biases].map(array => [...new Uint32Array(array.buffer, array.byteOffset, array.length)]) : [];
}

/** Train one epoch of `data` on both families from the same start; the parameters before and after. */
function bothFamilies(config: TrainConfig, data: DatasetSplit): {before: Parameters; js: Parameters; wasm: Parameters; losses: [number, number]} {
	const a = start(config);
	const b = start(config);
	const js = Workspace.create(config, a.parameters);
	const wasm = WasmWorkspace.create(config, b.parameters);
	const losses: [number, number] = [trainEpoch(js, data, a.rng).trainLoss, wasmTrainEpoch(wasm, data, b.rng).trainLoss];
	return {before: a.parameters, js: js.exportParameters(), wasm: wasm.exportParameters(), losses};
}

const outputsAndCosts = [
	{output: 'sigmoid', cost: 'quadratic'}, {output: 'sigmoid', cost: 'cross-entropy'},
	{output: 'softmax', cost: 'cross-entropy'}, {output: 'softmax', cost: 'quadratic'},
] as const;
// Depth 1, 2 and 3; 20 hidden units take the kernels' 16-column path and its 4-column remainder.
const shapes = [[36, 6], [36, 20, 6], [36, 20, 7, 6]];
const cases = activations.flatMap(activation => outputsAndCosts.flatMap(({output, cost}) => shapes.flatMap(layers =>
	[0, 2].flatMap(lambda => [0, 0.6].map(momentum => {
		const name = `${activation}, ${output} output, ${cost}, L2 ${lambda}, momentum ${momentum}, [${layers.join(',')}]`;
		const config = newConfig('nielsen-ch1', {layers, activation, output, cost, lambda, momentum, init: 'scaled', eta: 0.5, batch: 10});
		return [name, config] as const;
	})))));

describe('the WebAssembly kernels against the JavaScript Workspace', () => {
	const data = barsSplit(60, 6, 6, 7); // six mini-batches

	it.each(cases)('train to the same parameters within float32 rounding: %s', (_, config) => {
		const {before, js, wasm, losses} = bothFamilies(config, data);
		expect(maxDifference(js, wasm)).toBeLessThanOrEqual(tolerance);
		expect(maxDifference(before, js)).toBeGreaterThan(50 * tolerance);
		expect(Math.abs(losses[0] - losses[1])).toBeLessThanOrEqual(tolerance * Math.max(1, losses[0]));
	});

	it('agree over an epoch longer than one call of the kernels, with a short last mini-batch', () => {
		// batch 8: 2000 samples a call, so 2,100 samples take two calls and end with a mini-batch of 4.
		const config = newConfig('nielsen-ch1', {layers: [36, 20, 6], batch: 8});
		const data = barsSplit(2100, 6, 6, 8);
		const {before, js, wasm} = bothFamilies(config, data);
		expect(maxDifference(before, js)).toBeGreaterThan(0.01);
		expect(maxDifference(js, wasm)).toBeLessThanOrEqual(tolerance * 10);
	});

	it('classify as the JavaScript engine does and give the same outputs within float32 rounding', () => {
		const config = newConfig('nielsen-ch3', {layers: [36, 20, 6], eta: 0.5});
		const data = barsSplit(600, 6, 6, 9);
		const {parameters, rng} = start(config);
		const wasm = WasmWorkspace.create(config, parameters);
		wasmTrainEpoch(wasm, data, rng);
		const trained = wasm.exportParameters();
		const js = Workspace.create(config, trained);
		const test = barsSplit(300, 6, 6, 10);
		expect(wasm.predict(test)).toEqual(predict(js, test));
		expect(wasmAccuracy(wasm, test)).toBeGreaterThan(0.9);
		for (const index of [0, 17, 299]) {
			js.setInput(test.images, index);
			const expected = js.forward();
			const actual = wasm.outputsFor(test, index);
			for (let i = 0; i < 6; i++) {
				expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(1e-6);
			}
		}
	});
});

describe('the WebAssembly kernels on their own', () => {
	const config = newConfig('nielsen-ch3', {layers: [36, 20, 7, 6], momentum: 0.5, seed: 3});
	const data = barsSplit(120, 6, 6, 11);

	function trainedBits(seed: number, epochs: number): number[][] {
		const {parameters, rng} = start({...config, seed});
		const ws = WasmWorkspace.create(config, parameters);
		for (let e = 0; e < epochs; e++) {
			wasmTrainEpoch(ws, data, rng);
		}

		return [...bitsOf(ws.exportParameters()), ...bitsOf(ws.exportVelocity())];
	}

	it('give the same bits for the same seed, and other bits for another seed', () => {
		expect(trainedBits(3, 2)).toEqual(trainedBits(3, 2));
		expect(trainedBits(3, 2)).not.toEqual(trainedBits(4, 2));
	});

	it('resume exactly: 2 epochs, then 2 more in a new workspace from the exported state, equal 4 epochs', () => {
		const {parameters, rng} = start(config);
		const first = WasmWorkspace.create(config, parameters);
		wasmTrainEpoch(first, data, rng);
		wasmTrainEpoch(first, data, rng);
		const resumedRng = Random.fromState(rng.getState());
		const second = WasmWorkspace.create(config, first.exportParameters(), first.exportVelocity());
		wasmTrainEpoch(second, data, resumedRng);
		wasmTrainEpoch(second, data, resumedRng);
		const resumed = [...bitsOf(second.exportParameters()), ...bitsOf(second.exportVelocity())];
		expect(resumed).toEqual(trainedBits(config.seed, 4));
	});

	it('export the parameters and momentum buffers they were given', () => {
		const {parameters} = start(config);
		const velocity = initParameters(config, Random.fromSeed(99));
		const ws = WasmWorkspace.create(config, parameters, velocity);
		expect(bitsOf(ws.exportParameters())).toEqual(bitsOf(parameters));
		expect(bitsOf(ws.exportVelocity())).toEqual(bitsOf(velocity));
		expect(WasmWorkspace.create({...config, momentum: 0}, parameters).exportVelocity()).toBeNull();
	});

	it('refuse parameters of another shape and a slice larger than one call takes', () => {
		const {parameters} = start(config);
		expect(() => WasmWorkspace.create({...config, layers: [36, 20, 6]}, parameters)).toThrow(ShapeError);
		const ws = WasmWorkspace.create(config, parameters);
		const order = Uint32Array.from({length: ws.capacity + 1}, (_, i) => i % data.count);
		expect(() => ws.trainSlice(data, order, 0, ws.capacity + 1, data.count)).toThrow(/a slice of 2001 samples, expected 0\.\.2000/);
	});
});
