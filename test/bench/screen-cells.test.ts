import {describe, expect, it} from 'vitest';
import {contentEmptyShare, emptyShare, parseScreen} from '../../bench/screen-cells.mjs';

const esc = '\u001B[';

/** Which cells of a parsed screen are filled, as '#' (filled) and '.' (not), one string a row. */
function filledMap(ansi: string, columns: number, rows: number): string[] {
	return parseScreen(ansi, columns, rows).map(row => row.map(cell => (cell.filled ? '#' : '.')).join(''));
}

describe('parseScreen', () => {
	it('reads characters one code point a cell and pads short and missing lines with blank cells', () => {
		const screen = parseScreen(`a│▀⡇\nxy`, 5, 3);
		expect(screen.map(row => row.map(cell => cell.char).join(''))).toEqual(['a│▀⡇ ', 'xy   ', '     ']);
	});

	it('drops cells past the width', () => {
		expect(parseScreen('abcdef', 4, 1)[0].map(cell => cell.char).join('')).toBe('abcd');
	});

	it('counts every kind of background colour and inverse video as filled, and foreground colours as not', () => {
		const line = [
			`${esc}48;5;237m ${esc}49m`, // 256 colours
			`${esc}48;2;10;20;30m ${esc}0m`, // truecolour
			`${esc}41m ${esc}m`, // 16 colours
			`${esc}104m ${esc}49m`, // bright 16 colours
			`${esc}7m ${esc}27m`, // inverse
			`${esc}38;5;200m ${esc}39m`, // foreground only
			`${esc}38;2;48;48;48m `, // a foreground whose values look like a background code
			`${esc}1;4m `, // bold and underline
		].join('');
		expect(filledMap(line, 8, 1)).toEqual(['#####...']);
	});

	it('ends a background at 49 and 0 and keeps it across lines as tmux writes them', () => {
		expect(filledMap(`${esc}48;5;1m  \n  ${esc}49m \n${esc}7m \n${esc}0m `, 3, 4)).toEqual(['##.', '##.', '#..', '...']);
	});

	it('reads a background written with colons', () => {
		expect(filledMap(`${esc}48:2::1:2:3m ${esc}49m `, 2, 1)).toEqual(['#.']);
	});

	it('skips escape sequences other than colours', () => {
		expect(parseScreen(`${esc}?25la${esc}2Kb`, 2, 1)[0].map(cell => cell.char).join('')).toBe('ab');
	});
});

describe('emptyShare', () => {
	it('counts a blank cell as empty only when its 3x3 neighbourhood is blank too', () => {
		// A 5x5 screen with one mark in the middle: only the 16 cells of the outer ring are empty.
		const screen = parseScreen('     \n     \n  x  \n     \n     ', 5, 5);
		expect(emptyShare(screen, 0, 5)).toEqual({empty: 16, total: 25, share: 16 / 25});
	});

	it('takes a coloured space as content', () => {
		const screen = parseScreen(`     \n     \n  ${esc}48;5;4m ${esc}49m  \n     \n     `, 5, 5);
		expect(emptyShare(screen, 0, 5).empty).toBe(16);
	});

	it('looks at the rows around the counted ones but counts only those', () => {
		// Marks on rows 0 and 3 keep the counted rows 1 and 2 from being empty next to them.
		const screen = parseScreen('x   \n    \n    \n   x', 4, 4);
		const {empty, total} = emptyShare(screen, 1, 3);
		expect(total).toBe(8);
		// Row 1: blank where no neighbour on row 0 is marked (x = 2, 3); row 2: x = 0, 1.
		expect(empty).toBe(4);
	});
});

describe('contentEmptyShare', () => {
	it('counts the rows between the timeline line and the status line', () => {
		const rows = ['tabs', 'timeline', '', '', '', '', '', 'status', ''];
		const {total, empty} = contentEmptyShare(rows.join('\n'), 6, rows.length);
		expect(total).toBe(5 * 6);
		// Rows 2 and 6 lie next to the timeline and status lines, which fill all 6 columns; rows 3-5 are empty.
		expect(empty).toBe(3 * 6);
	});
});
