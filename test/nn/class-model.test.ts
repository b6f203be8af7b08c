import {describe, expect, it} from 'vitest';
import {classModel, classModelsInSlices} from '../../src/nn/class-model.js';
import {activations, defaultConfig, type TrainConfig} from '../../src/nn/config.js';
import {Explainer} from '../../src/nn/explain.js';
import {initParameters, type Parameters, zeroParameters} from '../../src/nn/network.js';
import {Random} from '../../src/nn/random.js';

function score(config: TrainConfig, p: Parameters, image: Float64Array, c: number): number {
	return new Explainer(config, p).classScoreGradient(image, c, new Float64Array(image.length));
}

/** A 4x4 image's left two columns and right two columns. */
function halves(image: Float64Array): {left: number[]; right: number[]} {
	const left: number[] = [];
	const right: number[] = [];
	image.forEach((v, p) => (p % 4 < 2 ? left : right).push(v));
	return {left, right};
}

/** Class 0's score is the sum of a 4x4 image's left half; class 1's the sum of its right half. */
function leftRightWeights(row: (p: number) => number): Float32Array {
	return Float32Array.from({length: 32}, (_, k) => row(k));
}

const leftOf = (k: number): number => (k < 16 ? Number(k % 4 < 2) : Number((k - 16) % 4 >= 2));

describe('class models', () => {
	it.each(activations)('raise the class score from the start image to the end (%s hidden units)', activation => {
		const config: TrainConfig = {...defaultConfig, layers: [36, 12, 8, 5], activation, init: 'large'};
		const p = initParameters(config, Random.fromSeed(4));
		for (let c = 0; c < 5; c++) {
			const start = classModel(config, p, c, {steps: 0});
			const end = classModel(config, p, c);
			expect(score(config, p, end, c)).toBeGreaterThan(score(config, p, start, c) + 0.1);
			expect(end.every(v => v >= 0 && v <= 1)).toBe(true);
		}
	});

	it('start from a faint image of seeded noise', () => {
		const config: TrainConfig = {...defaultConfig, layers: [16, 4, 3]};
		const p = initParameters(config, Random.fromSeed(1));
		const start = classModel(config, p, 0, {steps: 0, seed: 7});
		expect(start.every(v => v >= 0 && v < 0.01)).toBe(true);
		expect(new Set(start).size).toBe(16);
		expect(classModel(config, p, 0, {steps: 0, seed: 8})).not.toEqual(start);
	});

	it('give the same image bit for bit for the same seed', () => {
		const config: TrainConfig = {...defaultConfig, layers: [25, 10, 4], activation: 'tanh'};
		const p = initParameters(config, Random.fromSeed(6));
		const a = classModel(config, p, 2, {seed: 3, steps: 60});
		const b = classModel(config, p, 2, {seed: 3, steps: 60});
		expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
	});

	it('draw a class whose score is the sum of the left half bright on the left and dark on the right (no hidden layer)', () => {
		const config: TrainConfig = {...defaultConfig, layers: [16, 2]};
		const p = zeroParameters([16, 2]);
		p.weights[0].set(leftRightWeights(leftOf));
		const {left, right} = halves(classModel(config, p, 0));
		expect(Math.min(...left)).toBeGreaterThan(0.9);
		expect(Math.max(...right)).toBeLessThan(0.05);
		const other = halves(classModel(config, p, 1));
		expect(Math.max(...other.left)).toBeLessThan(0.05);
		expect(Math.min(...other.right)).toBeGreaterThan(0.9);
	});

	it('draw the left half bright through a relu hidden layer that sums each half', () => {
		const config: TrainConfig = {...defaultConfig, layers: [16, 2, 2], activation: 'relu'};
		const p = zeroParameters([16, 2, 2]);
		p.weights[0].set(leftRightWeights(leftOf)); // hidden 0: left sum, hidden 1: right sum
		p.weights[1].set([1, -0.5, -0.5, 1]);
		const {left, right} = halves(classModel(config, p, 0));
		expect(Math.min(...left)).toBeGreaterThan(0.9);
		expect(Math.max(...right)).toBeLessThan(0.05);
	});

	it('refuse options that are not numbers of the right kind', () => {
		const config: TrainConfig = {...defaultConfig, layers: [4, 2]};
		const p = zeroParameters([4, 2]);
		expect(() => classModel(config, p, 0, {steps: 1.5})).toThrow(/steps must be an integer >= 0, got 1.5/);
		expect(() => classModel(config, p, 0, {rate: 0})).toThrow(/rate must be a number > 0/);
		expect(() => classModel(config, p, 0, {l2: -1})).toThrow(/l2 must be a number >= 0/);
		expect(() => classModel(config, p, 2)).toThrow(/class index must be an integer 0\.\.1, got 2/);
	});
});

describe('class models in slices', () => {
	const config: TrainConfig = {...defaultConfig, layers: [25, 8, 6, 4], activation: 'sigmoid', init: 'scaled'};
	const p = initParameters(config, Random.fromSeed(12));

	it('give every class the image classModel gives, yielding between slices', async () => {
		let yields = 0;
		const counter = setInterval(() => {
			yields++;
		}, 0);
		const images = await classModelsInSlices(config, p, {sliceMs: 0, steps: 40, seed: 5});
		clearInterval(counter);
		expect(images).toHaveLength(4);
		for (let c = 0; c < 4; c++) {
			expect(images![c]).toEqual(classModel(config, p, c, {steps: 40, seed: 5}));
		}

		expect(yields).toBeGreaterThan(0);
	});

	it('report each class as it is finished', async () => {
		const seen: number[] = [];
		const images = await classModelsInSlices(config, p, {steps: 5, onImage(c, image) {
			expect(image.length).toBe(25);
			seen.push(c);
		}});
		expect(seen).toEqual([0, 1, 2, 3]);
		expect(images).toHaveLength(4);
	});

	it('stop and give undefined when the signal aborts', async () => {
		const controller = new AbortController();
		const seen: number[] = [];
		const result = await classModelsInSlices(config, p, {signal: controller.signal, sliceMs: 0, onImage(c) {
			seen.push(c);
			controller.abort();
		}});
		expect(result).toBeUndefined();
		expect(seen).toEqual([0]);
	});

	it('do nothing when the signal has already aborted', async () => {
		const seen: number[] = [];
		const result = await classModelsInSlices(config, p, {signal: AbortSignal.abort(), onImage(c) {
			seen.push(c);
		}});
		expect(result).toBeUndefined();
		expect(seen).toEqual([]);
	});
});
