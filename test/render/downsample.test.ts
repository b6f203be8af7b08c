import {describe, expect, it} from 'vitest';
import {ShapeError} from '../../src/errors.js';
import {downsample} from '../../src/render/downsample.js';

describe('downsample', () => {
	it('averages each 2x2 block of a 4x4 image', () => {
		const values = [
			1, 3, 10, 20,
			5, 7, 30, 40,
			0, 0, 100, 0,
			0, 4, 0, 0,
		];
		const out = downsample(values, 4, 4, 2);
		expect(out.rows).toBe(2);
		expect(out.cols).toBe(2);
		expect([...out.values]).toEqual([4, 25, 1, 25]);
	});

	it('averages only the pixels a partial block at the right and bottom edges holds', () => {
		// 3 x 5 at factor 2 -> 2 x 3: the last column's blocks are 2x1 and 1x1 at the corner.
		const values = [
			1, 2, 3, 4, 5,
			6, 7, 8, 9, 10,
			11, 12, 13, 14, 15,
		];
		const out = downsample(values, 3, 5, 2);
		expect(out.rows).toBe(2);
		expect(out.cols).toBe(3);
		expect([...out.values]).toEqual([
			(1 + 2 + 6 + 7) / 4, (3 + 4 + 8 + 9) / 4, (5 + 10) / 2,
			(11 + 12) / 2, (13 + 14) / 2, 15,
		]);
	});

	it('turns a 28x28 image into 14x14 at factor 2 and 10x10 at factor 3', () => {
		const values = new Uint8Array(784).fill(200);
		const half = downsample(values, 28, 28, 2);
		expect([half.rows, half.cols, half.values.length]).toEqual([14, 14, 196]);
		const third = downsample(values, 28, 28, 3);
		expect([third.rows, third.cols, third.values.length]).toEqual([10, 10, 100]);
		// A uniform image stays uniform, edge blocks included.
		expect(third.values.every(v => v === 200)).toBe(true);
	});

	it('returns a copy of the values at factor 1, not the input array', () => {
		const values = Float32Array.of(-1.5, 2, 0.25, 7);
		const out = downsample(values, 2, 2, 1);
		expect([...out.values]).toEqual([-1.5, 2, 0.25, 7]);
		expect(out.values).not.toBe(values);
		values[0] = 99;
		expect(out.values[0]).toBe(-1.5);
	});

	it('keeps the sign of signed values when averaging', () => {
		const out = downsample([-1, -3, 2, 2], 1, 4, 2);
		expect([...out.values]).toEqual([-2, 2]);
	});

	it('refuses a shape the values do not fill and a factor below 1 or not whole', () => {
		expect(() => downsample([1, 2, 3], 2, 2, 1)).toThrow(ShapeError);
		expect(() => downsample([1, 2, 3, 4], 2, 2, 0)).toThrow(/factor/);
		expect(() => downsample([1, 2, 3, 4], 2, 2, 1.5)).toThrow(/factor/);
	});
});
