/**
 * A small bitmap font of our own for figure labels: 5x7 pixel glyphs on a 6-pixel advance, capital
 * letters, digits and the signs numbers and class names use. Lower-case letters draw as capitals; a
 * character without a glyph draws as a box, so nothing is dropped silently. Scale multiplies every
 * glyph pixel into a square.
 */
import type {Rgb} from '../render/palette.js';
import {type Canvas, fillRect} from './canvas.js';

export const glyphWidth = 5;
export const glyphHeight = 7;
/** Pixels from one character's left edge to the next's, at scale 1. */
export const advance = 6;

/** Each glyph as 7 rows of 5 characters: '#' ink, '.' blank. */
const glyphRows: Readonly<Record<string, string>> = {
	'0': '.###. #...# #..## #.#.# ##..# #...# .###.',
	'1': '..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.',
	'2': '.###. #...# ....# ...#. ..#.. .#... #####',
	'3': '##### ...#. ..#.. ...#. ....# #...# .###.',
	'4': '...#. ..##. .#.#. #..#. ##### ...#. ...#.',
	'5': '##### #.... ####. ....# ....# #...# .###.',
	'6': '..##. .#... #.... ####. #...# #...# .###.',
	'7': '##### ....# ...#. ..#.. .#... .#... .#...',
	'8': '.###. #...# #...# .###. #...# #...# .###.',
	'9': '.###. #...# #...# .#### ....# ...#. .##..',
	A: '.###. #...# #...# ##### #...# #...# #...#',
	B: '####. #...# #...# ####. #...# #...# ####.',
	C: '.###. #...# #.... #.... #.... #...# .###.',
	D: '###.. #..#. #...# #...# #...# #..#. ###..',
	E: '##### #.... #.... ####. #.... #.... #####',
	F: '##### #.... #.... ####. #.... #.... #....',
	G: '.###. #...# #.... #.### #...# #...# .####',
	H: '#...# #...# #...# ##### #...# #...# #...#',
	I: '.###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
	J: '..### ...#. ...#. ...#. ...#. #..#. .##..',
	K: '#...# #..#. #.#.. ##... #.#.. #..#. #...#',
	L: '#.... #.... #.... #.... #.... #.... #####',
	M: '#...# ##.## #.#.# #.#.# #...# #...# #...#',
	N: '#...# #...# ##..# #.#.# #..## #...# #...#',
	O: '.###. #...# #...# #...# #...# #...# .###.',
	P: '####. #...# #...# ####. #.... #.... #....',
	Q: '.###. #...# #...# #...# #.#.# #..#. .##.#',
	R: '####. #...# #...# ####. #.#.. #..#. #...#',
	S: '.#### #.... #.... .###. ....# ....# ####.',
	T: '##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..',
	U: '#...# #...# #...# #...# #...# #...# .###.',
	V: '#...# #...# #...# #...# #...# .#.#. ..#..',
	W: '#...# #...# #...# #.#.# #.#.# #.#.# .#.#.',
	X: '#...# #...# .#.#. ..#.. .#.#. #...# #...#',
	Y: '#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..',
	Z: '##### ....# ...#. ..#.. .#... #.... #####',
	' ': '..... ..... ..... ..... ..... ..... .....',
	'.': '..... ..... ..... ..... ..... .##.. .##..',
	',': '..... ..... ..... ..... .##.. ..#.. .#...',
	':': '..... .##.. .##.. ..... .##.. .##.. .....',
	';': '..... .##.. .##.. ..... .##.. ..#.. .#...',
	'-': '..... ..... ..... .###. ..... ..... .....',
	'+': '..... ..#.. ..#.. ##### ..#.. ..#.. .....',
	'±': '..#.. ..#.. ##### ..#.. ..#.. ..... #####',
	'=': '..... ..... ##### ..... ##### ..... .....',
	'/': '....# ....# ...#. ..#.. .#... #.... #....',
	'%': '##..# ##..# ...#. ..#.. .#... #..## #..##',
	'(': '...#. ..#.. .#... .#... .#... ..#.. ...#.',
	')': '.#... ..#.. ...#. ...#. ...#. ..#.. .#...',
	'[': '.###. .#... .#... .#... .#... .#... .###.',
	']': '.###. ...#. ...#. ...#. ...#. ...#. .###.',
	'?': '.###. #...# ....# ...#. ..#.. ..... ..#..',
	'!': '..#.. ..#.. ..#.. ..#.. ..#.. ..... ..#..',
	'\'': '..#.. ..#.. .#... ..... ..... ..... .....',
	'_': '..... ..... ..... ..... ..... ..... #####',
	'<': '...#. ..#.. .#... #.... .#... ..#.. ...#.',
	'>': '.#... ..#.. ...#. ....# ...#. ..#.. .#...',
	'×': '..... ..... #...# .#.#. ..#.. .#.#. #...#',
	'#': '.#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.',
	'*': '..... #.#.# .###. ##### .###. #.#.# .....',
	'\u25A1': '##### ##.## #.#.# ##.## #.#.# ##.## #####',
};

/** Per character, its 35 pixels (row-major, 1 = ink). */
const glyphs = new Map<string, Uint8Array>(Object.entries(glyphRows).map(([character, rows]) => {
	const bits = rows.replaceAll(' ', '');
	return [character, Uint8Array.from(bits, bit => (bit === '#' ? 1 : 0))];
}));

const box = glyphs.get('\u25A1')!;

/** The glyph `character` draws with: its own, its capital's, or the box. */
export function glyphOf(character: string): Uint8Array {
	return glyphs.get(character) ?? glyphs.get(character.toUpperCase()) ?? box;
}

/** Characters that have a glyph of their own (lower-case letters draw as capitals). */
export function hasGlyph(character: string): boolean {
	return glyphs.has(character) || glyphs.has(character.toUpperCase());
}

/** Width in pixels of `text` at `scale` (no trailing gap after the last character). */
export function textWidth(text: string, scale = 1): number {
	const n = [...text].length;
	return n === 0 ? 0 : ((n * advance) - 1) * scale;
}

/** Height in pixels of a line of text at `scale`. */
export function textHeight(scale = 1): number {
	return glyphHeight * scale;
}

export type TextAlign = 'left' | 'center' | 'right';

/**
 * Draw `text` with its top at y; x is its left edge, centre or right edge as `align` says. Returns
 * the x just after the text.
 */
export function drawText(canvas: Canvas, text: string, x: number, y: number, color: Rgb, scale = 1, align: TextAlign = 'left'): number {
	const width = textWidth(text, scale);
	let left = Math.round(align === 'left' ? x : (align === 'center' ? x - (width / 2) : x - width));
	for (const character of text) {
		const glyph = glyphOf(character);
		for (let r = 0; r < glyphHeight; r++) {
			for (let c = 0; c < glyphWidth; c++) {
				if (glyph[(r * glyphWidth) + c] === 1) {
					fillRect(canvas, left + (c * scale), y + (r * scale), scale, scale, color);
				}
			}
		}

		left += advance * scale;
	}

	return left;
}

/** `text` cut to at most `width` pixels at `scale`, ending in '.' when cut. */
export function fitText(text: string, width: number, scale = 1): string {
	const characters = [...text];
	if (textWidth(text, scale) <= width) {
		return text;
	}

	const fits = Math.max(0, Math.floor(((width / scale) + 1) / advance) - 1);
	return `${characters.slice(0, fits).join('')}.`;
}
