// Reading a `tmux capture-pane -p -e -N` dump back into screen cells, and how much of a screen is
// empty: the pure half of bench/empty-share.mjs, with its tests in test/bench/screen-cells.test.ts.
import {parseScreen as parseCapture} from '../docs/screenshot-cells.mjs';

/**
 * The cells of a captured screen, `rows` lines of `columns` cells: each its character and whether it
 * is filled (a background colour or inverse video). The capture is read by the screenshot tool's
 * parser (docs/screenshot-cells.mjs), so both read a screen the same way.
 */
export function parseScreen(ansi, columns, rows) {
	return parseCapture(ansi, columns, rows).map(row => row.map(cell => ({
		char: cell.covered ? '' : cell.char,
		filled: cell.style.bg !== undefined || cell.style.inverse,
	})));
}

/** A cell showing nothing: a space on no background. */
export function isBlank(cell) {
	return cell === undefined || (cell.char === ' ' && !cell.filled);
}

/**
 * The empty cells of rows top..bottom-1 of a screen: blank cells whose 3x3 neighbourhood is blank too
 * (cells off the screen count as blank). Gives the count, the cells counted over and their share.
 */
export function emptyShare(screen, top, bottom) {
	let empty = 0;
	let total = 0;
	for (let y = top; y < bottom; y++) {
		for (let x = 0; x < screen[y].length; x++) {
			total++;
			let blank = true;
			for (let dy = -1; dy <= 1 && blank; dy++) {
				for (let dx = -1; dx <= 1 && blank; dx++) {
					blank = isBlank(screen[y + dy]?.[x + dx]);
				}
			}

			empty += blank ? 1 : 0;
		}
	}

	return {empty, total, share: total === 0 ? 0 : empty / total};
}

/** The content area's empty share of a captured screen: the rows under the timeline line (row 2 on) and above the last two (the status line and the spare row). */
export function contentEmptyShare(ansi, columns, rows) {
	return emptyShare(parseScreen(ansi, columns, rows), 2, rows - 2);
}
