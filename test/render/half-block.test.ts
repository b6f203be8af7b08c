import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {ShapeError} from '../../src/errors.js';
import type {ColorDepth} from '../../src/render/color-depth.js';
import {sgr, sgrParameters, sgrReset} from '../../src/render/escape-codes.js';
import {
	encodeHalfBlocks, fullBlock, lowerHalfBlock, negativeShadeRamp, paletteTable, renderGrayImage, renderSignedImage,
	shadeRamp, upperHalfBlock,
} from '../../src/render/half-block.js';
import {grayTable} from '../../src/render/palette.js';

const depths: readonly ColorDepth[] = ['truecolor', 'ansi256', 'ansi16', 'none'];

/** The parameter lists of every SGR sequence in the lines. */
function sgrParams(lines: readonly string[]): string[] {
	return lines.flatMap(line => sgrParameters(line));
}

/** A deterministic speckled image, so every colour code shows up somewhere. */
function speckled(rows: number, cols: number): Uint8Array {
	return Uint8Array.from({length: rows * cols}, (_, i) => (i * 97) % 256);
}

function signedSpeckled(rows: number, cols: number): Float32Array {
	return Float32Array.from({length: rows * cols}, (_, i) => Math.sin(i * 1.7));
}

/** One colour code (38;2;r;g;b, 48;5;n, 31, 104, 49, ...) in a form that is the same for fg and bg. */
function colourOf(code: string): string {
	const parts = code.split(';').map(Number);
	if (parts[0] === 38 || parts[0] === 48) {
		return parts[1] === 2 ? `rgb ${parts.slice(2).join(',')}` : `256 ${parts[2]}`;
	}

	const n = parts[0] >= 90 ? parts[0] - 60 + 8 : parts[0]; // 90-97 / 100-107 -> 38-45 / 48-55
	return n === 49 ? 'default' : `16 ${n % 10}`;
}

/** What each cell of an encoded line shows: its top and bottom colour, as colourOf gives them. */
function decodeCells(line: string): Array<[string, string]> {
	const cells: Array<[string, string]> = [];
	let fg = '';
	let bg = '';
	for (const token of line.split(/(\u001B\[[\d;]*m)/)) {
		const match = /^\u001B\[([\d;]*)m$/.exec(token);
		if (match === null) {
			for (const ch of token) {
				const shows: Record<string, [string, string]> = {'▀': [fg, bg], '▄': [bg, fg], '█': [fg, fg], ' ': [bg, bg]};
				cells.push(shows[ch]);
			}

			continue;
		}

		const parts = match[1].split(';');
		for (let i = 0; i < parts.length;) {
			const length = parts[i] === '38' || parts[i] === '48' ? (parts[i + 1] === '2' ? 5 : 3) : 1;
			const code = parts.slice(i, i + length).join(';');
			const n = Number(parts[i]);
			if (n === 38 || (n >= 30 && n <= 37) || (n >= 90 && n <= 97)) {
				fg = colourOf(code);
			} else if (n !== 0) {
				bg = colourOf(code);
			}

			i += length;
		}
	}

	return cells;
}

describe('glyph constants', () => {
	it('keep the half block and the ramps in one place each', () => {
		expect(upperHalfBlock).toBe('▀');
		expect(lowerHalfBlock).toBe('▄');
		expect(fullBlock).toBe('█');
		expect(shadeRamp).toBe(' ░▒▓█');
		expect(negativeShadeRamp).toBe(' .-=#');
	});
});

describe('renderGrayImage with a zoom', () => {
	it('draws each pixel as zoom x zoom pixels', () => {
		const pixels = Uint8Array.of(
			0, 255,
			255, 0,
		);
		const zoomed = renderGrayImage(pixels, 2, 2, 'none', 3); // 6 x 6 pixels, 3 lines
		expect(zoomed).toEqual(['   ███', '▒▒▒▒▒▒', '███   ']);
		const by2 = renderGrayImage(pixels, 2, 2, 'none', 2); // 4 x 4 pixels: each line holds one pixel row twice
		expect(by2).toEqual(['  ██', '██  ']);
		expect(renderGrayImage(pixels, 2, 2, 'ansi256', 2)).toEqual(renderGrayImage(Uint8Array.of(
			0, 0, 255, 255,
			0, 0, 255, 255,
			255, 255, 0, 0,
			255, 255, 0, 0,
		), 4, 4, 'ansi256'));
	});

	it('refuses a zoom that is not a whole number of at least 1', () => {
		expect(() => renderGrayImage(new Uint8Array(4), 2, 2, 'none', 0)).toThrow(ShapeError);
		expect(() => renderGrayImage(new Uint8Array(4), 2, 2, 'none', 1.5)).toThrow(ShapeError);
	});
});

describe('renderGrayImage on a 2x2 image', () => {
	const pixels = Uint8Array.of(
		0, 255,
		255, 255,
	);

	it('writes truecolour codes, fg and bg together, and a space for a cell of one colour', () => {
		expect(renderGrayImage(pixels, 2, 2, 'truecolor')).toEqual(['\u001B[38;2;0;0;0;48;2;255;255;255m▀ \u001B[0m']);
	});

	it('writes 256-colour codes', () => {
		expect(renderGrayImage(pixels, 2, 2, 'ansi256')).toEqual(['\u001B[38;5;16;48;5;231m▀ \u001B[0m']);
	});

	it('writes 16-colour codes', () => {
		expect(renderGrayImage(pixels, 2, 2, 'ansi16')).toEqual(['\u001B[30;107m▀ \u001B[0m']);
	});

	it('writes the shade of each cell mean without colour', () => {
		expect(renderGrayImage(pixels, 2, 2, 'none')).toEqual(['▒█']);
	});
});

describe('renderGrayImage on a 3x2 image (odd rows)', () => {
	const pixels = Uint8Array.of(
		255, 0,
		0, 0,
		128, 0,
	);

	it('gives the last line the default background at truecolor', () => {
		expect(renderGrayImage(pixels, 3, 2, 'truecolor')).toEqual([
			'\u001B[38;2;255;255;255;48;2;0;0;0m▀ \u001B[0m',
			'\u001B[38;2;128;128;128;49m▀\u001B[38;2;0;0;0m▀\u001B[0m',
		]);
	});

	it('gives the last line the default background at ansi256', () => {
		expect(renderGrayImage(pixels, 3, 2, 'ansi256')).toEqual([
			'\u001B[38;5;231;48;5;16m▀ \u001B[0m',
			'\u001B[38;5;244;49m▀\u001B[38;5;16m▀\u001B[0m',
		]);
	});

	it('gives the last line the default background at ansi16', () => {
		expect(renderGrayImage(pixels, 3, 2, 'ansi16')).toEqual([
			'\u001B[97;40m▀ \u001B[0m',
			'\u001B[90;49m▀\u001B[30m▀\u001B[0m',
		]);
	});

	it('shades the last line by its one row without colour', () => {
		expect(renderGrayImage(pixels, 3, 2, 'none')).toEqual(['▒ ', '▒ ']);
	});
});

describe('encodeHalfBlocks', () => {
	it('writes a code only for the colour that changed', () => {
		const pixels = Uint8Array.of(
			10, 10, 20, 20,
			30, 30, 30, 40,
		);
		expect(renderGrayImage(pixels, 2, 4, 'truecolor')).toEqual([
			'\u001B[38;2;10;10;10;48;2;30;30;30m▀▀\u001B[38;2;20;20;20m▀\u001B[48;2;40;40;40m▀\u001B[0m',
		]);
	});

	it('draws a cell with the lower half block when that keeps the colours already in effect', () => {
		const pixels = Uint8Array.of(
			10, 30, 30,
			30, 10, 10,
		);
		expect(renderGrayImage(pixels, 2, 3, 'truecolor')).toEqual([
			'\u001B[38;2;10;10;10;48;2;30;30;30m▀▄▄\u001B[0m',
		]);
	});

	it('draws a one-colour cell as a full block when its colour is the foreground in effect', () => {
		const pixels = Uint8Array.of(
			10, 10, 30,
			30, 10, 30,
		);
		expect(renderGrayImage(pixels, 2, 3, 'ansi256')).toEqual([
			'\u001B[38;5;232;48;5;234m▀█ \u001B[0m',
		]);
	});

	it('draws every pixel in its own colour, whichever glyph each cell takes', () => {
		for (const depth of depths.filter(depth => depth !== 'none')) {
			const table = paletteTable(grayTable, depth);
			const rows = 9;
			const cols = 13;
			const pixels = Uint8Array.from({length: rows * cols}, (_, i) => [0, 60, 128, 200, 255][(i * 7) % 5]);
			const lines = encodeHalfBlocks(pixels, rows, cols, table, depth);
			for (const [line, text] of lines.entries()) {
				const cells = decodeCells(text);
				expect(cells).toHaveLength(cols);
				for (const [x, [top, bottom]] of cells.entries()) {
					const y = 2 * line;
					expect(top, `${depth} top of ${line},${x}`).toBe(colourOf(table.fg[pixels[(y * cols) + x]]));
					const expected = y + 1 < rows ? colourOf(table.bg[pixels[((y + 1) * cols) + x]]) : 'default';
					expect(bottom, `${depth} bottom of ${line},${x}`).toBe(expected);
				}
			}
		}
	});

	it('gives a uniform line one SGR sequence before its cells plus the reset, at every colour depth', () => {
		const pixels = new Uint8Array(4 * 6).fill(77);
		for (const depth of depths.filter(depth => depth !== 'none')) {
			for (const line of renderGrayImage(pixels, 4, 6, depth)) {
				const sequences = sgrParameters(line);
				expect(sequences).toHaveLength(2);
				expect(line.startsWith(sgr(sequences[0]))).toBe(true);
				expect(line.endsWith(sgrReset)).toBe(true);
			}
		}
	});

	it('writes no code when neighbouring indices have the same colour at this depth', () => {
		const pixels = Uint8Array.of(
			0, 3, 6, 9,
			1, 4, 7, 10,
		);
		expect(renderGrayImage(pixels, 2, 4, 'ansi16')).toEqual(['\u001B[40m    \u001B[0m']);
	});

	it('starts every line with its own colours', () => {
		const pixels = new Uint8Array(4 * 3).fill(200);
		const [first, second] = renderGrayImage(pixels, 4, 3, 'truecolor');
		expect(first).toBe('\u001B[48;2;200;200;200m   \u001B[0m');
		expect(second).toBe(first);
	});

	it('gives ceil(rows / 2) lines of exactly cols cells at every depth', () => {
		for (const depth of depths) {
			for (const [rows, cols] of [[1, 1], [2, 1], [3, 5], [5, 3], [28, 28], [27, 28]]) {
				const gray = renderGrayImage(speckled(rows, cols), rows, cols, depth);
				const signed = renderSignedImage(signedSpeckled(rows, cols), rows, cols, 1, depth);
				for (const lines of [gray, signed]) {
					expect(lines).toHaveLength(Math.ceil(rows / 2));
					for (const line of lines) {
						expect(stringWidth(line)).toBe(cols);
					}
				}
			}
		}
	});

	it('emits 38;2 and 48;2 codes at truecolor', () => {
		const params = sgrParams(renderGrayImage(speckled(6, 7), 6, 7, 'truecolor'));
		expect(params.some(p => p.startsWith('38;2;'))).toBe(true);
		expect(params.some(p => p.includes('48;2;'))).toBe(true);
	});

	it('emits 38;5 and 48;5 codes and no 24-bit ones at ansi256', () => {
		for (const lines of [
			renderGrayImage(speckled(6, 7), 6, 7, 'ansi256'),
			renderSignedImage(signedSpeckled(6, 7), 6, 7, 1, 'ansi256'),
		]) {
			const params = sgrParams(lines);
			expect(params.some(p => p.startsWith('38;5;'))).toBe(true);
			expect(params.some(p => p.includes('48;5;'))).toBe(true);
			expect(params.some(p => p.includes('38;2') || p.includes('48;2'))).toBe(false);
		}
	});

	it('emits only codes 30-37, 90-97, 40-47 and 100-107 (plus 49 and the reset) at ansi16', () => {
		const allowed = /^(3[0-7]|9[0-7]|4[0-7]|10[0-7]|49|0)$/;
		for (const lines of [
			renderGrayImage(speckled(7, 7), 7, 7, 'ansi16'),
			renderSignedImage(signedSpeckled(7, 7), 7, 7, 1, 'ansi16'),
		]) {
			const codes = sgrParams(lines).flatMap(p => p.split(';'));
			expect(codes.length).toBeGreaterThan(7);
			for (const code of codes) {
				expect(code).toMatch(allowed);
			}
		}
	});

	it('emits no escape at all without colour', () => {
		for (const lines of [
			renderGrayImage(speckled(7, 7), 7, 7, 'none'),
			renderSignedImage(signedSpeckled(7, 7), 7, 7, 1, 'none'),
		]) {
			expect(lines.join('\n')).not.toContain('\u001B');
		}
	});

	it('matches a table built by hand from the same palette', () => {
		const pixels = speckled(5, 4);
		for (const depth of depths) {
			expect(encodeHalfBlocks(pixels, 5, 4, paletteTable(grayTable, depth), depth)).toEqual(renderGrayImage(pixels, 5, 4, depth));
		}
	});

	it('refuses pixels that do not fill rows x cols', () => {
		expect(() => renderGrayImage(new Uint8Array(5), 2, 3, 'truecolor')).toThrow(ShapeError);
		expect(() => renderGrayImage(new Uint8Array(6), 2.5, 3, 'truecolor')).toThrow(ShapeError);
		expect(() => renderSignedImage([1, 2], 2, 2, 1, 'none')).toThrow(ShapeError);
	});

	it('refuses a palette table built for another depth', () => {
		expect(() => encodeHalfBlocks(new Uint8Array(4), 2, 2, paletteTable(grayTable, 'ansi16'), 'truecolor')).toThrow(RangeError);
	});

	it('refuses a palette without 256 colours', () => {
		expect(() => paletteTable(grayTable.slice(1), 'truecolor')).toThrow(ShapeError);
	});

	it('gives an empty image no lines and a zero-width image empty lines', () => {
		expect(renderGrayImage(new Uint8Array(0), 0, 5, 'truecolor')).toEqual([]);
		expect(renderGrayImage(new Uint8Array(0), 3, 0, 'truecolor')).toEqual(['', '']);
	});
});

describe('renderSignedImage', () => {
	const values = Float32Array.of(
		2, -2,
		0, 0,
	);

	it('draws positive amber, negative sky blue and zero as the dark neutral at truecolor', () => {
		expect(renderSignedImage(values, 2, 2, 2, 'truecolor')).toEqual([
			'\u001B[38;2;255;208;92;48;2;20;20;20m▀\u001B[38;2;120;232;255m▀\u001B[0m',
		]);
	});

	it('draws the weakest steps at 256 colours in brown (94) and steel blue (24), not in greys that lose the sign', () => {
		expect(renderSignedImage([1, -1, 1, -1], 2, 2, 6, 'ansi256')).toEqual(['\u001B[48;5;94m \u001B[48;5;24m \u001B[0m']);
		expect(renderSignedImage([2, -2, 0, 0], 2, 2, 2, 'ansi256')).toEqual(['\u001B[38;5;221;48;5;233m▀\u001B[38;5;117m▀\u001B[0m']);
	});

	it('keeps the sign visible without colour: blocks for positive, ASCII for negative', () => {
		expect(renderSignedImage(values, 2, 2, 2, 'none')).toEqual(['▒-']);
		expect(renderSignedImage([1, -1, 1, -1], 2, 2, 1, 'none')).toEqual(['█#']);
		expect(renderSignedImage([0.25, -0.25, 0.25, -0.25, 0.75, -0.75], 3, 2, 1, 'none')).toEqual(['░.', '▓=']);
	});

	it('leaves values near zero, and cells whose two values cancel, blank without colour', () => {
		expect(renderSignedImage([0.05, 1, 0.1, -1], 2, 2, 1, 'none')).toEqual(['  ']);
	});

	it('saturates values beyond the scale', () => {
		expect(renderSignedImage([10, -10], 1, 2, 1, 'truecolor')).toEqual(renderSignedImage([1, -1], 1, 2, 1, 'truecolor'));
	});
});
