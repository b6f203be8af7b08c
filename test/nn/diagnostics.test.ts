import {describe, expect, it} from 'vitest';
import type {DatasetSplit} from '../../src/data/dataset.js';
import {TrainingDivergedError} from '../../src/errors.js';
import {type Activation, defaultConfig} from '../../src/nn/config.js';
import {diagnose, divergenceWarning, hiddenHealth, lossRising, predictionCounts} from '../../src/nn/diagnostics.js';
import type {Parameters} from '../../src/nn/network.js';
import {Workspace} from '../../src/nn/workspace.js';

/** Four images of 4 pixels, each lighting one pixel. */
const split: DatasetSplit = {
	count: 4,
	images: Uint8Array.from([255, 0, 0, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 0, 0, 255]),
	labels: Uint8Array.from([0, 1, 0, 1]),
};

/** A [4,4,2] network whose hidden unit j has bias hiddenBias[j] and input weights inputWeight (all the same). */
function network(activation: Activation, hiddenBias: number[], inputWeight = 0): Workspace {
	const p: Parameters = {
		layers: [4, 4, 2],
		weights: [new Float32Array(16).fill(inputWeight), new Float32Array(8).fill(0.1)],
		biases: [Float32Array.from(hiddenBias), new Float32Array(2)],
	};
	return Workspace.create({...defaultConfig, layers: [4, 4, 2], activation}, p);
}

describe('hiddenHealth', () => {
	it('counts sigmoid units whose |pre-activation| passes 4 as saturated, either side', () => {
		expect(hiddenHealth(network('sigmoid', [10, -10, 4.5, 0]), split)).toEqual({kind: 'saturated', units: 4, unhealthy: 3, images: 4});
		expect(hiddenHealth(network('sigmoid', [3.9, -3.9, 0, 1]), split)).toMatchObject({unhealthy: 0});
	});

	it('counts a unit saturated only when it is on more than half of the images', () => {
		// Bias -3.5: |z| = 3.5 < 4 on every image, until pixels get a weight of -1 into unit 0.
		const ws = network('sigmoid', [-3.5, 0, 0, 0], 0);
		ws.wt[0][0] = -1; // pixel 0 -> unit 0: z = -4.5 on image 0 only
		expect(hiddenHealth(ws, split)).toMatchObject({unhealthy: 0});
		ws.wt[0][4] = -1; // pixel 1 -> unit 0 too: z = -4.5 on images 0 and 1, half: still not most
		expect(hiddenHealth(ws, split)).toMatchObject({unhealthy: 0});
		ws.wt[0][8] = -1; // and pixel 2: three of four images
		expect(hiddenHealth(ws, split)).toMatchObject({unhealthy: 1});
	});

	it('judges tanh units by the same limit', () => {
		expect(hiddenHealth(network('tanh', [5, -5, 3, 0]), split)).toEqual({kind: 'saturated', units: 4, unhealthy: 2, images: 4});
	});

	it('counts relu units that output 0 on every image as dead', () => {
		expect(hiddenHealth(network('relu', [-1, -1, -1, 0.5]), split)).toEqual({kind: 'dead', units: 4, unhealthy: 3, images: 4});
		// With input weight 2 every unit is alive on the lit pixel: -1 + 2*1 > 0.
		expect(hiddenHealth(network('relu', [-1, -1, -1, 0.5], 2), split)).toMatchObject({unhealthy: 0});
	});

	it('samples at most the given number of images, spread over the split', () => {
		expect(hiddenHealth(network('sigmoid', [0, 0, 0, 0]), split, 2)).toMatchObject({images: 2});
		expect(hiddenHealth(network('sigmoid', [0, 0, 0, 0]), {...split, count: 0})).toBeUndefined();
	});
});

describe('lossRising', () => {
	it('is true only after three rises in a row', () => {
		expect(lossRising([1, 2, 3, 4])).toBe(true);
		expect(lossRising([5, 1, 2, 3, 4])).toBe(true);
		expect(lossRising([2, 3, 4])).toBe(false);
		expect(lossRising([1, 2, 3, 3, 4])).toBe(false);
		expect(lossRising([4, 3, 2, 1])).toBe(false);
		expect(lossRising([1, 2, 1, 2, 3])).toBe(false);
	});
});

describe('diagnose', () => {
	const names = ['0', '1', '2'];

	it('says nothing about a healthy epoch', () => {
		expect(diagnose({predicted: [3, 3, 4], hidden: {kind: 'saturated', units: 30, unhealthy: 15, images: 200}}, [3, 2, 1], names)).toEqual([]);
	});

	it('names the classes the network never predicts', () => {
		const [one] = diagnose({predicted: [5, 5, 0]}, [], names);
		expect(one).toMatchObject({kind: 'never-predicted', message: 'never predicts class 2 on the 10 test images', brief: 'never predicts 2'});
		const [two] = diagnose({predicted: [10, 0, 0]}, [], ['T-shirt', 'Trouser', 'Bag']);
		expect(two).toMatchObject({message: 'never predicts classes Trouser, Bag on the 10 test images', brief: 'never predicts Trouser,Bag'});
	});

	it('warns when more than half of the hidden units are saturated or dead', () => {
		const saturated = diagnose({predicted: [1, 1, 1], hidden: {kind: 'saturated', units: 30, unhealthy: 16, images: 200}}, [], names);
		expect(saturated).toEqual([{
			kind: 'saturated',
			message: '16 of 30 hidden units are saturated (|input| > 4 on most of 200 test images): they learn slowly',
			brief: '16/30 units saturated',
		}]);
		const dead = diagnose({predicted: [1, 1, 1], hidden: {kind: 'dead', units: 10, unhealthy: 9, images: 50}}, [], names);
		expect(dead.map(w => w.brief)).toEqual(['9/10 units dead']);
	});

	it('warns when the loss rose three epochs in a row', () => {
		expect(diagnose(undefined, [0.5, 0.6, 0.7, 0.8], names).map(w => w.kind)).toEqual(['loss-rising']);
	});

	it('keeps every brief within the pane (26 characters) for up to 9,999 units and ten one-character classes', () => {
		const all = diagnose({predicted: [0, 0, 0, 0, 0, 0, 0, 0, 0, 9], hidden: {kind: 'saturated', units: 9999, unhealthy: 9998, images: 200}}, [1, 2, 3, 4], [...'0123456789']);
		expect(all.map(w => w.brief)).toEqual(['never predicts 9 classes', '9998/9999 units saturated', 'loss up 3 epochs running']);
		for (const w of all) {
			expect(w.brief.length).toBeLessThanOrEqual(26);
		}
	});
});

describe('predictionCounts', () => {
	it('counts the predictions of each class, zeros included', () => {
		expect(predictionCounts(Uint8Array.from([0, 2, 2, 0, 2]), 4)).toEqual([2, 0, 3, 0]);
	});
});

describe('divergenceWarning', () => {
	it('keeps the whole message of the epoch that diverged and names the epoch in a few words', () => {
		const message = new TrainingDivergedError(7, 'the loss became NaN', 3, 0).message;
		expect(divergenceWarning(7, message)).toEqual({kind: 'diverged', message, brief: 'diverged in epoch 7'});
		expect(divergenceWarning(12_345, message).brief.length).toBeLessThanOrEqual(26);
	});

	it('takes the epoch it is given, not one read from the message\'s words', () => {
		expect(divergenceWarning(3, 'the weights blew up').brief).toBe('diverged in epoch 3');
	});
});
