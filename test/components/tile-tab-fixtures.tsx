/** A [784,30,10] network, a test split and an analysis of it for the weights and generalized-images tab tests. */
import chalk from 'chalk';
import {renderToString} from 'ink';
import type {ReactElement} from 'react';
import {parseCells} from '../../src/app/cell-diff.js';
import {PixelLayer} from '../../src/app/pixel-layer.js';
import {PixelLayerContext} from '../../src/components/PixelImage.js';
import type {DetailAnalysis} from '../../src/components/TileDetail.js';
import {initParameters, type Parameters} from '../../src/nn/network.js';
import {Random} from '../../src/nn/random.js';
import {plain, syntheticSplit} from './fixtures.js';

export const image = {rows: 28, cols: 28};
/** The tab's area at 80x24, 120x40 and 200x60 (see the screen plan). */
export const areas = [{width: 79, height: 16}, {width: 119, height: 32}, {width: 150, height: 56}] as const;

export function network(seed = 3): Parameters {
	return initParameters({layers: [784, 30, 10], init: 'scaled'}, Random.fromSeed(seed));
}

export const split = syntheticSplit(300);

/** Every third test image is taken for the next class; image i's confidence is ((37 i) mod 100) / 100; neuron j's top images are (7j + k) mod 50; class c is taken for class d (d != c) (c + d) mod 7 times, for itself 90. */
export function analysis(): DetailAnalysis {
	return {
		classes: 10,
		labels: split.labels,
		predictions: Uint8Array.from(split.labels, (label, i) => (i % 3 === 0 ? (label + 1) % 10 : label)),
		confidence: Float32Array.from(split.labels, (_, i) => ((37 * i) % 100) / 100),
		recall: Float64Array.from({length: 10}, (_, c) => 0.9 + (c / 100)),
		precision: Float64Array.from({length: 10}, (_, c) => 0.8 + (c / 100)),
		confusion: Int32Array.from({length: 100}, (_, i) => (Math.floor(i / 10) === i % 10 ? 90 : (Math.floor(i / 10) + (i % 10)) % 7)),
		topK: 8,
		topActivating: Int32Array.from({length: 30 * 8}, (_, i) => ((7 * Math.floor(i / 8)) + (i % 8)) % 50),
	};
}

/** The element drawn as text `width` columns wide, escape codes and all. */
export function draw(element: ReactElement, width: number): string {
	return renderToString(element, {columns: width});
}

/**
 * The share of a width x height area left empty: blank cells whose eight neighbours (inside the area)
 * are blank too, so room nobody uses counts and the space between two words or two tiles does not.
 * Images are drawn through a pixel layer and every cell of an image row counts as drawn, never blank
 * (in colour a cell that looks blank still shows its colour).
 */
export function emptyShare(element: ReactElement, width: number, height: number): number {
	const level = chalk.level;
	chalk.level = 3;
	try {
		const layer = new PixelLayer();
		const drawn = draw(<PixelLayerContext.Provider value={layer}>{element}</PixelLayerContext.Provider>, width)
			.split('\n')
			.map(line => layer.segments(line).map(s => (s.image ? '#'.repeat(parseCells(s.out)?.length ?? 0) : s.out)).join(''))
			.join('\n');
		const lines = plain(drawn).split('\n').slice(0, height).map(line => [...line]);
		const blank = (x: number, y: number): boolean => x < 0 || y < 0 || x >= width || y >= height || (lines[y]?.[x] ?? ' ') === ' ';
		let empty = 0;
		for (let y = 0; y < height; y++) {
			for (let x = 0; x < width; x++) {
				let all = true;
				for (let dy = -1; dy <= 1 && all; dy++) {
					for (let dx = -1; dx <= 1 && all; dx++) {
						all = blank(x + dx, y + dy);
					}
				}

				empty += all ? 1 : 0;
			}
		}

		return empty / (width * height);
	} finally {
		chalk.level = level;
	}
}
