import {describe, expect, it} from 'vitest';
import {ShapeError} from '../../src/errors.js';
import {classContrasts, mapLikeness, pearson} from '../../src/nn/map-likeness.js';

describe('pearson', () => {
	it('is 1 for a scaled and shifted copy, -1 for a mirrored one, 0 for a constant', () => {
		expect(pearson([1, 2, 3], [10, 20, 30])).toBeCloseTo(1, 12);
		expect(pearson([1, 2, 3], [5, 3, 1])).toBeCloseTo(-1, 12);
		expect(pearson([1, 2, 3], [4, 4, 4])).toBe(0);
	});

	it('matches a hand-computed value', () => {
		// a - mean = [-1, 0, 1], b - mean = [-1, -1, 2]: 3 / sqrt(2 * 6).
		expect(pearson([1, 2, 3], [0, 0, 3])).toBeCloseTo(3 / Math.sqrt(12), 12);
	});

	it('refuses vectors of different lengths', () => {
		expect(() => pearson([1, 2], [1, 2, 3])).toThrow(ShapeError);
	});
});

describe('classContrasts', () => {
	it('is each class mean image minus the mean of all images, in pixel values 0-1', () => {
		// Two-pixel images: class 0 lights pixel 0 (twice), class 1 lights pixel 1 (once).
		const set = {count: 3, images: Uint8Array.from([255, 0, 255, 0, 0, 255]), labels: Uint8Array.from([0, 0, 1])};
		const [c0, c1, c2] = classContrasts(set, 2, 3);
		expect([...c0].map(v => Number(v.toFixed(12)))).toEqual([1 / 3, -1 / 3].map(v => Number(v.toFixed(12))));
		expect([...c1].map(v => Number(v.toFixed(12)))).toEqual([-2 / 3, 2 / 3].map(v => Number(v.toFixed(12))));
		expect([...c2]).toEqual([0, 0]);
	});
});

describe('mapLikeness', () => {
	it('scores maps that draw their class high and noise or the wrong class low', () => {
		const contrasts = [Float64Array.from([1, -1, 0, 0]), Float64Array.from([0, 0, 1, -1])];
		expect(mapLikeness([[2, -2, 0, 0], [0, 0, 3, -3]], contrasts)).toEqual({perClass: [1, 1], mean: 1});
		const swapped = mapLikeness([[0, 0, 3, -3], [2, -2, 0, 0]], contrasts);
		expect(swapped.mean).toBeCloseTo(0, 12);
		const mirrored = mapLikeness([[-1, 1, 0, 0], [0, 0, 1, -1]], contrasts);
		expect(mirrored.perClass.map(v => Number(v.toFixed(12)))).toEqual([-1, 1]);
		expect(mirrored.mean).toBeCloseTo(0, 12);
	});

	it('needs one map per class', () => {
		expect(() => mapLikeness([[1, 2]], [])).toThrow(ShapeError);
	});
});
