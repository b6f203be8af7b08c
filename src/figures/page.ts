/**
 * What every figure shares: its margins, a title and a line of notes at the top, the network and epoch
 * it shows, and the grid that lays out tiles of equal size.
 */
import {type Canvas, ink, muted} from './canvas.js';
import {drawText, textHeight} from './font.js';

export const margin = 24;
export const titleScale = 2;
/** Where content starts below the title and the note line. */
export const headerHeight = margin + textHeight(titleScale) + 8 + textHeight(1) + 16;

/** The title (large) and a note line under it, at the top left. */
export function drawHeader(canvas: Canvas, title: string, note: string): void {
	drawText(canvas, title, margin, margin, ink, titleScale);
	drawText(canvas, note, margin, margin + textHeight(titleScale) + 8, muted);
}

/** How tiles of one size are placed: columns, rows, and each tile's top-left corner. */
export type Grid = {readonly columns: number; readonly rows: number; readonly cellWidth: number; readonly cellHeight: number};

/**
 * A grid for `count` tiles at most `maxColumns` wide: about square, or ('rows') in as few rows as
 * `maxColumns` allows, the rows filled evenly (10 classes as 5 + 5, not 4 + 4 + 2).
 */
export function gridFor(count: number, maxColumns: number, cellWidth: number, cellHeight: number, shape: 'square' | 'rows' = 'square'): Grid {
	const columns = shape === 'square'
		? Math.max(1, Math.min(maxColumns, Math.ceil(Math.sqrt(count))))
		: Math.max(1, Math.ceil(count / Math.ceil(count / maxColumns)));
	return {columns, rows: Math.ceil(count / columns), cellWidth, cellHeight};
}

/** The top-left corner of tile `i` of a grid starting at (x, y). */
export function cellAt(grid: Grid, i: number, x: number, y: number): {x: number; y: number} {
	return {x: x + ((i % grid.columns) * grid.cellWidth), y: y + (Math.floor(i / grid.columns) * grid.cellHeight)};
}

/** The network and epoch a figure shows: 'network [784,30,10] sigmoid, epoch 3'. */
export function networkNote(layers: readonly number[], activation: string, epoch: number): string {
	return `network [${layers.join(',')}] ${activation}, ${epoch === 0 ? 'untrained (epoch 0)' : `epoch ${epoch}`}`;
}
