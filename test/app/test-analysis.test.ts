import {describe, expect, it} from 'vitest';
import {analyse, analyseInSlices, cellExamples, confusedWith, outgoingWeights, type TestAnalysis} from '../../src/app/test-analysis.js';
import type {DatasetSplit} from '../../src/data/dataset.js';
import {ShapeError} from '../../src/errors.js';
import {defaultConfig, type TrainConfig} from '../../src/nn/config.js';
import {evaluate} from '../../src/nn/evaluate.js';
import {cloneParameters, initParameters, type Parameters} from '../../src/nn/network.js';
import {Random} from '../../src/nn/random.js';
import {Workspace} from '../../src/nn/workspace.js';
import {syntheticSplit} from '../components/fixtures.js';
import {tinyConfig, tinyParameters, tinySplit} from './tiny-classifier.js';

const mnistLike: TrainConfig = {...defaultConfig, layers: [784, 12, 10]};

/**
 * A random [784,12,10] network (seeded) without output biases, so that its guesses on the synthetic
 * squares spread over the classes (hidden units switched on and off by where the square is).
 */
function randomNetwork(seed: number, config: TrainConfig = mnistLike): Parameters {
	const parameters = initParameters({...config, init: 'large'}, Random.fromSeed(seed));
	parameters.biases.at(-1)!.fill(0);
	return parameters;
}

/** The confusion matrix of src/nn/evaluate.ts flattened row by row. */
function evaluatedConfusion(parameters: Parameters, config: TrainConfig, split: DatasetSplit): number[] {
	return evaluate(Workspace.create(config, parameters), split).confusion.flat();
}

describe('analyse', () => {
	it('counts the confusion matrix, accuracy and recall exactly as evaluate does', () => {
		const split = syntheticSplit(300);
		for (const seed of [1, 2, 3]) {
			const parameters = randomNetwork(seed);
			const a = analyse(parameters, mnistLike, split);
			const evaluation = evaluate(Workspace.create(mnistLike, parameters), split);
			expect([...a.confusion]).toEqual(evaluation.confusion.flat());
			expect(10 - a.neverPredicted.length, 'classes predicted').toBeGreaterThan(2);
			expect(a.accuracy).toBe(evaluation.accuracy);
			expect([...a.recall]).toEqual(evaluation.perClass);
			expect(a.count).toBe(300);
			expect(a.classes).toBe(10);
		}
	});

	it('gives each example its prediction and the output for that prediction as its confidence', () => {
		const a = analyse(tinyParameters, tinyConfig, tinySplit);
		expect([...a.predictions]).toEqual([0, 1, 2, 1]);
		// Softmax of the logits [2,-2,-0.5], [-2,2,-0.5], [0,0,0.5], [-2,2,-0.5] at the winner.
		const top = Math.exp(2) / (Math.exp(2) + Math.exp(-2) + Math.exp(-0.5));
		const blank = Math.exp(0.5) / (2 + Math.exp(0.5));
		expect([...a.confidence].map(v => Number(v.toFixed(6)))).toEqual([top, top, blank, top].map(v => Number(v.toFixed(6))));
		expect([...a.confusion]).toEqual(evaluatedConfusion(tinyParameters, tinyConfig, tinySplit));
		expect(a.accuracy).toBe(0.75);
	});

	it('lists a class the network can never predict, with NaN precision, and keeps its recall at 0', () => {
		const parameters = cloneParameters(tinyParameters);
		parameters.biases[1][2] = -100; // class 'blank' loses to the others on every image
		const a = analyse(parameters, tinyConfig, tinySplit);
		expect(a.neverPredicted).toEqual([2]);
		expect(Number.isNaN(a.precision[2])).toBe(true);
		expect(a.recall[2]).toBe(0);
		expect([...a.confusion]).toEqual(evaluatedConfusion(parameters, tinyConfig, tinySplit));
	});

	it('gives NaN recall to a class without examples, and precision from the column', () => {
		// Examples 0 and 1 of the tiny split only: both labelled 'top', predicted top and bottom.
		const split: DatasetSplit = {count: 2, images: tinySplit.images.subarray(0, 8), labels: tinySplit.labels.subarray(0, 2)};
		const a = analyse(tinyParameters, tinyConfig, split);
		expect(a.recall[0]).toBe(0.5);
		expect(Number.isNaN(a.recall[1])).toBe(true);
		expect(Number.isNaN(a.recall[2])).toBe(true);
		expect(a.precision[0]).toBe(1);
		expect(a.precision[1]).toBe(0);
		expect(a.neverPredicted).toEqual([2]);
	});

	it('says nothing is predicted and 0 accuracy for an empty split', () => {
		const a = analyse(tinyParameters, tinyConfig, {count: 0, images: new Uint8Array(0), labels: new Uint8Array(0)});
		expect(a.accuracy).toBe(0);
		expect(a.neverPredicted).toEqual([0, 1, 2]);
		expect(a.topActivating).toEqual(Int32Array.from({length: 3 * 8}, () => -1));
	});

	it('refuses a split whose labels do not fit the output layer', () => {
		expect(() => analyse(tinyParameters, {...tinyConfig, layers: [4, 3, 2]}, tinySplit)).toThrow(ShapeError);
	});
});

/** 28x28 images with the top-left 8x8 square at brightness[i], and noise elsewhere that neuron 0 does not see. */
function squaresSplit(brightness: readonly number[]): DatasetSplit {
	const images = new Uint8Array(brightness.length * 784);
	const rng = Random.fromSeed(5);
	for (let i = 0; i < brightness.length; i++) {
		for (let p = 0; p < 784; p++) {
			const inSquare = Math.floor(p / 28) < 8 && p % 28 < 8;
			images[(i * 784) + p] = inSquare ? brightness[i] : (rng.nextInt(3) === 0 ? rng.nextInt(256) : 0);
		}
	}

	return {count: brightness.length, images, labels: new Uint8Array(brightness.length)};
}

/** [784,2,10], ReLU: neuron 0 sums the top-left 8x8 square (weight 0.01), neuron 1 is random. */
function squareDetector(): {config: TrainConfig; parameters: Parameters} {
	const config: TrainConfig = {...defaultConfig, layers: [784, 2, 10], activation: 'relu', output: 'softmax'};
	const parameters = initParameters(config, Random.fromSeed(9));
	const w = parameters.weights[0]; // 2 x 784
	for (let p = 0; p < 784; p++) {
		w[p] = Math.floor(p / 28) < 8 && p % 28 < 8 ? 0.01 : 0;
	}

	parameters.biases[0][0] = 0;
	return {config, parameters};
}

/** The `k` indices of the largest values, largest first, equal values in index order: a sort, unlike the code. */
function largest(values: readonly number[], k: number): number[] {
	return values.map((v, i) => ({v, i})).sort((x, y) => y.v - x.v || x.i - y.i).slice(0, k).map(({i}) => i);
}

describe('the test images that excite each first-layer neuron most', () => {
	it('are the images with the brightest square for a neuron that sums the square, ties in index order', () => {
		const brightness = [10, 200, 50, 200, 0, 255, 120, 120, 30, 90, 255, 5, 60, 200];
		const {config, parameters} = squareDetector();
		const a = analyse(parameters, config, squaresSplit(brightness));
		expect(a.topK).toBe(8);
		expect(a.neurons).toBe(2);
		expect([...a.topActivating.subarray(0, 8)]).toEqual(largest(brightness, 8)); // 5 10 1 3 13 6 7 9
		// 64 pixels at v/255, weight 0.01 each.
		expect(a.topActivation[0]).toBeCloseTo(64 * 0.01, 5);
		expect(a.topActivation[7]).toBeCloseTo(64 * 0.01 * 90 / 255, 5);
	});

	it('are ranked by the hidden activation the Workspace computes, for every neuron of a random network', () => {
		const split = syntheticSplit(120);
		const parameters = randomNetwork(4);
		const a = analyse(parameters, mnistLike, split);
		const ws = Workspace.create(mnistLike, parameters);
		const hidden = Array.from({length: split.count}, (_, i) => {
			ws.setInput(split.images, i);
			ws.forward();
			return [...ws.acts[1]];
		});
		for (let j = 0; j < 12; j++) {
			const column = hidden.map(h => h[j]);
			const expected = largest(column, 8);
			expect([...a.topActivating.subarray(j * 8, (j + 1) * 8)], `neuron ${j}`).toEqual(expected);
			expect([...a.topActivation.subarray(j * 8, (j + 1) * 8)]).toEqual(expected.map(i => Math.fround(column[i])));
		}
	});

	it('fill the places beyond a small split with -1 and NaN', () => {
		const {config, parameters} = squareDetector();
		const a = analyse(parameters, config, squaresSplit([40, 80, 20]));
		expect([...a.topActivating.subarray(0, 8)]).toEqual([1, 0, 2, -1, -1, -1, -1, -1]);
		expect(Number.isNaN(a.topActivation[3])).toBe(true);
	});

	it('are none for a network without a hidden layer', () => {
		const config: TrainConfig = {...defaultConfig, layers: [784, 10]};
		const a = analyse(initParameters(config, Random.fromSeed(1)), config, syntheticSplit(20));
		expect(a.neurons).toBe(0);
		expect(a.topActivating.length).toBe(0);
		expect(a.topActivation.length).toBe(0);
		expect(a.count).toBe(20);
	});
});

/** An analysis of 3 classes written out by hand: only the fields the look-ups read are meaningful. */
function handAnalysis(labels: number[], predictions: number[]): TestAnalysis {
	const classes = 3;
	const confusion = new Int32Array(classes * classes);
	labels.forEach((label, i) => {
		confusion[(label * classes) + predictions[i]]++;
	});
	return {
		count: labels.length, classes, labels: Uint8Array.from(labels), predictions: Uint8Array.from(predictions),
		confidence: new Float32Array(labels.length), confusion, recall: new Float64Array(3), precision: new Float64Array(3),
		neverPredicted: [], accuracy: 0, neurons: 0, topK: 8, topActivating: new Int32Array(0), topActivation: new Float32Array(0),
	};
}

describe('cellExamples and confusedWith', () => {
	// Class 0: 1 right, 4 taken for 2, 1 for 1. Class 1: 2 right, 1 taken for 0, 1 for 2. Class 2: 2 right.
	const labels = [0, 0, 1, 0, 2, 0, 1, 0, 1, 2, 0, 1];
	const predictions = [2, 0, 1, 2, 2, 1, 0, 2, 2, 2, 2, 1];
	const a = handAnalysis(labels, predictions);

	it('list the examples of one cell of the matrix in ascending order', () => {
		expect([...cellExamples(a, 0, 2)]).toEqual([0, 3, 7, 10]);
		expect([...cellExamples(a, 0, 0)]).toEqual([1]);
		expect([...cellExamples(a, 1, 1)]).toEqual([2, 11]);
		expect([...cellExamples(a, 2, 0)]).toEqual([]);
	});

	it('name the classes a class is taken for, most often first, without zero counts or the class itself', () => {
		expect(confusedWith(a, 0, 3)).toEqual([{cls: 2, count: 4}, {cls: 1, count: 1}]);
		expect(confusedWith(a, 0, 1)).toEqual([{cls: 2, count: 4}]);
		expect(confusedWith(a, 1, 3)).toEqual([{cls: 0, count: 1}, {cls: 2, count: 1}]); // a tie: lower class first
		expect(confusedWith(a, 2, 3)).toEqual([]);
	});
});

describe('outgoingWeights', () => {
	it('is column j of the second weight matrix: what neuron j adds to each class', () => {
		expect([...outgoingWeights(tinyParameters, 0)]).toEqual([1, -1, 0]);
		expect([...outgoingWeights(tinyParameters, 1)]).toEqual([-1, 1, 0]);
		expect([...outgoingWeights(tinyParameters, 2)]).toEqual([0, 0, -1]);
		const q: Parameters = {layers: [4, 3, 2], weights: [tinyParameters.weights[0], Float32Array.of(1, 2, 3, 4, 5, 6)], biases: [tinyParameters.biases[0], Float32Array.of(0, 0)]}; // 2 x 3
		expect([...outgoingWeights(q, 1)]).toEqual([2, 5]);
		expect([...outgoingWeights(q, 2)]).toEqual([3, 6]);
	});

	it('refuses a neuron out of range and a network without a hidden layer', () => {
		expect(() => outgoingWeights(tinyParameters, 3)).toThrow('neuron 3 is not one of the 3 of layer 1');
		const flat = initParameters({layers: [4, 3], init: 'scaled'}, Random.fromSeed(1));
		expect(() => outgoingWeights(flat, 0)).toThrow('[4,3] has no hidden layer');
	});
});

describe('analyseInSlices', () => {
	it('yields between slices, reports progress, and ends with what analyse computes in one go', async () => {
		const split = syntheticSplit(200);
		const parameters = randomNetwork(6);
		const progress: number[] = [];
		let turns = 0;
		const timer = setInterval(() => {
			turns++;
		}, 0);
		const a = await analyseInSlices(parameters, mnistLike, split, {
			sliceMs: 0, onProgress(done, total) {
				expect(total).toBe(200);
				progress.push(done);
			},
		});
		clearInterval(timer);
		expect(a).toEqual(analyse(parameters, mnistLike, split));
		expect(progress.length).toBeGreaterThan(10);
		expect(progress).toEqual([...progress].sort((x, y) => x - y));
		expect(turns).toBeGreaterThan(0);
	});

	it('resolves to undefined once aborted, before it starts or between slices', async () => {
		const split = syntheticSplit(200);
		const parameters = randomNetwork(7);
		const before = new AbortController();
		before.abort();
		expect(await analyseInSlices(parameters, mnistLike, split, {signal: before.signal})).toBeUndefined();
		const during = new AbortController();
		let slices = 0;
		const result = await analyseInSlices(parameters, mnistLike, split, {
			signal: during.signal, sliceMs: 0, onProgress(done) {
				slices++;
				if (done >= 50) {
					during.abort();
				}
			},
		});
		expect(result).toBeUndefined();
		expect(slices).toBeLessThan(200);
	});
});

describe('the analysis on the WebAssembly kernels', () => {
	const config: TrainConfig = {...defaultConfig, layers: [784, 24, 10], activation: 'tanh', output: 'softmax', momentum: 0.5};
	const split = syntheticSplit(300);
	const close = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
		let largest = 0;
		for (let i = 0; i < a.length; i++) {
			largest = Math.max(largest, Math.abs(a[i] - b[i]));
		}

		return largest;
	};

	it('finds what the JavaScript forward pass finds, to float32 rounding, for one network after another', async () => {
		for (const seed of [1, 2]) {
			const parameters = initParameters(config, Random.fromSeed(seed));
			const js = analyse(parameters, config, split);
			// The second network reuses the first one's workspace: it must not answer with the first one's weights.
			// eslint-disable-next-line no-await-in-loop -- one network after the other
			const wasm = (await analyseInSlices(parameters, config, split, {kernels: 'wasm'}))!;
			expect(wasm.predictions, `seed ${seed}`).toEqual(js.predictions);
			expect(wasm.confusion).toEqual(js.confusion);
			expect(close(wasm.confidence, js.confidence)).toBeLessThan(1e-5);
			expect(wasm.topActivating).toEqual(js.topActivating);
			expect(close(wasm.topActivation, js.topActivation)).toBeLessThan(1e-5);
		}

		expect(analyse(initParameters(config, Random.fromSeed(1)), config, split, 'wasm').predictions).not.toEqual(analyse(initParameters(config, Random.fromSeed(2)), config, split, 'wasm').predictions);
	});
});
