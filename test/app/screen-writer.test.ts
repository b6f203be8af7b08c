import {EventEmitter} from 'node:events';
import {describe, expect, it, onTestFinished, vi} from 'vitest';
import {PixelLayer} from '../../src/app/pixel-layer.js';
import {ScreenWriter} from '../../src/app/screen-writer.js';

const beginSync = '\u001B[?2026h';
const endSync = '\u001B[?2026l';
const eraseScreen = '\u001B[2J';
const eraseLineEnd = '\u001B[K';
const eraseBelow = '\u001B[J';

/** A stand-in for a terminal's stdout: records what is written. */
class FakeTerminal extends EventEmitter {
	readonly writes: string[] = [];
	columns = 100;
	rows = 30;
	isTTY = true;
	writable = true;

	write(chunk: string, callback?: (error?: Error | null) => void): boolean {
		this.writes.push(chunk);
		callback?.();
		return true;
	}

	get last(): string {
		return this.writes.at(-1) ?? '';
	}
}

function setup(): {terminal: FakeTerminal; layer: PixelLayer; screen: ScreenWriter} {
	const terminal = new FakeTerminal();
	const layer = new PixelLayer();
	const screen = new ScreenWriter(terminal as unknown as NodeJS.WriteStream, layer);
	return {terminal, layer, screen};
}

/** The rows the bytes move the cursor to, in order. */
function cursorRows(bytes: string): number[] {
	return [...bytes.matchAll(/\u001B\[(\d+);1H/g)].map(m => Number(m[1]));
}

describe('ScreenWriter', () => {
	it('draws every line of the first frame, each in place, after clearing the screen, inside synchronized output', () => {
		const {terminal, screen} = setup();
		screen.write('alpha\nbeta\ngamma\n');
		const out = terminal.last;
		expect(out.startsWith(beginSync)).toBe(true);
		expect(out.endsWith(endSync)).toBe(true);
		expect(out).toContain(eraseScreen);
		expect(cursorRows(out)).toEqual([1, 2, 3]);
		expect(out).toContain(`\u001B[1;1Halpha${eraseLineEnd}`);
		expect(out).toContain(`\u001B[2;1Hbeta${eraseLineEnd}`);
		expect(out).toContain(`\u001B[3;1Hgamma${eraseLineEnd}`);
	});

	it('sends only the lines that changed since the last frame', () => {
		const {terminal, screen} = setup();
		screen.write('alpha\nbeta\ngamma\ndelta\n');
		screen.write('alpha\nBETA\ngamma\nDELTA\n');
		const out = terminal.last;
		expect(cursorRows(out)).toEqual([2, 4]);
		expect(out).toContain(`\u001B[2;1HBETA${eraseLineEnd}`);
		expect(out).toContain(`\u001B[4;1HDELTA${eraseLineEnd}`);
		expect(out).not.toContain('alpha');
		expect(out).not.toContain('gamma');
		expect(out).not.toContain(eraseScreen);
	});

	it('sends no line at all when the frame is the same', () => {
		const {terminal, screen} = setup();
		screen.write('alpha\nbeta\n');
		screen.write('alpha\nbeta\n');
		expect(cursorRows(terminal.last)).toEqual([]);
		expect(terminal.last).not.toContain('alpha');
	});

	it('erases the leftover lines below when a frame is shorter than the last', () => {
		const {terminal, screen} = setup();
		screen.write('one\ntwo\nthree\nfour\n');
		screen.write('one\nTWO\n');
		const out = terminal.last;
		expect(cursorRows(out)).toEqual([2, 3]);
		expect(out).toContain(`\u001B[3;1H${eraseBelow}`);
		expect(out).not.toContain('three');
	});

	it('draws the new lines when a frame is longer than the last', () => {
		const {terminal, screen} = setup();
		screen.write('one\n');
		screen.write('one\ntwo\nthree\n');
		expect(cursorRows(terminal.last)).toEqual([2, 3]);
		expect(terminal.last).not.toContain(eraseBelow);
	});

	it('treats a frame with and without a trailing newline alike', () => {
		const {terminal, screen} = setup();
		screen.write('one\ntwo\n');
		screen.write('one\ntwo');
		expect(cursorRows(terminal.last)).toEqual([]);
	});

	it('redraws everything after invalidate()', () => {
		const {terminal, screen} = setup();
		screen.write('one\ntwo\n');
		screen.invalidate();
		screen.write('one\ntwo\n');
		expect(terminal.last).toContain(eraseScreen);
		expect(cursorRows(terminal.last)).toEqual([1, 2]);
		screen.write('one\ntwo\n');
		expect(cursorRows(terminal.last)).toEqual([]);
	});

	it('redraws everything after the terminal is resized, and tells its own listeners (Ink)', () => {
		const {terminal, screen} = setup();
		let heard = 0;
		screen.on('resize', () => {
			heard++;
		});
		screen.write('one\ntwo\n');
		terminal.columns = 90;
		terminal.emit('resize');
		expect(heard).toBe(1);
		expect(screen.columns).toBe(90);
		screen.write('one\ntwo\n');
		expect(terminal.last).toContain(eraseScreen);
		expect(cursorRows(terminal.last)).toEqual([1, 2]);
	});

	it('draws the frame after one as tall as the terminal whole again, since that one scrolled the screen', () => {
		const {terminal, screen} = setup();
		terminal.rows = 3;
		screen.write('a\nb\nc\n'); // laid out for a taller terminal: the screen scrolls
		screen.write('a\nb\n');
		expect(terminal.last).toContain(eraseScreen);
		expect(cursorRows(terminal.last)).toEqual([1, 2]);
		screen.write('a\nB\n'); // a frame that fits: the next one is a diff again
		expect(terminal.last).not.toContain(eraseScreen);
		expect(cursorRows(terminal.last)).toEqual([2]);
	});

	it('draws frames whole for a moment after a resize (Ink may still draw one laid out for the old size), then diffs again', () => {
		vi.useFakeTimers({toFake: ['performance']});
		onTestFinished(() => {
			vi.useRealTimers();
		});
		const {terminal, screen} = setup();
		screen.write('a\nb\n');
		terminal.emit('resize');
		screen.write('a\nb\n');
		screen.write('a\nb\n');
		expect(terminal.last).toContain(eraseScreen);
		vi.advanceTimersByTime(1000);
		screen.write('a\nb\n');
		screen.write('a\nB\n');
		expect(terminal.last).not.toContain(eraseScreen);
		expect(cursorRows(terminal.last)).toEqual([2]);
	});

	it('draws with auto-wrap off and sends no line below the screen, so a frame laid out for a larger size cannot scroll it', () => {
		const {terminal, screen} = setup();
		const wide = 'x'.repeat(150);
		const frame = Array.from({length: 45}, (_, i) => `${i}${wide}`).join('\n');
		screen.write(`${frame}\n`);
		const out = terminal.last;
		const off = out.indexOf('\u001B[?7l');
		const on = out.lastIndexOf('\u001B[?7h');
		expect(off).toBeGreaterThan(-1);
		expect(on).toBeGreaterThan(off);
		expect(out.indexOf('\u001B[1;1H')).toBeGreaterThan(off);
		expect(out.lastIndexOf('x')).toBeLessThan(on);
		expect(Math.max(...cursorRows(out))).toBe(30);
		expect(out).toContain('29xxx');
		expect(out).not.toContain('30xxx');
		// The next frame, of the right size, clears what the cut frame left below it.
		screen.write('a\nb\n');
		expect(terminal.last).toContain(eraseScreen);
	});

	it('reports the size and TTY-ness of the terminal it writes to', () => {
		const {terminal, screen} = setup();
		expect([screen.columns, screen.rows, screen.isTTY]).toEqual([100, 30, true]);
		terminal.rows = 41;
		expect(screen.rows).toBe(41);
	});

	it('swaps image anchors, and the blank cells after them, for the image rows on the way out', () => {
		const {terminal, layer, screen} = setup();
		const lines = ['\u001B[38;5;200m▀▀▀\u001B[0m', '\u001B[38;5;100m▀▀▀\u001B[0m'];
		const placeholders = layer.image('example', lines, 3);
		screen.write(`title\n${placeholders[0]}   a\n${placeholders[1]}   b\n`);
		const out = terminal.last;
		expect(out).toContain(`\u001B[2;1H${lines[0]} a${eraseLineEnd}`);
		expect(out).toContain(`\u001B[3;1H${lines[1]} b${eraseLineEnd}`);
		expect(out).not.toMatch(/[\uE000-\uF8FF]/);
	});

	it('rewrites the rows of an image that changed and only those', () => {
		const {terminal, layer, screen} = setup();
		const frame = (a: readonly string[], b: readonly string[]): string => {
			const pa = layer.image('weights.0', a, 2);
			const pb = layer.image('weights.1', b, 2);
			return `heading\n${pa[0]} \n${pa[1]} \n${pb[0]} \n${pb[1]} \n`;
		};

		screen.write(frame(['a1', 'a2'], ['b1', 'b2']));
		screen.write(frame(['a1', 'a2'], ['B1', 'B2']));
		expect(cursorRows(terminal.last)).toEqual([4, 5]);
		// Only the image changed on those lines: its changed cells are rewritten, not the lines.
		expect(terminal.last).toContain('\u001B[4;1H\u001B[0mB\u001B[0m');
		expect(terminal.last).toContain('\u001B[5;1H\u001B[0mB\u001B[0m');
	});

	it('rewrites only the cells of an image row that changed, at their columns', () => {
		const {terminal, layer, screen} = setup();
		const red = '\u001B[38;5;196;48;5;16m';
		const blue = '\u001B[38;5;21;48;5;16m';
		const frame = (row: string): string => `label ${layer.image('weights.0', [row], 6)[0]}      end\n`;
		screen.write(frame(`${red}▀▀▀▀▀▀\u001B[0m`));
		screen.write(frame(`${red}▀▀${blue}▀${red}▀▀▀\u001B[0m`));
		// "label " is 6 cells, so the image starts at column 7 and its third cell is column 9.
		expect(terminal.last).toContain('\u001B[1;9H\u001B[0m\u001B[38;5;21;48;5;16m▀\u001B[0m');
		expect([...terminal.last.matchAll(/\u001B\[\d+;\d+H/g)]).toHaveLength(1);
		expect(terminal.last).not.toContain('label');
		expect(terminal.last).not.toContain(eraseLineEnd);
	});

	it('counts a double-width character in the text before an image as two cells when it rewrites changed cells', () => {
		const {terminal, layer, screen} = setup();
		const red = '\u001B[38;5;196;48;5;16m';
		const blue = '\u001B[38;5;21;48;5;16m';
		// "数字 " is 5 cells wide (two wide characters and a space) but 3 code points.
		const frame = (row: string): string => `\u001B[1m数字\u001B[0m ${layer.image('maps.0', [row], 4)[0]}   \n`;
		screen.write(frame(`${red}▀▀▀▀\u001B[0m`));
		screen.write(frame(`${red}▀${blue}▀${red}▀▀\u001B[0m`));
		expect(terminal.last).toContain('\u001B[1;7H\u001B[0m\u001B[38;5;21;48;5;16m▀\u001B[0m');
	});

	it('rewrites the whole line when its text changed as well as its image', () => {
		const {terminal, layer, screen} = setup();
		const frame = (text: string, row: string): string => `${text} ${layer.image('weights.0', [row], 2)[0]} \n`;
		screen.write(frame('epoch 1', 'ab'));
		screen.write(frame('epoch 2', 'ac'));
		expect(terminal.last).toContain(`\u001B[1;1Hepoch 2 ac${eraseLineEnd}`);
	});

	it('accepts bytes as well as strings, and passes an empty write straight through', () => {
		const {terminal, screen} = setup();
		screen.write(Buffer.from('héllo\n', 'utf8'));
		expect(terminal.last).toContain(`\u001B[1;1Hhéllo${eraseLineEnd}`);
		const before = terminal.writes.length;
		let called = false;
		screen.write('', () => {
			called = true;
		});
		expect(terminal.writes.length).toBe(before + 1);
		expect(terminal.last).toBe('');
		expect(called).toBe(true);
	});

	it('counts frames and the bytes it sent', () => {
		const {terminal, screen} = setup();
		screen.write('one\n');
		screen.write('two\n');
		expect(screen.frames).toBe(2);
		expect(screen.bytesWritten).toBe(terminal.writes.reduce((sum, w) => sum + Buffer.byteLength(w), 0));
	});
});
