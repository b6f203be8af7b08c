/** A small hand-built Model for model-file tests, and helpers to compare parameters bit for bit. */
import {expect} from 'vitest';
import type {Parameters} from '../../src/nn/network.js';
import type {Model} from '../../src/model/model.js';
import type {Tensor} from '../../src/model/safetensors.js';

const layers = [4, 3, 2];

/** Parameters for layers [4,3,2] whose values depend on `seed`; seed 0 holds -0 and a denormal. */
export function makeParameters(seed: number): Parameters {
	const weights: Float32Array[] = [];
	const biases: Float32Array[] = [];
	for (let l = 0; l + 1 < layers.length; l++) {
		const [inputs, outputs] = [layers[l], layers[l + 1]];
		weights.push(Float32Array.from({length: outputs * inputs}, (_, i) => Math.sin(seed * 97 + l * 13 + i) * 3));
		biases.push(Float32Array.from({length: outputs}, (_, i) => Math.cos(seed * 31 + l * 7 + i)));
	}

	if (seed === 0) {
		weights[0][0] = -0;
		weights[0][1] = 1.4e-45; // smallest float32 denormal
		weights[0][2] = -1.1754942e-38; // largest negative denormal
		biases[1][0] = 3.4028235e38; // largest float32
	}

	return {layers: [...layers], weights, biases};
}

/** Layers [4,3,2], momentum 0.9, two completed epochs, momentum buffers. */
export function buildModel(): Model {
	return {
		config: {
			layers: [...layers], activation: 'relu', output: 'softmax', cost: 'cross-entropy', init: 'scaled',
			batch: 5, eta: 0.1, lambda: 0.5, momentum: 0.9, seed: 42,
		},
		dataset: {
			name: 'fashion-mnist', classNames: ['zero', 'один'], rows: 2, cols: 2, trainCount: 10, validationCount: 3, testCount: 4,
		},
		current: makeParameters(0),
		initial: makeParameters(1),
		snapshots: [{epoch: 1, parameters: makeParameters(2)}, {epoch: 2, parameters: makeParameters(0)}],
		history: [
			{epoch: 1, seconds: 0.25, trainLoss: 1.5, validationAccuracy: 0.5, testAccuracy: 0.25},
			{epoch: 2, seconds: 0.125, trainLoss: 0.75, validationAccuracy: 2 / 3, testAccuracy: 1},
		],
		position: {epoch: 2, rng: [1, 0xFF_FF_FF_FF, 0, 123_456], velocity: makeParameters(3)},
	};
}

/** The bit patterns of every weight and bias, so -0 and denormals are compared exactly. */
export function parameterBits(parameters: Parameters): {layers: number[]; weights: number[][]; biases: number[][]} {
	const bits = (array: Float32Array): number[] => [...new Uint32Array(array.buffer, array.byteOffset, array.length)];
	return {layers: [...parameters.layers], weights: parameters.weights.map(bits), biases: parameters.biases.map(bits)};
}

/** Assert that `run` throws an error of `type` whose message is exactly `message`, on one line. */
export function expectError(run: () => unknown, type: abstract new (...args: never[]) => Error, message: string | RegExp): void {
	let thrown: unknown;
	try {
		run();
	} catch (error) {
		thrown = error;
	}

	expect(thrown).toBeInstanceOf(type);
	const text = (thrown as Error).message;
	expect(text).not.toContain('\n');
	if (typeof message === 'string') {
		expect(text).toBe(message);
	} else {
		expect(text).toMatch(message);
	}
}

/**
 * Turn the decoded tensors and metadata of a version-2 file into those of a version-1 file, as an
 * older nnviz-tui wrote it: the history tensor becomes JSON records in metadata "history".
 */
export function toVersion1(tensors: Map<string, Tensor>, metadata: Record<string, string>): void {
	const {data} = tensors.get('history')!;
	tensors.delete('history');
	const history = Array.from({length: data.length / 5}, (_, i) => ({
		epoch: data[i * 5], seconds: data[(i * 5) + 1], trainLoss: data[(i * 5) + 2], validationAccuracy: data[(i * 5) + 3], testAccuracy: data[(i * 5) + 4],
	}));
	metadata.version = '1';
	metadata.history = JSON.stringify(history);
}
