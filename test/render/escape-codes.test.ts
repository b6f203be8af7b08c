import {describe, expect, it} from 'vitest';
import {cursorTo, sgr, sgrAt, sgrParameters, sgrReset} from '../../src/render/escape-codes.js';

describe('escape codes', () => {
	it('spells SGR sequences and cursor moves as ECMA-48 does', () => {
		expect(sgr('38;5;208')).toBe('\u001B[38;5;208m');
		expect(sgrReset).toBe('\u001B[0m');
		expect(cursorTo(3, 17)).toBe('\u001B[3;17H');
	});

	it('lists the parameters of every SGR sequence in a text, and of none that is not one', () => {
		expect(sgrParameters(`${sgr('1')}a\u001B[2Jb${sgr('38;2;1;2;3')}${sgr('')}`)).toEqual(['1', '38;2;1;2;3', '']);
		expect(sgrParameters('plain')).toEqual([]);
	});

	it('matches an SGR sequence only where it is told to look', () => {
		const text = `ab${sgr('31')}c`;
		sgrAt.lastIndex = 0;
		expect(sgrAt.exec(text)).toBeNull();
		sgrAt.lastIndex = 2;
		expect(sgrAt.exec(text)?.[1]).toBe('31');
	});
});
