/**
 * The pixel layer: images reach the terminal without going through Ink's text pipeline. Ink lays out
 * each image row as a run of one private-use character (cheap for Ink to measure, wrap and diff), and
 * the screen writer swaps each run for the image row's colour-coded string on the way out.
 * Measured: Ink tokenising half-block strings costs most of a frame; with placeholders it costs
 * almost nothing. When an image changes, its placeholders switch to the other of two code pages, so
 * its lines differ from the last frame's and are rewritten.
 */

const first = 0xE0_00;
const pageSize = 0xC_80; // 3200 code points per page, two pages inside U+E000..U+F8FF
/** Text rows of one image in the layer: up to 32 pixels tall (PixelImage cuts taller ones in pieces). */
export const maxRowsPerImage = 16;
const slotsPerPage = Math.floor(pageSize / maxRowsPerImage);
const placeholderPattern = /[\uE000-\uF8FF]+/g;

/** A piece of a screen line: text, or one image row (see PixelLayer.segments). */
export type Segment = {readonly raw: string; readonly out: string; readonly image: boolean};

type Slot = {readonly index: number; lines: readonly string[]; cols: number; page: 0 | 1};

export class PixelLayer {
	private readonly byKey = new Map<string, Slot>();
	private readonly byIndex: Slot[] = [];

	/**
	 * The placeholder lines Ink should lay out for image `key` (rows of `cols` cells). Call it again
	 * with new lines when the image changes; the key is a place on screen, such as 'weights.3'.
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
			placeholders.push(String.fromCodePoint(code).repeat(cols));
		}

		return placeholders;
	}

	/**
	 * A line split into its text and its image rows: `raw` as Ink laid it out, `out` as it goes to the
	 * terminal, `image` true for an image row. Joining the `out`s gives substitute(line).
	 */
	segments(line: string): Segment[] {
		const result: Segment[] = [];
		let last = 0;
		for (const match of line.matchAll(placeholderPattern)) {
			if (match.index > last) {
				result.push({raw: line.slice(last, match.index), out: line.slice(last, match.index), image: false});
			}

			result.push({raw: match[0], out: this.expandRun(match[0]), image: true});
			last = match.index + match[0].length;
		}

		if (last < line.length) {
			result.push({raw: line.slice(last), out: line.slice(last), image: false});
		}

		return result;
	}

	/** Replace every placeholder run in `text` by the image row it stands for. */
	substitute(text: string): string {
		if (!/[\uE000-\uF8FF]/.test(text)) {
			return text;
		}

		return text.replaceAll(placeholderPattern, run => this.expandRun(run));
	}

	private expandRun(run: string): string {
		let out = '';
		let start = 0;
		while (start < run.length) {
			const code = run.charCodeAt(start);
			let end = start + 1;
			while (end < run.length && run.charCodeAt(end) === code) {
				end++;
			}

			out += this.rowFor(code, end - start);
			start = end;
		}

		return out;
	}

	private rowFor(code: number, length: number): string {
		const offset = (code - first) % pageSize;
		const slot = this.byIndex[Math.floor(offset / maxRowsPerImage)];
		const row = offset % maxRowsPerImage;
		const line = slot?.lines[row];
		// A run Ink clipped to fewer cells than the image has cannot be sliced cheaply: leave it blank.
		return line !== undefined && length === slot.cols ? line : ' '.repeat(length);
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
