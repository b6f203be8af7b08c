/**
 * A small bitmap font of our own for figure labels: glyphs 5 pixels wide on a 6-pixel advance, in a
 * 5x7 cell above the baseline (capitals, digits and ascenders 7 high, lower-case letters 5) with 2
 * rows below it for the descenders of g, j, p, q, y and the comma. Capital and lower-case letters,
 * digits and the signs numbers and labels use; a character without a glyph draws as a box, so
 * nothing is dropped silently. Scale multiplies every glyph pixel into a square.
 */
import type {Rgb} from '../render/palette.js';
import {type Canvas, fillRect} from './canvas.js';

export const glyphWidth = 5;
/** Rows from the top of a capital to the baseline: the height text takes in a layout. */
export const glyphHeight = 7;
/** Rows below the baseline that descenders reach into (the layouts leave at least this gap under a line). */
export const descent = 2;
/** Pixels from one character's left edge to the next's, at scale 1. */
export const advance = 6;

const cellRows = glyphHeight + descent;

/** Each glyph as 7 rows of 5 characters ('#' ink, '.' blank), or 9 when it descends below the baseline. */
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
	a: '..... ..... .###. ....# .#### #...# .####',
	b: '#.... #.... ####. #...# #...# #...# ####.',
	c: '..... ..... .#### #.... #.... #.... .####',
	d: '....# ....# .#### #...# #...# #...# .####',
	e: '..... ..... .###. #...# ##### #.... .###.',
	f: '..##. .#... ####. .#... .#... .#... .#...',
	g: '..... ..... .#### #...# #...# #...# .#### ....# .###.',
	h: '#.... #.... #.##. ##..# #...# #...# #...#',
	i: '..#.. ..... .##.. ..#.. ..#.. ..#.. .###.',
	j: '...#. ..... ..##. ...#. ...#. ...#. ...#. #..#. .##..',
	k: '#.... #.... #..#. #.#.. ##... #.#.. #..#.',
	l: '.##.. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
	m: '..... ..... ##.#. #.#.# #.#.# #.#.# #.#.#',
	n: '..... ..... #.##. ##..# #...# #...# #...#',
	o: '..... ..... .###. #...# #...# #...# .###.',
	p: '..... ..... ####. #...# #...# #...# ####. #.... #....',
	q: '..... ..... .#### #...# #...# #...# .#### ....# ....#',
	r: '..... ..... #.##. ##..# #.... #.... #....',
	s: '..... ..... .#### #.... .###. ....# ####.',
	t: '.#... .#... ####. .#... .#... .#..# ..##.',
	u: '..... ..... #...# #...# #...# #..## .##.#',
	v: '..... ..... #...# #...# #...# .#.#. ..#..',
	w: '..... ..... #...# #...# #.#.# #.#.# .#.#.',
	x: '..... ..... #...# .#.#. ..#.. .#.#. #...#',
	y: '..... ..... #...# #...# #...# #...# .#### ....# .###.',
	z: '..... ..... ##### ...#. ..#.. .#... #####',
	' ': '..... ..... ..... ..... ..... ..... .....',
	'.': '..... ..... ..... ..... ..... .##.. .##..',
	',': '..... ..... ..... ..... ..... .##.. .##.. ..#.. .#...',
	':': '..... .##.. .##.. ..... .##.. .##.. .....',
	';': '..... ..... .##.. .##.. ..... .##.. .##.. ..#.. .#...',
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
	'×': '..... ..... .#.#. ..#.. .#.#. ..... .....',
	'\u2212': '..... ..... ..... .###. ..... ..... .....',
	'#': '.#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.',
	'*': '..... #.#.# .###. ##### .###. #.#.# .....',
	'\u25A1': '##### ##.## #.#.# ##.## #.#.# ##.## #####',
};

/** Per character, its 45 pixels (row-major, 1 = ink): 7 rows above the baseline, 2 below. */
const glyphs = new Map<string, Uint8Array>(Object.entries(glyphRows).map(([character, rows]) => {
	const bits = rows.replaceAll(' ', '').padEnd(cellRows * glyphWidth, '.');
	return [character, Uint8Array.from(bits, bit => (bit === '#' ? 1 : 0))];
}));

const box = glyphs.get('\u25A1')!;

/** Every character with a glyph of its own, and how many pixels its rows held as written (35 or 45). */
export const fontCharacters: ReadonlyMap<string, number> = new Map(Object.entries(glyphRows).map(([character, rows]) => [character, rows.replaceAll(' ', '').length]));

/** The glyph `character` draws with (glyphWidth x (glyphHeight + descent) pixels): its own, or the box. */
export function glyphOf(character: string): Uint8Array {
	return glyphs.get(character) ?? box;
}

/** Whether `character` has a glyph of its own (else it draws as a box). */
export function hasGlyph(character: string): boolean {
	return glyphs.has(character);
}

/** Width in pixels of `text` at `scale` (no trailing gap after the last character). */
export function textWidth(text: string, scale = 1): number {
	const n = [...text].length;
	return n === 0 ? 0 : ((n * advance) - 1) * scale;
}

/** Height in pixels of a line of text at `scale`, from the top of a capital to the baseline (descenders go below). */
export function textHeight(scale = 1): number {
	return glyphHeight * scale;
}

export type TextAlign = 'left' | 'center' | 'right';

/**
 * Draw `text` with the top of its capitals at y (descenders reach `descent` rows below the line); x is its left edge, centre or right edge as `align` says. Returns
 * the x just after the text.
 */
export function drawText(canvas: Canvas, text: string, x: number, y: number, color: Rgb, scale = 1, align: TextAlign = 'left'): number {
	const width = textWidth(text, scale);
	let left = Math.round(align === 'left' ? x : (align === 'center' ? x - (width / 2) : x - width));
	for (const character of text) {
		const glyph = glyphOf(character);
		for (let r = 0; r < cellRows; r++) {
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
