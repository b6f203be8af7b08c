import {describe, expect, it} from 'vitest';
import {ShapeError} from '../../src/errors.js';
import {
	type Activation, activations, defaultConfig, type OutputFunction, outputFunctions, type TrainConfig,
} from '../../src/nn/config.js';
import {attributionOf, differenceMap, Explainer, imageInput} from '../../src/nn/explain.js';
import {ForwardPass} from '../../src/nn/forward-pass.js';
import {initParameters, type Parameters, zeroParameters} from '../../src/nn/network.js';
import {Random} from '../../src/nn/random.js';

/** The output pre-activations and every hidden pre-activation, written the plain way (a reference, not the engine). */
function reference(config: TrainConfig, p: Parameters, input: ArrayLike<number>): {scores: number[]; hiddenZ: number[]} {
	let a = Array.from(input);
	const hiddenZ: number[] = [];
	const depth = config.layers.length - 1;
	for (let l = 0; l < depth; l++) {
		const [nIn, nOut] = [config.layers[l], config.layers[l + 1]];
		const z = Array.from({length: nOut}, (_, j) => {
			let s = p.biases[l][j];
			for (let i = 0; i < nIn; i++) {
				s += p.weights[l][(j * nIn) + i] * a[i];
			}

			return s;
		});
		if (l + 1 === depth) {
			return {scores: z, hiddenZ};
		}

		hiddenZ.push(...z);
		a = z.map(v => (config.activation === 'sigmoid' ? 1 / (1 + Math.exp(-v)) : (config.activation === 'tanh' ? Math.tanh(v) : Math.max(0, v))));
	}

	throw new Error('a network has at least one layer');
}

/** Central differences of z_c with respect to each input. */
function numericGradient(config: TrainConfig, p: Parameters, input: Float64Array, c: number, h = 1e-4): Float64Array {
	const g = new Float64Array(input.length);
	const x = Float64Array.from(input);
	for (let i = 0; i < x.length; i++) {
		x[i] = input[i] + h;
		const up = reference(config, p, x).scores[c];
		x[i] = input[i] - h;
		const down = reference(config, p, x).scores[c];
		x[i] = input[i];
		g[i] = (up - down) / (2 * h);
	}

	return g;
}

/** A random input in [0, 1] whose hidden pre-activations are all at least 0.01 from zero (no relu kink within a step). */
function inputAwayFromKinks(config: TrainConfig, p: Parameters, rng: Random): Float64Array {
	for (;;) {
		const x = Float64Array.from({length: config.layers[0]}, () => (rng.nextInt(4) === 0 ? 0 : rng.nextFloat()));
		if (reference(config, p, x).hiddenZ.every(z => Math.abs(z) > 0.01)) {
			return x;
		}
	}
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
	expect(actual.length).toBe(expected.length);
	for (let i = 0; i < actual.length; i++) {
		expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected[i])));
	}
}

const shapes: Array<[string, number[]]> = [
	['1 hidden layer', [7, 5, 4]],
	['2 hidden layers', [7, 6, 5, 4]],
	['3 hidden layers', [7, 6, 5, 5, 4]],
];
const cases: Array<[string, Activation, OutputFunction, number[]]> = [];
for (const [name, layers] of shapes) {
	for (const activation of activations) {
		for (const output of outputFunctions) {
			cases.push([name, activation, output, layers]);
		}
	}
}

describe('Explainer', () => {
	it.each(cases)('matches central differences of the class scores with %s, %s hidden units and %s output', (_name, activation, output, layers) => {
		const config: TrainConfig = {...defaultConfig, layers, activation, output, init: 'large'};
		const rng = Random.fromSeed(layers.length * 7);
		const p = initParameters(config, rng);
		const explainer = new Explainer(config, p);
		for (let trial = 0; trial < 3; trial++) {
			const input = inputAwayFromKinks(config, p, rng);
			const e = explainer.explain(input, trial % layers.at(-1)!);
			expect(e.other).toBeDefined();
			expectClose(e.gradient, numericGradient(config, p, input, e.predicted), 1e-6);
			expectClose(e.other!.gradient, numericGradient(config, p, input, e.other!.classIndex), 1e-6);
			expect(e.gradient.some(v => Math.abs(v) > 1e-3)).toBe(true);
		}
	});

	it('matches central differences for a network with no hidden layer, and has no hidden layers or contributions', () => {
		const config: TrainConfig = {...defaultConfig, layers: [6, 3], output: 'softmax'};
		const p = initParameters(config, Random.fromSeed(3));
		const input = Float64Array.from([0.1, 0, 0.7, 1, 0.3, 0.5]);
		const e = new Explainer(config, p).explain(input, 2);
		expectClose(e.gradient, numericGradient(config, p, input, e.predicted), 1e-6);
		expectClose(e.other!.gradient, numericGradient(config, p, input, 2), 1e-6);
		expect(e.hidden).toEqual([]);
		expect(e.contributions).toEqual([]);
	});

	it('gives gradient x input as the gradient times the input, for both classes', () => {
		const config: TrainConfig = {...defaultConfig, layers: [9, 6, 5, 3], activation: 'tanh'};
		const p = initParameters(config, Random.fromSeed(5));
		const input = Float64Array.from({length: 9}, (_, i) => (i % 3 === 0 ? 0 : i / 10));
		const e = new Explainer(config, p).explain(input, 1);
		for (let i = 0; i < 9; i++) {
			expect(e.gradientTimesInput[i]).toBe(e.gradient[i] * input[i]);
			expect(e.other!.gradientTimesInput[i]).toBe(e.other!.gradient[i] * input[i]);
		}
	});

	it.each(activations)('lists the last hidden layer\'s contributions, largest first, summing to z_c minus its bias (%s)', activation => {
		const config: TrainConfig = {...defaultConfig, layers: [8, 6, 5, 4], activation, output: 'softmax'};
		const p = initParameters(config, Random.fromSeed(9));
		const input = Float64Array.from({length: 8}, (_, i) => (i + 1) / 9);
		const e = new Explainer(config, p).explain(input);
		const c = e.predicted;
		const {scores} = reference(config, p, input);
		const sum = e.contributions.reduce((s, k) => s + k.contribution, 0);
		expect(sum).toBeCloseTo(scores[c] - p.biases[2][c], 10);
		expect(e.contributions.map(k => k.neuron).sort()).toEqual([0, 1, 2, 3, 4]);
		for (let k = 1; k < e.contributions.length; k++) {
			expect(e.contributions[k - 1].contribution).toBeGreaterThanOrEqual(e.contributions[k].contribution);
		}

		for (const k of e.contributions) {
			expect(k.activation).toBe(e.hidden[1][k.neuron]);
			expect(k.weight).toBe(p.weights[2][(c * 5) + k.neuron]);
			expect(k.contribution).toBe(k.activation * k.weight);
		}
	});

	it('explains a hand-made [4,2,2] relu network with the numbers worked by hand', () => {
		const config: TrainConfig = {...defaultConfig, layers: [4, 2, 2], activation: 'relu', output: 'softmax'};
		const p = zeroParameters([4, 2, 2]);
		p.weights[0].set([1, -1, 0, 2, 0, 1, 1, -1]);
		p.biases[0].set([0, 0.5]);
		p.weights[1].set([2, 1, -1, 3]);
		p.biases[1].set([0.25, 0]);
		// hidden z = [1 - 0.5 + 1, 0.5 + 0.5 + 0.25 - 0.5] = [1.5, 0.75]; scores [0.25 + 3 + 0.75, -1.5 + 2.25] = [4, 0.75]
		const input = Float64Array.from([1, 0.5, 0.25, 0.5]);
		const e = new Explainer(config, p).explain(input, 1);
		expect([...e.hidden[0]]).toEqual([1.5, 0.75]);
		expect(e.predicted).toBe(0);
		expect(e.outputs[0]).toBeCloseTo(1 / (1 + Math.exp(-3.25)), 12);
		expect(e.outputs[1]).toBeCloseTo(1 / (1 + Math.exp(3.25)), 12);
		// class 0: 2 x row 0 + 1 x row 1 of the first weights; class 1: -1 x row 0 + 3 x row 1
		expect([...e.gradient]).toEqual([2, -1, 1, 3]);
		expect([...e.gradientTimesInput]).toEqual([2, -0.5, 0.25, 1.5]);
		expect(e.other!.classIndex).toBe(1);
		expect([...e.other!.gradient]).toEqual([-1, 4, 3, -5]);
		expect([...e.other!.gradientTimesInput]).toEqual([-1, 2, 0.75, -2.5]);
		expect(e.contributions).toEqual([
			{neuron: 0, activation: 1.5, weight: 2, contribution: 3},
			{neuron: 1, activation: 0.75, weight: 1, contribution: 0.75},
		]);
	});

	it('gives a dead relu unit no part in the gradient', () => {
		const config: TrainConfig = {...defaultConfig, layers: [2, 2, 1], activation: 'relu'};
		const p = zeroParameters([2, 2, 1]);
		p.weights[0].set([1, 1, -1, 2]); // unit 1: -x0 + 2 x1 - 1 < 0 below
		p.biases[0].set([0, -1]);
		p.weights[1].set([3, 5]);
		const e = new Explainer(config, p).explain(Float64Array.from([0.5, 0.25]));
		expect([...e.hidden[0]]).toEqual([0.75, 0]);
		expect([...e.gradient]).toEqual([3, 3]);
	});

	it('computes the same outputs as ForwardPass, to the bit, for a test image', () => {
		const config: TrainConfig = {...defaultConfig, layers: [16, 7, 6, 3], activation: 'sigmoid', output: 'softmax'};
		const p = initParameters(config, Random.fromSeed(21));
		const pixels = Uint8Array.from({length: 32}, (_, i) => (i % 5 === 0 ? 0 : (i * 37) % 256));
		const e = new Explainer(config, p).explain(imageInput(pixels, 1, 16));
		expect([...e.outputs]).toEqual([...new ForwardPass(config, p).run(pixels, 1)]);
	});

	it('gives the same explanation when asked twice, its buffers reused', () => {
		const config: TrainConfig = {...defaultConfig, layers: [6, 4, 3]};
		const p = initParameters(config, Random.fromSeed(2));
		const explainer = new Explainer(config, p);
		const a = Float64Array.from([0, 0.2, 0.4, 0.6, 0.8, 1]);
		const first = explainer.explain(a, 2);
		explainer.explain(Float64Array.from([1, 1, 0, 0, 1, 1]), 0);
		expect(explainer.explain(a, 2)).toEqual(first);
	});

	it('refuses an input of the wrong length and a class outside the outputs', () => {
		const config: TrainConfig = {...defaultConfig, layers: [6, 4, 3]};
		const explainer = new Explainer(config, initParameters(config, Random.fromSeed(2)));
		expect(() => explainer.explain(new Float64Array(5))).toThrow(ShapeError);
		expect(() => explainer.explain(new Float64Array(6), 3)).toThrow(/class index must be an integer 0\.\.2, got 3/);
	});
});

describe('attribution maps', () => {
	const config: TrainConfig = {...defaultConfig, layers: [5, 4, 3]};
	const p = initParameters(config, Random.fromSeed(8));
	const input = Float64Array.from([0.1, 0.9, 0, 0.5, 1]);

	it('picks the map of the kind and class asked for', () => {
		const e = new Explainer(config, p).explain(input, 2);
		expect(attributionOf(e, 'gradient', 'predicted')).toBe(e.gradient);
		expect(attributionOf(e, 'gradient-times-input', 'predicted')).toBe(e.gradientTimesInput);
		expect(attributionOf(e, 'gradient', 'other')).toBe(e.other!.gradient);
		expect(attributionOf(e, 'gradient-times-input', 'other')).toBe(e.other!.gradientTimesInput);
	});

	it('refuses the other class\'s map when none was asked for', () => {
		const e = new Explainer(config, p).explain(input);
		expect(e.other).toBeUndefined();
		expect(() => attributionOf(e, 'gradient', 'other')).toThrow(/no other class/);
	});

	it('takes the difference of two maps element by element into a new array', () => {
		const a = Float64Array.from([1, -2, 0.5]);
		const b = Float64Array.from([0.25, 1, -0.5]);
		const d = differenceMap(a, b);
		expect([...d]).toEqual([0.75, -3, 1]);
		expect([...a]).toEqual([1, -2, 0.5]);
		expect(() => differenceMap(a, new Float64Array(2))).toThrow(ShapeError);
	});

	it('reads one image of a pixel buffer as bytes / 255', () => {
		const pixels = Uint8Array.from([0, 0, 0, 255, 51, 0]);
		expect([...imageInput(pixels, 1, 3)]).toEqual([1, Math.fround(51 / 255), 0]);
		expect(() => imageInput(pixels, 2, 3)).toThrow(ShapeError);
	});
});
