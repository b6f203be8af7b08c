/**
 * Where the confusion tab's parts go in its area, as pure functions of the size, so the reducer (to
 * move through the listed images by rows and pages) and the view (to draw them) agree.
 *
 * The matrix panel: a header line, one line (or more) per true class, and two lines under it (what
 * the cursor cell means; a warning or a legend). A row header is a cursor mark, the class index and
 * its name; then a column per predicted class, then recall and precision, and recall as a bar when
 * there is room. The cursor cell's test images show as thumbnails in a second panel below the matrix
 * (a few rows) or beside it, whichever shows more: a preview, and when the cell is open its list;
 * when neither has room, the open list covers the matrix (and there is no preview).
 */

/** Lines of the matrix panel that are not class rows: the top and bottom border, the header, two info lines. */
export const matrixFixedLines = 5;
/** Width of the recall and precision columns: with a decimal (' 98.7%'), or without ('  99%', ' never') when tight. */
const wideMetric = 7;
const narrowMetric = 6;
/** Matrix columns narrower than this glue a 4-digit count to its neighbour's. */
const minCellWidth = 5;
const maxCellWidth = 16;
/** Cells stay this wide, when they can, to leave room for the recall bar (between minBarWidth and maxBarWidth, after barGap and before a cell of margin). */
const barCellWidth = 7;
/** Blank cells before the recall bar (so its header does not run on from `prec.`), and after it before the border. */
export const barGap = 2;
const barMargin = 1;
const minBarWidth = 6;
const maxBarWidth = 24;
/** Text rows a class row takes at most when there is height to spare. */
const maxRowHeight = 6;
/** At most this many thumbnails a page (the pixel layer holds 200 images on screen). */
const maxThumbnails = 120;
/** Averaging factors tried for the thumbnails, smallest (sharpest) first. */
const factors: readonly number[] = [2, 3, 4];
/** A list with fewer thumbnails a page than this takes the next factor when that shows more. */
const enoughThumbnails = 8;
/** Rows of thumbnails a list below the matrix takes at most: the matrix keeps the rest. */
const maxBelowRows = 3;

/** The matrix's columns in a panel of a given inner width. */
export type MatrixColumns = {
	/** Room for a class name in a row header (names are cut to it). */
	readonly nameWidth: number;
	/** Row header width: cursor mark, index, space, name, space. */
	readonly headerWidth: number;
	/** Cells per predicted-class column. */
	readonly cellWidth: number;
	/** Cells of each of the recall and precision columns. */
	readonly metricWidth: number;
	/** Cells of the recall bar after them, barGap before it and a cell of margin after it (0: no bar). */
	readonly barWidth: number;
	/** Everything together: the width the matrix's lines take. */
	readonly width: number;
};

export type ConfusionLayout = {
	/** Cells per matrix column with the matrix the width of the area (the list closed, or below it). */
	readonly cellWidth: number;
	/** Outer height of the matrix panel while the list or preview is below it (the whole area when there is none). */
	readonly matrixHeight: number;
	/** Outer width of the matrix panel while the list or preview is beside it (otherwise the whole width). */
	readonly matrixWidth: number;
	readonly thumbFactor: number;
	readonly thumbPerRow: number;
	readonly thumbRowsPerPage: number;
	readonly thumbPerPage: number;
	/** The open list is beside the matrix (else below it, or over it when listAlone). */
	readonly listBeside: boolean;
	/** No room for both: the open list takes the whole area. */
	readonly listAlone: boolean;
	/** Outer size of the list panel. */
	readonly listWidth: number;
	readonly listHeight: number;
};

type Image = {readonly rows: number; readonly cols: number};

function digits(n: number): number {
	return String(Math.max(0, n)).length;
}

/**
 * The matrix's columns in `inner` cells: the widest cells up to maxCellWidth (`cellCap` if given),
 * less what a recall bar takes when the width has room for one and cells of barCellWidth (unless
 * withBar is false).
 */
export function matrixColumns(inner: number, classes: number, nameWidth: number, cellCap = maxCellWidth, withBar = true): MatrixColumns {
	const columns = (name: number, cell: number, metric: number, bar = 0): MatrixColumns => {
		const headerWidth = 1 + digits(classes - 1) + 1 + name + 1;
		return {nameWidth: name, headerWidth, cellWidth: cell, metricWidth: metric, barWidth: bar, width: headerWidth + (classes * cell) + (2 * metric) + (bar > 0 ? bar + barGap + barMargin : 0)};
	};

	const k = Math.max(1, classes);
	for (const metric of [wideMetric, narrowMetric]) {
		const fixed = columns(nameWidth, 0, metric).width;
		const cell = Math.min(cellCap, Math.floor((inner - fixed) / k));
		if (cell >= minCellWidth || (metric === narrowMetric && cell >= 3)) {
			// The bar takes what the cells leave, and from cells wider than barCellWidth as much as it wants.
			const room = (cells: number): number => inner - fixed - (k * cells) - barGap - barMargin;
			const barCell = Math.max(Math.min(cell, barCellWidth), Math.min(cell, Math.floor((inner - fixed - barGap - barMargin - maxBarWidth) / k)));
			const bar = Math.min(maxBarWidth, room(barCell));
			return withBar && bar >= minBarWidth ? columns(nameWidth, barCell, metric, bar) : columns(nameWidth, cell, metric);
		}
	}

	// Too narrow even so: cut the names, down to nothing, then the cells.
	const fixed = columns(0, 3, narrowMetric).width;
	const name = Math.max(0, Math.min(nameWidth, inner - fixed));
	const cell = Math.max(1, Math.min(3, Math.floor((inner - columns(name, 0, narrowMetric).width) / k)));
	return columns(name, cell, narrowMetric);
}

/** Text rows per class row in a matrix panel `height` tall: 1 up to maxRowHeight, as the height allows. */
export function matrixRowHeight(height: number, classes: number): number {
	return Math.max(1, Math.min(maxRowHeight, Math.floor((height - matrixFixedLines) / Math.max(1, classes))));
}

type Thumbs = {readonly factor: number; readonly perRow: number; readonly rows: number; readonly perPage: number};

/** The thumbnail grid in an inner area: the sharpest factor that shows enough, else the one that shows most. */
function thumbsIn(width: number, height: number, image: Image, maxRows = Infinity): Thumbs {
	let best: Thumbs = {factor: factors.at(-1)!, perRow: 0, rows: 0, perPage: 0};
	for (const factor of factors) {
		const thumbWidth = Math.ceil(image.cols / factor);
		const thumbHeight = Math.ceil(Math.ceil(image.rows / factor) / 2) + 1;
		const perRow = Math.max(0, Math.floor((width + 1) / (thumbWidth + 1)));
		const rows = perRow === 0 ? 0 : Math.max(0, Math.min(Math.floor(height / thumbHeight), Math.floor(maxThumbnails / perRow), maxRows));
		const thumbs = {factor, perRow, rows, perPage: perRow * rows};
		if (thumbs.perPage >= enoughThumbnails) {
			return thumbs;
		}

		if (thumbs.perPage > best.perPage) {
			best = thumbs;
		}
	}

	return best;
}

/** Better: enough thumbnails at a sharper factor, else more of them. */
function better(a: Thumbs, b: Thumbs): boolean {
	const enoughA = a.perPage >= enoughThumbnails;
	const enoughB = b.perPage >= enoughThumbnails;
	if (enoughA && enoughB && a.factor !== b.factor) {
		return a.factor < b.factor;
	}

	return enoughA === enoughB ? a.perPage > b.perPage : enoughA;
}

/**
 * The confusion tab's layout in an area width x height (cells), for `classes` classes whose longest
 * name is nameWidth characters, and test images of `image` pixels.
 */
export function confusionLayout(width: number, height: number, classes: number, nameWidth: number, image: Image): ConfusionLayout {
	const full = matrixColumns(width - 2, classes, nameWidth);
	const compact = matrixColumns(width - 2, classes, nameWidth, minCellWidth, false);
	const matrixWidth = Math.min(width, compact.width + 2);
	// Below the matrix (one line a class at least): a few rows of thumbnails, the matrix keeps the rest.
	const belowThumbs = thumbsIn(width - 2, height - Math.min(height, matrixFixedLines + classes) - 2, image, maxBelowRows);
	const belowHeight = belowThumbs.rows === 0 ? 0 : (belowThumbs.rows * (Math.ceil(Math.ceil(image.rows / belowThumbs.factor) / 2) + 1)) + 2;
	const matrixHeight = height - belowHeight;
	const below = {thumbs: belowThumbs, width, height: belowHeight};
	const beside = {thumbs: thumbsIn(width - matrixWidth - 2, height - 2, image), width: width - matrixWidth, height};
	const alone = {thumbs: thumbsIn(width - 2, height - 2, image), width, height};
	// Below keeps the matrix as wide as the area: taken when it shows two rows or more and nearly as many, as sharp.
	const belowWell = below.thumbs.rows >= 2 && below.thumbs.factor <= beside.thumbs.factor && below.thumbs.perPage >= 0.8 * beside.thumbs.perPage;
	const shared = !belowWell && better(beside.thumbs, below.thumbs) ? beside : below;
	// The list keeps the matrix in view unless that leaves it too few thumbnails a page.
	const listAlone = shared.thumbs.perPage < enoughThumbnails / 2 && alone.thumbs.perPage > shared.thumbs.perPage;
	const list = listAlone ? alone : shared;
	const {thumbs} = list;
	return {
		cellWidth: full.cellWidth,
		matrixHeight,
		matrixWidth,
		thumbFactor: thumbs.factor,
		thumbPerRow: Math.max(1, thumbs.perRow),
		thumbRowsPerPage: Math.max(1, thumbs.rows),
		thumbPerPage: Math.max(1, thumbs.perPage),
		listBeside: !listAlone && list === beside,
		listAlone,
		listWidth: list.width,
		listHeight: list.height,
	};
}
