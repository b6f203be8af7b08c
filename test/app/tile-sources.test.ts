import {describe, expect, it} from 'vitest';
import {changeOf, classMapSources, enlarge, extremes, neuronSources, pageOf, scaleText, sharedScaleOf} from '../../src/app/tile-sources.js';
import {classMaps} from '../../src/nn/class-maps.js';
import type {Parameters} from '../../src/nn/network.js';
import {tinyParameters} from './tiny-classifier.js';

// Layers [4,3,2]: weights[0] is 3 x 4, row j = neuron j's four incoming weights.
const p: Parameters = {
	layers: [4, 3, 2],
	weights: [
		Float32Array.of(0.5, 1, 1.5, 2, -1, -2, 0.25, 0.75, 0, 0, 0, -0.5),
		new Float32Array(6),
	],
	biases: [Float32Array.of(0.25, -1.5, 3), new Float32Array(2)],
};

describe('neuronSources', () => {
	it('takes row j of the first weight matrix as neuron j\'s image and its bias as its figure', () => {
		const sources = neuronSources(p);
		expect(sources.map(s => [...s.values])).toEqual([[0.5, 1, 1.5, 2], [-1, -2, 0.25, 0.75], [0, 0, 0, -0.5]]);
		expect(sources.map(s => s.figures)).toEqual([[0.25], [-1.5], [3]]);
	});
});

describe('classMapSources', () => {
	it('gives each class its generalized image and no figures', () => {
		const sources = classMapSources(tinyParameters);
		expect(sources.map(s => [...s.values])).toEqual(classMaps(tinyParameters).map(map => [...map]));
		expect(sources.every(s => s.figures.length === 0)).toBe(true);
	});
});

describe('changeOf', () => {
	it('subtracts the untrained tiles from the trained ones, value by value and figure by figure, leaving both as they were', () => {
		const before: Parameters = {
			layers: [4, 3, 2],
			weights: [new Float32Array(12).fill(0.5), new Float32Array(6)],
			biases: [Float32Array.of(1, 2, 3), new Float32Array(2)],
		};
		const change = changeOf(neuronSources(p), neuronSources(before));
		expect(change.map(s => [...s.values])).toEqual([[0, 0.5, 1, 1.5], [-1.5, -2.5, -0.25, 0.25], [-0.5, -0.5, -0.5, -1]]);
		expect(change.map(s => s.figures)).toEqual([[-0.75], [-3.5], [0]]);
		expect([...p.weights[0]].slice(0, 4)).toEqual([0.5, 1, 1.5, 2]);
		expect([...before.weights[0]].every(v => v === 0.5)).toBe(true);
	});

	it('rounds a figure\'s change to float32, as the values are', () => {
		const a: Parameters = {layers: [1, 1, 1], weights: [Float32Array.of(0), Float32Array.of(0)], biases: [Float32Array.of(0.1), Float32Array.of(0)]};
		const b: Parameters = {layers: [1, 1, 1], weights: [Float32Array.of(0), Float32Array.of(0)], biases: [Float32Array.of(0.3), Float32Array.of(0)]};
		const [bias0, bias1] = [a.biases[0][0], b.biases[0][0]];
		expect(Math.fround(bias0 - bias1)).not.toBe(bias0 - bias1); // the two roundings differ here
		expect(changeOf(neuronSources(a), neuronSources(b))[0].figures[0]).toBe(Math.fround(bias0 - bias1));
	});
});

describe('sharedScaleOf', () => {
	it('takes the largest absolute value of every tile as the shared colour scale', () => {
		expect(sharedScaleOf(neuronSources(p))).toBe(2);
		expect(sharedScaleOf([])).toBe(0);
	});
});

describe('pageOf', () => {
	it('gives the page that holds the selected tile, the last one short', () => {
		expect(pageOf(0, 4, 10)).toEqual({first: 0, count: 4});
		expect(pageOf(5, 4, 10)).toEqual({first: 4, count: 4});
		expect(pageOf(9, 4, 10)).toEqual({first: 8, count: 2});
		expect(pageOf(-1, 4, 10)).toEqual({first: 0, count: 4});
	});
});

describe('enlarge', () => {
	it('repeats every value zoom x zoom times', () => {
		expect([...enlarge(Float32Array.of(1, 2, 3, 4), 2, 2, 2)]).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
	});
});

describe('extremes', () => {
	it('orders the indices by value, largest first, and keeps the most up and the most down when not all fit', () => {
		const values = [0.1, -0.9, 0.5, 0.3, -0.2];
		expect(extremes(values, 5)).toEqual([2, 3, 0, 4, 1]);
		expect(extremes(values, 3)).toEqual([2, 3, 1]);
		expect(extremes(values, 0)).toEqual([]);
	});
});

describe('scaleText', () => {
	it('says a scale\'s end in at most 5 characters with its sign', () => {
		expect([0.534, 12.44, 350.2, 12_345].map(v => scaleText(v, '+'))).toEqual(['+0.53', '+12.4', '+350', '+1e4']);
		expect(scaleText(0.5, '-')).toBe('-0.50');
		expect(scaleText(0, '-')).toBe('0');
	});
});

