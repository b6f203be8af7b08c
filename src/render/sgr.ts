import type {ColorDepth} from './color-depth.js';
import type {Rgb} from './palette.js';

/** Channel levels of xterm's 6x6x6 colour cube (indices 16..231). */
const cubeLevels: readonly number[] = [0, 95, 135, 175, 215, 255];

/**
 * Reference colours for the 16 ANSI colours, xterm's defaults. Real terminals differ here (which is
 * why rgbTo256 never picks 0..15); this is only a best guess at ansi16.
 */
const ansi16Reference: readonly Rgb[] = [
	[0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0],
	[0, 0, 238], [205, 0, 205], [0, 205, 205], [229, 229, 229],
	[127, 127, 127], [255, 0, 0], [0, 255, 0], [255, 255, 0],
	[92, 92, 255], [255, 0, 255], [0, 255, 255], [255, 255, 255],
];

function distanceSquared(r: number, g: number, b: number, r2: number, g2: number, b2: number): number {
	return ((r - r2) ** 2) + ((g - g2) ** 2) + ((b - b2) ** 2);
}

/** Index into cubeLevels of the level nearest to v (0..255). */
function nearestCubeLevel(v: number): number {
	let best = 0;
	for (let i = 1; i < cubeLevels.length; i++) {
		if (Math.abs(cubeLevels[i] - v) < Math.abs(cubeLevels[best] - v)) {
			best = i;
		}
	}

	return best;
}

/**
 * The nearest xterm 256-colour index, from the 6x6x6 cube (16..231) or the grey ramp (232..255, grey
 * 8 + 10k), whichever is closer in RGB distance (a tie goes to the cube). Never 0..15.
 */
export function rgbTo256(rgb: Rgb): number {
	const [r, g, b] = rgb;
	const ri = nearestCubeLevel(r);
	const gi = nearestCubeLevel(g);
	const bi = nearestCubeLevel(b);
	const cubeDistance = distanceSquared(r, g, b, cubeLevels[ri], cubeLevels[gi], cubeLevels[bi]);
	const k = Math.min(23, Math.max(0, Math.round((((r + g + b) / 3) - 8) / 10)));
	const grey = 8 + (10 * k);
	const greyDistance = distanceSquared(r, g, b, grey, grey, grey);
	return greyDistance < cubeDistance ? 232 + k : 16 + (36 * ri) + (6 * gi) + bi;
}

/** The colour xterm draws for a 256-colour index 16..255: the 6x6x6 cube, then the grey ramp. */
export function xterm256Rgb(index: number): Rgb {
	if (index >= 232) {
		const grey = 8 + (10 * (index - 232));
		return [grey, grey, grey];
	}

	const cube = index - 16;
	return [cubeLevels[Math.floor(cube / 36)], cubeLevels[Math.floor(cube / 6) % 6], cubeLevels[cube % 6]];
}

/** The nearest of the 16 ANSI colours (0..15) by RGB distance to xterm's default palette. */
export function rgbTo16(rgb: Rgb): number {
	const [r, g, b] = rgb;
	let best = 0;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (let i = 0; i < ansi16Reference.length; i++) {
		const [r2, g2, b2] = ansi16Reference[i];
		const distance = distanceSquared(r, g, b, r2, g2, b2);
		if (distance < bestDistance) {
			best = i;
			bestDistance = distance;
		}
	}

	return best;
}

function channel(v: number): number {
	return Math.min(255, Math.max(0, Math.round(v)));
}

/** `r;g;b` with each channel rounded and clamped to 0..255. */
function rgbText(rgb: Rgb): string {
	return `${channel(rgb[0])};${channel(rgb[1])};${channel(rgb[2])}`;
}

/**
 * SGR parameters, without `ESC[` and `m`, for a colour as foreground (base 38: '38;2;r;g;b', '38;5;n',
 * 30-37 / 90-97) or background (base 48: '48;...', 40-47 / 100-107); '' at depth none.
 */
function colourParams(rgb: Rgb, depth: ColorDepth, base: 38 | 48): string {
	switch (depth) {
		case 'truecolor': {
			return `${base};2;${rgbText(rgb)}`;
		}

		case 'ansi256': {
			return `${base};5;${rgbTo256(rgb)}`;
		}

		case 'ansi16': {
			return ansi16Params(rgbTo16(rgb), base);
		}

		case 'none': {
			return '';
		}
	}
}

/** SGR parameters for ANSI colour n (0..15): 30-37 / 90-97 as foreground (base 38), 40-47 / 100-107 as background. */
export function ansi16Params(n: number, base: 38 | 48): string {
	const first = base - 8; // 30 or 40
	return String(n < 8 ? first + n : first + 60 + n - 8);
}

/** SGR parameters that set the foreground: '38;2;r;g;b', '38;5;n', '31', '97', or ''. */
export function fgParams(rgb: Rgb, depth: ColorDepth): string {
	return colourParams(rgb, depth, 38);
}

/** SGR parameters that set the background: '48;2;r;g;b', '48;5;n', '41', '107', or ''. */
export function bgParams(rgb: Rgb, depth: ColorDepth): string {
	return colourParams(rgb, depth, 48);
}
