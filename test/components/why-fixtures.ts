/** A hand-made [784,3,2] network (handWeights' first layer) and 28x28 examples it gets right and wrong, for the explained examples tab. */
import type {DatasetSplit} from '../../src/data/dataset.js';
import {defaultConfig, type TrainConfig} from '../../src/nn/config.js';
import type {Parameters} from '../../src/nn/network.js';
import {handWeights} from './fixtures.js';

export const whyConfig: TrainConfig = {...defaultConfig, layers: [784, 3, 2], activation: 'sigmoid', output: 'sigmoid'};

/**
 * handWeights' first layer; class 0's score 1 a0 + 3 a1 - 1 a2, class 1's 2 a2 - a0. On a blank image
 * a = (σ(1.5), σ(-0.75), σ(0.3333)) = (0.818, 0.321, 0.583): class 0's contributions 0.818, 0.963,
 * -0.583 (neuron 1 first, then 0, then 2), scores 1.198 against 0.348: class 0.
 */
export function whyParameters(): Parameters {
	const base = handWeights();
	return {...base, weights: [base.weights[0], Float32Array.of(1, 3, -1, -1, 0, 2)]};
}

/**
 * Two 28x28 images: 0 blank, labelled 0 (right); 1 with its first 4 pixels lit, labelled 1 (wrong: a =
 * (σ(2.5), σ(-2.75), σ(0.236)) = (0.924, 0.060, 0.559), scores 0.545 against 0.194, so the network says 0).
 */
export const whySplit: DatasetSplit = {count: 2, images: new Uint8Array(2 * 784).fill(255, 784, 788), labels: Uint8Array.of(0, 1)};
