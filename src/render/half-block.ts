import {ShapeError} from '../errors.js';
import type {ColorDepth} from './color-depth.js';
import {csi, sgr, sgrReset} from './escape-codes.js';
import {
	divergingAnsi16Table, divergingValue, divergingXterm256Table, fillDivergingIndices, grayTable, paletteSize, steppedDivergingTable, type Rgb,
} from './palette.js';
import {ansi16Params, bgParams, fgParams} from './sgr.js';

/**
 * The glyphs live here and only here: the block elements have East-Asian "ambiguous" width, and a
 * terminal that draws them double-wide needs one place to swap them.
 */
export const upperHalfBlock = '▀';

/** The same cell with its colours swapped: the bottom pixel in the foreground. */
export const lowerHalfBlock = '▄';

/** A cell whose two pixels share the foreground colour. */
export const fullBlock = '█';

/** Shades from empty to full, for unsigned images (and the positive side of signed ones) without colour. */
export const shadeRamp = ' ░▒▓█';

/**
 * Shades for the negative side of signed images without colour: ASCII, so a negative weight never
 * looks like a positive one of the same size (`#` against `█`), and `-` hints at the sign.
 */
export const negativeShadeRamp = ' .-=#';

const shadeLevels = shadeRamp.length - 1;

/** Stands for the terminal's default background (SGR 49) in the encoder's bottom-pixel slot. */
const defaultBackground = paletteSize;

/** Everything the encoder needs about a 256-entry palette at one colour depth, computed once. */
export type PaletteTable = {
	readonly depth: ColorDepth;
	/** Indices follow divergingIndex (128 is zero, 1..255 are -1..+1) rather than grayIndex (0..255). */
	readonly signed: boolean;
	/** SGR parameters per palette index, as fgParams / bgParams give them; '' at depth none. */
	readonly fg: readonly string[];
	readonly bg: readonly string[];
	/** Per index, the first index with the same colour at this depth: the encoder compares these. */
	readonly key: Uint8Array;
	/** `ESC[<fg>m` per index. */
	readonly fgCode: readonly string[];
	/** `ESC[<bg>m` per index, plus `ESC[49m` at index 256. */
	readonly bgCode: readonly string[];
	/** `ESC[<fg>;` per index, to be followed by bgTail. */
	readonly fgHead: readonly string[];
	/** `<bg>m` per index, plus `49m` at index 256. */
	readonly bgTail: readonly string[];
	/** The shade glyph for a cell whose two indices add up to s (0..510), for depth none. */
	readonly shades: readonly string[];
};

/**
 * Build the encoder's table for a palette of paletteSize colours at a depth. `ansi16`, when given, is
 * the ANSI colour number (0..15) per index to use at depth ansi16 instead of the nearest to each RGB;
 * `ansi256`, the xterm colour number (16..255) per index to use at depth ansi256.
 */
export function paletteTable(
	rgbs: readonly Rgb[], depth: ColorDepth, options: {signed?: boolean; ansi16?: readonly number[]; ansi256?: readonly number[]} = {},
): PaletteTable {
	if (rgbs.length !== paletteSize) {
		throw new ShapeError(`Palette table: the palette has ${rgbs.length} colours, expected ${paletteSize}.`);
	}

	const signed = options.signed ?? false;
	const {ansi16, ansi256} = options;
	const named = depth === 'ansi16' && ansi16 !== undefined;
	const numbered = depth === 'ansi256' && ansi256 !== undefined;
	const params = (rgb: Rgb, i: number, base: 38 | 48): string => {
		if (named) {
			return ansi16Params(ansi16[i], base);
		}

		return numbered ? `${base};5;${ansi256[i]}` : (base === 38 ? fgParams(rgb, depth) : bgParams(rgb, depth));
	};

	const fg = rgbs.map((rgb, i) => params(rgb, i, 38));
	const bg = rgbs.map((rgb, i) => params(rgb, i, 48));
	const key = Uint8Array.from(fg, params => fg.indexOf(params));
	return {
		depth,
		signed,
		fg,
		bg,
		key,
		fgCode: fg.map(params => sgr(params)),
		bgCode: [...bg.map(params => sgr(params)), sgr('49')],
		fgHead: fg.map(params => `${csi}${params};`),
		bgTail: [...bg.map(params => `${params}m`), '49m'],
		shades: shadeTable(signed),
	};
}

/** Shade glyphs indexed by the sum of a cell's two palette indices. */
function shadeTable(signed: boolean): readonly string[] {
	const shades: string[] = [];
	for (let sum = 0; sum <= 2 * (paletteSize - 1); sum++) {
		const value = signed ? divergingValue(sum / 2) : sum / (2 * (paletteSize - 1));
		const level = Math.round(Math.min(1, Math.abs(value)) * shadeLevels);
		shades.push(value < 0 ? negativeShadeRamp[level] : shadeRamp[level]);
	}

	return shades;
}

/**
 * One line of cells in colour. A cell shows two pixels: the upper half block draws the top pixel in the
 * foreground and the bottom one in the background, the lower half block the other way round, and a
 * cell whose two pixels look the same at this depth is a space on the background or a full block in
 * the foreground. Of these, each cell takes the one that needs the fewest colour codes given the
 * colours already in effect (the upper half block on a tie): in a noisy weight tile this saves about a
 * tenth of the codes, and the picture is the same. Codes are written only when a colour changes, fg
 * and bg in one sequence when both do. `bottom` < 0 means the image has no bottom row here: the
 * default background (49) shows, which only the upper half block can draw.
 */
function colorLine(indices: Uint8Array, top: number, bottom: number, cols: number, table: PaletteTable): string {
	const {key} = table;
	let line = '';
	let fg = -1;
	let bg = -1;
	for (let x = 0; x < cols; x++) {
		const a = key[indices[top + x]];
		const b = bottom < 0 ? defaultBackground : key[indices[bottom + x]];
		if (a === b) {
			if (b !== bg && a === fg) {
				line += fullBlock;
			} else {
				line += setColours(table, -1, b === bg ? -1 : b) + ' ';
				bg = b;
			}

			continue;
		}

		const upperCodes = Number(a !== fg) + Number(b !== bg);
		const lowerCodes = b === defaultBackground ? 3 : Number(b !== fg) + Number(a !== bg);
		const [front, back] = lowerCodes < upperCodes ? [b, a] : [a, b];
		line += setColours(table, front === fg ? -1 : front, back === bg ? -1 : back);
		line += front === a ? upperHalfBlock : lowerHalfBlock;
		fg = front;
		bg = back;
	}

	return line + sgrReset;
}

/** The SGR sequence that sets foreground `front` and background `back` (-1: leave it), or ''. */
function setColours(table: PaletteTable, front: number, back: number): string {
	if (front >= 0) {
		return back >= 0 ? table.fgHead[front] + table.bgTail[back] : table.fgCode[front];
	}

	return back >= 0 ? table.bgCode[back] : '';
}

/** One line of cells without colour: each cell is the shade of the mean of its two pixels. */
function shadeLine(indices: Uint8Array, top: number, bottom: number, cols: number, shades: readonly string[]): string {
	let line = '';
	for (let x = 0; x < cols; x++) {
		const a = indices[top + x];
		line += shades[a + (bottom < 0 ? a : indices[bottom + x])];
	}

	return line;
}

function checkShape(what: string, length: number, rows: number, cols: number): void {
	if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
		throw new ShapeError(`${what}: rows and cols must be whole numbers of at least 0, got ${rows} x ${cols}.`);
	}

	if (length !== rows * cols) {
		throw new ShapeError(`${what}: ${length} pixels do not fill ${rows} x ${cols} (expected ${rows * cols}).`);
	}
}

/**
 * Encode a rows x cols image of palette indices (row-major) as ceil(rows / 2) lines of exactly cols
 * cells. In colour every line starts with its own colours and ends with `ESC[0m`; at depth none a line
 * is plain shade glyphs with no escape codes at all.
 */
export function encodeHalfBlocks(indices: Uint8Array, rows: number, cols: number, table: PaletteTable, depth: ColorDepth): string[] {
	checkShape('Half-block image', indices.length, rows, cols);
	if (table.depth !== depth) {
		throw new RangeError(`Half-block image: the palette table was built for depth ${table.depth}, not ${depth}.`);
	}

	const lines: string[] = [];
	for (let y = 0; y < rows; y += 2) {
		const top = y * cols;
		const bottom = y + 1 < rows ? top + cols : -1;
		if (depth === 'none') {
			lines.push(shadeLine(indices, top, bottom, cols, table.shades));
		} else {
			lines.push(cols === 0 ? '' : colorLine(indices, top, bottom, cols, table));
		}
	}

	return lines;
}

const grayTables = new Map<ColorDepth, PaletteTable>();
const signedTables = new Map<ColorDepth, PaletteTable>();

function cachedTable(cache: Map<ColorDepth, PaletteTable>, depth: ColorDepth, signed: boolean): PaletteTable {
	let table = cache.get(depth);
	if (table === undefined) {
		table = signed
			? paletteTable(steppedDivergingTable, depth, {signed, ansi16: divergingAnsi16Table, ansi256: divergingXterm256Table})
			: paletteTable(grayTable, depth, {signed});
		cache.set(depth, table);
	}

	return table;
}

/**
 * Render grey pixels (0 background .. 255 ink, row-major) in the grayscale palette, each pixel drawn
 * as `zoom` x `zoom` pixels (a whole number of at least 1).
 */
export function renderGrayImage(pixels: Uint8Array, rows: number, cols: number, depth: ColorDepth, zoom = 1): string[] {
	if (!Number.isInteger(zoom) || zoom < 1) {
		throw new ShapeError(`Grey image: zoom must be a whole number of at least 1, got ${zoom}.`);
	}

	const table = cachedTable(grayTables, depth, false);
	return zoom === 1 ? encodeHalfBlocks(pixels, rows, cols, table, depth) : encodeHalfBlocks(enlarge(pixels, rows, cols, zoom), rows * zoom, cols * zoom, table, depth);
}

/** The image with every pixel repeated zoom x zoom times. */
function enlarge(pixels: Uint8Array, rows: number, cols: number, zoom: number): Uint8Array {
	checkShape('Grey image', pixels.length, rows, cols);
	const wide = cols * zoom;
	const out = new Uint8Array(rows * zoom * wide);
	for (let y = 0; y < rows * zoom; y++) {
		const from = Math.floor(y / zoom) * cols;
		for (let x = 0; x < wide; x++) {
			out[(y * wide) + x] = pixels[from + Math.floor(x / zoom)];
		}
	}

	return out;
}

/** Reused between calls (the encoder is synchronous), so rendering allocates no index array. */
let signedScratch = new Uint8Array(0);

/**
 * Render signed values (row-major) in the diverging palette, |value| = scale at full brightness.
 * A scale of 0 sends every non-zero value to full brightness.
 */
export function renderSignedImage(values: ArrayLike<number>, rows: number, cols: number, scale: number, depth: ColorDepth): string[] {
	checkShape('Signed image', values.length, rows, cols);
	if (signedScratch.length < values.length) {
		signedScratch = new Uint8Array(values.length);
	}

	const indices = signedScratch.subarray(0, values.length);
	fillDivergingIndices(values, scale, indices);
	return encodeHalfBlocks(indices, rows, cols, cachedTable(signedTables, depth, true), depth);
}
