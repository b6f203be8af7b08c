/**
 * The pixel layer: images reach the terminal without going through Ink's text pipeline. Ink lays out
 * each image row as one private-use character, an anchor, at the row's first cell, in a box as wide as
 * the image, so the rest of the row is cells Ink leaves blank; the screen writer swaps the anchor and
 * the blank cells after it for the image row's colour-coded string on the way out. Ink's cost grows
 * with every character it handles (it splits each line into graphemes and measures each: measured, a
 * few microseconds a character), so an image row costs it one character, whatever its width.
 * When an image changes, its anchors switch to the other of two code pages, so its lines differ from
 * the last frame's and are rewritten.
 */
import {encodeCells, parseCells} from './cell-diff.js';

const first = 0xE0_00;
const pageSize = 0xC_80; // 3200 code points per page, two pages inside U+E000..U+F8FF
/** Text rows of one image in the layer: up to 32 pixels tall (PixelImage cuts taller ones in pieces). */
export const maxRowsPerImage = 16;
const slotsPerPage = Math.floor(pageSize / maxRowsPerImage);
const anchorPattern = /[\uE000-\uF8FF]/g;

/** A piece of a screen line: text, or one image row (see PixelLayer.segments). */
export type Segment = {readonly raw: string; readonly out: string; readonly image: boolean};

type Slot = {readonly index: number; lines: readonly string[]; cols: number; page: 0 | 1};

export class PixelLayer {
	private readonly byKey = new Map<string, Slot>();
	private readonly byIndex: Slot[] = [];

	/**
	 * The lines Ink should lay out for image `key` (rows of `cols` cells): one anchor character each,
	 * to be put in a box `cols` cells wide that nothing else draws in. Call it again with new lines
	 * when the image changes; the key is a place on screen, such as 'weights.3'.
	 */
	image(key: string, lines: readonly string[], cols: number): string[] {
		let slot = this.byKey.get(key);
		if (slot === undefined) {
			if (this.byIndex.length >= slotsPerPage) {
				throw new RangeError(`pixel layer: more than ${slotsPerPage} images on screen`);
			}

			slot = {index: this.byIndex.length, lines, cols, page: 0};
			this.byKey.set(key, slot);
			this.byIndex.push(slot);
		} else if (slot.cols !== cols || !sameLines(slot.lines, lines)) {
			slot.lines = lines;
			slot.cols = cols;
			slot.page = slot.page === 0 ? 1 : 0;
		}

		const rows = Math.min(lines.length, maxRowsPerImage);
		const placeholders: string[] = [];
		for (let row = 0; row < rows; row++) {
			const code = first + (slot.page * pageSize) + (slot.index * maxRowsPerImage) + row;
			placeholders.push(String.fromCodePoint(code));
		}

		return placeholders;
	}

	/**
	 * A line split into its text and its image rows: `raw` as Ink laid it out (an anchor and the blank
	 * cells after it), `out` as it goes to the terminal, `image` true for an image row. Joining the
	 * `out`s gives substitute(line).
	 */
	segments(line: string): Segment[] {
		const result: Segment[] = [];
		let last = 0;
		for (const match of line.matchAll(anchorPattern)) {
			if (match.index > last) {
				result.push({raw: line.slice(last, match.index), out: line.slice(last, match.index), image: false});
			}

			const end = this.rowEnd(line, match.index);
			result.push({raw: line.slice(match.index, end), out: this.rowFor(line, match.index, end), image: true});
			last = end;
		}

		if (last < line.length) {
			result.push({raw: line.slice(last), out: line.slice(last), image: false});
		}

		return result;
	}

	/** Replace every anchor in `text`, and the blank cells after it, by the image row it stands for. */
	substitute(text: string): string {
		if (!/[\uE000-\uF8FF]/.test(text)) {
			return text;
		}

		return text.split('\n').map(line => this.segments(line).map(segment => segment.out).join('')).join('\n');
	}

	/** Where the image row anchored at `start` ends in `line`: after its blank cells, or at the line's end. */
	private rowEnd(line: string, start: number): number {
		const cols = this.slotOf(line.charCodeAt(start))?.cols ?? 1;
		let end = start + 1;
		while (end < line.length && end - start < cols && line.charCodeAt(end) === 0x20) {
			end++;
		}

		return end;
	}

	/**
	 * The image row anchored at `start`, drawn over the cells [start, end) of `line`. Ink ends a line at
	 * its last non-blank cell, so a row reaching the line's end is drawn whole; a row something else
	 * drew into (a clip, an overlap) is cut where that begins; an unknown anchor is a blank.
	 */
	private rowFor(line: string, start: number, end: number): string {
		const code = line.charCodeAt(start);
		const slot = this.slotOf(code);
		const row = slot?.lines[(code - first) % pageSize % maxRowsPerImage];
		if (slot === undefined || row === undefined) {
			return ' '.repeat(end - start);
		}

		if (end === line.length || end - start === slot.cols) {
			return row;
		}

		const cells = parseCells(row);
		return cells === undefined ? ' '.repeat(end - start) : encodeCells(cells, 0, Math.min(cells.length, end - start));
	}

	private slotOf(code: number): Slot | undefined {
		return this.byIndex[Math.floor(((code - first) % pageSize) / maxRowsPerImage)];
	}
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
	if (a === b) {
		return true;
	}

	if (a.length !== b.length) {
		return false;
	}

	for (let i = 0; i < a.length; i++) {
		if (a[i] !== b[i]) {
			return false;
		}
	}

	return true;
}
