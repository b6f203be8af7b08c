import {attributionWidth} from './Attribution.js';
import {tileBandRows} from './Contributors.js';
import {layerLines} from './HiddenStrip.js';

/** Where the explained examples tab puts its panels, in cells (panel heights include their borders). */
export type WhyPlan = {
	/** Rows the panels take (the tab's height less its key line). */
	readonly height: number;
	/** The example's frame (the image at its own size) and the attribution maps beside it, both topHeight tall. */
	readonly exampleWidth: number;
	readonly topHeight: number;
	/** How many of the maps show (the first ones), the panel's width, a caption over each, the scale as a bar. */
	readonly maps: number;
	readonly mapsWidth: number;
	readonly captions: boolean;
	readonly scaleBar: boolean;
	/** The example and its maps, and under them the hidden layers and the contributors, this wide. */
	readonly leftWidth: number;
	readonly hiddenHeight: number;
	readonly contributorsHeight: number;
	/** The confidence and test-set column right of them. */
	readonly sideWidth: number;
};

type Wanted = {
	/** Maps on offer, most useful first (attributionMaps). */
	readonly maps: number;
	/** Each hidden layer's size. */
	readonly hidden: readonly number[];
	/** Whether there are contributors to list (a network with a hidden layer). */
	readonly contributors: boolean;
};

/** The narrowest confidence panel: a class name, a bar of 8, the value and the mark, and its border. */
export function confidenceMinWidth(nameWidth: number): number {
	return nameWidth + 22;
}

/**
 * The explained tab's layout in `width` x `height`, or undefined when not even the example, one map
 * and the confidence panel fit side by side (its bars 2 cells long at the least). The maps drop from the last (the difference, then the
 * true class's) before the scale bar gives way to ±value in the border; the confidence column keeps
 * its narrowest. Under the example and maps, the hidden layers get their strips (2 cells a neuron and
 * a legend, else 1 cell and none), the contributors the rest; when rows are short the contributors
 * stay and the strips go; with no room under them the example and maps take the whole height.
 */
export function whyPlan(width: number, height: number, image: {readonly rows: number; readonly cols: number}, nameWidth: number, wanted: Wanted): WhyPlan | undefined {
	const imageRows = Math.ceil(image.rows / 2);
	if (wanted.maps === 0 || height < imageRows + 2) {
		return undefined;
	}

	const exampleWidth = image.cols + 2;
	const side = confidenceMinWidth(nameWidth);
	let choice: {maps: number; scaleBar: boolean} | undefined;
	for (let maps = wanted.maps; maps >= 1 && choice === undefined; maps--) {
		for (const scaleBar of [true, false]) {
			if (choice === undefined && exampleWidth + 1 + attributionWidth(maps, image.cols, scaleBar) + 1 + side <= width) {
				choice = {maps, scaleBar};
			}
		}
	}

	// At the smallest sizes (80x24) one map with its scale in words, and the confidence bars 2 cells long.
	if (choice === undefined && exampleWidth + 1 + attributionWidth(1, image.cols, false) + 1 + nameWidth + 16 <= width) {
		choice = {maps: 1, scaleBar: false};
	}

	if (choice === undefined) {
		return undefined;
	}

	const captions = height >= imageRows + 3;
	const mapsWidth = attributionWidth(choice.maps, image.cols, choice.scaleBar);
	const leftWidth = exampleWidth + 1 + mapsWidth;
	const inner = leftWidth - 2;
	let topHeight = Math.min(height, imageRows + 2 + (captions ? 1 : 0));
	const below = height - topHeight;
	const natural = 2 + wanted.hidden.reduce((sum, n) => sum + layerLines(n, inner, 2), 0) + 1;
	const least = 2 + wanted.hidden.reduce((sum, n) => sum + layerLines(n, inner, 1), 0);
	const contributorsLeast = 4;
	let hiddenHeight = 0;
	let contributorsHeight = 0;
	if (wanted.contributors && below >= contributorsLeast) {
		hiddenHeight = [natural, least].find(rows => below - rows >= contributorsLeast) ?? 0;
		contributorsHeight = below - hiddenHeight;
		// A contributor's tile band and every neuron listed is all it can use: the strips take the rest.
		const most = 3 + tileBandRows(image.rows) + (wanted.hidden.at(-1) ?? 0);
		if (contributorsHeight > most && hiddenHeight > 0) {
			hiddenHeight += contributorsHeight - most;
			contributorsHeight = most;
		}
	} else if (wanted.hidden.length > 0 && below >= least) {
		hiddenHeight = below;
	}

	if (hiddenHeight + contributorsHeight === 0) {
		topHeight = height;
	}

	return {
		height, exampleWidth, topHeight, maps: choice.maps, mapsWidth, captions, scaleBar: choice.scaleBar, leftWidth,
		hiddenHeight, contributorsHeight, sideWidth: width - leftWidth - 1,
	};
}
