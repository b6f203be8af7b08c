import {describe, expect, it} from 'vitest';
import type {Dataset} from '../../src/data/dataset.js';
import {decodeModel, encodeModel} from '../../src/model/model-file.js';
import {createModel} from '../../src/model/model-dataset.js';
import {defaultConfig, type TrainConfig} from '../../src/nn/config.js';
import type {KernelFamily} from '../../src/nn/engine.js';
import {Trainer} from '../../src/training/trainer.js';
import {parameterBits} from '../model/model-fixture.js';
import {barsSplit} from '../nn/helpers.js';

// 6x6 bars of 8 classes; tanh, softmax, momentum and L2, and a last mini-batch shorter than the others (150 = 21 x 7 + 3).
const data: Dataset = {
	name: 'mnist', source: 'memory', rows: 6, cols: 6, classNames: ['0', '1', '2', '3', '4', '5', '6', '7'],
	train: barsSplit(150, 6, 8, 1), validation: barsSplit(60, 6, 8, 2), test: barsSplit(60, 6, 8, 3),
};
const config: TrainConfig = {...defaultConfig, layers: [36, 12, 8], batch: 7, eta: 0.5, lambda: 0.5, momentum: 0.6, activation: 'tanh', output: 'softmax', cost: 'cross-entropy'};

async function train(trainer: Trainer, epochs: number): Promise<void> {
	for (let i = 0; i < epochs; i++) {
		// eslint-disable-next-line no-await-in-loop -- epochs run one after another
		await trainer.runEpoch();
	}
}

/** Every tensor and number a resumed run depends on, as bits. */
function state(trainer: Trainer) {
	const {model} = trainer;
	return {
		current: parameterBits(model.current),
		velocity: model.position.velocity === null ? null : parameterBits(model.position.velocity),
		rng: model.position.rng,
		accuracies: model.history.map(r => [r.trainLoss, r.validationAccuracy, r.testAccuracy]),
	};
}

describe.each<KernelFamily>(['js', 'wasm'])('the Trainer on the %s kernels', kernels => {
	it('says which kernels it trains with', () => {
		expect(new Trainer(createModel(config, data), data, {kernels}).kernels).toBe(kernels);
	});

	it('gives the same bits for the same model, and resumes from a saved file exactly: 2 + 2 epochs equal 4', async () => {
		const straight = new Trainer(createModel(config, data), data, {kernels});
		await train(straight, 4);
		const again = new Trainer(createModel(config, data), data, {kernels});
		await train(again, 4);
		expect(state(again)).toEqual(state(straight));

		const first = new Trainer(createModel(config, data), data, {kernels});
		await train(first, 2);
		const resumed = new Trainer(decodeModel(encodeModel(first.model), 'm.safetensors'), data, {kernels});
		await train(resumed, 2);
		expect(state(resumed)).toEqual(state(straight));
		// It learned: the bars are easy.
		expect(straight.model.history.at(-1)!.testAccuracy).toBeGreaterThan(0.9);
	});
});

describe('the two families of kernels', () => {
	it('train the same network from the same start to nearly the same weights, and the same answers', async () => {
		const js = new Trainer(createModel(config, data), data, {kernels: 'js'});
		const wasm = new Trainer(createModel(config, data), data, {kernels: 'wasm'});
		await train(js, 3);
		await train(wasm, 3);
		const a = js.model.current;
		const b = wasm.model.current;
		let largest = 0;
		let moved = 0;
		for (let l = 0; l < a.weights.length; l++) {
			for (let i = 0; i < a.weights[l].length; i++) {
				largest = Math.max(largest, Math.abs(a.weights[l][i] - b.weights[l][i]));
				moved = Math.max(moved, Math.abs(a.weights[l][i] - js.model.initial.weights[l][i]));
			}
		}

		// float32 sums in another order: apart in the last bits, not in what was learned.
		expect(largest).toBeGreaterThan(0);
		expect(largest).toBeLessThan(1e-3 * moved);
		expect(wasm.model.history.map(r => r.testAccuracy)).toEqual(js.model.history.map(r => r.testAccuracy));
	});
});
