import {describe, expect, it} from 'vitest';
import {createCanvas, pixelAt, white} from '../../src/figures/canvas.js';
import {advance, drawText, fitText, glyphHeight, glyphOf, glyphWidth, hasGlyph, textWidth} from '../../src/figures/font.js';

const ink = [0, 0, 0] as const;

function inked(canvas: ReturnType<typeof createCanvas>): Array<[number, number]> {
	const found: Array<[number, number]> = [];
	for (let y = 0; y < canvas.height; y++) {
		for (let x = 0; x < canvas.width; x++) {
			if (pixelAt(canvas, x, y)[0] === 0) {
				found.push([x, y]);
			}
		}
	}

	return found;
}

describe('the figure font', () => {
	it('has a glyph for every digit and letter, lower-case letters drawing as capitals', () => {
		for (const c of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.,:;-+±=/%()[]?!_<>×') {
			expect(hasGlyph(c), c).toBe(true);
		}

		expect(glyphOf('q')).toBe(glyphOf('Q'));
	});

	it('gives every character its own pattern, so no two read alike', () => {
		const chars = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.,:;-+±=/%()[]?!_<>×'];
		const patterns = new Set(chars.map(c => glyphOf(c).join('')));
		expect(patterns.size).toBe(chars.length);
	});

	it('draws a character without a glyph as a box unlike any letter or digit', () => {
		expect(hasGlyph('€')).toBe(false);
		const box = glyphOf('€').join('');
		expect([...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map(c => glyphOf(c).join(''))).not.toContain(box);
	});

	it('draws text inside the width textWidth gives, scaled by whole pixels', () => {
		const canvas = createCanvas(80, 30, white);
		const end = drawText(canvas, 'B8', 2, 3, ink, 2);
		const pixels = inked(canvas);
		expect(Math.min(...pixels.map(p => p[0]))).toBe(2);
		expect(Math.max(...pixels.map(p => p[0]))).toBe(2 + textWidth('B8', 2) - 1);
		expect(Math.min(...pixels.map(p => p[1]))).toBe(3);
		expect(Math.max(...pixels.map(p => p[1]))).toBe(3 + (glyphHeight * 2) - 1);
		expect(end).toBe(2 + (2 * advance * 2));
		expect(textWidth('B1')).toBe((2 * advance) - 1);
		expect(glyphWidth).toBe(5);
	});

	it('centres and right-aligns text on the x given', () => {
		const canvas = createCanvas(60, 10, white);
		drawText(canvas, '10', 40, 1, ink, 1, 'right');
		expect(Math.max(...inked(canvas).map(p => p[0]))).toBe(39);
		const centred = createCanvas(60, 10, white);
		drawText(centred, '888', 30, 1, ink, 1, 'center');
		const xs = inked(centred).map(p => p[0]);
		expect(Math.abs((Math.min(...xs) + Math.max(...xs) + 1) / 2 - 30)).toBeLessThanOrEqual(1);
	});

	it('cuts text that does not fit, ending it with a dot', () => {
		expect(fitText('SNEAKER', 1000)).toBe('SNEAKER');
		const cut = fitText('ANKLE BOOT', textWidth('ANKLE'));
		expect(textWidth(cut)).toBeLessThanOrEqual(textWidth('ANKLE'));
		expect(cut).toBe('ANKL.');
	});
});
