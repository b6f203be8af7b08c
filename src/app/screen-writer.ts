/**
 * The stdout Ink writes to. Ink runs in its documented debug mode, in which every update is written
 * as the whole frame; this writer compares the frame with the last one, line by line, and sends the
 * terminal only the lines that changed, each put in place with a cursor move and finished with
 * erase-to-end-of-line, inside synchronized-output markers. Nothing is ever cleared first, so nothing
 * flickers, and a frame where one label changed costs one line of bytes. Placeholder runs of the
 * pixel layer are swapped for image rows on the way. The UI runs in the alternate screen, so the
 * frame's first line is the screen's first line.
 */
import {EventEmitter} from 'node:events';
import stringWidth from 'string-width';
import {
	autoWrapOff, autoWrapOn, beginSync, cursorTo, endSync, eraseBelow, eraseLineEnd, eraseScreen, hideCursor,
} from '../render/escape-codes.js';
import {type Cell, changedRuns, encodeCells, parseCells} from './cell-diff.js';
import type {PixelLayer, Segment} from './pixel-layer.js';

/** How long after a resize every frame is drawn whole. */
const resizeSettleMs = 300;

export class ScreenWriter extends EventEmitter {
	/** Bytes sent to the terminal so far, and frames written, for measurements. */
	bytesWritten = 0;
	frames = 0;
	private previous: string[] = [];
	private previousSegments: Segment[][] = [];
	private invalid = true;
	/** When the terminal last changed size: frames soon after may still be laid out for the old size. */
	private resizedAt = Number.NEGATIVE_INFINITY;

	constructor(private readonly target: NodeJS.WriteStream, private readonly layer: PixelLayer) {
		super();
		target.on('resize', () => {
			this.invalid = true;
			this.resizedAt = performance.now();
			this.emit('resize');
		});
	}

	get columns(): number {
		return this.target.columns;
	}

	get rows(): number {
		return this.target.rows;
	}

	get isTTY(): boolean {
		return this.target.isTTY;
	}

	get writable(): boolean {
		return this.target.writable;
	}

	get destroyed(): boolean {
		return this.target.destroyed;
	}

	get writableEnded(): boolean {
		return this.target.writableEnded;
	}

	get writableLength(): number {
		return this.target.writableLength;
	}

	/** Forget what is on screen, so the next frame is drawn whole. */
	invalidate(): void {
		this.invalid = true;
	}

	write(chunk: string | Uint8Array, callback?: (error?: Error | null) => void): boolean {
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		if (text === '') {
			return this.target.write('', callback);
		}

		const out = this.frame(text);
		this.bytesWritten += Buffer.byteLength(out);
		this.frames++;
		return this.target.write(out, callback);
	}

	/** The bytes that turn the last frame on screen into `text`. */
	frame(text: string): string {
		const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
		// Auto-wrap is off while a frame is drawn, and lines below the screen are not sent: a frame laid
		// out for the size before a resize (Ink draws one before the app hears of the new size) is cut at
		// the screen's edges instead of wrapping and scrolling, which would leave stale rows behind.
		const parts = [beginSync, hideCursor, autoWrapOff];
		if (this.invalid) {
			parts.push(eraseScreen);
		}

		const segments: Segment[][] = [];
		const shown = Math.min(lines.length, this.rows || lines.length);
		for (let i = 0; i < shown; i++) {
			if (!this.invalid && lines[i] === this.previous[i]) {
				segments.push(this.previousSegments[i]);
				continue;
			}

			const now = this.layer.segments(lines[i]);
			segments.push(now);
			const cells = this.invalid ? undefined : changedCells(this.previousSegments[i], now, i + 1);
			parts.push(cells ?? `${cursorTo(i + 1, 1)}${now.map(segment => segment.out).join('')}${eraseLineEnd}`);
		}

		if (!this.invalid && shown < this.previous.length) {
			parts.push(cursorTo(shown + 1, 1) + eraseBelow);
		}

		parts.push(autoWrapOn, endSync);
		this.previous = lines.slice(0, shown);
		this.previousSegments = segments;
		// A frame as tall as the terminal or taller, or one laid out for the size before a resize, may
		// not be on screen as it was meant: frames are drawn whole for a moment after a resize.
		this.invalid = lines.length >= this.rows || performance.now() - this.resizedAt < resizeSettleMs;
		return parts.join('');
	}
}

/** Widths of the text between image rows: the same labels come back frame after frame. */
const widths = new Map<string, number>();

function widthOf(text: string): number {
	let width = widths.get(text);
	if (width === undefined) {
		if (widths.size >= 4096) {
			widths.clear();
		}

		width = stringWidth(text);
		widths.set(text, width);
	}

	return width;
}

/** Code points in a text, without making an array of them (an image row's anchor and blanks: one cell each). */
function codePoints(text: string): number {
	let count = text.length;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0xD8_00 && code <= 0xDB_FF) {
			count--;
		}
	}

	return count;
}

/** Parsed cells of image rows, kept with the segment so each row is parsed once, not again next frame. */
const parsed = new WeakMap<Segment, Cell[] | undefined>();

function cellsOf(segment: Segment): Cell[] | undefined {
	if (!parsed.has(segment)) {
		parsed.set(segment, parseCells(segment.out));
	}

	return parsed.get(segment);
}

/**
 * When a line changed only inside its image rows (same text, same layout), the bytes that rewrite just
 * the cells that changed, each run put in place with a cursor move; undefined when the whole line must
 * be written.
 */
function changedCells(before: Segment[] | undefined, after: Segment[], row: number): string | undefined {
	if (before?.length !== after.length) {
		return undefined;
	}

	let column = 1;
	let out = '';
	for (const [k, segment] of after.entries()) {
		const old = before[k];
		if (old.image !== segment.image || (segment.image ? codePoints(old.raw) !== codePoints(segment.raw) : old.raw !== segment.raw)) {
			return undefined;
		}

		if (segment.image && old.out !== segment.out) {
			const oldCells = cellsOf(old);
			const newCells = cellsOf(segment);
			if (oldCells === undefined || newCells === undefined || oldCells.length !== newCells.length) {
				return undefined;
			}

			for (const [start, end] of changedRuns(oldCells, newCells)) {
				out += `${cursorTo(row, column + start)}${encodeCells(newCells, start, end)}`;
			}
		}

		column += segment.image ? codePoints(segment.raw) : widthOf(segment.raw);
	}

	return out;
}
