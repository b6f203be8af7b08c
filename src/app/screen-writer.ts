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
import type {PixelLayer} from './pixel-layer.js';

const beginSync = '\u001B[?2026h';
const endSync = '\u001B[?2026l';
const eraseLineEnd = '\u001B[K';
const eraseScreen = '\u001B[2J';
const hideCursor = '\u001B[?25l';

export class ScreenWriter extends EventEmitter {
	/** Bytes sent to the terminal so far, and frames written, for measurements. */
	bytesWritten = 0;
	frames = 0;
	private previous: string[] = [];
	private invalid = true;

	constructor(private readonly target: NodeJS.WriteStream, private readonly layer: PixelLayer) {
		super();
		target.on('resize', () => {
			this.invalid = true;
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
		const parts = [beginSync, hideCursor];
		if (this.invalid) {
			parts.push(eraseScreen);
		}

		for (let i = 0; i < lines.length; i++) {
			if (this.invalid || lines[i] !== this.previous[i]) {
				parts.push(`\u001B[${i + 1};1H`, this.layer.substitute(lines[i]), eraseLineEnd);
			}
		}

		if (!this.invalid && lines.length < this.previous.length) {
			parts.push(`\u001B[${lines.length + 1};1H\u001B[J`);
		}

		parts.push(endSync);
		this.previous = lines;
		this.invalid = false;
		return parts.join('');
	}
}
