import {describe, expect, it} from 'vitest';
import {glyphSvg} from '../../docs/screenshot-glyphs.mjs';

describe('glyphSvg', () => {
	it('draws the upper half block as the top half of the cell and a full block as all of it', () => {
		expect(glyphSvg('▀', 9, 18)).toContain('<rect x="0" y="0" width="8" height="4"');
		expect(glyphSvg('█', 9, 18)).toContain('<rect x="0" y="0" width="8" height="8"');
		expect(glyphSvg('▂', 9, 18)).toContain('<rect x="0" y="6" width="8" height="2"');
	});

	it('draws one dot per raised bit of a braille character and none for the blank pattern', () => {
		expect(glyphSvg('⣿', 9, 18)?.match(/<circle/g)).toHaveLength(8);
		expect(glyphSvg('⠁', 9, 18)?.match(/<circle/g)).toHaveLength(1);
		expect(glyphSvg('⠤', 9, 18)?.match(/<circle/g)).toHaveLength(2);
		expect(glyphSvg('\u2800', 9, 18)).toBe('');
	});

	it('draws box-drawing lines to the cell edges and leaves letters to the font', () => {
		expect(glyphSvg('─', 9, 18)).toContain('<rect x="0" y="8" width="5" height="1"');
		expect(glyphSvg('─', 9, 18)).toContain('<rect x="4" y="8" width="5" height="1"');
		expect(glyphSvg('┃', 9, 18)).toContain('width="3"');
		expect(glyphSvg('╭', 9, 18)).toContain('<path');
		expect(glyphSvg('A', 9, 18)).toBeUndefined();
		expect(glyphSvg('●', 9, 18)).toBeUndefined();
	});
});
