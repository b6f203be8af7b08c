/**
 * The legend of signed images names the colours the palette really draws: at every colour depth, the
 * words for each side name the hue family of the colours emitted for -1 and +1 (and for -1/2, +1/2).
 * The colours are read back from the escape codes, the 16 and 256 as xterm draws them by default.
 */
import {renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {ImageLegend} from '../../src/components/ImageLegend.js';
import type {ColorDepth} from '../../src/render/color-depth.js';
import {renderSignedImage} from '../../src/render/half-block.js';

type Rgb = readonly [number, number, number];

/** xterm's default 16 colours. */
const xterm16: readonly Rgb[] = [
	[0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0], [0, 0, 238], [205, 0, 205], [0, 205, 205], [229, 229, 229],
	[127, 127, 127], [255, 0, 0], [0, 255, 0], [255, 255, 0], [92, 92, 255], [255, 0, 255], [0, 255, 255], [255, 255, 255],
];

/** xterm's colour n of 256: the 16, the 6x6x6 cube, the grey ramp. */
function xterm256(n: number): Rgb {
	if (n < 16) {
		return xterm16[n];
	}

	if (n >= 232) {
		const grey = 8 + (10 * (n - 232));
		return [grey, grey, grey];
	}

	const level = (i: number) => (i === 0 ? 0 : 55 + (40 * i));
	const cube = n - 16;
	return [level(Math.floor(cube / 36)), level(Math.floor(cube / 6) % 6), level(cube % 6)];
}

/** The foreground colour of a one-pixel signed image (drawn as an upper half block in the foreground). */
function drawnColour(value: number, depth: ColorDepth): Rgb {
	const [line] = renderSignedImage([value], 1, 1, 1, depth);
	const params = /\u001B\[([\d;]+)m/.exec(line)?.[1].split(';').map(Number) ?? [];
	if (params[0] === 38 && params[1] === 2) {
		return [params[2], params[3], params[4]];
	}

	if (params[0] === 38 && params[1] === 5) {
		return xterm256(params[2]);
	}

	const code = params[0];
	if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
		return xterm16[code >= 90 ? code - 90 + 8 : code - 30];
	}

	throw new Error(`no foreground colour in ${JSON.stringify(line)}`);
}

/** The hue family of a colour by its HSV hue, or 'grey' / 'black' when it has too little colour. */
function hueFamily([r, g, b]: Rgb): string {
	const max = Math.max(r, g, b);
	const min = Math.min(r, g, b);
	if (max < 40) {
		return 'black';
	}

	if ((max - min) / max < 0.25) {
		return 'grey';
	}

	const d = max - min;
	const hue = max === r ? (60 * (((g - b) / d) + 6)) % 360 : (max === g ? 60 * (((b - r) / d) + 2) : 60 * (((r - g) / d) + 4));
	const families: Array<[number, string]> = [[15, 'red'], [50, 'orange'], [70, 'yellow'], [165, 'green'], [187, 'cyan'], [260, 'blue'], [330, 'purple'], [360, 'red']];
	return families.find(([end]) => hue < end)![1];
}

function legendOf(depth: ColorDepth): string {
	return renderToString(<ImageLegend depth={depth} extra='d change'/>, {columns: 200});
}

describe('ImageLegend', () => {
	for (const depth of ['truecolor', 'ansi256', 'ansi16'] as const) {
		it(`names the hue families the palette really draws for -1 and +1 at ${depth}`, () => {
			const negative = hueFamily(drawnColour(-1, depth));
			const positive = hueFamily(drawnColour(1, depth));
			expect([negative, positive]).not.toContain('grey');
			expect(negative).not.toBe(positive);
			expect(hueFamily(drawnColour(-0.5, depth))).toBe(negative);
			expect(hueFamily(drawnColour(0.5, depth))).toBe(positive);
			expect(hueFamily(drawnColour(0, depth))).toBe('black');
			expect(legendOf(depth)).toContain(`${negative} negative · dark 0 · ${positive} positive`);
		});
	}

	it('draws blue against yellow at 16 colours, and says so', () => {
		expect([drawnColour(-1, 'ansi16'), drawnColour(1, 'ansi16')]).toEqual([xterm16[12], xterm16[11]]);
		expect(legendOf('ansi16')).toContain('blue negative · dark 0 · yellow positive');
	});

	it('names the shade ramps, not colours, without colour', () => {
		const legend = legendOf('none');
		expect(legend).toContain('shades: negative');
		expect(legend).not.toMatch(/blue|orange|yellow/);
	});
});
