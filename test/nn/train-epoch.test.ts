import {describe, expect, it} from 'vitest';
import {newConfig, type TrainConfig} from '../../src/nn/config.js';
import {accuracy, evaluate} from '../../src/nn/evaluate.js';
import {initParameters} from '../../src/nn/network.js';
import {Random} from '../../src/nn/random.js';
import {trainEpoch, trainEpochAsync} from '../../src/nn/train-epoch.js';
import {Workspace} from '../../src/nn/workspace.js';
import {barsSplit} from './helpers.js';

function setup(overrides: Partial<TrainConfig> = {}): {ws: Workspace; rng: Random; config: TrainConfig} {
	// The seed's chapter-1 settings (eta 3, no L2), which learn this tiny set fast.
	const config: TrainConfig = newConfig('nielsen-ch1', {layers: [36, 12, 6], ...overrides});
	const rng = Random.fromSeed(config.seed);
	return {ws: Workspace.create(config, initParameters(config, rng)), rng, config};
}

describe('training', () => {
	it('makes the loss fall and learns a tiny set', () => {
		const data = barsSplit(300, 6, 6, 1);
		const {ws, rng} = setup();
		const first = trainEpoch(ws, data, rng).trainLoss;
		let last = first;
		for (let e = 0; e < 30; e++) {
			last = trainEpoch(ws, data, rng).trainLoss;
		}

		expect(last).toBeLessThan(first / 5);
		expect(accuracy(ws, data)).toBe(1);
	});

	it.each([
		['cross-entropy with softmax and relu', {cost: 'cross-entropy', output: 'softmax', activation: 'relu', init: 'scaled', eta: 0.1}],
		['momentum and L2', {momentum: 0.5, lambda: 0.1, eta: 0.5}],
	] as const)('learns a tiny set with %s', (_, overrides) => {
		const data = barsSplit(300, 6, 6, 2);
		const {ws, rng} = setup(overrides);
		for (let e = 0; e < 30; e++) {
			trainEpoch(ws, data, rng);
		}

		expect(accuracy(ws, data)).toBeGreaterThan(0.95);
	});

	it('gives bit-identical weights for the same seed', () => {
		const data = barsSplit(60, 6, 6, 3);
		const runs = [1, 1, 2].map(seed => {
			const {ws, rng} = setup({seed});
			trainEpoch(ws, data, rng);
			trainEpoch(ws, data, rng);
			return ws.exportParameters();
		});
		expect(runs[0].weights[0]).toEqual(runs[1].weights[0]);
		expect(runs[0].biases[1]).toEqual(runs[1].biases[1]);
		expect(runs[0].weights[0]).not.toEqual(runs[2].weights[0]);
	});

	it('gives the same result in slices as in one go', async () => {
		const data = barsSplit(5000, 6, 6, 4);
		const a = setup();
		const b = setup();
		const progress: number[] = [];
		const statsA = trainEpoch(a.ws, data, a.rng);
		const statsB = await trainEpochAsync(b.ws, data, b.rng, {onProgress: done => progress.push(done)});
		expect(statsB.trainLoss).toBe(statsA.trainLoss);
		expect(b.ws.exportParameters().weights[0]).toEqual(a.ws.exportParameters().weights[0]);
		expect(progress.length).toBeGreaterThan(0);
		expect(progress.every((d, i) => d > 0 && d < 5000 && (i === 0 || d > progress[i - 1]))).toBe(true);
	});

	it('stops an epoch when the signal aborts', async () => {
		const data = barsSplit(20_000, 6, 6, 5);
		const {ws, rng} = setup();
		const controller = new AbortController();
		const run = trainEpochAsync(ws, data, rng, {signal: controller.signal, onProgress: () => controller.abort(new Error('stop here'))});
		await expect(run).rejects.toThrow('stop here');
	});

	it('reports a confusion matrix whose diagonal counts the correct answers', () => {
		const data = barsSplit(60, 6, 6, 6);
		const {ws, rng} = setup();
		trainEpoch(ws, data, rng);
		const result = evaluate(ws, data);
		const diagonal = result.confusion.reduce((s, row, i) => s + row[i], 0);
		const total = result.confusion.flat().reduce((s, v) => s + v, 0);
		expect(total).toBe(60);
		expect(diagonal).toBe(result.correct);
		expect(result.accuracy).toBeCloseTo(result.correct / 60, 12);
		expect(result.perClass).toHaveLength(6);
	});

	it('refuses a dataset whose images do not fit the input layer', () => {
		const data = barsSplit(10, 5, 5, 1);
		const {ws, rng} = setup();
		expect(() => trainEpoch(ws, data, rng)).toThrow(/36 inputs/);
	});
});
