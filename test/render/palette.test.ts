import {describe, expect, it} from 'vitest';
import {ShapeError} from '../../src/errors.js';
import {
	diverging, divergingAnsi16Table, divergingInkColour, divergingXterm256Table, divergingColourSteps, divergingIndex, divergingStep, divergingValue, divergingZeroIndex, fillDivergingIndices,
	grayIndex, grayscale, grayTable, paletteSize, steppedDivergingTable, type Rgb,
} from '../../src/render/palette.js';
import {xterm256Rgb} from '../../src/render/sgr.js';

/** Rec. 709 luma on the encoded channels: the brightness measure the diverging map is built on. */
function luma([r, g, b]: Rgb): number {
	return (0.2126 * r) + (0.7152 * g) + (0.0722 * b);
}

/** Positive means more yellow than blue: the axis red-green colour-blind viewers keep. */
function yellowness([r, g, b]: Rgb): number {
	return ((r + g) / 2) - b;
}

const steps = Array.from({length: 21}, (_, i) => i / 20);

describe('grayscale', () => {
	it('runs from black background at 0 to white ink at 1', () => {
		expect(grayscale(0)).toEqual([0, 0, 0]);
		expect(grayscale(0.5)).toEqual([128, 128, 128]);
		expect(grayscale(1)).toEqual([255, 255, 255]);
	});

	it('clamps outside [0, 1] and shows NaN as background', () => {
		expect(grayscale(-3)).toEqual([0, 0, 0]);
		expect(grayscale(7)).toEqual([255, 255, 255]);
		expect(grayscale(Number.NaN)).toEqual([0, 0, 0]);
	});
});

describe('diverging', () => {
	it('is a dark neutral at 0, close to a dark terminal background', () => {
		const [r, g, b] = diverging(0);
		expect(Math.max(r, g, b)).toBeLessThan(40);
		expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(8);
	});

	it('gives +1 and -1 different dominant hues: warm for positive, blue for negative', () => {
		const [pr, , pb] = diverging(1);
		const [nr, , nb] = diverging(-1);
		expect(pr).toBeGreaterThan(pb + 100);
		expect(nb).toBeGreaterThan(nr + 100);
	});

	it('separates the two signs on the blue-yellow axis at every magnitude', () => {
		for (const t of steps.filter(t => t >= 0.1)) {
			expect(yellowness(diverging(t))).toBeGreaterThan(20);
			expect(yellowness(diverging(-t))).toBeLessThan(-20);
		}
	});

	it('is equally bright at t and -t', () => {
		for (const t of steps) {
			expect(Math.abs(luma(diverging(t)) - luma(diverging(-t)))).toBeLessThan(2);
		}
	});

	it('gets brighter as |t| grows, on both sides', () => {
		for (let i = 1; i < steps.length; i++) {
			expect(luma(diverging(steps[i]))).toBeGreaterThan(luma(diverging(steps[i - 1])));
			expect(luma(diverging(-steps[i]))).toBeGreaterThan(luma(diverging(-steps[i - 1])));
		}

		expect(luma(diverging(1))).toBeGreaterThan(150);
	});

	it('clamps outside [-1, 1] and shows NaN as the neutral', () => {
		expect(diverging(4)).toEqual(diverging(1));
		expect(diverging(-Infinity)).toEqual(diverging(-1));
		expect(diverging(Number.NaN)).toEqual(diverging(0));
	});
});

describe('quantised palettes', () => {
	it('hold paletteSize colours each', () => {
		expect(paletteSize).toBe(256);
		expect(grayTable).toHaveLength(256);
		expect(steppedDivergingTable).toHaveLength(256);
	});

	it('index grey levels as round(255 t), clamped, with NaN as 0', () => {
		expect(grayIndex(0)).toBe(0);
		expect(grayIndex(0.5)).toBe(128);
		expect(grayIndex(1)).toBe(255);
		expect(grayIndex(-1)).toBe(0);
		expect(grayIndex(2)).toBe(255);
		expect(grayIndex(Number.NaN)).toBe(0);
		for (const t of steps) {
			expect(grayTable[grayIndex(t)]).toEqual(grayscale(t));
		}
	});

	it('put zero at index 128 and the ends at 1 and 255, symmetric about 128', () => {
		expect(divergingZeroIndex).toBe(128);
		expect(divergingIndex(0)).toBe(128);
		expect(divergingIndex(-0)).toBe(128);
		expect(divergingIndex(1)).toBe(255);
		expect(divergingIndex(-1)).toBe(1);
		expect(divergingIndex(9)).toBe(255);
		expect(divergingIndex(-9)).toBe(1);
		expect(divergingIndex(Number.NaN)).toBe(128);
		for (let t = 0; t <= 1; t += 1 / 254) {
			expect(divergingIndex(t) - 128).toBe(128 - divergingIndex(-t));
		}
	});

	it('map each index back to its value', () => {
		expect(divergingValue(128)).toBe(0);
		expect(divergingValue(255)).toBe(1);
		expect(divergingValue(1)).toBe(-1);
		expect(divergingValue(0)).toBe(-1);
		for (const t of steps) {
			expect(divergingValue(divergingIndex(t))).toBeCloseTo(t, 2);
		}
	});

	it('draw the diverging map in 6 steps a side, rounded half away from zero', () => {
		expect(divergingColourSteps).toBe(6);
		expect(steppedDivergingTable[128]).toEqual(diverging(0));
		expect(steppedDivergingTable[255]).toEqual(diverging(1));
		expect(steppedDivergingTable[1]).toEqual(diverging(-1));
		expect(steppedDivergingTable[0]).toEqual(diverging(-1));
		expect(divergingStep(divergingIndex(0.5))).toBe(3);
		expect(divergingStep(divergingIndex(-0.5))).toBe(-3);
		expect(divergingStep(divergingIndex(1 / 12))).toBe(1); // 128 + round(127 / 12) = 139, 11/127 * 6 = 0.52
		expect(divergingStep(divergingIndex(0.08))).toBe(0);
		expect(steppedDivergingTable[divergingIndex(0.45)]).toEqual(diverging(0.5));
		expect(steppedDivergingTable[divergingIndex(-0.45)]).toEqual(diverging(-0.5));
		const colours = new Set(steppedDivergingTable.map(rgb => rgb.join(',')));
		expect(colours.size).toBe((2 * divergingColourSteps) + 1);
		for (let index = 1; index <= 255; index++) {
			expect(divergingStep(256 - index) + divergingStep(index)).toBe(0);
		}
	});

	it('fill diverging indices of values divided by a scale', () => {
		const out = new Uint8Array(5);
		fillDivergingIndices([0, 2, -2, 1, Number.NaN], 2, out);
		expect([...out]).toEqual([128, 255, 1, 192, 128]);
	});

	it('send non-zero values to the ends when the scale is 0', () => {
		const out = new Uint8Array(3);
		fillDivergingIndices(Float32Array.of(0, 0.001, -5), 0, out);
		expect([...out]).toEqual([128, 255, 1]);
	});

	it('refuse an output shorter than the values', () => {
		expect(() => {
			fillDivergingIndices([1, 2, 3], 1, new Uint8Array(2));
		}).toThrow(ShapeError);
	});
});

describe('divergingAnsi16Table', () => {
	it('draws negative only in blue and bright blue, positive only in yellow and bright yellow, near zero black', () => {
		const colours = (from: number, to: number) => [...new Set(divergingAnsi16Table.slice(from, to))].sort((a, b) => a - b);
		expect(colours(1, divergingZeroIndex)).toEqual([0, 4, 12]);
		expect(colours(divergingZeroIndex + 1, paletteSize)).toEqual([0, 3, 11]);
		expect(divergingAnsi16Table[divergingIndex(0)]).toBe(0);
		expect(divergingAnsi16Table[divergingIndex(-1)]).toBe(12);
		expect(divergingAnsi16Table[divergingIndex(1)]).toBe(11);
		expect([divergingAnsi16Table[divergingIndex(-0.4)], divergingAnsi16Table[divergingIndex(0.4)]]).toEqual([4, 3]);
	});
});

/** OKLab lightness L, and a and b (green-red, blue-yellow), of an sRGB colour (Björn Ottosson's matrices). */
function oklab(rgb: Rgb): {l: number; a: number; b: number} {
	const [r, g, b] = rgb.map(v => {
		const c = v / 255;
		return c <= 0.040_45 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	const l = Math.cbrt((0.412_221_470_8 * r) + (0.536_332_536_3 * g) + (0.051_445_992_9 * b));
	const m = Math.cbrt((0.211_903_498_2 * r) + (0.680_699_545_1 * g) + (0.107_396_956_6 * b));
	const s = Math.cbrt((0.088_302_461_9 * r) + (0.281_718_837_6 * g) + (0.629_978_700_5 * b));
	return {
		l: (0.210_454_255_3 * l) + (0.793_617_785 * m) - (0.004_072_046_8 * s),
		a: (1.977_998_495_1 * l) - (2.428_592_205 * m) + (0.450_593_709_9 * s),
		b: (0.025_904_037_1 * l) + (0.782_771_766_2 * m) - (0.808_675_766 * s),
	};
}

describe('divergingXterm256Table', () => {
	/** The xterm colours of one side, from the centre outward (steps 0..6). */
	const side = (sign: 1 | -1) => Array.from({length: divergingColourSteps + 1}, (_, step) => divergingXterm256Table[divergingIndex(sign * step / divergingColourSteps)]);

	it('gives each step one xterm colour of the cube or the grey ramp, and 233 at zero', () => {
		expect(divergingXterm256Table).toHaveLength(paletteSize);
		expect(divergingXterm256Table.every(n => Number.isInteger(n) && n >= 16 && n <= 255)).toBe(true);
		expect(divergingXterm256Table[divergingZeroIndex]).toBe(233);
		expect(new Set(divergingXterm256Table).size).toBe((2 * divergingColourSteps) + 1);
	});

	it('keeps the sign down to the weakest step: every step but zero has a hue, blue below zero and red to yellow above (OKLab b)', () => {
		for (const [sign, colours] of [[-1, side(-1)], [1, side(1)]] as const) {
			for (const n of colours.slice(1)) {
				const {a, b} = oklab(xterm256Rgb(n));
				expect(Math.hypot(a, b), `xterm ${n}`).toBeGreaterThan(0.05);
				expect(Math.sign(b), `xterm ${n}`).toBe(sign);
			}
		}
	});

	it('follows the truecolour ramp\'s hues: each step brown to amber (red over green over blue) above zero and blue (blue over green over red) below, as its truecolour step, never dark red or navy', () => {
		for (let step = 1; step <= divergingColourSteps; step++) {
			for (const sign of [1, -1] as const) {
				const index = divergingIndex(sign * step / divergingColourSteps);
				const [r, g, b] = xterm256Rgb(divergingXterm256Table[index]);
				const [tr, tg, tb] = steppedDivergingTable[index];
				const label = `step ${sign * step}: xterm ${divergingXterm256Table[index]} for ${steppedDivergingTable[index].join(',')}`;
				if (sign > 0) {
					expect(tr > tg && tg > tb, label).toBe(true);
					expect(r > g && g > b, label).toBe(true);
				} else {
					expect(tb > tg && tg > tr, label).toBe(true);
					expect(b > g && g > r, label).toBe(true);
				}
			}
		}

		const hue = (rgb: Rgb) => {
			const {a, b} = oklab(rgb);
			return Math.atan2(b, a) * 180 / Math.PI;
		};

		for (let index = 1; index < paletteSize; index++) {
			if (index !== divergingZeroIndex && divergingStep(index) !== 0) {
				const difference = Math.abs(hue(xterm256Rgb(divergingXterm256Table[index])) - hue(steppedDivergingTable[index]));
				expect(difference, `index ${index}`).toBeLessThan(30);
			}
		}
	});

	it('rises in lightness (OKLab L) from the centre outward on each side', () => {
		for (const colours of [side(-1), side(1)]) {
			const lightness = colours.map(n => oklab(xterm256Rgb(n)).l);
			for (let step = 1; step < lightness.length; step++) {
				expect(lightness[step], `step ${step}: xterm ${colours[step]} after ${colours[step - 1]}`).toBeGreaterThan(lightness[step - 1]);
			}
		}
	});

	it('draws a magnitude about as light on both sides (OKLab L within 0.09), as truecolour does, so the hue alone says the sign', () => {
		const [negative, positive] = [side(-1), side(1)];
		for (let step = 1; step <= divergingColourSteps; step++) {
			const difference = oklab(xterm256Rgb(positive[step])).l - oklab(xterm256Rgb(negative[step])).l;
			expect(Math.abs(difference), `step ${step}: xterm ${positive[step]} and ${negative[step]}`).toBeLessThan(0.09);
		}
	});
});

describe('divergingInkColour', () => {
	it('names the colour image cells draw at each depth, as Ink takes it', () => {
		expect(divergingInkColour(1, 'truecolor')).toBe('#ffd05c');
		expect(divergingInkColour(-1, 'truecolor')).toBe('#78e8ff');
		expect(divergingInkColour(1 / 6, 'ansi256')).toBe(`ansi256(${divergingXterm256Table[divergingIndex(1 / 6)]})`);
		expect(divergingInkColour(0.75, 'ansi16')).toBe('yellowBright');
		expect(divergingInkColour(-0.4, 'ansi16')).toBe('blue');
		expect(divergingInkColour(0, 'ansi16')).toBe('black');
		expect(divergingInkColour(0.75, 'none')).toBeUndefined();
	});

	it('gives a weight the truecolour step its image cell has', () => {
		for (const t of [-0.9, -0.3, 0.2, 0.6]) {
			const hex = divergingInkColour(t, 'truecolor')!;
			const rgb = [1, 3, 5].map(i => Number.parseInt(hex.slice(i, i + 2), 16));
			expect(rgb).toEqual([...steppedDivergingTable[divergingIndex(t)]]);
		}
	});
});
