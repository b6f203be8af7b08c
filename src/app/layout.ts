/**
 * Where things go on the screen, as a pure function of the terminal size and the toggles, so the
 * reducer (to move a selection through a grid) and the views (to draw it) agree.
 *
 * From the top: the tab bar, the timeline line, the active tab's area, the training strip (narrower
 * than sidePaneColumns), the status line, and one spare row (Ink clears the whole screen when its
 * output is as tall as the terminal). From sidePaneColumns on, the training dashboard is a pane
 * beside the tab's area instead of the strip.
 */
export const minColumns = 80;
export const minRows = 24;
/** The terminal width from which the training dashboard shows beside the tab without asking. */
export const sidePaneColumns = 160;
/** Below this many rows the strip has one line inside its border, from it two. */
const tallStripRows = 30;
const gap = 1;

export type Size = {readonly columns: number; readonly rows: number};

/** How the training dashboard shows: beside the tab, in the tab's place (asked for with p), or folded into the strip. */
export type Dashboard = 'side' | 'instead' | 'strip';

export type Grid = {
	readonly perRow: number;
	readonly rowsPerPage: number;
	readonly perPage: number;
	readonly width: number;
};

export type Layout = {
	readonly tooSmall: boolean;
	readonly size: Size;
	readonly dashboard: Dashboard;
	/** The dashboard is on screen (beside the tab or in its place), not only the strip. */
	readonly pane: boolean;
	/** The dashboard shows in the tab's place. */
	readonly paneInstead: boolean;
	/** Outer width of the side pane (0 without one). */
	readonly paneWidth: number;
	/** Rows of the training strip (0 without one). */
	readonly stripHeight: number;
	/** Width and height of the active tab's area (also of the dashboard in the tab's place). */
	readonly contentWidth: number;
	readonly contentHeight: number;
	/** Text rows of one image (two pixel rows per text row) and columns. */
	readonly imageRows: number;
	readonly imageCols: number;
	/** The tile grid of the weights and generalized-images tabs, for one set of tiles. */
	readonly grid: Grid;
	/** Trained and untrained tiles side by side. */
	readonly sideBySide: boolean;
};

/** Grid of tiles `imageCols` wide and `tileHeight` tall in a width x height area. */
export function gridFor(width: number, height: number, imageCols: number, tileHeight: number, bounded = true): Grid {
	// On screen at most 12 x 8 tiles a page, so even a huge terminal stays within the pixel layer's
	// 200 images; a static snapshot (no pixel layer) takes all.
	const perRow = Math.min(bounded ? 12 : Infinity, Math.max(1, Math.floor((width + gap) / (imageCols + gap))));
	const rowsPerPage = Math.min(bounded ? 8 : Infinity, Math.max(1, Math.floor(height / tileHeight)));
	return {perRow, rowsPerPage, perPage: perRow * rowsPerPage, width};
}

/** Outer width of the side pane in a terminal `columns` wide: a quarter of it, 44 to 56 columns. */
export function sidePaneWidth(columns: number): number {
	return Math.min(56, Math.max(44, Math.floor(columns / 4)));
}

/**
 * The screen's parts. `paneOpen`: undefined as the width decides (the dashboard beside the tab from
 * sidePaneColumns, else the strip), true for the dashboard (beside the tab when it is that wide, in
 * its place when not), false for the strip.
 */
export function computeLayout(size: Size, paneOpen: boolean | undefined, image: {rows: number; cols: number}, bounded = true): Layout {
	const tooSmall = size.columns < minColumns || size.rows < minRows;
	const wide = size.columns >= sidePaneColumns;
	const dashboard: Dashboard = paneOpen === false || (paneOpen === undefined && !wide) ? 'strip' : (wide ? 'side' : 'instead');
	const paneWidth = dashboard === 'side' ? sidePaneWidth(size.columns) : 0;
	const stripHeight = dashboard === 'strip' ? (size.rows >= tallStripRows ? 4 : 3) : 0;
	// One column spare on the right (wide-drawn half blocks).
	const contentWidth = Math.max(10, size.columns - 1 - (paneWidth === 0 ? 0 : paneWidth + gap));
	// The tab bar, the timeline line, the status line and the spare row.
	const contentHeight = Math.max(3, size.rows - 4 - stripHeight);
	const imageRows = Math.ceil(image.rows / 2);
	const tileHeight = imageRows + 1; // the image and a label line (B and I)
	const sideBySide = contentWidth >= (4 * image.cols) + 2 + 3; // two grids of two tiles, 3 columns apart
	// A heading line and two lines of legend; side by side, a caption over each grid too.
	const gridHeight = contentHeight - (sideBySide ? 4 : 3);
	const gridWidth = sideBySide ? Math.floor((contentWidth - 3) / 2) : contentWidth;
	return {
		tooSmall,
		size,
		dashboard,
		pane: dashboard !== 'strip',
		paneInstead: dashboard === 'instead',
		paneWidth,
		stripHeight,
		contentWidth,
		contentHeight,
		imageRows,
		imageCols: image.cols,
		grid: gridFor(gridWidth, gridHeight, image.cols, tileHeight, bounded),
		sideBySide,
	};
}
