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
	/** One per place on screen, such as 'weights.trained.3' (the pixel layer's key). */
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
