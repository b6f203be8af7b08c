/**
 * A figure's pixels: an RGB raster in memory, with the few drawing operations the figures need
 * (rectangles, lines, images scaled up by whole pixels). Pure: no I/O, no terminal.
 */
import {ShapeError} from '../errors.js';
import type {Rgb} from '../render/palette.js';

/** width x height pixels, row-major, three bytes (red, green, blue) each. */
export type Canvas = {readonly width: number; readonly height: number; readonly rgb: Uint8Array};

export const white: Rgb = [255, 255, 255];
export const black: Rgb = [0, 0, 0];
/** Text and axes on the white page. */
export const ink: Rgb = [30, 30, 30];
/** Secondary text: tick labels, notes. */
export const muted: Rgb = [110, 110, 110];

/** A canvas filled with `background` (white). */
export function createCanvas(width: number, height: number, background: Rgb = white): Canvas {
	if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
		throw new ShapeError(`a figure must be at least 1x1 whole pixels, got ${width}x${height}`);
	}

	const canvas = {width, height, rgb: new Uint8Array(width * height * 3)};
	fillRect(canvas, 0, 0, width, height, background);
	return canvas;
}

/** The colour at (x, y). */
export function pixelAt(canvas: Canvas, x: number, y: number): Rgb {
	const i = ((y * canvas.width) + x) * 3;
	return [canvas.rgb[i], canvas.rgb[i + 1], canvas.rgb[i + 2]];
}

/** Fill the rectangle at (x, y) of w x h pixels, cut at the canvas' edges. */
export function fillRect(canvas: Canvas, x: number, y: number, w: number, h: number, color: Rgb): void {
	const x0 = Math.max(0, Math.round(x));
	const y0 = Math.max(0, Math.round(y));
	const x1 = Math.min(canvas.width, Math.round(x + w));
	const y1 = Math.min(canvas.height, Math.round(y + h));
	const {rgb, width} = canvas;
	for (let row = y0; row < y1; row++) {
		for (let i = ((row * width) + x0) * 3, end = ((row * width) + x1) * 3; i < end; i += 3) {
			rgb[i] = color[0];
			rgb[i + 1] = color[1];
			rgb[i + 2] = color[2];
		}
	}
}

/** A one-pixel frame around the rectangle at (x, y) of w x h, drawn just outside it. */
export function frameRect(canvas: Canvas, x: number, y: number, w: number, h: number, color: Rgb): void {
	fillRect(canvas, x - 1, y - 1, w + 2, 1, color);
	fillRect(canvas, x - 1, y + h, w + 2, 1, color);
	fillRect(canvas, x - 1, y, 1, h, color);
	fillRect(canvas, x + w, y, 1, h, color);
}

/** A line from (x0, y0) to (x1, y1), `thickness` pixels square per step; `dash` > 0 draws dashes that long. */
export function drawLine(canvas: Canvas, x0: number, y0: number, x1: number, y1: number, color: Rgb, thickness = 2, dash = 0): void {
	const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
	const half = (thickness - 1) / 2;
	for (let s = 0; s <= steps; s++) {
		if (dash > 0 && Math.floor(s / dash) % 2 === 1) {
			continue;
		}

		const x = x0 + ((x1 - x0) * s / steps);
		const y = y0 + ((y1 - y0) * s / steps);
		fillRect(canvas, Math.round(x - half), Math.round(y - half), thickness, thickness, color);
	}
}

/**
 * An image of cols x rows values at (x, y), each value a square of `scale` x `scale` pixels in the
 * colour `colorOf` gives it (row-major, as the datasets and first-layer weights are).
 */
export function drawPixels(
	canvas: Canvas, x: number, y: number, cols: number, rows: number, scale: number, values: ArrayLike<number>, colorOf: (value: number) => Rgb,
): void {
	if (values.length < cols * rows) {
		throw new ShapeError(`an image of ${cols}x${rows} needs ${cols * rows} values, got ${values.length}`);
	}

	for (let r = 0; r < rows; r++) {
		for (let c = 0; c < cols; c++) {
			fillRect(canvas, x + (c * scale), y + (r * scale), scale, scale, colorOf(values[(r * cols) + c]));
		}
	}
}

/** Black or white, whichever reads better on `background` (Rec. 709 luma). */
export function textColorOn(background: Rgb): Rgb {
	const luma = (0.2126 * background[0]) + (0.7152 * background[1]) + (0.0722 * background[2]);
	return luma > 140 ? black : white;
}
