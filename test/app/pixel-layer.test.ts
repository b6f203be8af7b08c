import {describe, expect, it} from 'vitest';
import {PixelLayer} from '../../src/app/pixel-layer.js';

const privateUse = /^[\uE000-\uF8FF]+$/;

/** Lines that look like half-block rows with colour codes, different for each `seed`. */
function imageLines(rows: number, cols: number, seed: number): string[] {
	return Array.from({length: rows}, (_, r) => `\u001B[38;5;${16 + seed + r}m${'▀'.repeat(cols)}\u001B[0m`);
}

describe('PixelLayer.image', () => {
	it('gives one placeholder line per image row, as wide as the image, of private-use characters', () => {
		const layer = new PixelLayer();
		const placeholders = layer.image('example', imageLines(3, 28, 0), 28);
		expect(placeholders).toHaveLength(3);
		for (const line of placeholders) {
			expect(line).toMatch(privateUse);
			expect([...line]).toHaveLength(28);
			expect(new Set(line).size).toBe(1);
		}

		expect(new Set(placeholders).size).toBe(3);
	});

	it('gives different images different placeholders', () => {
		const layer = new PixelLayer();
		const a = layer.image('weights.0', imageLines(2, 4, 0), 4);
		const b = layer.image('weights.1', imageLines(2, 4, 0), 4);
		for (const line of b) {
			expect(a).not.toContain(line);
		}
	});

	it('keeps the placeholders of an image drawn again with the same lines', () => {
		const layer = new PixelLayer();
		const first = layer.image('example', imageLines(3, 5, 1), 5);
		const again = layer.image('example', imageLines(3, 5, 1), 5);
		expect(again).toEqual(first);
	});

	it('switches every placeholder of an image whose lines change, so the changed rows differ from the last frame', () => {
		const layer = new PixelLayer();
		const before = layer.image('example', imageLines(3, 5, 1), 5);
		const after = layer.image('example', imageLines(3, 5, 2), 5);
		for (let row = 0; row < 3; row++) {
			expect(after[row]).not.toBe(before[row]);
			expect(after[row]).toMatch(privateUse);
			expect([...after[row]]).toHaveLength(5);
		}

		expect(layer.substitute(after.join('\n'))).toBe(imageLines(3, 5, 2).join('\n'));
	});

	it('switches the placeholders again on the next change, and keeps them while the lines stay', () => {
		const layer = new PixelLayer();
		layer.image('example', imageLines(2, 5, 1), 5);
		const two = layer.image('example', imageLines(2, 5, 2), 5);
		const twoAgain = layer.image('example', imageLines(2, 5, 2), 5);
		const three = layer.image('example', imageLines(2, 5, 3), 5);
		expect(twoAgain).toEqual(two);
		expect(three).not.toEqual(two);
		expect(layer.substitute(three[0])).toBe(imageLines(2, 5, 3)[0]);
	});

	it('treats a change of width as a change', () => {
		const layer = new PixelLayer();
		const narrow = layer.image('example', imageLines(1, 5, 1), 5);
		const wide = layer.image('example', imageLines(1, 6, 1), 6);
		expect(wide[0]).not.toBe(narrow[0].charAt(0).repeat(6));
		expect([...wide[0]]).toHaveLength(6);
	});
});

describe('PixelLayer.substitute', () => {
	it('swaps each placeholder run for the image row it stands for', () => {
		const layer = new PixelLayer();
		const lines = imageLines(3, 4, 0);
		const placeholders = layer.image('example', lines, 4);
		for (let row = 0; row < 3; row++) {
			expect(layer.substitute(placeholders[row])).toBe(lines[row]);
		}
	});

	it('keeps the text around a placeholder run', () => {
		const layer = new PixelLayer();
		const lines = imageLines(1, 4, 0);
		const [placeholder] = layer.image('example', lines, 4);
		expect(layer.substitute(`│ ${placeholder} │ 0.912 ◀✓`)).toBe(`│ ${lines[0]} │ 0.912 ◀✓`);
	});

	it('swaps two images on one line, also when they touch', () => {
		const layer = new PixelLayer();
		const a = imageLines(1, 3, 0);
		const b = imageLines(1, 3, 5);
		const [pa] = layer.image('weights.0', a, 3);
		const [pb] = layer.image('weights.1', b, 3);
		expect(layer.substitute(`${pa} ${pb}`)).toBe(`${a[0]} ${b[0]}`);
		expect(layer.substitute(`${pa}${pb}`)).toBe(`${a[0]}${b[0]}`);
	});

	it('swaps a whole frame of several lines', () => {
		const layer = new PixelLayer();
		const lines = imageLines(2, 3, 0);
		const placeholders = layer.image('example', lines, 3);
		const frame = `title\n${placeholders[0]}  label\n${placeholders[1]}\nend`;
		expect(layer.substitute(frame)).toBe(`title\n${lines[0]}  label\n${lines[1]}\nend`);
	});

	it('returns text without placeholders unchanged', () => {
		const layer = new PixelLayer();
		layer.image('example', imageLines(1, 3, 0), 3);
		const text = 'plain ▀▄ text \u001B[31mred\u001B[39m';
		expect(layer.substitute(text)).toBe(text);
	});

	it('turns a run that Ink clipped to fewer cells than the image into blanks of the run length', () => {
		const layer = new PixelLayer();
		const [placeholder] = layer.image('example', imageLines(1, 6, 0), 6);
		expect(layer.substitute(placeholder.slice(0, 4))).toBe('    ');
		expect(layer.substitute(`ab${placeholder.slice(0, 2)}|`)).toBe('ab  |');
	});

	it('turns a placeholder of no known image into blanks', () => {
		const layer = new PixelLayer();
		expect(layer.substitute('x\uE000\uE000\uE000y')).toBe('x   y');
	});

	it('draws the current lines of an image even for placeholders of its other code page', () => {
		const layer = new PixelLayer();
		const old = layer.image('example', imageLines(1, 3, 1), 3);
		layer.image('example', imageLines(1, 3, 2), 3);
		expect(layer.substitute(old[0])).toBe(imageLines(1, 3, 2)[0]);
	});
});
