import {describe, expect, it} from 'vitest';
import {confusionLayout, matrixColumns, matrixFixedLines, matrixRowHeight} from '../../src/app/confusion-layout.js';

const image = {rows: 28, cols: 28};
/** 'T-shirt/top': Fashion-MNIST's longest class name. */
const fashionNameWidth = 11;

/** Outer height of one thumbnail at a factor: its half-block rows and its caption. */
function thumbHeight(factor: number): number {
	return Math.ceil(Math.ceil(28 / factor) / 2) + 1;
}

/** The list's thumbnails fit its panel (borders take 2 each way), with 1-column gaps. */
function expectListFits(layout: ReturnType<typeof confusionLayout>): void {
	const width = Math.ceil(28 / layout.thumbFactor);
	expect((layout.thumbPerRow * (width + 1)) - 1).toBeLessThanOrEqual(layout.listWidth - 2);
	expect(layout.thumbRowsPerPage * thumbHeight(layout.thumbFactor)).toBeLessThanOrEqual(layout.listHeight - 2);
	expect(layout.thumbPerPage).toBe(layout.thumbPerRow * layout.thumbRowsPerPage);
}

describe('confusionLayout', () => {
	it('fits the matrix with Fashion-MNIST names at 79x16, and the open list alone over it', () => {
		const layout = confusionLayout(79, 16, 10, fashionNameWidth, image);
		const columns = matrixColumns(77, 10, fashionNameWidth);
		expect(columns.width).toBeLessThanOrEqual(77);
		expect(columns.cellWidth).toBe(layout.cellWidth);
		expect(layout.cellWidth).toBeGreaterThanOrEqual(5); // room for a 4-digit count and a space
		expect(matrixFixedLines + 10).toBeLessThanOrEqual(16);
		// Under a 15-row matrix there is no room for a row of thumbnails, and beside it none either.
		expect(layout.listAlone).toBe(true);
		expect([layout.listWidth, layout.listHeight]).toEqual([79, 16]);
		expect(layout.thumbPerPage).toBeGreaterThanOrEqual(8);
		expectListFits(layout);
	});

	it('puts the list below the matrix at 119x32 and 150x56, sharper and more of them on the larger', () => {
		const medium = confusionLayout(119, 32, 10, fashionNameWidth, image);
		const large = confusionLayout(150, 56, 10, fashionNameWidth, image);
		for (const layout of [medium, large]) {
			expect(layout.listAlone).toBe(false);
			expect(layout.listBeside).toBe(false);
			expect(layout.matrixHeight + layout.listHeight).toBe(layout === medium ? 32 : 56);
			expect(layout.listWidth).toBe(layout === medium ? 119 : 150);
			expectListFits(layout);
		}

		expect(large.thumbFactor).toBe(2);
		expect(large.thumbPerPage).toBeGreaterThan(medium.thumbPerPage);
		expect(large.cellWidth).toBeGreaterThan(5);
	});

	it('puts the list beside the matrix in a wide, short area', () => {
		const layout = confusionLayout(200, 20, 10, fashionNameWidth, image);
		expect(layout.listBeside).toBe(true);
		expect(layout.matrixWidth + layout.listWidth).toBe(200);
		expect(matrixColumns(layout.matrixWidth - 2, 10, fashionNameWidth).width).toBeLessThanOrEqual(layout.matrixWidth - 2);
		expectListFits(layout);
	});

	it('stays inside every area from 79x14 to 300x90, at most 120 thumbnails a page', () => {
		for (const [width, height] of [[79, 14], [80, 24], [100, 30], [160, 40], [250, 70], [300, 90]]) {
			const layout = confusionLayout(width, height, 10, fashionNameWidth, image);
			expect(layout.matrixHeight).toBeLessThanOrEqual(height);
			expect(layout.listHeight).toBeLessThanOrEqual(height);
			expect(layout.listWidth).toBeLessThanOrEqual(width);
			expect(layout.thumbPerPage).toBeLessThanOrEqual(120);
			expect(layout.thumbPerPage).toBeGreaterThanOrEqual(1);
			expectListFits(layout);
			expect(matrixColumns(width - 2, 10, fashionNameWidth).width).toBeLessThanOrEqual(width - 2);
		}
	});
});

describe('matrixColumns', () => {
	it('drops the metrics\' decimal before squeezing cells, and cuts names only when nothing else fits', () => {
		const wide = matrixColumns(148, 10, 11);
		expect([wide.metricWidth, wide.nameWidth]).toEqual([7, 11]);
		const tight = matrixColumns(77, 10, 11);
		expect([tight.metricWidth, tight.cellWidth, tight.nameWidth]).toEqual([6, 5, 11]); // 6: room for ' never'
		const cramped = matrixColumns(50, 10, 11);
		expect(cramped.nameWidth).toBeLessThan(11);
		expect(cramped.width).toBeLessThanOrEqual(50);
	});
});

describe('matrixColumns\' recall bar', () => {
	it('takes a recall bar when the width has room, from cells wider than 7, and none when tight or not asked for', () => {
		const wide = matrixColumns(146, 10, 1);
		expect(wide.barWidth).toBe(24);
		expect(wide.cellWidth).toBeGreaterThanOrEqual(8);
		expect(wide.width).toBeLessThanOrEqual(146);
		expect(matrixColumns(146, 10, 1, 16, false).barWidth).toBe(0);
		expect(matrixColumns(77, 10, 11).barWidth).toBe(0);
		// Fashion-MNIST's names at 120x40: cells of 7 leave the bar room, with two cells before it and one of margin after.
		const medium = matrixColumns(117, 10, 11);
		expect(medium.barWidth).toBeGreaterThanOrEqual(6);
		expect(medium.width).toBe(medium.headerWidth + (10 * medium.cellWidth) + (2 * medium.metricWidth) + medium.barWidth + 3);
		expect(medium.width).toBeLessThanOrEqual(117);
	});
});

describe('confusionLayout\'s place for the cell\'s images', () => {
	it('puts them below a full-width matrix at 148x56 (digits), in at most three rows, and beside it at 119x32', () => {
		const large = confusionLayout(148, 56, 10, 1, image);
		expect(large.listBeside).toBe(false);
		expect(large.thumbRowsPerPage).toBeLessThanOrEqual(3);
		expect(large.matrixHeight).toBeGreaterThanOrEqual(matrixFixedLines + 20); // two lines a class
		expectListFits(large);
		const medium = confusionLayout(119, 32, 10, 1, image);
		expect(medium.listBeside).toBe(true);
		expectListFits(medium);
	});
});

describe('matrixRowHeight', () => {
	it('gives each class one line when tight and up to six when there is height to spare', () => {
		expect(matrixRowHeight(15, 10)).toBe(1);
		expect(matrixRowHeight(30, 10)).toBe(2);
		expect(matrixRowHeight(56, 10)).toBe(5);
		expect(matrixRowHeight(90, 10)).toBe(6);
		expect(matrixRowHeight(10, 10)).toBe(1);
	});
});
