/**
 * Cell-level differences between two versions of an image row, as the half-block encoder writes them
 * (SGR colour codes, then one character per cell). While training runs the weights change a little
 * between frames and most cells keep their colours, so sending only the cells that changed cuts the
 * bytes of a frame several times.
 */

import {sgr, sgrReset} from '../render/escape-codes.js';
import {fullBlock, lowerHalfBlock, upperHalfBlock} from '../render/half-block.js';

/** One terminal cell of an image row: its character and the foreground and background in effect. */
export type Cell = {readonly ch: string; readonly fg: string; readonly bg: string};

/**
 * Apply the parameters of one SGR sequence, `text[start, end)` (such as `38;2;1;2;3;48;5;7`), to the
 * colours in effect. Scanned in place: this runs for every cell of every changed image row.
 */
function applySgr(text: string, start: number, end: number, colours: {fg: string; bg: string}): void {
	if (start === end) {
		colours.fg = '';
		colours.bg = '';
		return;
	}

	let i = start;
	while (i < end) {
		let next = text.indexOf(';', i);
		if (next === -1 || next > end) {
			next = end;
		}

		const p = Number(text.slice(i, next));
		if ((p === 38 || p === 48) && next < end) {
			// 38;2;r;g;b or 38;5;n: the code runs to the end of its last number.
			let fields = text.charCodeAt(next + 1) === 0x32 && text.charCodeAt(next + 2) === 0x3B ? 4 : 2;
			let last = next;
			while (fields > 0 && last < end) {
				last = text.indexOf(';', last + 1);
				if (last === -1 || last > end) {
					last = end;
				}

				fields--;
			}

			const code = text.slice(i, last);
			if (p === 38) {
				colours.fg = code;
			} else {
				colours.bg = code;
			}

			i = last + 1;
			continue;
		}

		if (p === 0) {
			colours.fg = '';
			colours.bg = '';
		} else if (p === 39) {
			colours.fg = '';
		} else if (p === 49) {
			colours.bg = '';
		} else if ((p >= 30 && p <= 37) || (p >= 90 && p <= 97)) {
			colours.fg = text.slice(i, next);
		} else if ((p >= 40 && p <= 47) || (p >= 100 && p <= 107)) {
			colours.bg = text.slice(i, next);
		}

		i = next + 1;
	}
}

/** The cells of an encoded image row; undefined when it holds anything but colour codes and characters. */
export function parseCells(row: string): Cell[] | undefined {
	const cells: Cell[] = [];
	const colours = {fg: '', bg: ''};
	let i = 0;
	while (i < row.length) {
		const code = row.charCodeAt(i);
		if (code === 0x1B) {
			if (row.charCodeAt(i + 1) !== 0x5B) {
				return undefined;
			}

			let end = i + 2;
			while (end < row.length && isSgrParameter(row.charCodeAt(end))) {
				end++;
			}

			if (row.charCodeAt(end) !== 0x6D) { // not `m`: not a colour code
				return undefined;
			}

			applySgr(row, i + 2, end, colours);
			i = end + 1;
			continue;
		}

		const wide = code >= 0xD8_00 && code <= 0xDB_FF;
		cells.push({ch: wide ? row.slice(i, i + 2) : row[i], fg: colours.fg, bg: colours.bg});
		i += wide ? 2 : 1;
	}

	return cells;
}

/** A digit or `;`. */
function isSgrParameter(code: number): boolean {
	return (code >= 0x30 && code <= 0x39) || code === 0x3B;
}

/**
 * A colour code as foreground or background alike: '38;2;1;2;3' and '48;2;1;2;3' are '2;1;2;3', '31'
 * and '41' are 'c1', '91' and '101' are 'c9'; the default colour '' stays ''.
 */
function colour(code: string): string {
	if (code.startsWith('38;') || code.startsWith('48;')) {
		return code.slice(3);
	}

	if (code === '') {
		return '';
	}

	const n = Number(code);
	return `c${n >= 90 ? (n % 10) + 8 : n % 10}`;
}

/**
 * The colours of a cell's top and bottom pixel when it is a half-block cell, else undefined. The
 * encoder may draw the same two pixels with the upper or the lower half block (or a space or a full
 * block when they match), depending on the cells to their left: comparing what a cell shows, not how
 * it was spelled, keeps one changed pixel from marking the rest of its row as changed.
 */
function pixels(cell: Cell): readonly [string, string] | undefined {
	const fg = colour(cell.fg);
	const bg = colour(cell.bg);
	switch (cell.ch) {
		case upperHalfBlock: {
			return [fg, bg];
		}

		case lowerHalfBlock: {
			return [bg, fg];
		}

		case fullBlock: {
			return [fg, fg];
		}

		case ' ': {
			return [bg, bg];
		}

		default: {
			return undefined;
		}
	}
}

function same(a: Cell, b: Cell): boolean {
	if (a.ch === b.ch && a.fg === b.fg && a.bg === b.bg) {
		return true; // the usual case, without looking at the colours
	}

	const before = pixels(a);
	const after = pixels(b);
	if (before === undefined || after === undefined) {
		return a.ch === b.ch && a.fg === b.fg && a.bg === b.bg;
	}

	return before[0] === after[0] && before[1] === after[1];
}

/**
 * The runs [start, end) of cells that differ, joining runs fewer than `join` cells apart (a cursor
 * move costs about as much as a few cells).
 */
export function changedRuns(before: readonly Cell[], after: readonly Cell[], join = 4): Array<[number, number]> {
	const runs: Array<[number, number]> = [];
	for (let i = 0; i < after.length; i++) {
		if (i < before.length && same(before[i], after[i])) {
			continue;
		}

		const last = runs.at(-1);
		if (last !== undefined && i - last[1] < join) {
			last[1] = i + 1;
		} else {
			runs.push([i, i + 1]);
		}
	}

	return runs;
}

/** The cells [start, end) as text: their colours set in full first, changes only after, reset at the end. */
export function encodeCells(cells: readonly Cell[], start: number, end: number): string {
	let out = '';
	let fg = ''; // after the reset that starts the run
	let bg = '';
	for (let i = start; i < end; i++) {
		const cell = cells[i];
		const codes: string[] = [];
		if (cell.fg !== fg) {
			codes.push(cell.fg === '' ? '39' : cell.fg);
			fg = cell.fg;
		}

		if (cell.bg !== bg) {
			codes.push(cell.bg === '' ? '49' : cell.bg);
			bg = cell.bg;
		}

		out += (codes.length > 0 ? sgr(codes.join(';')) : '') + cell.ch;
	}

	return sgrReset + out + sgrReset;
}
