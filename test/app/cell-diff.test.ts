import {describe, expect, it} from 'vitest';
import {changedRuns, encodeCells, parseCells} from '../../src/app/cell-diff.js';
import {renderSignedImage} from '../../src/render/half-block.js';

describe('cell differences of image rows', () => {
	it('parses an encoded row into its cells with the colours in effect', () => {
		const cells = parseCells('\u001B[38;2;1;2;3;48;5;7m▀\u001B[48;5;9m \u001B[39m▀\u001B[0m');
		expect(cells).toEqual([
			{ch: '▀', fg: '38;2;1;2;3', bg: '48;5;7'},
			{ch: ' ', fg: '38;2;1;2;3', bg: '48;5;9'},
			{ch: '▀', fg: '', bg: '48;5;9'},
		]);
	});

	it('refuses a row with an escape sequence that is not a colour code', () => {
		expect(parseCells('ab\u001B[2Kc')).toBeUndefined();
		expect(parseCells('ab\u001B]8;;x\u0007c')).toBeUndefined();
		expect(parseCells('ab\u001B[31')).toBeUndefined();
	});

	it('reads 16-colour, bright, reset and default-colour codes in one sequence, and characters outside the BMP', () => {
		expect(parseCells('\u001B[1;31;102m▀\u001B[39;49m🙂\u001B[m▀\u001B[97;45m▀')).toEqual([
			{ch: '▀', fg: '31', bg: '102'},
			{ch: '🙂', fg: '', bg: ''},
			{ch: '▀', fg: '', bg: ''},
			{ch: '▀', fg: '97', bg: '45'},
		]);
		expect(parseCells('\u001B[48;2;10;20;30;38;5;200m▀\u001B[0;38;2;1;2;3m▀')).toEqual([
			{ch: '▀', fg: '38;5;200', bg: '48;2;10;20;30'},
			{ch: '▀', fg: '38;2;1;2;3', bg: ''},
		]);
	});

	it('finds the runs of changed cells, joining runs that are close', () => {
		const before = parseCells('abcdefghijkl')!;
		expect(changedRuns(before, parseCells('abXdefghijkl')!)).toEqual([[2, 3]]);
		expect(changedRuns(before, parseCells('aXcXefghijkl')!)).toEqual([[1, 4]]);
		expect(changedRuns(before, parseCells('Xbcdefghijkl')!.concat(parseCells('')!))).toEqual([[0, 1]]);
		expect(changedRuns(before, parseCells('XbcdefghijkY')!)).toEqual([[0, 1], [11, 12]]);
		expect(changedRuns(before, before)).toEqual([]);
	});

	it('counts a cell as unchanged when it shows the same two pixels with another glyph', () => {
		const upper = parseCells('\u001B[38;5;1;48;5;2m▀\u001B[48;5;1m \u001B[0m')!;
		const lower = parseCells('\u001B[38;5;2;48;5;1m▄ \u001B[0m')!;
		const full = parseCells('\u001B[38;5;1;48;5;2m▀█\u001B[0m')!;
		expect(changedRuns(upper, lower)).toEqual([]);
		expect(changedRuns(upper, full)).toEqual([]);
		expect(changedRuns(parseCells('\u001B[31;42m▀\u001B[0m')!, parseCells('\u001B[32;41m▄\u001B[0m')!)).toEqual([]);
		const swapped = parseCells('\u001B[38;5;2;48;5;1m▀█\u001B[0m')!;
		expect(changedRuns(upper, swapped)).toEqual([[0, 2]]);
	});

	it('encodes a run with its colours set in full, so it can be written anywhere on the line', () => {
		const cells = parseCells('\u001B[38;5;1;48;5;2m▀▀\u001B[38;5;3m▀\u001B[0m')!;
		expect(encodeCells(cells, 1, 3)).toBe('\u001B[0m\u001B[38;5;1;48;5;2m▀\u001B[38;5;3m▀\u001B[0m');
	});

	it('reads every row the half-block encoder writes, at every colour depth', () => {
		const values = Float32Array.from({length: 28 * 28}, (_, i) => Math.sin(i));
		for (const depth of ['truecolor', 'ansi256', 'ansi16', 'none'] as const) {
			for (const row of renderSignedImage(values, 28, 28, 1, depth)) {
				expect(parseCells(row)?.length, depth).toBe(28);
			}
		}
	});
});
