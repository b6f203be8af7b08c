import {describe, expect, it} from 'vitest';
import type {ColorDepth} from '../../src/render/color-depth.js';
import {heatColours} from '../../src/render/heat.js';
import {xterm256Rgb} from '../../src/render/sgr.js';

const depths: readonly ColorDepth[] = ['truecolor', 'ansi256', 'ansi16'];

/** Relative brightness of an Ink colour string at truecolour or 256 colours (Rec. 709 luma on the codes). */
function luma(colour: string): number {
	const rgb = colour.startsWith('#')
		? [1, 3, 5].map(i => Number.parseInt(colour.slice(i, i + 2), 16))
		: xterm256Rgb(Number(/\((\d+)\)/.exec(colour)![1]));
	return (0.2126 * rgb[0]) + (0.7152 * rgb[1]) + (0.0722 * rgb[2]);
}

describe('heatColours', () => {
	it('has no colour at depth none, nor for an empty cell at any depth', () => {
		expect(heatColours(0.8, 'wrong', 'none')).toEqual({background: undefined, foreground: undefined});
		for (const depth of depths) {
			expect(heatColours(0, 'correct', depth).background).toBeUndefined();
			expect(heatColours(Number.NaN, 'wrong', depth).background).toBeUndefined();
		}
	});

	it('gives a cell that holds anything a background, however small its share', () => {
		for (const depth of depths) {
			expect(heatColours(0.001, 'wrong', depth).background, depth).toBeDefined();
			expect(heatColours(0.001, 'correct', depth).background, depth).toBeDefined();
		}
	});

	it('writes colours in the forms Ink takes at each depth', () => {
		expect(heatColours(0.5, 'wrong', 'truecolor').background).toMatch(/^#[\da-f]{6}$/);
		expect(heatColours(0.5, 'wrong', 'ansi256').background).toMatch(/^ansi256\(\d+\)$/);
		expect(heatColours(0.5, 'wrong', 'ansi16').background).toBe('yellow');
		expect(heatColours(1, 'correct', 'ansi16').background).toBe('blueBright');
	});

	it('keeps the two families apart: correct cells blue, wrong cells orange', () => {
		const blue = heatColours(1, 'correct', 'truecolor').background!;
		const orange = heatColours(1, 'wrong', 'truecolor').background!;
		expect(Number.parseInt(blue.slice(5, 7), 16)).toBeGreaterThan(Number.parseInt(blue.slice(1, 3), 16));
		expect(Number.parseInt(orange.slice(1, 3), 16)).toBeGreaterThan(Number.parseInt(orange.slice(5, 7), 16));
	});

	it('grows brighter with the share, and puts dark text on the brightest backgrounds', () => {
		for (const depth of ['truecolor', 'ansi256'] as const) {
			for (const family of ['correct', 'wrong'] as const) {
				const shades = [0.2, 0.5, 1].map(t => luma(heatColours(t, family, depth).background!));
				expect(shades[1], `${depth} ${family}`).toBeGreaterThan(shades[0]);
				expect(shades[2], `${depth} ${family}`).toBeGreaterThan(shades[1]);
				const weak = heatColours(0.2, family, depth);
				const strong = heatColours(1, family, depth);
				expect(luma(weak.foreground!)).toBeGreaterThan(luma(weak.background!));
				expect(luma(strong.foreground!)).toBeLessThan(luma(strong.background!));
			}
		}
	});
});
