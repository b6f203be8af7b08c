/**
 * How a class map's detail panel (the generalized-images tab) fills its area: the class's image at
 * full resolution (doubled when the panel is large), the untrained map and the figures beside it, the
 * lists of the classes it is confused with, its misclassified test images and its right ones least
 * sure. Pure, like tileLayout, so it can be tested without a terminal.
 */
import {factors, minBarsWidth, scaleWidth, thumbnailPlan, tileSize, type ThumbnailPlan} from './tile-layout.js';

/** What a class map's detail panel holds inside its border (see classDetailPlan). */
export type ClassDetailPlan = {
	readonly zoom: number;
	readonly imageCols: number;
	readonly imageRows: number;
	/** Cells right of the image and its scale, after sideGap: the untrained map and the class's figures. */
	readonly side: number;
	/** The untrained map small (averaged 2 x 2) beside the trained one, under a caption. */
	readonly untrainedBeside: boolean;
	/** Lines of figures (recall, precision and their counts) in that side column: 0, 2 or 4. */
	readonly figuresBeside: number;
	/** Else the figures in a line under the image (without room: in the title). */
	readonly figuresLine: boolean;
	/** Bars a list of the classes it is taken for and taken for it (-1: no lists, not even their headings). */
	readonly pairs: number;
	/** The two lists side by side (2) or one under the other (1). */
	readonly pairColumns: 1 | 2;
	/** Its misclassified test images: its own taken for another class, then others' taken for it. */
	readonly mistakes: ThumbnailPlan;
	/** Then its test images classified right, least sure first: as many as the rows left hold. */
	readonly leastSure: ThumbnailPlan;
};

export type ClassDetailInput = {
	/** Inside the border. */
	readonly width: number;
	readonly height: number;
	readonly image: {readonly rows: number; readonly cols: number};
	/** How many classes its test images are taken for, and how many classes are taken for it. */
	readonly takenFor: number;
	readonly takenForIt: number;
	/** Its misclassified test images: its own taken for another class and others' taken for it. */
	readonly mistakes: number;
	/** Its test images classified right. */
	readonly right: number;
	/** Show the untrained map beside the image when there is room (false: the network is untrained, the map is the same). */
	readonly untrainedMap?: boolean;
};

/** Blank cells between the scale's values and the column beside it, so `+5.12` and `untrained` read apart. */
export const sideGap = 3;

/** Cells the figures beside the image need (`precision 100.0%`, `1,135 of 1,135 images`), and their lines. */
const figuresWidth = 18;
const figureLines = 4;
/** Rows a doubled class image must leave under it: the lists of confusions and a row of thumbnails. */
const zoomRest = 18;
/** At most this many least-sure thumbnails (the pixel layer holds 200 images on screen). */
const maxLeastSure = 40;

/** Thumbnails that fill `rows`: the factor (2 to 4) leaving the fewest rows unused, the sharpest on a tie, at least one row. */
export function fillPlan(width: number, rows: number, image: {readonly rows: number; readonly cols: number}, count: number): ThumbnailPlan {
	let best: ThumbnailPlan & {unused: number} = {factor: factors.at(-1)!, perRow: 0, shown: 0, height: 0, unused: Infinity};
	for (const factor of factors.slice(1)) {
		const size = tileSize(image, factor);
		const perRow = Math.floor((width + 1) / (size.cols + 1));
		const lines = Math.min(Math.floor((rows - 1) / (size.rows + 1)), perRow === 0 ? 0 : Math.ceil(Math.min(count, maxLeastSure) / perRow));
		const shown = Math.min(count, maxLeastSure, perRow * lines);
		const height = 1 + (lines * (size.rows + 1));
		if (shown > 0 && rows - height < best.unused) {
			best = {factor, perRow, shown, height, unused: rows - height};
		}
	}

	const {unused, ...plan} = best;
	return unused === Infinity ? {...plan, shown: 0, height: 0} : plan;
}

function classDetailAt(input: ClassDetailInput, zoom: number): ClassDetailPlan {
	const {width, height, image, takenFor, takenForIt, mistakes, right, untrainedMap = true} = input;
	const imageCols = image.cols * zoom;
	const imageRows = Math.ceil((image.rows * zoom) / 2);
	const side = Math.max(0, width - (imageCols + 1 + scaleWidth) - sideGap);
	const small = tileSize(image, 2);
	const untrainedBeside = untrainedMap && side >= small.cols && imageRows >= small.rows + 1;
	const sideRows = imageRows - (untrainedBeside ? small.rows + 2 : 0); // its caption and a gap line
	const figuresBeside = side >= figuresWidth && sideRows >= 2 ? (sideRows >= figureLines ? figureLines : 2) : 0;
	let rest = height - imageRows;
	const figuresLine = figuresBeside === 0 && rest >= 1;
	rest -= figuresLine ? 1 : 0;
	// The two lists under a heading each: side by side, or one under the other; 3 bars each first.
	const pairColumns = width >= (2 * minBarsWidth) + 1 ? 2 : 1;
	const most = Math.max(takenFor, takenForIt);
	const listsHeight = (n: number): number => (pairColumns === 2 ? 1 + Math.min(most, n) : 2 + Math.min(takenFor, n) + Math.min(takenForIt, n));
	let pairs = -1;
	for (let n = Math.min(3, most); n >= 0 && pairs < 0; n--) {
		pairs = listsHeight(n) <= rest ? n : -1;
	}

	rest -= pairs < 0 ? 0 : listsHeight(pairs);
	let mistakesPlan = thumbnailPlan(width, rest, image, mistakes);
	// Too few rows left for a row of the least sure: smaller mistakes when that still shows them all.
	const leastRows = 2 + tileSize(image, factors.at(-1)!).rows;
	if (right > 0 && rest - mistakesPlan.height < leastRows) {
		const smaller = thumbnailPlan(width, rest - leastRows, image, mistakes);
		mistakesPlan = smaller.shown >= mistakesPlan.shown ? smaller : mistakesPlan;
	}

	rest -= mistakesPlan.height;
	// Rows left: every bar, then the least-sure images in what remains.
	if (pairs >= 0 && most > pairs && listsHeight(most) - listsHeight(pairs) <= rest) {
		rest -= listsHeight(most) - listsHeight(pairs);
		pairs = most;
	}

	const leastSure = fillPlan(width, rest, image, right);
	return {zoom, imageCols, imageRows, side, untrainedBeside, figuresBeside, figuresLine, pairs, pairColumns, mistakes: mistakesPlan, leastSure};
}

/**
 * A class map's detail panel inside its border: the image twice as large when the panel is wide
 * enough and leaves zoomRest rows under it (decided by the size alone, so moving from class to class
 * keeps the image's size), else at one pixel per half cell; then the figures, the lists of the classes
 * it is confused with, its misclassified test images and, in the rows left, the right ones least sure.
 */
export function classDetailPlan(input: ClassDetailInput): ClassDetailPlan {
	const {width, height, image} = input;
	const double = width >= (2 * image.cols) + 1 + scaleWidth && height - image.rows >= zoomRest;
	return classDetailAt(input, double ? 2 : 1);
}
