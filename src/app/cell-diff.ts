/**
 * Cell-level differences between two versions of an image row, as the half-block encoder writes them
 * (SGR colour codes, then one character per cell). While training runs the weights change a little
 * between frames and most cells keep their colours, so sending only the cells that changed cuts the
 * bytes of a frame several times.
 */

import {sgr, sgrAt, sgrReset} from '../render/escape-codes.js';
import {fullBlock, lowerHalfBlock, upperHalfBlock} from '../render/half-block.js';

/** One terminal cell of an image row: its character and the foreground and background in effect. */
export type Cell = {readonly ch: string; readonly fg: string; readonly bg: string};

/** Apply the parameters of one SGR sequence to the colours in effect. */
function applySgr(params: string, colours: {fg: string; bg: string}): void {
	const parts = params === '' ? ['0'] : params.split(';');
	for (let i = 0; i < parts.length; i++) {
		const p = Number(parts[i]);
		if (p === 38 || p === 48) {
			const length = parts[i + 1] === '2' ? 5 : 3; // 38;2;r;g;b or 38;5;n
			const code = parts.slice(i, i + length).join(';');
			if (p === 38) {
				colours.fg = code;
			} else {
				colours.bg = code;
			}

			i += length - 1;
		} else if (p === 0) {
			colours.fg = '';
			colours.bg = '';
		} else if (p === 39) {
			colours.fg = '';
		} else if (p === 49) {
			colours.bg = '';
		} else if ((p >= 30 && p <= 37) || (p >= 90 && p <= 97)) {
			colours.fg = parts[i];
		} else if ((p >= 40 && p <= 47) || (p >= 100 && p <= 107)) {
			colours.bg = parts[i];
		}
	}
}

/** The cells of an encoded image row; undefined when it holds anything but colour codes and characters. */
export function parseCells(row: string): Cell[] | undefined {
	const cells: Cell[] = [];
	const colours = {fg: '', bg: ''};
	let i = 0;
	while (i < row.length) {
		if (row.charCodeAt(i) === 0x1B) {
			sgrAt.lastIndex = i;
			const match = sgrAt.exec(row);
			if (match === null) {
				return undefined;
			}

			applySgr(match[1], colours);
			i += match[0].length;
			continue;
		}

		const ch = String.fromCodePoint(row.codePointAt(i)!);
		cells.push({ch, fg: colours.fg, bg: colours.bg});
		i += ch.length;
	}

	return cells;
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
