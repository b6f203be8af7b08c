import {describe, expect, it} from 'vitest';
import {applySgr, cellColours, paletteColour, parseScreen, plainStyle, theme} from '../../docs/screenshot-cells.mjs';

const esc = '\u001B[';

describe('applySgr', () => {
	it('reads truecolour, 256-colour and 16-colour foregrounds and backgrounds, in semicolon and colon forms', () => {
		expect(applySgr(plainStyle, '38;2;1;2;255').fg).toBe('#0102ff');
		expect(applySgr(plainStyle, '48;5;196').bg).toBe(196);
		expect(applySgr(plainStyle, '38:2::10:20:30').fg).toBe('#0a141e');
		expect(applySgr(plainStyle, '48:5:17').bg).toBe(17);
		expect(applySgr(plainStyle, '31;102')).toMatchObject({fg: 1, bg: 10});
		expect(applySgr(plainStyle, '94').fg).toBe(12);
	});

	it('reads the parameters after an extended colour as codes of their own', () => {
		const style = applySgr(plainStyle, '38;5;33;1;48;2;0;0;0;4');
		expect(style).toMatchObject({fg: 33, bold: true, bg: '#000000', underline: true});
	});

	it('turns attributes on and off and resets everything on 0 or an empty sequence', () => {
		const styled = applySgr(plainStyle, '1;2;3;4;7;9;36');
		expect(styled).toMatchObject({bold: true, dim: true, italic: true, underline: true, inverse: true, strike: true, fg: 6});
		expect(applySgr(styled, '22;23;24;27;29;39')).toEqual(plainStyle);
		expect(applySgr(styled, '')).toEqual(plainStyle);
		expect(applySgr(styled, '0')).toEqual(plainStyle);
		expect(applySgr(styled, '4:0').underline).toBe(false);
	});
});

describe('parseScreen', () => {
	it('keeps the style across lines, as tmux writes only changes', () => {
		const screen = parseScreen(`${esc}31mab\ncd${esc}0me`, 3, 2);
		expect(screen[1].map(cell => cell.char).join('')).toBe('cde');
		expect(screen[1][1].style.fg).toBe(1);
		expect(screen[1][2].style.fg).toBeUndefined();
	});

	it('gives a wide character two cells and fills short rows and missing rows with blanks', () => {
		const screen = parseScreen('漢x', 5, 2);
		expect(screen.map(row => row.length)).toEqual([5, 5]);
		expect(screen[0][0]).toMatchObject({char: '漢', wide: true});
		expect(screen[0][1]).toMatchObject({char: '', covered: true});
		expect(screen[0][2].char).toBe('x');
		expect(screen[1].every(cell => cell.char === ' ')).toBe(true);
	});

	it('skips escape sequences other than SGR and drops what passes the last column', () => {
		const screen = parseScreen(`${esc}?25l\u001B]8;;http://x\u0007ab${esc}Kcdef`, 4, 1);
		expect(screen[0].map(cell => cell.char).join('')).toBe('abcd');
	});

	it('puts a combining mark on the character before it', () => {
		const screen = parseScreen('e\u0301x', 3, 1);
		expect(screen[0][0].char).toBe('e\u0301');
		expect(screen[0][1].char).toBe('x');
	});
});

describe('colours', () => {
	it('maps the 256-colour palette: the theme, the 6x6x6 cube and the grey ramp', () => {
		expect(paletteColour(4)).toBe(theme.ansi[4]);
		expect(paletteColour(16)).toBe('#000000');
		expect(paletteColour(196)).toBe('#ff0000');
		expect(paletteColour(110)).toBe('#87afd7');
		expect(paletteColour(232)).toBe('#080808');
		expect(paletteColour(255)).toBe('#eeeeee');
	});

	it('swaps the default colours for inverse and moves a dim foreground towards the background', () => {
		expect(cellColours(applySgr(plainStyle, '7'))).toEqual({fg: theme.background, bg: theme.foreground});
		const dim = cellColours(applySgr(plainStyle, '2;38;2;255;255;255;48;2;0;0;0'));
		expect(dim).toEqual({fg: '#999999', bg: '#000000'});
	});
});
