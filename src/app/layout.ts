/**
 * Where things go on the screen, as a pure function of the terminal size and the toggles, so the
 * reducer (to move a selection through a grid) and the views (to draw it) agree.
 */
export const minColumns = 80;
export const minRows = 24;
/** Width of the training side pane, and the terminal width from which it shows without asking. */
export const paneWidth = 32;
export const paneAutoColumns = 110;
/**
 * The narrowest the active tab may get beside the pane: an example, its frame, and the confidence
 * column for Fashion-MNIST's longest class name. Narrower, an open pane takes the tab's place.
 */
export const minTabColumns = paneAutoColumns - 1 - (paneWidth + 1);
const gap = 1;

export type Size = {readonly columns: number; readonly rows: number};

export type Grid = {
	readonly perRow: number;
	readonly rowsPerPage: number;
	readonly perPage: number;
	readonly width: number;
};

export type Layout = {
	readonly tooSmall: boolean;
	readonly size: Size;
	readonly pane: boolean;
	/** The pane is open but the tab would not fit beside it: the pane shows in the tab's place. */
	readonly paneInstead: boolean;
	/** Width and height available to the active tab. */
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

export function computeLayout(size: Size, paneOpen: boolean | undefined, image: {rows: number; cols: number}, bounded = true): Layout {
	const tooSmall = size.columns < minColumns || size.rows < minRows;
	const pane = paneOpen ?? size.columns >= paneAutoColumns;
	// One column spare on the right (wide-drawn half blocks), and the whole UI one row shorter than the
	// terminal, so Ink never clears the screen to redraw.
	const besidePane = size.columns - 1 - (paneWidth + 1);
	const paneInstead = pane && besidePane < minTabColumns;
	const contentWidth = Math.max(10, pane && !paneInstead ? besidePane : size.columns - 1);
	const contentHeight = Math.max(3, size.rows - 1 - 3); // tab bar, its rule, the status line
	const imageRows = Math.ceil(image.rows / 2);
	const tileHeight = imageRows + 1; // the image and a label line (B and I)
	const sideBySide = contentWidth >= (4 * image.cols) + 2 + 3; // two grids of two tiles, 3 columns apart
	// A heading line and two lines of legend; side by side, a caption over each grid too.
	const gridHeight = contentHeight - (sideBySide ? 4 : 3);
	const gridWidth = sideBySide ? Math.floor((contentWidth - 3) / 2) : contentWidth;
	return {
		tooSmall,
		size,
		pane,
		paneInstead,
		contentWidth,
		contentHeight,
		imageRows,
		imageCols: image.cols,
		grid: gridFor(gridWidth, gridHeight, image.cols, tileHeight, bounded),
		sideBySide,
	};
}

/**
 * How many times to enlarge the example image so it fills the room the examples tab has: beside it a
 * frame (2 columns), a gap of 3 and the confidence column (the longest class name plus 32); above and
 * below it the heading, the accuracy line, a blank line, the frame and the key hint (6 rows).
 */
export function exampleZoom(layout: Layout, image: {rows: number; cols: number}, nameWidth: number): number {
	const width = layout.contentWidth - 5 - (nameWidth + 32);
	const textRows = layout.contentHeight - 6;
	return Math.max(1, Math.min(Math.floor(width / image.cols), Math.floor((2 * textRows) / image.rows)));
}
