/**
 * A classifier small enough to compute by hand: layers [4,3,3], ReLU hidden, softmax out, images of
 * 2x2 pixels. Hidden neuron 0 sees the top row, neuron 1 the bottom row, neuron 2 every pixel at half
 * weight; class 0 = top minus bottom, class 1 = bottom minus top, class 2 = a bias of 0.5 minus
 * neuron 2. The logits are [2,-2,-0.5] for a lit top row, [-2,2,-0.5] for a lit bottom row and
 * [0,0,0.5] for a blank image.
 */
import type {DatasetSplit} from '../../src/data/dataset.js';
import {defaultConfig, type TrainConfig} from '../../src/nn/config.js';
import type {Parameters} from '../../src/nn/network.js';

export const tinyConfig: TrainConfig = {...defaultConfig, layers: [4, 3, 3], activation: 'relu', output: 'softmax', cost: 'cross-entropy'};

export const tinyParameters: Parameters = {
	layers: [4, 3, 3],
	weights: [
		Float32Array.of(1, 1, 0, 0, 0, 0, 1, 1, 0.5, 0.5, 0.5, 0.5), // 3 x 4
		Float32Array.of(1, -1, 0, -1, 1, 0, 0, 0, -1), // 3 x 3
	],
	biases: [Float32Array.of(0, 0, 0), Float32Array.of(0, 0, 0.5)],
};

export const tinyClassNames = ['top', 'bottom', 'blank'] as const;

/**
 * 0: top row lit, label top (classified right); 1: bottom row lit, label top (wrong: it looks like
 * bottom); 2: blank, label blank (right); 3: bottom row lit, label bottom (right).
 */
export const tinySplit: DatasetSplit = {
	count: 4,
	images: Uint8Array.of(255, 255, 0, 0, 0, 0, 255, 255, 0, 0, 0, 0, 0, 0, 255, 255),
	labels: Uint8Array.of(0, 0, 2, 1),
};

export function softmax(z: readonly number[]): number[] {
	const e = z.map(v => Math.exp(v));
	const sum = e.reduce((a, b) => a + b, 0);
	return e.map(v => v / sum);
}
