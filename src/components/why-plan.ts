import {attributionWidth} from './Attribution.js';
import {contributorBarWidth, tileBandRows} from './Contributors.js';
import {layerLines} from './HiddenStrip.js';

/** Where the hidden layers' strips go: under everything left, in the room under the example or under the maps, or at the foot of the side column. */
export type HiddenPlace = 'below' | 'under-example' | 'under-maps' | 'side';

/** Where the explained examples tab puts its panels, in cells (panel heights include their borders). */
export type WhyPlan = {
	/** Rows the panels take (the tab's height less its key line). */
	readonly height: number;
	/** The example's frame, its image `exampleZoom` times its size; topHeight tall unless the strips stand under it. */
	readonly exampleZoom: number;
	readonly exampleWidth: number;
	readonly exampleHeight: number;
	readonly topHeight: number;
	/** How many of the maps show (the first ones), `mapColumns` a row at `mapZoom`; the panel's size, a caption over each, the scale as a bar. */
	readonly maps: number;
	readonly mapZoom: number;
	readonly mapColumns: number;
	readonly mapRows: number;
	readonly mapsWidth: number;
	readonly mapsHeight: number;
	readonly captions: boolean;
	readonly scaleBar: boolean;
	/** The example and its maps, and under them the contributors (and the strips when below), this wide. */
	readonly leftWidth: number;
	readonly hiddenPlace: HiddenPlace;
	readonly hiddenHeight: number;
	readonly contributorsHeight: number;
	/** How long the contributors' bars are (for neurons up to #99 and shares up to ±9.99). */
	readonly contributorBarWidth: number;
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
	/** Whether the contributors have weight tiles to show (one hidden layer over the image). */
	readonly tiles?: boolean;
	/** How many classes the side column lists (10 unless said). */
	readonly classes?: number;
};

type Image = {readonly rows: number; readonly cols: number};

/** The narrowest confidence panel: a class name, a bar of 8, the value and the mark, and its border. */
export function confidenceMinWidth(nameWidth: number): number {
	return nameWidth + 22;
}

/** The rows a strip panel `width` wide needs for every layer: with 1-cell neurons and no legend (least) or 2-cell ones and the legend (natural). */
function stripRows(hidden: readonly number[], width: number, natural: boolean): number {
	return 2 + hidden.reduce((sum, n) => sum + layerLines(n, width - 2, natural ? 2 : 1), 0) + (natural ? 1 : 0);
}

/** The fewest rows the contributors panel lists a neuron in, and with its tiles above. */
const contributorsLeast = 4;
const withTilesLeast = (image: Image): number => tileBandRows(image.rows) + 5;

type Shape = {exampleZoom: number; mapZoom: number; maps: number; mapColumns: number; scaleBar: boolean};

/** The top row's part of a plan for one shape, or undefined when it does not fit beside the side column or in the height. */
function topOf(shape: Shape, width: number, height: number, image: Image, sideLeast: number) {
	const exampleWidth = (image.cols * shape.exampleZoom) + 2;
	const gridRows = Math.ceil(shape.maps / shape.mapColumns);
	// A place left free in the last row of maps holds the scale bar, so it costs no width there.
	const slot = gridRows * shape.mapColumns > shape.maps;
	const mapsWidth = attributionWidth(shape.mapColumns, image.cols * shape.mapZoom, shape.scaleBar && !slot);
	const leftWidth = exampleWidth + 1 + mapsWidth;
	const exampleHeight = Math.ceil(image.rows * shape.exampleZoom / 2) + 2;
	const mapsHeightWith = (captions: boolean) => 2 + (gridRows * (Math.ceil(image.rows * shape.mapZoom / 2) + (captions ? 1 : 0)));
	// One row of maps may go without captions (a single map's goes in the title); more rows need them.
	const captions = gridRows > 1 || mapsHeightWith(true) <= height;
	const mapsHeight = mapsHeightWith(captions);
	if (width - leftWidth - 1 < sideLeast || Math.max(exampleHeight, mapsHeight) > height) {
		return undefined;
	}

	return {...shape, exampleWidth, mapsWidth, leftWidth, exampleHeight, mapsHeight, captions, gridRows, topHeight: Math.max(exampleHeight, mapsHeight)};
}

type Top = NonNullable<ReturnType<typeof topOf>>;

/**
 * The rows under and beside the top row: the strips in the room under the shorter of the example and
 * the maps when they fit there; else under everything (2 cells a neuron and a legend, else 1 cell and
 * none) with the contributors the rest, and when the strips would leave the contributors no room for
 * their tiles, at the foot of the side column if it has the rows to spare.
 */
function lowerOf(top: Top, width: number, height: number, image: Image, wanted: Wanted) {
	const below = height - top.topHeight;
	const gap = Math.abs(top.exampleHeight - top.mapsHeight);
	const gapWidth = top.exampleHeight < top.mapsHeight ? top.exampleWidth : top.mapsWidth;
	const hasHidden = wanted.hidden.length > 0;
	if (hasHidden && gap > 0 && gap >= stripRows(wanted.hidden, gapWidth, false)) {
		const hiddenPlace: HiddenPlace = top.exampleHeight < top.mapsHeight ? 'under-example' : 'under-maps';
		return {hiddenPlace, hiddenHeight: gap, contributorsHeight: wanted.contributors && below >= contributorsLeast ? below : 0};
	}

	if (!wanted.contributors || below < contributorsLeast) {
		return {hiddenPlace: 'below' as HiddenPlace, hiddenHeight: hasHidden && below >= stripRows(wanted.hidden, top.leftWidth, false) ? below : 0, contributorsHeight: 0};
	}

	const natural = stripRows(wanted.hidden, top.leftWidth, true);
	const least = stripRows(wanted.hidden, top.leftWidth, false);
	let hiddenHeight = hasHidden ? ([natural, least].find(rows => below - rows >= contributorsLeast) ?? 0) : 0;
	const sideWidth = width - top.leftWidth - 1;
	const classes = wanted.classes ?? 10;
	const sideSpare = height - (classes + 2) - (classes + 4);
	if (wanted.tiles === true && hiddenHeight > 0 && below - hiddenHeight < withTilesLeast(image) && below >= withTilesLeast(image)
		&& sideSpare >= stripRows(wanted.hidden, sideWidth, false)) {
		return {hiddenPlace: 'side' as HiddenPlace, hiddenHeight: sideSpare, contributorsHeight: below};
	}

	// A contributor's tile band and every neuron listed is all it can use: the strips take the rest.
	const most = 3 + (wanted.tiles === true ? tileBandRows(image.rows) : 0) + (wanted.hidden.at(-1) ?? 0);
	let contributorsHeight = below - hiddenHeight;
	if (contributorsHeight > most && hiddenHeight > 0) {
		hiddenHeight += contributorsHeight - most;
		contributorsHeight = most;
	}

	return {hiddenPlace: 'below' as HiddenPlace, hiddenHeight, contributorsHeight};
}

/** Every shape worth trying: example and map zooms up to 3 (the maps no larger than the example), each count of maps, each number a row, with and without the scale bar. */
function shapes(wantedMaps: number): Shape[] {
	const all: Shape[] = [];
	for (let exampleZoom = 3; exampleZoom >= 1; exampleZoom--) {
		for (let mapZoom = exampleZoom; mapZoom >= 1; mapZoom--) {
			for (let maps = wantedMaps; maps >= 1; maps--) {
				for (let mapColumns = maps; mapColumns >= Math.ceil(maps / 2); mapColumns--) {
					all.push({exampleZoom, mapZoom, maps, mapColumns, scaleBar: true}, {exampleZoom, mapZoom, maps, mapColumns, scaleBar: false});
				}
			}
		}
	}

	return all;
}

/** A plan's merits, most important first, compared in order: the contributors get their rows, more maps, larger maps, a larger example, the scale bar, fewer rows of maps. */
function merits(plan: WhyPlan, wanted: Wanted): number[] {
	return [wanted.contributors ? Number(plan.contributorsHeight >= contributorsLeast) : 1, plan.maps, plan.mapZoom, plan.exampleZoom, Number(plan.scaleBar), -plan.mapRows];
}

function better(a: readonly number[], b: readonly number[]): boolean {
	const k = a.findIndex((value, i) => value !== b[i]);
	return k !== -1 && a[k] > b[k];
}

/**
 * The explained tab's layout in `width` x `height`, or undefined when not even the example, one map
 * and the confidence panel fit side by side (its bars 2 cells long at the least). Of the shapes that
 * fit beside the confidence column (at its narrowest), it takes the one that leaves the contributors
 * rows, then shows the most maps (a misclassified example's true class and difference too, two a row
 * when three do not fit in one), then draws them largest, then the example largest, then keeps the
 * scale bar (else ±value in the border). The top row takes the whole height when nothing fits under it.
 */
export function whyPlan(width: number, height: number, image: Image, nameWidth: number, wanted: Wanted): WhyPlan | undefined {
	if (wanted.maps === 0 || height < Math.ceil(image.rows / 2) + 2) {
		return undefined;
	}

	let best: (WhyPlan) | undefined;
	let bestMerits: number[] = [];
	for (const shape of shapes(wanted.maps)) {
		const top = topOf(shape, width, height, image, confidenceMinWidth(nameWidth));
		if (top !== undefined) {
			const plan = complete(top, width, height, image, wanted);
			const planMerits = merits(plan, wanted);
			if (best === undefined || better(planMerits, bestMerits)) {
				[best, bestMerits] = [plan, planMerits];
			}
		}
	}

	if (best !== undefined) {
		return best;
	}

	// At the smallest sizes (80x24) one map with its scale in words, and the confidence bars 2 cells long.
	const smallest = topOf({exampleZoom: 1, mapZoom: 1, maps: 1, mapColumns: 1, scaleBar: false}, width, height, image, nameWidth + 16);
	return smallest === undefined ? undefined : complete(smallest, width, height, image, wanted);
}

/**
 * A top row with what goes under and beside it. With nothing under it the top takes the whole height;
 * the taller of the example and the maps is the top's height, the shorter one too unless the strips
 * stand under it (in the rows left).
 */
function complete(top: Top, width: number, height: number, image: Image, wanted: Wanted): WhyPlan {
	const lower = lowerOf(top, width, height, image, wanted);
	const below = lower.contributorsHeight + (lower.hiddenPlace === 'below' ? lower.hiddenHeight : 0);
	const topHeight = below === 0 ? height : top.topHeight;
	const beside = lower.hiddenHeight > 0 && (lower.hiddenPlace === 'under-example' || lower.hiddenPlace === 'under-maps');
	const hiddenHeight = beside ? lower.hiddenHeight + topHeight - top.topHeight : lower.hiddenHeight;
	const under = (place: HiddenPlace, rows: number) => (beside && lower.hiddenPlace === place ? rows : topHeight);
	return {
		height, exampleZoom: top.exampleZoom, exampleWidth: top.exampleWidth, exampleHeight: under('under-example', top.exampleHeight), topHeight,
		maps: top.maps, mapZoom: top.mapZoom, mapColumns: top.mapColumns, mapsWidth: top.mapsWidth, mapsHeight: under('under-maps', top.mapsHeight),
		captions: top.captions, scaleBar: top.scaleBar, leftWidth: top.leftWidth, ...lower, hiddenHeight,
		contributorBarWidth: contributorBarWidth(top.leftWidth, 3, 5), sideWidth: width - top.leftWidth - 1, mapRows: top.gridRows,
	};
}
