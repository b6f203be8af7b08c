/** A small hand-made network and test set for figure tests: 4x4 images, layers [16,3,2]. */
import type {DatasetSplit} from '../../src/data/dataset.js';
import type {FigureSource} from '../../src/figures/source.js';
import {defaultConfig, type TrainConfig} from '../../src/nn/config.js';
import type {Parameters} from '../../src/nn/network.js';

export const side = 4;
export const config: TrainConfig = {...defaultConfig, layers: [16, 3, 2], activation: 'sigmoid', output: 'softmax'};

/** Weights with one known largest value: neuron 1's weight of pixel (row 2, column 3) is +0.8; everything else within +-0.4. */
export function parameters(): Parameters {
	const w0 = Float32Array.from({length: 3 * 16}, (_, i) => Math.fround(0.4 * Math.sin(i * 1.7)));
	w0[(1 * 16) + (2 * side) + 3] = 0.8;
	w0[(2 * 16) + 0] = -0.8;
	const w1 = Float32Array.from([1.5, -1, 0.5, -1.5, 1, -0.5]);
	return {layers: [16, 3, 2], weights: [w0, w1], biases: [Float32Array.from([0.25, -0.5, 0]), Float32Array.from([0.1, -0.1])]};
}

/** Six test images: class 0 ink in the top half, class 1 in the bottom half. */
export function testSplit(): DatasetSplit {
	const count = 6;
	const images = new Uint8Array(count * 16);
	const labels = new Uint8Array(count);
	for (let i = 0; i < count; i++) {
		labels[i] = i % 2;
		for (let p = 0; p < 16; p++) {
			const top = p < 8;
			images[(i * 16) + p] = (top === (labels[i] === 0)) ? 200 + (i * 5) : 0;
		}
	}

	return {count, images, labels};
}

export function source(overrides: Partial<FigureSource> = {}): FigureSource {
	return {
		config, parameters: parameters(), epoch: 2, rows: side, cols: side, classNames: ['top', 'bottom'],
		history: [
			{epoch: 1, seconds: 1, trainLoss: 0.9, validationAccuracy: 0.6, testAccuracy: 0.55},
			{epoch: 2, seconds: 1, trainLoss: 0.5, validationAccuracy: 0.8, testAccuracy: 0.75},
		],
		test: testSplit(),
		...overrides,
	};
}
