import {describe, expect, it} from 'vitest';
import {
	blankCanvas, brushIntensity, canvasBytesWithCursor, canvasFromImage, canvasPointAt, nextBrushSize, pixelCentre, stroke,
} from '../../src/app/canvas.js';

const at = (canvas: {cols: number; pixels: Float32Array}, x: number, y: number): number => canvas.pixels[(y * canvas.cols) + x];

describe('the canvas and its brush', () => {
	it('gives full ink within the brush core and fades to none at its edge', () => {
		expect(brushIntensity(2, 0)).toBe(1);
		expect(brushIntensity(2, 1)).toBe(1);
		expect(brushIntensity(2, 1.5)).toBeCloseTo(0.5, 10);
		expect(brushIntensity(2, 2)).toBe(0);
		expect(brushIntensity(1, 1)).toBeCloseTo(0.5, 10);
		expect(brushIntensity(3, 2)).toBeCloseTo(0.5, 10);
	});

	it('paints a dot soft at the edge: the centre full, a neighbour a diagonal away partly', () => {
		const canvas = stroke(blankCanvas(), pixelCentre(10, 10), pixelCentre(10, 10), 2, 'paint');
		expect(at(canvas, 10, 10)).toBe(1);
		expect(at(canvas, 11, 10)).toBe(1); // 1 away: inside the core
		expect(at(canvas, 11, 11)).toBeCloseTo(1 - (Math.SQRT2 - 1), 5); // √2 away
		expect(at(canvas, 12, 10)).toBe(0); // 2 away: past the edge
	});

	it('leaves no gap along a fast drag: every pixel the segment crosses gets full ink', () => {
		const canvas = stroke(blankCanvas(), pixelCentre(2, 3), pixelCentre(25, 20), 1, 'paint');
		for (let k = 0; k <= 100; k++) {
			const x = 2.5 + ((23 * k) / 100);
			const y = 3.5 + ((17 * k) / 100);
			expect(at(canvas, Math.floor(x), Math.floor(y)), `at (${x}, ${y})`).toBeGreaterThan(0.4);
		}

		expect(at(canvas, 25, 3)).toBe(0);
	});

	it('does not change the canvas it was given', () => {
		const canvas = blankCanvas();
		stroke(canvas, pixelCentre(5, 5), pixelCentre(6, 6), 3, 'paint');
		expect(canvas.pixels.every(v => v === 0)).toBe(true);
	});

	it('keeps the most ink a pixel was given when strokes overlap, and erases back to blank', () => {
		let canvas = stroke(blankCanvas(), pixelCentre(10, 10), pixelCentre(10, 10), 2, 'paint');
		canvas = stroke(canvas, pixelCentre(12, 10), pixelCentre(12, 10), 1, 'paint');
		expect(at(canvas, 11, 10)).toBe(1);
		canvas = stroke(canvas, pixelCentre(10, 10), pixelCentre(12, 10), 3, 'erase');
		expect(at(canvas, 10, 10)).toBe(0);
		expect(at(canvas, 11, 10)).toBe(0);
		expect(at(canvas, 12, 10)).toBe(0);
	});

	it('clips strokes at the canvas edge', () => {
		const canvas = stroke(blankCanvas(), {x: -3, y: 0.5}, {x: 0.5, y: 0.5}, 3, 'paint');
		expect(at(canvas, 0, 0)).toBe(1);
		expect(canvas.pixels.length).toBe(784);
	});

	it('copies a test image in as pixels / 255', () => {
		const images = new Uint8Array(2 * 4);
		images.set([0, 51, 255, 102], 4);
		const canvas = canvasFromImage(images, 1, 2, 2);
		expect([...canvas.pixels].map(v => Number(v.toFixed(3)))).toEqual([0, 0.2, 1, 0.4]);
	});

	it('cycles the brush size 1, 2, 3, 1', () => {
		expect([nextBrushSize(1), nextBrushSize(2), nextBrushSize(3)]).toEqual([2, 3, 1]);
	});

	it('shows the brush on the bytes it draws: lighter on background, darker on ink', () => {
		let canvas = blankCanvas(4, 4);
		canvas = {...canvas, pixels: Float32Array.from({length: 16}, (_, i) => (i === 5 ? 1 : 0))};
		const bytes = canvasBytesWithCursor(canvas, pixelCentre(1, 1), 1);
		expect(bytes[5]).toBeLessThan(128);
		const onBlank = canvasBytesWithCursor(canvas, pixelCentre(2, 2), 1);
		expect(onBlank[10]).toBeGreaterThan(0);
		expect(onBlank[5]).toBe(255);
		expect([...canvasBytesWithCursor(canvas, undefined, 1)].filter(v => v > 0)).toEqual([255]);
	});

	it('maps a screen cell to the canvas: a cell is 1 / zoom pixels wide and 2 / zoom tall', () => {
		const placement = {left: 10, top: 5, zoom: 2, rows: 28, cols: 28};
		expect(canvasPointAt(placement, 10, 5)).toEqual({x: 0.25, y: 0.5});
		expect(canvasPointAt(placement, 11, 6)).toEqual({x: 0.75, y: 1.5});
		expect(canvasPointAt(placement, 10 + 55, 5 + 27)).toEqual({x: 27.75, y: 27.5});
		expect(canvasPointAt(placement, 9, 5)).toBeUndefined();
		expect(canvasPointAt(placement, 10 + 56, 5)).toBeUndefined();
		expect(canvasPointAt(placement, 10, 5 + 28)).toBeUndefined();
		// At zoom 1 a cell covers two pixel rows: the point is between them.
		expect(canvasPointAt({...placement, zoom: 1}, 12, 8)).toEqual({x: 2.5, y: 7});
	});
});
