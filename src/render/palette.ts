import {ShapeError} from '../errors.js';
import type {ColorDepth} from './color-depth.js';

/** A colour as red, green, blue, each an integer 0..255. */
export type Rgb = readonly [number, number, number];

/** Entries in every quantised palette; an index fits a Uint8Array. */
export const paletteSize = 256;

/** The diverging palette's index for 0. Indices 1..255 hold -1..+1 in steps of 1/127. */
export const divergingZeroIndex = 128;

const divergingSteps = 127;

function clamp(value: number, low: number, high: number): number {
	return value < low ? low : (value > high ? high : value);
}

/** Grey from black (t = 0, background) to white (t = 1, ink). Clamped to [0, 1]; NaN is black. */
export function grayscale(t: number): Rgb {
	const v = Math.round(255 * clamp(Number.isNaN(t) ? 0 : t, 0, 1));
	return [v, v, v];
}

/**
 * Anchors of the diverging map at |t| = 0, 1/3, 2/3 and 1: negative runs from the dark neutral through
 * deep blue and azure to sky blue, positive through brown and orange to light amber.
 *
 * Why colour-blind safe: the two sides differ along the blue-yellow axis (blue against orange/amber),
 * which people with deuteranopia or protanopia (the common red-green deficiencies) still see; no side
 * relies on red against green. At every |t| the two sides have the same luma (Rec. 709 weights on the
 * encoded values, matched within 1), so magnitude reads the same on both sides and hue carries the
 * sign alone. Tritanopes (rare) lose blue-yellow: the shade ramps without colour keep the sign in
 * glyphs, and a legend can say which side is which.
 */
const neutral: Rgb = [20, 20, 20];
const negativeAnchors: readonly Rgb[] = [neutral, [14, 69, 150], [38, 152, 242], [120, 232, 255]];
const positiveAnchors: readonly Rgb[] = [neutral, [118, 52, 8], [214, 122, 22], [255, 208, 92]];

function interpolate(anchors: readonly Rgb[], u: number): Rgb {
	const span = anchors.length - 1;
	const position = u * span;
	const i = Math.min(Math.floor(position), span - 1);
	const f = position - i;
	const a = anchors[i];
	const b = anchors[i + 1];
	return [
		Math.round(a[0] + ((b[0] - a[0]) * f)),
		Math.round(a[1] + ((b[1] - a[1]) * f)),
		Math.round(a[2] + ((b[2] - a[2]) * f)),
	];
}

/**
 * Diverging colour for t in [-1, 1]: blue below zero, orange above, a dark neutral near the terminal's
 * background at 0, brighter as |t| grows, so near-zero weights vanish and strong ones glow.
 * Clamped to [-1, 1]; NaN is the neutral.
 */
export function diverging(t: number): Rgb {
	if (Number.isNaN(t)) {
		return neutral;
	}

	const u = clamp(t, -1, 1);
	return u < 0 ? interpolate(negativeAnchors, -u) : interpolate(positiveAnchors, u);
}

/** Palette index of a grey level t in [0, 1] (clamped; NaN is 0): round(255 t). */
export function grayIndex(t: number): number {
	if (!(t > 0)) {
		return 0;
	}

	return t >= 1 ? 255 : Math.round(t * 255);
}

/**
 * Palette index of a signed value t in [-1, 1]: 128 + round(127 t), rounding halves away from zero
 * so that t and -t sit at the same distance from 128. Clamped to 1..255; NaN is 128 (neutral).
 */
export function divergingIndex(t: number): number {
	if (t >= 0) {
		return t >= 1 ? 255 : divergingZeroIndex + Math.floor((t * divergingSteps) + 0.5);
	}

	if (t < 0) {
		return t <= -1 ? 1 : divergingZeroIndex - Math.floor((-t * divergingSteps) + 0.5);
	}

	return divergingZeroIndex;
}

/** The signed value a diverging palette index stands for (index 0 is an alias of -1). */
export function divergingValue(index: number): number {
	return Math.max(-1, (index - divergingZeroIndex) / divergingSteps);
}

/**
 * Fill out[0..values.length) with diverging indices of values[i] / scale. A scale of 0 sends every
 * non-zero value to an end of the map; a negative scale counts as its absolute value.
 */
export function fillDivergingIndices(values: ArrayLike<number>, scale: number, out: Uint8Array): void {
	if (out.length < values.length) {
		throw new ShapeError(`Diverging indices: the output holds ${out.length} entries, expected at least ${values.length}.`);
	}

	const inverse = 1 / Math.abs(scale);
	const n = values.length;
	for (let i = 0; i < n; i++) {
		out[i] = divergingIndex(values[i] * inverse);
	}
}

function buildTable(colorOf: (index: number) => Rgb): readonly Rgb[] {
	const table: Rgb[] = [];
	for (let i = 0; i < paletteSize; i++) {
		table.push(colorOf(i));
	}

	return table;
}

/** grayTable[grayIndex(t)] is grayscale(t), quantised to 256 levels. */
export const grayTable: readonly Rgb[] = buildTable(i => grayscale(i / 255));


/**
 * Steps a side of the diverging map as image cells draw it (13 colours in all). Measured on the weights
 * tab at 120x40: a 24-bit colour code costs ~15 bytes, and at 255 steps nearly every pixel of a noisy
 * weight tile needs its own, 81 KB a frame; at 6 steps neighbours often share a colour, ~58 KB. The
 * colours stay closer to the smooth map than xterm's 256 colours can (mean RGB error 15 against 31).
 * In 256 colours the steps also keep the ramps in their hue: between steps the nearest xterm colours
 * of the smooth map pass through dark red and olive (positive) and teal (negative). Strokes and loops
 * read the same; what goes is the faintest tint.
 */
export const divergingColourSteps = 6;

/** The step (-divergingColourSteps..divergingColourSteps) of a diverging palette index: its value, rounded half away from 0. */
export function divergingStep(index: number): number {
	const value = divergingValue(index);
	return Math.sign(value) * Math.round(Math.abs(value) * divergingColourSteps);
}

/** steppedDivergingTable[divergingIndex(t)] is diverging(t) rounded to a step: the colour image cells draw. */
export const steppedDivergingTable: readonly Rgb[] = buildTable(i => diverging(divergingStep(i) / divergingColourSteps));

/**
 * The diverging map at 256 colours, as xterm colour numbers per step from -6 to +6, the dark neutral
 * (233) in the middle. Each step keeps the hue of its truecolour step: brown through orange to amber
 * above zero (94 #875f00, 130, 166, 172, 179, 221), steel blue through azure to sky blue below (24
 * #005f87, 25, 32, 33, 75, 117); lightness (OKLab L) rises from the middle outward, and a step's two
 * sides are about as light (within 0.08). xterm's cube has no dark brown and no dark muted blue: the
 * nearest to the weakest truecolour steps are greys (which lose the sign), dark red 52 and navy 18
 * (which turn a tile of mostly weak weights into red and navy noise). So the weakest steps take the
 * darkest colours of the right hue, lighter than in truecolour (L 0.51 and 0.46 against 0.30): weak
 * weights show a little brighter at 256 colours, but in their colours.
 */
const xterm256Steps: readonly number[] = [117, 75, 33, 32, 25, 24, 233, 94, 130, 166, 172, 179, 221];

/** The diverging map at 256 colours, as xterm colour numbers (16..255) per palette index. */
export const divergingXterm256Table: readonly number[] = Array.from(
	{length: paletteSize}, (_, index) => xterm256Steps[divergingStep(index) + divergingColourSteps],
);

/**
 * The diverging map at 16 colours, as ANSI colour numbers (0..15) per palette index. The nearest of the
 * 16 to the smooth map's colours is no use here: the sky-blue end lands on white and cyan, the amber
 * end on yellow and its middle on red. So the 16 colours keep the map's blue-yellow axis by name:
 * steps 0 and 1 (|t| < 1/4) black, like the dark neutral; 2 and 3 blue (4) or yellow (3); 4 to 6 bright
 * blue (12) or bright yellow (11). Yellow, not orange: the 16 colours have no orange.
 */
export const divergingAnsi16Table: readonly number[] = Array.from({length: paletteSize}, (_, index) => {
	const step = divergingStep(index);
	const magnitude = Math.abs(step);
	if (magnitude < 2) {
		return 0;
	}

	const bright = magnitude >= 4;
	return step < 0 ? (bright ? 12 : 4) : (bright ? 11 : 3);
});

/**
 * The words for the two sides of the diverging map at a colour depth, for legends: the hue family the
 * colours really drawn at that depth belong to. At depth none there are no colours (shades instead).
 */
export function divergingHueNames(depth: ColorDepth): {readonly negative: string; readonly positive: string} {
	return depth === 'ansi16' ? {negative: 'blue', positive: 'yellow'} : {negative: 'blue', positive: 'orange'};
}

/** Chalk's names of the ANSI colours the 16-colour diverging map uses (Ink takes these). */
const ansi16DivergingNames: Readonly<Record<number, string>> = {0: 'black', 3: 'yellow', 4: 'blue', 11: 'yellowBright', 12: 'blueBright'};

/**
 * The colour image cells draw for t in [-1, 1] at a colour depth, as an Ink colour string: `#rrggbb`
 * at truecolour, `ansi256(n)` at 256 colours, a colour name at 16, undefined at depth none. For text
 * in the colours of a signed image (a bar of a positive weight in the colour of a positive weight).
 */
export function divergingInkColour(t: number, depth: ColorDepth): string | undefined {
	const index = divergingIndex(t);
	switch (depth) {
		case 'truecolor': {
			return `#${steppedDivergingTable[index].map(v => v.toString(16).padStart(2, '0')).join('')}`;
		}

		case 'ansi256': {
			return `ansi256(${divergingXterm256Table[index]})`;
		}

		case 'ansi16': {
			return ansi16DivergingNames[divergingAnsi16Table[index]];
		}

		case 'none': {
			return undefined;
		}
	}
}
