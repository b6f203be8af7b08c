import chalk from 'chalk';
import {renderToString} from 'ink';
import {afterEach, describe, expect, it} from 'vitest';
import {setThemeColours} from '../../src/app/theme.js';
import {thumbnailLines, thumbnailWidth, Thumbnails, type Thumbnail} from '../../src/components/Thumbnails.js';
import type {DatasetSplit} from '../../src/data/dataset.js';
import {shadeRamp} from '../../src/render/half-block.js';
import {plain, syntheticSplit} from './fixtures.js';

afterEach(() => {
	chalk.level = 0;
	setThemeColours(true);
});

/** Two 4x4 images: image 0 all ink, image 1 ink only in its top-left 2x2 block. */
function tinySplit(): DatasetSplit {
	const images = new Uint8Array(32);
	images.fill(255, 0, 16);
	images[16] = 255;
	images[17] = 255;
	images[20] = 255;
	images[21] = 255;
	return {count: 2, images, labels: Uint8Array.of(3, 7)};
}

describe('thumbnailWidth', () => {
	it('is the image width divided by the factor, rounded up', () => {
		expect(thumbnailWidth(28, 1)).toBe(28);
		expect(thumbnailWidth(28, 2)).toBe(14);
		expect(thumbnailWidth(28, 3)).toBe(10);
	});
});

describe('thumbnailLines', () => {
	it('draws the averaged image of the given index in half blocks', () => {
		const split = tinySplit();
		// Image 1 at factor 2 is 2x2 pixels: 255 at the top left, 0 elsewhere -> one line of 2 cells.
		const lines = thumbnailLines(split, 1, 4, 4, 2, 'none');
		expect(lines).toHaveLength(1);
		// Without colour a cell is the shade of the mean of its two pixels: (255 + 0) / 2 and 0.
		expect(lines[0]).toBe(`${shadeRamp[2]} `);
		expect(thumbnailLines(split, 0, 4, 4, 2, 'none')).toEqual([shadeRamp[4].repeat(2)]);
	});
});

describe('Thumbnails', () => {
	function draw(items: readonly Thumbnail[], perRow: number, columns = 80): string {
		return renderToString(
			<Thumbnails id='t' split={syntheticSplit(12)} rows={28} cols={28} items={items} factor={2} perRow={perRow} depth='none'/>,
			{columns},
		);
	}

	it('puts perRow thumbnails side by side with a 1-column gap, each caption under its picture', () => {
		const items = [0, 1, 2, 3, 4].map(index => ({index, caption: `#${index} 0.9${index}`}));
		const lines = plain(draw(items, 3)).split('\n');
		// 14 pixel rows -> 7 text rows, then the captions: two rows of thumbnails.
		expect(lines).toHaveLength(16);
		expect(lines[7]).toBe(`${'#0 0.90'.padEnd(14)} ${'#1 0.91'.padEnd(14)} ${'#2 0.92'}`.trimEnd());
		expect(lines[15].trimEnd()).toBe(`${'#3 0.93'.padEnd(14)} #4 0.94`);
		// Each picture row is the three pictures' rows joined by a blank gap column.
		const split = syntheticSplit(12);
		const pictures = [0, 1, 2].map(index => thumbnailLines(split, index, 28, 28, 2, 'none'));
		for (let y = 0; y < 7; y++) {
			expect(lines[y]).toBe(pictures.map(picture => picture[y]).join(' ').trimEnd());
		}
	});

	it('cuts a caption to the thumbnail width', () => {
		const out = plain(draw([{index: 0, caption: 'a caption far wider than fourteen'}], 1));
		expect(out.split('\n').at(-1)).toBe('a caption far');
		expect(out).not.toContain('wider');
	});

	it('marks the selected caption inverse, also without colour', () => {
		setThemeColours(false);
		chalk.level = 1;
		const out = draw([{index: 0, caption: 'first'}, {index: 1, caption: 'second', selected: true}], 2);
		expect(out).toContain(`\u001B[7m${'second'.padEnd(14)}`);
		expect(out).not.toContain(`\u001B[7m${'first'}`);
	});

	it('draws each picture from its own image of the split', () => {
		const split = syntheticSplit(12);
		const out = plain(draw([{index: 5, caption: 'x'}], 1));
		const expected = thumbnailLines(split, 5, 28, 28, 2, 'none');
		expect(out.split('\n').slice(0, 7).map(line => line.trimEnd())).toEqual(expected.map(line => line.trimEnd()));
		expect(thumbnailLines(split, 6, 28, 28, 2, 'none')).not.toEqual(expected);
	});
});
