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
/** Averaging factors of tiles and thumbnails, sharpest first. */
export const factors = [1, 2, 3, 4] as const;

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
	/** Blank cells each side of the tiles inside the overview's border: 1 when the width has room, else 0. */
	readonly padding: number;
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

/**
 * Tiles a row for `count` tiles that fit `maxPerRow` x `maxRows` on one page: the rows filled from the
 * top (10 in 3 rows: 4 + 4 + 2), or one row fewer with no slot left empty (5 + 5) when that leaves at
 * most a third of the height blank (`heightRows`: the rows of tiles the height holds, a fraction too).
 */
export function balancedPerRow(count: number, maxPerRow: number, maxRows: number, heightRows = maxRows): number {
	const filledPerRow = Math.max(1, Math.ceil(count / Math.max(1, maxRows)));
	const rows = Math.ceil(count / filledPerRow);
	if ((rows * filledPerRow) === count || rows < 2) {
		return filledPerRow;
	}

	const fewer = rows - 1;
	const perRow = Math.ceil(count / fewer);
	const balanced = perRow <= maxPerRow && (fewer * perRow) - count < (rows * filledPerRow) - count;
	return balanced && heightRows - fewer <= heightRows / 3 ? perRow : filledPerRow;
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
		// Everything on one page: rows as full as can be, the rest of the width to the detail.
		if (detail) {
			const setHeight = option.twoSets ? Math.floor((height - 4) / 2) : height - 2; // see gridOf
			perRow = balancedPerRow(count, perRow, rowsPerPage, setHeight / (tile.rows + 1));
		}

		rowsPerPage = Math.max(1, Math.ceil(count / perRow));
	}

	if (bounded && perRow * rowsPerPage > maxPerSet) {
		rowsPerPage = Math.max(1, Math.floor(maxPerSet / perRow));
	}

	const grid = (perRow * (tile.cols + 1)) - 1;
	// A cell of margin each side of the tiles when the width has room for it.
	const padding = (detail ? widest : width) - 2 - grid >= 2 ? 1 : 0;
	const overviewWidth = detail ? Math.min(widest, Math.max(3, grid + 2 + (2 * padding))) : width;
	// Unbounded (the static snapshot, as tall as it likes): only as tall as its tiles.
	const sets = option.twoSets ? 2 : 1;
	const needed = 2 + (sets * ((rowsPerPage * (tile.rows + 1)) + (option.twoSets ? 1 : 0)));
	return {
		detailWidth: detail ? width - overviewWidth : 0,
		overview: {width: overviewWidth, height: bounded ? height : Math.min(height, needed)},
		padding,
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
