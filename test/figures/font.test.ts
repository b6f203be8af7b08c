import {describe, expect, it} from 'vitest';
import {createCanvas, pixelAt, white} from '../../src/figures/canvas.js';
import {
	advance, descent, drawText, fitText, fontCharacters, glyphHeight, glyphOf, glyphWidth, hasGlyph, textWidth,
} from '../../src/figures/font.js';

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
	it('has a glyph of its own for every digit, capital and lower-case letter and sign labels use', () => {
		for (const c of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .,:;-+±=/%()[]?!_<>×\'−') {
			expect(hasGlyph(c), c).toBe(true);
		}

		expect(glyphOf('q')).not.toEqual(glyphOf('Q'));
	});

	it('writes every glyph as 7 rows of 5 pixels, or 9 when it descends below the baseline', () => {
		for (const [c, pixels] of fontCharacters) {
			expect([glyphWidth * glyphHeight, glyphWidth * (glyphHeight + descent)], c).toContain(pixels);
		}

		const descending = [...fontCharacters].filter(([, pixels]) => pixels > glyphWidth * glyphHeight).map(([c]) => c).sort().join('');
		expect(descending).toBe(',;gjpqy');
	});

	it('gives every character its own pattern, so no two read alike', () => {
		const chars = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.,:;-+±=/%()[]?!_<>×\'#*'];
		const patterns = new Set(chars.map(c => glyphOf(c).join('')));
		expect(patterns.size).toBe(chars.length);
	});

	it('draws a word with its letters a 6-pixel advance apart, the x-height 5 rows and g\'s tail below the baseline', () => {
		const canvas = createCanvas(11, 9, white);
		drawText(canvas, 'og', 0, 0, ink);
		const drawn = Array.from({length: 9}, (_, y) => Array.from({length: 11}, (_, x) => (pixelAt(canvas, x, y)[0] === 0 ? '#' : '.')).join(''));
		expect(drawn).toEqual([
			'...........',
			'...........',
			'.###...####',
			'#...#.#...#',
			'#...#.#...#',
			'#...#.#...#',
			'.###...####',
			'..........#',
			'.......###.',
		]);
	});

	it('puts ascenders and capitals on one top line and lower-case letters on the baseline, at any scale', () => {
		const canvas = createCanvas(40, 30, white);
		drawText(canvas, 'Hk', 1, 2, ink, 2);
		const rows = inked(canvas).map(p => p[1]);
		expect(Math.min(...rows)).toBe(2);
		expect(Math.max(...rows)).toBe(2 + (2 * glyphHeight) - 1);
		const low = createCanvas(40, 30, white);
		drawText(low, 'an', 1, 2, ink, 2);
		expect(Math.min(...inked(low).map(p => p[1]))).toBe(2 + (2 * 2));
		expect(Math.max(...inked(low).map(p => p[1]))).toBe(2 + (2 * glyphHeight) - 1);
	});

	it('draws a character without a glyph as a box unlike any letter or digit', () => {
		expect(hasGlyph('€')).toBe(false);
		const box = glyphOf('€').join('');
		expect([...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'].map(c => glyphOf(c).join(''))).not.toContain(box);
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
		expect(fitText('Sneaker', 1000)).toBe('Sneaker');
		const cut = fitText('Ankle boot', textWidth('Ankle'));
		expect(textWidth(cut)).toBeLessThanOrEqual(textWidth('Ankle'));
		expect(cut).toBe('Ankl.');
	});
});
