/**
 * How the weights and generalized-images tabs share their area: an overview of small tiles (each
 * image averaged factor x factor) and, beside it, a detail panel with the selected tile at full
 * resolution. Pure and cheap: the reducer calls tileLayout to move the selection by rows and pages,
 * the views call it to draw, and both get the same answer.
 */

/** Cells beside the detail image for its colour scale: the bar, a space and a value such as -0.53 (5 at most). */
export const scaleWidth = 7;
/** Tiles a page should hold when the set has that many: every neuron of [784,30,10] at once. */
const pageTarget = 30;
/** At most this many tiles a set on screen (the pixel layer holds 200 images in all). */
const maxPerSet = 40;
const factors = [1, 2, 3, 4] as const;

export type TileLayoutInput = {
	/** The tab's area in cells. */
	readonly width: number;
	readonly height: number;
	/** Tiles in the set. */
	readonly count: number;
	/** Trained and untrained together (the maps tab) when they fit, else one set at a time. */
	readonly twoSets: boolean;
	readonly image: {readonly rows: number; readonly cols: number};
	/** A detail panel beside the overview (false in the static snapshot). */
	readonly detail?: boolean;
	/** Keep a page within what the pixel layer holds (false in the static snapshot: every tile at once). */
	readonly bounded?: boolean;
};

export type TileLayout = {
	/** Outer width of the detail panel (0 without one); it takes the area's full height. */
	readonly detailWidth: number;
	/** Outer size of the overview panel. */
	readonly overview: {readonly width: number; readonly height: number};
	/** Each factor x factor block of pixels is averaged into one tile pixel. */
	readonly factor: number;
	/** One tile's image in cells: columns, and text rows (two pixel rows each); a label line goes under it. */
	readonly tileCols: number;
	readonly tileRows: number;
	readonly perRow: number;
	readonly rowsPerPage: number;
	/** Tiles of one set a page. */
	readonly perPage: number;
	/** Trained and untrained shown together, each under a caption line. */
	readonly twoSets: boolean;
};

type Option = {readonly factor: number; readonly twoSets: boolean; readonly perRow: number; readonly rowsPerPage: number};

/** A tile's image size at `factor`: ceil(cols / factor) cells by half as many text rows as pixel rows. */
export function tileSize(image: {readonly rows: number; readonly cols: number}, factor: number): {cols: number; rows: number} {
	return {cols: Math.ceil(image.cols / factor), rows: Math.ceil(Math.ceil(image.rows / factor) / 2)};
}

/** The smallest detail panel: the full-resolution image, a gap, its scale and the border. */
export function minDetailWidth(image: {readonly cols: number}): number {
	return image.cols + 1 + scaleWidth + 2;
}

/** The grid of one set in an overview panel `width` x `height` (border included). */
function gridOf(width: number, height: number, tile: {cols: number; rows: number}, twoSets: boolean): {perRow: number; rowsPerPage: number} {
	const innerWidth = width - 2;
	const innerHeight = height - 2;
	const setHeight = twoSets ? Math.floor((innerHeight - 2) / 2) : innerHeight; // a caption line over each set
	const perRow = Math.max(0, Math.floor((innerWidth + 1) / (tile.cols + 1)));
	const rowsPerPage = Math.max(0, Math.floor(setHeight / (tile.rows + 1)));
	return {perRow, rowsPerPage};
}

/**
 * Which tile size and sets: the largest tiles (smallest factor) that put min(count, 30) tiles of every
 * set asked for on one page, both sets before one; when none does, one set with the most tiles a page.
 */
function chooseOption(input: TileLayoutInput, overviewWidth: number, bounded: boolean): Option {
	const {height, count, image} = input;
	const target = Math.max(1, Math.min(count, bounded ? pageTarget : count));
	const sets = input.twoSets ? [true, false] : [false];
	let best: Option | undefined;
	for (const twoSets of sets) {
		for (const factor of factors) {
			const {perRow, rowsPerPage} = gridOf(overviewWidth, height, tileSize(image, factor), twoSets);
			const option = {factor, twoSets, perRow, rowsPerPage};
			const perPage = Math.min(perRow * rowsPerPage, bounded ? maxPerSet : Infinity);
			if (perPage >= target) {
				return option;
			}

			if (!twoSets && (best === undefined || perPage > Math.min(best.perRow * best.rowsPerPage, maxPerSet))) {
				best = option;
			}
		}
	}

	return best ?? {factor: factors.at(-1)!, twoSets: false, perRow: 1, rowsPerPage: 1};
}

/** The overview and detail panels of a tab `width` x `height` showing `count` tiles. */
export function tileLayout(input: TileLayoutInput): TileLayout {
	const {width, height, count, image, detail = true, bounded = true} = input;
	const widest = detail ? Math.max(3, width - minDetailWidth(image)) : width;
	const option = chooseOption(input, widest, bounded);
	const tile = tileSize(image, option.factor);
	let perRow = Math.max(1, option.perRow);
	let rowsPerPage = Math.max(1, option.rowsPerPage);
	if (count <= perRow * rowsPerPage) {
		// Everything on one page: as few columns as the rows allow, the rest of the width to the detail.
		if (detail) {
			perRow = Math.max(1, Math.ceil(count / rowsPerPage));
		}

		rowsPerPage = Math.max(1, Math.ceil(count / perRow));
	}

	if (bounded && perRow * rowsPerPage > maxPerSet) {
		rowsPerPage = Math.max(1, Math.floor(maxPerSet / perRow));
	}

	const overviewWidth = detail ? Math.min(widest, Math.max(3, (perRow * (tile.cols + 1)) - 1 + 2)) : width;
	// Unbounded (the static snapshot, as tall as it likes): only as tall as its tiles.
	const sets = option.twoSets ? 2 : 1;
	const needed = 2 + (sets * ((rowsPerPage * (tile.rows + 1)) + (option.twoSets ? 1 : 0)));
	return {
		detailWidth: detail ? width - overviewWidth : 0,
		overview: {width: overviewWidth, height: bounded ? height : Math.min(height, needed)},
		factor: option.factor,
		tileCols: tile.cols,
		tileRows: tile.rows,
		perRow,
		rowsPerPage,
		perPage: perRow * rowsPerPage,
		twoSets: option.twoSets,
	};
}

/** Thumbnails in an area: their factor, how many a row, how many show and the rows they take (a heading line included). */
export type ThumbnailPlan = {readonly factor: number; readonly perRow: number; readonly shown: number; readonly height: number};

/**
 * How `count` thumbnails fit in `width` x `rows` under a heading line: the largest (smallest factor)
 * that shows them all, else the size that shows the most (the larger on a tie).
 */
export function thumbnailPlan(width: number, rows: number, image: {readonly rows: number; readonly cols: number}, count: number): ThumbnailPlan {
	let best: ThumbnailPlan = {factor: factors.at(-1)!, perRow: 0, shown: 0, height: 0};
	for (const factor of factors) {
		const size = tileSize(image, factor);
		const perRow = Math.max(0, Math.floor((width + 1) / (size.cols + 1)));
		const lines = Math.max(0, Math.floor((rows - 1) / (size.rows + 1)));
		const shown = Math.min(count, perRow * lines);
		const plan = {factor, perRow, shown, height: shown === 0 ? 0 : 1 + (Math.ceil(shown / perRow) * (size.rows + 1))};
		if (shown === count) {
			return plan;
		}

		if (shown > best.shown) {
			best = plan;
		}
	}

	return best;
}

/** What a neuron's detail panel holds inside its border, `width` x `height`. */
export type DetailPlan = {
	/** The image at full resolution, each pixel zoom x zoom. */
	readonly zoom: number;
	/** The image in cells. */
	readonly imageCols: number;
	readonly imageRows: number;
	/** A line of figures under the image (B and I); without room they go in the title. */
	readonly figuresLine: boolean;
	/** Cells right of the image and its scale, after a gap. */
	readonly side: number;
	/** The bars (the classes it pushes up and down) beside the image rather than under it. */
	readonly barsBeside: boolean;
	/** Bars shown (0 for none), under a heading line, in barColumns columns. */
	readonly bars: number;
	readonly barColumns: number;
	/** Its top-activating test images; shown 0 for none. */
	readonly thumbnails: ThumbnailPlan;
};

/** Narrowest a column of bars goes: a short name, a bar and a value. */
export const minBarsWidth = 20;

type DetailInput = {
	readonly width: number;
	readonly height: number;
	readonly image: {readonly rows: number; readonly cols: number};
	readonly classes: number;
	/** Only a neuron's detail is planned here (a class map's: classDetailPlan). */
	readonly kind?: 'neuron';
	/** Thumbnails wanted (8 unless said). */
	readonly thumbnails?: number;
};

function detailAt(input: DetailInput, zoom: number): DetailPlan {
	const {width, height, image, classes, thumbnails = 8} = input;
	const imageCols = image.cols * zoom;
	const imageRows = Math.ceil((image.rows * zoom) / 2);
	const side = Math.max(0, width - (imageCols + 1 + scaleWidth) - 1);
	let rest = height - imageRows;
	const figuresLine = rest >= 1;
	rest -= figuresLine ? 1 : 0;
	const common = {zoom, imageCols, imageRows, figuresLine, side};
	if (side >= minBarsWidth && imageRows >= 4) {
		return {...common, barsBeside: true, bars: Math.min(classes, imageRows - 1), barColumns: 1, thumbnails: thumbnailPlan(width, rest, image, thumbnails)};
	}

	// Under the image: the bars first (3 up and 3 down), then the thumbnails, then more bars if rows are left.
	const barColumns = width >= (2 * minBarsWidth) + 1 ? 2 : 1;
	let bars = rest >= 2 ? Math.min(classes, 6, (rest - 1) * barColumns) : 0;
	rest -= bars === 0 ? 0 : Math.ceil(bars / barColumns) + 1;
	const thumbs = thumbnailPlan(width, rest, image, thumbnails);
	if (bars > 0) {
		bars = Math.min(classes, bars + (Math.max(0, rest - thumbs.height) * barColumns));
	}

	return {...common, barsBeside: false, bars, barColumns, thumbnails: thumbs};
}

/**
 * A neuron's detail panel inside its border: the image twice as large when that still leaves room
 * for everything else at its full size, else at one pixel per half cell with as much else as fits.
 */
export function detailPlan(input: DetailInput): DetailPlan {
	const {width, image, classes, thumbnails = 8} = input;
	if (width >= (2 * image.cols) + 1 + scaleWidth) {
		const large = detailAt(input, 2);
		if (large.figuresLine && large.bars >= Math.min(classes, 6) && large.thumbnails.shown === thumbnails) {
			return large;
		}
	}

	return detailAt(input, 1);
}

/** What a class map's detail panel holds inside its border (see classDetailPlan). */
export type ClassDetailPlan = {
	readonly zoom: number;
	readonly imageCols: number;
	readonly imageRows: number;
	/** Cells right of the image and its scale, after a gap: the untrained map and the class's figures. */
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
};

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
	const {width, height, image, takenFor, takenForIt, mistakes, right} = input;
	const imageCols = image.cols * zoom;
	const imageRows = Math.ceil((image.rows * zoom) / 2);
	const side = Math.max(0, width - (imageCols + 1 + scaleWidth) - 1);
	const small = tileSize(image, 2);
	const untrainedBeside = side >= small.cols && imageRows >= small.rows + 1;
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
