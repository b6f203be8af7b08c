/**
 * The drawing canvas of the draw tab: a rows x cols image of floats (0 = background .. 1 = full ink,
 * row-major) and a soft round brush. Pure: every change returns a new array, so the reducer can keep
 * the canvas in the UI state.
 *
 * Coordinates are continuous: pixel (x, y) covers [x, x+1) x [y, y+1) and its centre is at
 * (x + 0.5, y + 0.5). A stroke from one point to the next paints every pixel whose centre is near the
 * segment between them (the brush stamped continuously along it), so a fast drag leaves no gaps.
 */

export type BrushSize = 1 | 2 | 3;
export const brushSizes: readonly BrushSize[] = [1, 2, 3];

export type Point = {readonly x: number; readonly y: number};

/** Paint adds ink (each pixel keeps the most it was given), erase takes it away. */
export type StrokeMode = 'paint' | 'erase';

export type CanvasImage = {
	readonly rows: number;
	readonly cols: number;
	/** rows x cols, 0..1. */
	readonly pixels: Float32Array;
};

/**
 * The brush: full ink within `core` of the stroke, falling linearly to none over `edge` more. Size 1
 * is a pixel with a soft rim, size 2 a line about 3 pixels wide (MNIST's strokes), size 3 about 4.
 */
const brushes: Readonly<Record<BrushSize, {core: number; edge: number}>> = {
	1: {core: 0.5, edge: 1},
	2: {core: 1, edge: 1},
	3: {core: 1.5, edge: 1},
};

/** How much ink the brush of `size` gives a pixel whose centre is `distance` from the stroke (0..1). */
export function brushIntensity(size: BrushSize, distance: number): number {
	const {core, edge} = brushes[size];
	return Math.max(0, Math.min(1, 1 - ((distance - core) / edge)));
}

/** The farthest a pixel's centre can be from the stroke and still get ink. */
export function brushReach(size: BrushSize): number {
	const {core, edge} = brushes[size];
	return core + edge;
}

export function blankCanvas(rows = 28, cols = 28): CanvasImage {
	return {rows, cols, pixels: new Float32Array(rows * cols)};
}

/** Image `index` of a dataset's bytes (rows x cols each) as a canvas: pixels / 255. */
export function canvasFromImage(images: Uint8Array, index: number, rows: number, cols: number): CanvasImage {
	const size = rows * cols;
	const pixels = new Float32Array(size);
	for (let i = 0; i < size; i++) {
		pixels[i] = images[(index * size) + i] / 255;
	}

	return {rows, cols, pixels};
}

/** Distance from p to the segment a-b (to the point a when a and b are the same). */
function distanceToSegment(px: number, py: number, a: Point, b: Point): number {
	const [dx, dy] = [b.x - a.x, b.y - a.y];
	const length2 = (dx * dx) + (dy * dy);
	const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, (((px - a.x) * dx) + ((py - a.y) * dy)) / length2));
	const [cx, cy] = [a.x + (t * dx) - px, a.y + (t * dy) - py];
	return Math.hypot(cx, cy);
}

/**
 * The canvas with a stroke from `from` to `to` (the same point for a dot): paint raises each pixel to
 * the brush's ink there, erase lowers it to what the brush leaves (1 - its ink). A new canvas.
 */
export function stroke(canvas: CanvasImage, from: Point, to: Point, size: BrushSize, mode: StrokeMode): CanvasImage {
	const {rows, cols} = canvas;
	const pixels = canvas.pixels.slice();
	const reach = brushReach(size);
	const top = Math.max(0, Math.floor(Math.min(from.y, to.y) - reach));
	const bottom = Math.min(rows - 1, Math.ceil(Math.max(from.y, to.y) + reach));
	const left = Math.max(0, Math.floor(Math.min(from.x, to.x) - reach));
	const right = Math.min(cols - 1, Math.ceil(Math.max(from.x, to.x) + reach));
	for (let y = top; y <= bottom; y++) {
		for (let x = left; x <= right; x++) {
			const ink = brushIntensity(size, distanceToSegment(x + 0.5, y + 0.5, from, to));
			if (ink > 0) {
				const i = (y * cols) + x;
				pixels[i] = mode === 'paint' ? Math.max(pixels[i], ink) : Math.min(pixels[i], 1 - ink);
			}
		}
	}

	return {rows, cols, pixels};
}

/** The centre of pixel (x, y): where the keyboard's brush stands. */
export function pixelCentre(x: number, y: number): Point {
	return {x: x + 0.5, y: y + 0.5};
}

/** The next brush size after `size`, back to 1 after 3. */
export function nextBrushSize(size: BrushSize): BrushSize {
	return brushSizes[(brushSizes.indexOf(size) + 1) % brushSizes.length];
}

/**
 * The canvas as grey bytes to draw (0..255), with the brush's place shown: the pixels under the
 * brush's core at `cursor` are lightened when dark and darkened when light, so the brush shows on
 * ink and on background alike.
 */
export function canvasBytesWithCursor(canvas: CanvasImage, cursor: Point | undefined, size: BrushSize): Uint8Array {
	const {rows, cols, pixels} = canvas;
	const out = new Uint8Array(rows * cols);
	for (let i = 0; i < out.length; i++) {
		out[i] = Math.round(Math.max(0, Math.min(1, pixels[i])) * 255);
	}

	if (cursor === undefined) {
		return out;
	}

	const core = Math.max(0.5, brushes[size].core);
	for (let y = Math.max(0, Math.floor(cursor.y - core)); y <= Math.min(rows - 1, Math.floor(cursor.y + core)); y++) {
		for (let x = Math.max(0, Math.floor(cursor.x - core)); x <= Math.min(cols - 1, Math.floor(cursor.x + core)); x++) {
			if (Math.hypot(x + 0.5 - cursor.x, y + 0.5 - cursor.y) <= core + 1e-9) {
				const i = (y * cols) + x;
				out[i] = out[i] >= 128 ? 70 : 150;
			}
		}
	}

	return out;
}

/** Where on the canvas a mouse cell falls: the canvas drawn `zoom` times, a cell 1 pixel wide and 2 tall. */
export type CanvasPlacement = {
	/** The screen cell (0-based column and row) of the canvas's top-left corner. */
	readonly left: number;
	readonly top: number;
	readonly zoom: number;
	readonly rows: number;
	readonly cols: number;
};

/**
 * The canvas point under screen cell (column, row), 0-based: the middle of the area the cell covers
 * (1 / zoom canvas pixels wide, 2 / zoom tall), or undefined when the cell is off the canvas.
 */
export function canvasPointAt(placement: CanvasPlacement, column: number, row: number): Point | undefined {
	const {left, top, zoom, rows, cols} = placement;
	const [cx, cy] = [column - left, row - top];
	if (cx < 0 || cy < 0 || cx >= cols * zoom || cy >= Math.ceil((rows * zoom) / 2)) {
		return undefined;
	}

	return {x: (cx + 0.5) / zoom, y: Math.min(rows, ((2 * cy) + 1) / zoom)};
}
