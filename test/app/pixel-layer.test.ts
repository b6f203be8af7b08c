import {describe, expect, it} from 'vitest';
import {PixelLayer} from '../../src/app/pixel-layer.js';

const anchor = /^[\uE000-\uF8FF]$/;

/** Lines that look like half-block rows with colour codes, different for each `seed`. */
function imageLines(rows: number, cols: number, seed: number): string[] {
	return Array.from({length: rows}, (_, r) => `\u001B[38;5;${16 + seed + r}m${'▀'.repeat(cols)}\u001B[0m`);
}

/** An anchor as Ink lays it out in a box `cols` cells wide: the anchor, then the blank cells it leaves. */
function laidOut(anchorLine: string, cols: number): string {
	return anchorLine + ' '.repeat(cols - 1);
}

describe('PixelLayer.image', () => {
	it('gives one line per image row, each a single private-use anchor, different for every row', () => {
		const layer = new PixelLayer();
		const anchors = layer.image('example', imageLines(3, 28, 0), 28);
		expect(anchors).toHaveLength(3);
		for (const line of anchors) {
			expect(line).toMatch(anchor);
		}

		expect(new Set(anchors).size).toBe(3);
	});

	it('gives different images different anchors', () => {
		const layer = new PixelLayer();
		const a = layer.image('weights.0', imageLines(2, 4, 0), 4);
		const b = layer.image('weights.1', imageLines(2, 4, 0), 4);
		for (const line of b) {
			expect(a).not.toContain(line);
		}
	});

	it('keeps the anchors of an image drawn again with the same lines', () => {
		const layer = new PixelLayer();
		const first = layer.image('example', imageLines(3, 5, 1), 5);
		const again = layer.image('example', imageLines(3, 5, 1), 5);
		expect(again).toEqual(first);
	});

	it('switches every anchor of an image whose lines change, so the changed rows differ from the last frame', () => {
		const layer = new PixelLayer();
		const before = layer.image('example', imageLines(3, 5, 1), 5);
		const after = layer.image('example', imageLines(3, 5, 2), 5);
		for (let row = 0; row < 3; row++) {
			expect(after[row]).not.toBe(before[row]);
			expect(after[row]).toMatch(anchor);
		}

		expect(layer.substitute(after.map(line => laidOut(line, 5)).join('\n'))).toBe(imageLines(3, 5, 2).join('\n'));
	});

	it('switches the anchors again on the next change, and keeps them while the lines stay', () => {
		const layer = new PixelLayer();
		layer.image('example', imageLines(2, 5, 1), 5);
		const two = layer.image('example', imageLines(2, 5, 2), 5);
		const twoAgain = layer.image('example', imageLines(2, 5, 2), 5);
		const three = layer.image('example', imageLines(2, 5, 3), 5);
		expect(twoAgain).toEqual(two);
		expect(three).not.toEqual(two);
		expect(layer.substitute(laidOut(three[0], 5))).toBe(imageLines(2, 5, 3)[0]);
	});

	it('treats a change of width as a change', () => {
		const layer = new PixelLayer();
		const narrow = layer.image('example', imageLines(1, 5, 1), 5);
		const wide = layer.image('example', imageLines(1, 6, 1), 6);
		expect(wide[0]).not.toBe(narrow[0]);
		expect(layer.substitute(`${laidOut(wide[0], 6)}|`)).toBe(`${imageLines(1, 6, 1)[0]}|`);
	});
});

describe('PixelLayer.substitute', () => {
	it('swaps each anchor and the blank cells after it for the image row it stands for', () => {
		const layer = new PixelLayer();
		const lines = imageLines(3, 4, 0);
		const anchors = layer.image('example', lines, 4);
		for (let row = 0; row < 3; row++) {
			expect(layer.substitute(laidOut(anchors[row], 4))).toBe(lines[row]);
		}
	});

	it('keeps the text around an image row, blanks included', () => {
		const layer = new PixelLayer();
		const lines = imageLines(1, 4, 0);
		const [row] = layer.image('example', lines, 4);
		expect(layer.substitute(`│ ${laidOut(row, 4)}  │ 0.912 ◀✓`)).toBe(`│ ${lines[0]}  │ 0.912 ◀✓`);
	});

	it('draws a row Ink ended the line after (it drops the blank cells at the end of a line) whole', () => {
		const layer = new PixelLayer();
		const lines = imageLines(1, 6, 0);
		const [row] = layer.image('example', lines, 6);
		expect(layer.substitute(`ab ${row}`)).toBe(`ab ${lines[0]}`);
		expect(layer.substitute(`ab ${row}  `)).toBe(`ab ${lines[0]}`);
	});

	it('swaps two images on one line, also when they touch', () => {
		const layer = new PixelLayer();
		const a = imageLines(1, 3, 0);
		const b = imageLines(1, 3, 5);
		const [pa] = layer.image('weights.0', a, 3);
		const [pb] = layer.image('weights.1', b, 3);
		expect(layer.substitute(`${laidOut(pa, 3)} ${laidOut(pb, 3)}`)).toBe(`${a[0]} ${b[0]}`);
		expect(layer.substitute(`${laidOut(pa, 3)}${laidOut(pb, 3)}`)).toBe(`${a[0]}${b[0]}`);
	});

	it('swaps a whole frame of several lines', () => {
		const layer = new PixelLayer();
		const lines = imageLines(2, 3, 0);
		const anchors = layer.image('example', lines, 3);
		const frame = `title\n${laidOut(anchors[0], 3)}  label\n${anchors[1]}\nend`;
		expect(layer.substitute(frame)).toBe(`title\n${lines[0]}  label\n${lines[1]}\nend`);
	});

	it('returns text without anchors unchanged', () => {
		const layer = new PixelLayer();
		layer.image('example', imageLines(1, 3, 0), 3);
		const text = 'plain ▀▄ text \u001B[31mred\u001B[39m';
		expect(layer.substitute(text)).toBe(text);
	});

	it('cuts a row where something else was drawn over its cells (a clip, a border), keeping that', () => {
		const layer = new PixelLayer();
		const red = '\u001B[38;5;196;48;5;16m';
		const blue = '\u001B[38;5;21;48;5;16m';
		const [row] = layer.image('example', [`${red}▀▀${blue}▀▀▀▀\u001B[0m`], 6);
		const cut = layer.substitute(`${row}  │ next`);
		expect(cut).toMatch(/│ next$/);
		const image = cut.slice(0, cut.indexOf('│'));
		// Three cells of the image: two red, one blue.
		expect(image.replaceAll(/\u001B\[[\d;]*m/g, '')).toBe('▀▀▀');
		expect(image).toContain('38;5;21');
	});

	it('turns an anchor of no known image into a blank', () => {
		const layer = new PixelLayer();
		expect(layer.substitute('x\uE000  y')).toBe('x   y');
	});

	it('draws the current lines of an image even for anchors of its other code page', () => {
		const layer = new PixelLayer();
		const old = layer.image('example', imageLines(1, 3, 1), 3);
		layer.image('example', imageLines(1, 3, 2), 3);
		expect(layer.substitute(laidOut(old[0], 3))).toBe(imageLines(1, 3, 2)[0]);
	});
});

describe('PixelLayer.segments', () => {
	it('gives the text and the image rows of a line, the rows with the cells Ink laid out for them', () => {
		const layer = new PixelLayer();
		const lines = imageLines(1, 4, 0);
		const [row] = layer.image('example', lines, 4);
		const segments = layer.segments(`ab ${laidOut(row, 4)} cd`);
		expect(segments.map(s => s.image)).toEqual([false, true, false]);
		expect(segments.map(s => [...s.raw].length)).toEqual([3, 4, 3]);
		expect(segments[1].out).toBe(lines[0]);
		expect(segments.map(s => s.out).join('')).toBe(`ab ${lines[0]} cd`);
	});
});
