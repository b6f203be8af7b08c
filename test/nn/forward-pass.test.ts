import {describe, expect, it} from 'vitest';
import {ShapeError} from '../../src/errors.js';
import {activations, defaultConfig, outputFunctions, type TrainConfig} from '../../src/nn/config.js';
import {ForwardPass} from '../../src/nn/forward-pass.js';
import {checkSplitFits} from '../../src/nn/train-epoch.js';
import {initParameters} from '../../src/nn/network.js';
import {Random} from '../../src/nn/random.js';
import {Workspace} from '../../src/nn/workspace.js';
import {barsSplit} from './helpers.js';

// Layer sizes around the four-neuron blocks of the first layer: a multiple of four, one over, three
// over, fewer than four, a second hidden layer, and no hidden layer at all.
const shapes = [[36, 8, 5], [36, 9, 4], [36, 7, 6, 3], [36, 3, 12], [36, 10]];

describe('ForwardPass', () => {
	for (const layers of shapes) {
		for (const activation of activations) {
			for (const output of outputFunctions) {
				it(`gives the Workspace's activations and outputs to the bit for [${layers.join(',')}], ${activation} hidden, ${output} out`, () => {
					const config: TrainConfig = {...defaultConfig, layers, activation, output, init: 'large'};
					const parameters = initParameters(config, Random.fromSeed(layers.length + layers[1]));
					const split = barsSplit(30, 6, layers.at(-1)!, 7);
					const pass = new ForwardPass(config, parameters);
					const ws = Workspace.create(config, parameters);
					for (let i = 0; i < split.count; i++) {
						pass.run(split.images, i);
						ws.setInput(split.images, i);
						ws.forward();
						for (let l = 1; l < layers.length; l++) {
							expect(pass.acts[l], `image ${i}, layer ${l}`).toEqual(ws.acts[l]);
						}
					}
				});
			}
		}
	}

	it('leaves zero inputs to the hidden layers out of the sums, as the Workspace does (an infinite weight behind a zero ReLU stays out)', () => {
		const config: TrainConfig = {...defaultConfig, layers: [36, 4, 2], activation: 'relu', output: 'softmax'};
		const parameters = initParameters(config, Random.fromSeed(3));
		parameters.biases[0].fill(-1000); // every hidden unit off
		parameters.weights[1][0] = Number.POSITIVE_INFINITY;
		const split = barsSplit(2, 6, 2, 1);
		const out = new ForwardPass(config, parameters).run(split.images, 0);
		expect([...out].every(v => Number.isFinite(v))).toBe(true);
	});

	it('refuses parameters of another shape than the config says', () => {
		const config: TrainConfig = {...defaultConfig, layers: [36, 4, 2]};
		const parameters = initParameters({...config, layers: [36, 5, 2]}, Random.fromSeed(1));
		expect(() => new ForwardPass(config, parameters)).toThrow(ShapeError);
	});
});

describe('checkSplitFits', () => {
	it('refuses images of the wrong size, a missing label and a label beyond the outputs, naming what is wrong', () => {
		const split = barsSplit(3, 6, 3, 1);
		expect(() => {
			checkSplitFits([36, 3], split, 'test set');
		}).not.toThrow();
		expect(() => {
			checkSplitFits([35, 3], split, 'test set');
		}).toThrow('test set: 3 images need 105 bytes for 35 inputs each, got 108');
		expect(() => {
			checkSplitFits([36, 3], {...split, labels: split.labels.subarray(0, 2)}, 'test set');
		}).toThrow('test set: 3 images but 2 labels');
		expect(() => {
			checkSplitFits([36, 2], split, 'test set');
		}).toThrow('test set: label 2 of sample 2 does not fit 2 outputs');
	});
});
