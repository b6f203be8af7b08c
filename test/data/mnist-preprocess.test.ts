import {describe, expect, it} from 'vitest';
import {centreOfMass, inkBounds, preprocessDigit, toPixelBytes} from '../../src/data/mnist-preprocess.js';

const size = 28;

function blank(): Float32Array {
	return new Float32Array(size * size);
}

function put(image: Float32Array, x: number, y: number, value = 1): void {
	image[(y * size) + x] = value;
}

/** The pixels with ink as 'x,y' strings, for comparing shapes. */
function inked(image: Float32Array): Set<string> {
	const found = new Set<string>();
	for (let i = 0; i < image.length; i++) {
		if (image[i] > 0) {
			found.add(`${i % size},${Math.floor(i / size)}`);
		}
	}

	return found;
}

function rectangle(left: number, top: number, width: number, height: number): Set<string> {
	const cells = new Set<string>();
	for (let y = top; y < top + height; y++) {
		for (let x = left; x < left + width; x++) {
			cells.add(`${x},${y}`);
		}
	}

	return cells;
}

describe('MNIST-style preprocessing', () => {
	it('leaves a blank image blank', () => {
		const out = preprocessDigit(blank());
		expect(out.every(v => v === 0)).toBe(true);
	});

	it('grows a single pixel to fill the 20x20 box, centred on (13.5, 13.5)', () => {
		const image = blank();
		put(image, 3, 5);
		const out = preprocessDigit(image);
		expect(inked(out)).toEqual(rectangle(4, 4, 20, 20));
		expect([...out].filter(v => v > 0).every(v => Math.abs(v - 1) < 1e-6)).toBe(true);
		expect(centreOfMass(out, size, size)).toEqual({x: 13.5, y: 13.5});
	});

	it('scales a bar by its longer side and keeps its aspect ratio', () => {
		// 2 wide, 10 tall in the top-left corner: twice as large, 4 x 20, centred.
		const image = blank();
		for (let y = 0; y < 10; y++) {
			put(image, 0, y);
			put(image, 1, y);
		}

		const out = preprocessDigit(image);
		expect(inked(out)).toEqual(rectangle(12, 4, 4, 20));
		expect(inkBounds(out, size, size)).toEqual({left: 12, top: 4, width: 4, height: 20});
	});

	it('shrinks by averaging areas, so thin lines fade instead of vanishing', () => {
		// Columns 0, 2, ..., 26 and 27 inked over the whole field: 28 columns to 20, each new one covering 1.4 old.
		const image = blank();
		for (let y = 0; y < size; y++) {
			for (let x = 0; x < size; x += 2) {
				put(image, x, y);
			}

			put(image, 27, y);
		}

		const out = preprocessDigit(image);
		const bounds = inkBounds(out, size, size)!;
		expect(bounds).toMatchObject({top: 4, width: 20, height: 20});
		const row = [...out.subarray((10 * size) + bounds.left, (10 * size) + bounds.left + 20)];
		// New column 0 covers old [0, 1.4): column 0 whole (ink), 0.4 of column 1 (none): 1 / 1.4.
		expect(row[0]).toBeCloseTo(1 / 1.4, 5);
		// New column 1 covers [1.4, 2.8): 0.6 of column 1 (none) and 0.8 of column 2 (ink): 0.8 / 1.4.
		expect(row[1]).toBeCloseTo(0.8 / 1.4, 5);
		expect(row.slice(0, -1).every(v => v > 0.2 && v < 0.8)).toBe(true);
		// The total ink keeps its share of the area: 15 of 28 columns, over 20 x 20.
		expect([...out].reduce((a, b) => a + b, 0)).toBeCloseTo((15 / 28) * 400, 3);
	});

	it('moves an off-centre shape so its centre of mass is within half a pixel of (13.5, 13.5)', () => {
		// A 20x20 bounding box (no scaling) with ink at three corners: mass at (38/3, 19/3) in the box.
		const image = blank();
		put(image, 2, 3);
		put(image, 21, 3);
		put(image, 21, 22);
		const out = preprocessDigit(image);
		// dx = round(13.5 - 12.667) = 1, dy = round(13.5 - 6.333) = 7.
		expect(inked(out)).toEqual(new Set(['1,7', '20,7', '20,26']));
		const centre = centreOfMass(out, size, size);
		expect(centre.x).toBeCloseTo((1 + 20 + 20) / 3, 5);
		expect(centre.y).toBeCloseTo((7 + 7 + 26) / 3, 5);
		expect(Math.abs(centre.x - 13.5)).toBeLessThanOrEqual(0.5);
		expect(Math.abs(centre.y - 13.5)).toBeLessThanOrEqual(0.5);
	});

	it('puts the centre of mass of an odd-sized shape on pixel 14, halves rounding up', () => {
		// 19 wide and 20 tall: no scaling; the mass is on a column (9 in the box) and between two rows.
		const image = blank();
		for (let y = 0; y < 20; y++) {
			for (let x = 0; x < 19; x++) {
				put(image, x + 5, y + 1);
			}
		}

		const out = preprocessDigit(image);
		expect(centreOfMass(out, size, size)).toEqual({x: 14, y: 13.5});
		expect(inkBounds(out, size, size)).toEqual({left: 5, top: 4, width: 19, height: 20});
	});

	it('refuses an image of the wrong size', () => {
		expect(() => preprocessDigit(new Float32Array(10))).toThrow(/10 pixels, expected 28 x 28/);
	});

	it('turns floats into dataset bytes, rounded and clamped', () => {
		expect([...toPixelBytes([0, 0.5, 1, 1.5, -1, Number.NaN])]).toEqual([0, 128, 255, 255, 0, 0]);
	});
});
