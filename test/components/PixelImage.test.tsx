import {renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {maxRowsPerImage, PixelLayer} from '../../src/app/pixel-layer.js';
import {PixelImage, PixelLayerContext} from '../../src/components/PixelImage.js';
import {plain} from './fixtures.js';

/** Lines that look like half-block rows, each with its own colour. */
function imageLines(rows: number, cols: number): string[] {
	return Array.from({length: rows}, (_, r) => `\u001B[38;5;${16 + r}m${'▀'.repeat(cols)}\u001B[0m`);
}

describe('PixelImage', () => {
	it('draws an image taller than one piece of the pixel layer in pieces, every row in its place', () => {
		const layer = new PixelLayer();
		const lines = imageLines(maxRowsPerImage + 5, 6);
		const out = renderToString(
			<PixelLayerContext.Provider value={layer}>
				<PixelImage id='example' lines={lines} cols={6}/>
			</PixelLayerContext.Provider>,
			{columns: 40},
		);
		const shown = out.split('\n');
		expect(shown).toHaveLength(lines.length);
		expect(shown.map(line => layer.substitute(line))).toEqual(lines);
	});

	it('draws the lines themselves without a pixel layer', () => {
		const lines = imageLines(maxRowsPerImage + 1, 3);
		const out = renderToString(<PixelImage id='example' lines={lines} cols={3}/>, {columns: 40});
		expect(plain(out).split('\n')).toEqual(lines.map(() => '▀▀▀'));
	});
});
