import {describe, expect, it} from 'vitest';
import type {Rgb} from '../../src/render/palette.js';
import {
	bgParams, fgParams, rgbTo16, rgbTo256,
} from '../../src/render/sgr.js';

const cubeLevels = [0, 95, 135, 175, 215, 255];

describe('rgbTo256', () => {
	it('maps black, white, mid grey and pure red to their xterm indices', () => {
		expect(rgbTo256([0, 0, 0])).toBe(16);
		expect(rgbTo256([255, 255, 255])).toBe(231);
		expect(rgbTo256([128, 128, 128])).toBe(244);
		expect(rgbTo256([255, 0, 0])).toBe(196);
	});

	it('maps every colour of the 6x6x6 cube to itself', () => {
		for (let r = 0; r < 6; r++) {
			for (let g = 0; g < 6; g++) {
				for (let b = 0; b < 6; b++) {
					expect(rgbTo256([cubeLevels[r], cubeLevels[g], cubeLevels[b]])).toBe(16 + (36 * r) + (6 * g) + b);
				}
			}
		}

		expect(rgbTo256([95, 135, 175])).toBe(67);
	});

	it('maps every grey of the ramp to itself', () => {
		for (let k = 0; k < 24; k++) {
			const v = 8 + (10 * k);
			expect(rgbTo256([v, v, v])).toBe(232 + k);
		}
	});

	it('never picks one of the 16 terminal-defined colours', () => {
		for (let r = 0; r < 256; r += 15) {
			for (let g = 0; g < 256; g += 15) {
				for (let b = 0; b < 256; b += 15) {
					const n = rgbTo256([r, g, b]);
					expect(n).toBeGreaterThanOrEqual(16);
					expect(n).toBeLessThanOrEqual(255);
				}
			}
		}
	});

	it('picks the closer of cube and grey ramp', () => {
		expect(rgbTo256([100, 100, 100])).toBe(241); // grey 98 beats cube 95 (by 2 against 5)
		expect(rgbTo256([96, 96, 96])).toBe(59); // cube 95 beats grey 98
		expect(rgbTo256([250, 10, 10])).toBe(196);
	});
});

describe('rgbTo16', () => {
	it('maps black, white, grey and red to the standard ANSI colours', () => {
		expect(rgbTo16([0, 0, 0])).toBe(0);
		expect(rgbTo16([255, 255, 255])).toBe(15);
		expect(rgbTo16([128, 128, 128])).toBe(8);
		expect(rgbTo16([255, 0, 0])).toBe(9);
		expect(rgbTo16([200, 0, 0])).toBe(1);
		expect(rgbTo16([0, 0, 255])).toBe(4);
		expect(rgbTo16([230, 230, 230])).toBe(7);
	});
});

describe('fgParams and bgParams', () => {
	const color: Rgb = [10, 20, 30];

	it('give 24-bit codes at truecolor', () => {
		expect(fgParams(color, 'truecolor')).toBe('38;2;10;20;30');
		expect(bgParams(color, 'truecolor')).toBe('48;2;10;20;30');
	});

	it('round and clamp channels at truecolor', () => {
		expect(fgParams([-4, 300, 12.6], 'truecolor')).toBe('38;2;0;255;13');
	});

	it('give 256-colour codes at ansi256', () => {
		expect(fgParams([95, 135, 175], 'ansi256')).toBe('38;5;67');
		expect(bgParams([95, 135, 175], 'ansi256')).toBe('48;5;67');
	});

	it('give 30-37 and 90-97 foregrounds and 40-47 and 100-107 backgrounds at ansi16', () => {
		expect(fgParams([205, 0, 0], 'ansi16')).toBe('31');
		expect(fgParams([255, 255, 255], 'ansi16')).toBe('97');
		expect(bgParams([0, 0, 0], 'ansi16')).toBe('40');
		expect(bgParams([128, 128, 128], 'ansi16')).toBe('100');
	});

	it('give nothing at depth none', () => {
		expect(fgParams(color, 'none')).toBe('');
		expect(bgParams(color, 'none')).toBe('');
	});
});
