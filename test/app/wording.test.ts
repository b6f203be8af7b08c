import {describe, expect, it} from 'vitest';
import {firstFitting, lastIfNoneFits} from '../../src/app/wording.js';

describe('wordings by their room', () => {
	it('picks the first wording that fits, or none', () => {
		expect(firstFitting(['a long one', 'short', 'x'], 6)).toBe('short');
		expect(firstFitting(['a long one', 'short'], 3)).toBe('');
		expect(firstFitting(['a long one', 'short'], 3, 'else')).toBe('else');
	});

	it('counts characters, not UTF-16 units, so an arrow or a name with accents fits where it should', () => {
		expect(firstFitting(['→ Ankle boot', '→ 9'], 12)).toBe('→ Ankle boot');
	});

	it('falls back to the last, shortest wording for the line to cut when none fits', () => {
		expect(lastIfNoneFits(['a long one', 'short'], 3)).toBe('short');
		expect(lastIfNoneFits(['a long one', 'short'], 20)).toBe('a long one');
		expect(lastIfNoneFits([], 5)).toBe('');
	});
});
