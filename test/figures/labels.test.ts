import {describe, expect, it, vi} from 'vitest';
import {buildFigure, figureViews} from '../../src/figures/figure.js';
import {hasGlyph} from '../../src/figures/font.js';
import {source} from './fixture.js';

/** Every text a figure draws, as drawText was called with it. */
const drawn = vi.hoisted(() => [] as string[]);

vi.mock('../../src/figures/font.js', async importOriginal => {
	const font = await importOriginal<typeof import('../../src/figures/font.js')>();
	return {
		...font,
		drawText(...args: Parameters<typeof font.drawText>) {
			drawn.push(args[1]);
			return font.drawText(...args);
		},
	};
});

const fashionNames = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];

describe('the labels of every figure', () => {
	it('use only characters the font has a glyph for, in their natural case', () => {
		const sources = [
			source(), source({epoch: 0, history: []}), source({classNames: fashionNames.slice(0, 2)}), source({attribution: 'gradient'}),
		];
		for (const s of sources) {
			for (const view of figureViews) {
				if (view === 'curves' && s.history.length === 0) {
					continue;
				}

				// Test images 0 (classed right by the fixture) and 1 (classed wrong): both layouts of the example.
				for (const index of view === 'example' ? [0, 1, 2, 3] : [0]) {
					buildFigure(view, {...s, index});
				}
			}
		}

		const characters = new Set(drawn.join(''));
		expect(characters.size).toBeGreaterThan(40);
		expect([...characters].filter(c => !hasGlyph(c))).toEqual([]);
		expect(drawn).toContain('Training loss');
		expect(drawn.some(text => text.startsWith('First-layer weights'))).toBe(true);
		expect(drawn.some(text => text.includes('T-shirt/top'))).toBe(true);
	});
});
