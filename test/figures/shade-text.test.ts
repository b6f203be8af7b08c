import {describe, expect, it} from 'vitest';
import {createCanvas, fillRect, ink} from '../../src/figures/canvas.js';
import {shadeText} from '../../src/figures/shade-text.js';
import {diverging} from '../../src/render/palette.js';

describe('a figure in shade characters', () => {
	it('is as many characters wide as asked, each cell twice as tall as wide in pixels, the white page blank', () => {
		const canvas = createCanvas(400, 200);
		fillRect(canvas, 0, 0, 40, 40, ink);
		const lines = shadeText(canvas, 40);
		// 10 pixels a column, 20 a row.
		expect(lines).toHaveLength(10);
		expect(lines[0]).toBe('████');
		expect(lines[1]).toBe('████');
		expect(lines.slice(2).every(line => line === '')).toBe(true);
	});

	it('shades a block by how far it is from the page: grey half way, a half-inked block half way', () => {
		const canvas = createCanvas(40, 20);
		fillRect(canvas, 10, 0, 10, 20, [128, 128, 128]);
		fillRect(canvas, 20, 0, 5, 20, [0, 0, 0]);
		expect(shadeText(canvas, 4)).toEqual([' ▒▒']);
	});

	it('draws the diverging map\'s blue side with its own ramp, so a negative value never reads as a positive one', () => {
		const canvas = createCanvas(30, 20);
		fillRect(canvas, 0, 0, 10, 20, diverging(-0.4));
		fillRect(canvas, 10, 0, 10, 20, diverging(0.4));
		const [line] = shadeText(canvas, 3);
		expect(' .-=#').toContain(line[0]);
		expect(line[0]).not.toBe(' ');
		expect(' ░▒▓█').toContain(line[1]);
		expect(line[1]).not.toBe(' ');
	});

	it('is never wider than the figure has pixels', () => {
		expect(shadeText(createCanvas(5, 10, ink), 80)).toEqual(Array.from({length: 5}, () => '█████'));
	});
});
