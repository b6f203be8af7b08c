/**
 * What the weights and generalized-images tabs draw, as numbers: one source a tile, for a network,
 * and what training changed between two networks, computed the same way for both tabs. Pure: no React.
 */
import {classMaps, maxAbs} from '../nn/class-maps.js';
import type {Parameters} from '../nn/network.js';

/** One tile: an image's values and the figures its label shows beside them. */
export type TileSource = {
	/** Row-major, image rows x cols. */
	readonly values: Float32Array;
	/** Numbers that belong with the image (a neuron's bias), subtracted with it for the change. */
	readonly figures: readonly number[];
};

/** A tile as the grid draws it: its image's text rows and its label, and where it goes on screen. */
export type Tile = {
	/** One per place on screen, such as 'weights.0.3' (set 0, tile 3 of the page: the pixel layer's key). */
	readonly id: string;
	readonly lines: readonly string[];
	readonly label: string;
	readonly selected: boolean;
};

/** Each first-layer neuron: its incoming weights (views into the matrix, not copies) and its bias. */
export function neuronSources(p: Parameters): TileSource[] {
	const inputs = p.layers[0];
	const weights = p.weights[0]; // layers[1] x inputs
	return Array.from({length: p.layers[1]}, (_, j) => ({
		values: weights.subarray(j * inputs, (j + 1) * inputs),
		figures: [p.biases[0][j]],
	}));
}

/** Each class's generalized image (see classMaps); no figures. */
export function classMapSources(p: Parameters): TileSource[] {
	return classMaps(p).map(values => ({values, figures: []}));
}

/** What training changed: trained minus untrained, tile by tile, value by value and figure by figure. */
export function changeOf(trained: readonly TileSource[], untrained: readonly TileSource[]): TileSource[] {
	return trained.map((source, i) => {
		const before = untrained[i];
		return {
			values: source.values.map((v, k) => v - before.values[k]),
			figures: source.figures.map((f, k) => Math.fround(f - before.figures[k])), // in float32, as the values
		};
	});
}

/** The largest |value| of all tiles, for one colour scale over them all. */
export function sharedScaleOf(sources: readonly TileSource[]): number {
	let scale = 0;
	for (const {values} of sources) {
		scale = Math.max(scale, maxAbs(values));
	}

	return scale;
}

/** The page of `perPage` tiles that holds `selected`: its first index and how many it shows of `total`. */
export function pageOf(selected: number, perPage: number, total: number): {readonly first: number; readonly count: number} {
	const first = Math.max(0, Math.floor(selected / perPage) * perPage);
	return {first, count: Math.min(perPage, total - first)};
}

/** The image with every value repeated zoom x zoom times: rows * zoom x cols * zoom, row-major. */
export function enlarge(values: ArrayLike<number>, rows: number, cols: number, zoom: number): Float32Array {
	const wide = cols * zoom;
	const out = new Float32Array(rows * zoom * wide);
	for (let y = 0; y < rows * zoom; y++) {
		const from = Math.floor(y / zoom) * cols;
		for (let x = 0; x < wide; x++) {
			out[(y * wide) + x] = values[from + Math.floor(x / zoom)];
		}
	}

	return out;
}

/**
 * Which of `values` to show when only `count` fit: indices sorted by value, largest first, and when
 * not all fit the first ceil(count / 2) and the last floor(count / 2) of that order (the most up, the most down).
 */
export function extremes(values: ArrayLike<number>, count: number): number[] {
	const order = Array.from({length: values.length}, (_, i) => i).sort((a, b) => (values[b] - values[a]) || (a - b));
	if (count >= order.length) {
		return order;
	}

	const up = Math.ceil(count / 2);
	return [...order.slice(0, up), ...order.slice(order.length - (count - up))];
}

/** A number with `digits` decimals, without a minus sign on a value that rounds to zero. */
export function fixed(value: number, digits: number): string {
	const text = value.toFixed(digits);
	return Number(text) === 0 ? (0).toFixed(digits) : text;
}

/** A scale's end value in at most 5 characters with its sign: +0.53, -12.4, +350, +1e4; 0 without one. */
export function scaleText(value: number, sign: '+' | '-'): string {
	const a = Math.abs(value);
	if (a === 0) {
		return '0';
	}

	const body = a < 10 ? a.toFixed(2) : (a < 100 ? a.toFixed(1) : (a < 10_000 ? a.toFixed(0) : a.toExponential(0).replace('+', '')));
	return `${sign}${body}`;
}
