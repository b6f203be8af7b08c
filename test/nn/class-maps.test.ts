import {describe, expect, it} from 'vitest';
import {classMaps, maxAbs, mean} from '../../src/nn/class-maps.js';
import type {Parameters} from '../../src/nn/network.js';

describe('classMaps', () => {
	it('multiplies the weight matrices backwards for two layers: map_i = sum_j W1[i,j] W0[j,:]', () => {
		// W0: 2 hidden x 3 inputs, W1: 2 classes x 2 hidden.
		const p: Parameters = {
			layers: [3, 2, 2],
			weights: [Float32Array.from([1, 2, 3, 4, 5, 6]), Float32Array.from([1, -1, 0.5, 2])],
			biases: [new Float32Array(2), new Float32Array(2)],
		};
		const maps = classMaps(p);
		expect([...maps[0]]).toEqual([1 - 4, 2 - 5, 3 - 6]);
		expect([...maps[1]]).toEqual([0.5 + 8, 1 + 10, 1.5 + 12]);
	});

	it('handles a single layer and three layers', () => {
		const one: Parameters = {layers: [2, 2], weights: [Float32Array.from([1, 2, 3, 4])], biases: [new Float32Array(2)]};
		expect(classMaps(one).map(m => [...m])).toEqual([[1, 2], [3, 4]]);
		const three: Parameters = {
			layers: [2, 2, 2, 1],
			weights: [Float32Array.from([1, 0, 0, 1]), Float32Array.from([2, 0, 0, 3]), Float32Array.from([1, 1])],
			biases: [new Float32Array(2), new Float32Array(2), new Float32Array(1)],
		};
		expect([...classMaps(three)[0]]).toEqual([2, 3]);
	});

	it('computes the mean (influence) and the largest magnitude', () => {
		expect(mean([1, -3, 5])).toBe(1);
		expect(maxAbs([1, -3, 2])).toBe(3);
		expect(maxAbs([])).toBe(0);
	});
});
