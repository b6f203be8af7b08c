import {describe, expect, it} from 'vitest';
import {balancedPerRow, detailPlan, minDetailWidth, thumbnailPlan, tileLayout, tileSize} from '../../src/app/tile-layout.js';

const image = {rows: 28, cols: 28};
const sizes = [{width: 79, height: 14}, {width: 79, height: 16}, {width: 119, height: 32}, {width: 150, height: 56}, {width: 300, height: 90}, {width: 97, height: 21}];

describe('tileLayout', () => {
	it('puts all 30 neurons of [784,30,10] on one page at 119x32, in tiles averaged 3 x 3 (10 x 5 cells)', () => {
		const layout = tileLayout({width: 119, height: 32, count: 30, twoSets: false, image});
		expect(layout.perPage).toBeGreaterThanOrEqual(30);
		expect(layout.factor).toBe(3);
		expect([layout.tileCols, layout.tileRows]).toEqual([10, 5]);
	});

	it('puts all 10 classes trained and untrained on one page at 119x32', () => {
		const layout = tileLayout({width: 119, height: 32, count: 10, twoSets: true, image});
		expect(layout.twoSets).toBe(true);
		expect(layout.perPage).toBeGreaterThanOrEqual(10);
		// Two sets, each a caption and its rows of tiles and labels, inside the border.
		expect(2 * (1 + (layout.rowsPerPage * (layout.tileRows + 1)))).toBeLessThanOrEqual(32 - 2);
	});

	it('draws bigger tiles at 150x56 than at 119x32, still all 30 neurons at once', () => {
		const small = tileLayout({width: 119, height: 32, count: 30, twoSets: false, image});
		const large = tileLayout({width: 150, height: 56, count: 30, twoSets: false, image});
		expect(large.factor).toBeLessThan(small.factor);
		expect(large.perPage).toBeGreaterThanOrEqual(30);
	});

	it('pages a small area, as many tiles as fit, and one set at a time when both would not fit all classes', () => {
		const layout = tileLayout({width: 79, height: 16, count: 30, twoSets: false, image});
		expect(layout.perPage).toBeLessThan(30);
		expect(layout.perPage).toBeGreaterThanOrEqual(8);
		expect(tileLayout({width: 79, height: 16, count: 10, twoSets: true, image}).twoSets).toBe(false);
	});

	it('shows at least 30 tiles of a bigger layer a page from 119x32 on, and never more than 40 a set', () => {
		for (const {width, height} of sizes.filter(s => s.width >= 119)) {
			const layout = tileLayout({width, height, count: 500, twoSets: false, image});
			expect(layout.perPage, `${width}x${height}`).toBeGreaterThanOrEqual(30);
			expect(layout.perPage, `${width}x${height}`).toBeLessThanOrEqual(40);
		}
	});

	it('fits the overview and the detail panel in the area, the tiles in the overview and the image in the detail', () => {
		for (const {width, height} of sizes) {
			for (const [count, twoSets] of [[30, false], [10, true], [3, false], [100, false]] as const) {
				const layout = tileLayout({width, height, count, twoSets, image});
				const what = `${width}x${height} ${count}`;
				expect(layout.overview.width + layout.detailWidth, what).toBe(width);
				expect(layout.detailWidth, what).toBeGreaterThanOrEqual(minDetailWidth(image));
				expect((layout.perRow * (layout.tileCols + 1)) - 1, what).toBeLessThanOrEqual(layout.overview.width - 2);
				const setRows = layout.rowsPerPage * (layout.tileRows + 1);
				expect(layout.twoSets ? 2 * (setRows + 1) : setRows, what).toBeLessThanOrEqual(height - 2);
				expect(layout.perPage, what).toBe(layout.perRow * layout.rowsPerPage);
			}
		}
	});

	it('lays 10 classes 5 + 5 rather than 4 + 4 + 2 when that leaves at most a third of the height blank', () => {
		const small = tileLayout({width: 79, height: 17, count: 10, twoSets: true, image});
		expect([small.twoSets, small.perRow, small.rowsPerPage]).toEqual([false, 5, 2]);
		expect(tileLayout({width: 119, height: 32, count: 10, twoSets: true, image})).toMatchObject({twoSets: true, perRow: 5, rowsPerPage: 2});
		// At 200x60 two rows of tiles a set would leave 10 of 26 rows blank: the rows are filled from the top.
		expect(tileLayout({width: 148, height: 56, count: 10, twoSets: true, image})).toMatchObject({twoSets: true, perRow: 4, rowsPerPage: 3});
	});

	it('keeps a cell of margin each side of the tiles when the width has room, and none when it would cost a column of tiles', () => {
		const wide = tileLayout({width: 119, height: 32, count: 30, twoSets: false, image});
		expect(wide.padding).toBe(1);
		expect(wide.perPage).toBeGreaterThanOrEqual(30);
		expect((wide.perRow * (wide.tileCols + 1)) - 1 + 2 + 2).toBe(wide.overview.width);
		const narrow = tileLayout({width: 79, height: 17, count: 30, twoSets: false, image});
		expect(narrow.padding).toBe(0);
		expect((narrow.perRow * (narrow.tileCols + 1)) - 1 + 2).toBe(narrow.overview.width);
	});

	it('gives the same answer for the same question', () => {
		const input = {width: 119, height: 32, count: 30, twoSets: false, image};
		expect(tileLayout(input)).toEqual(tileLayout({...input}));
	});

	it('takes the whole width and every tile at full size without a detail and unbounded (the static snapshot)', () => {
		const layout = tileLayout({width: 200, height: 100_000, count: 100, twoSets: true, image, detail: false, bounded: false});
		expect(layout.detailWidth).toBe(0);
		expect(layout.factor).toBe(1);
		expect(layout.perPage).toBeGreaterThanOrEqual(100);
		expect(layout.overview.height).toBeLessThan(1000);
	});
});

describe('balancedPerRow', () => {
	it('fills the rows from the top unless one row fewer leaves no slot empty and little height blank', () => {
		expect(balancedPerRow(10, 7, 3, 3)).toBe(5); // 5 + 5: one row of three blank
		expect(balancedPerRow(10, 7, 3, 3.25)).toBe(4); // 4 + 4 + 2: 5 + 5 would leave 1.25 of 3.25 rows blank
		expect(balancedPerRow(10, 4, 3, 3)).toBe(4); // 5 a row do not fit
		expect(balancedPerRow(30, 6, 5, 5)).toBe(6); // already full
		expect(balancedPerRow(3, 5, 2, 2)).toBe(2); // 2 + 1: one row of 3 would leave half the height blank
		expect(balancedPerRow(3, 5, 1, 1)).toBe(3); // one row: no row fewer
	});
});

describe('tileSize', () => {
	it('averages 28 x 28 pixels into 14 x 7, 10 x 5 and 7 x 4 cells at factors 2, 3 and 4', () => {
		expect([2, 3, 4].map(f => tileSize(image, f))).toEqual([{cols: 14, rows: 7}, {cols: 10, rows: 5}, {cols: 7, rows: 4}]);
	});
});

describe('thumbnailPlan', () => {
	it('takes the largest thumbnails that show them all, else the size that shows the most', () => {
		expect(thumbnailPlan(59, 17, image, 8)).toMatchObject({factor: 2, perRow: 4, shown: 8, height: 17});
		const few = thumbnailPlan(50, 7, image, 8);
		expect(few.shown).toBe(6);
		expect(few.factor).toBe(4);
		expect(thumbnailPlan(50, 0, image, 8).shown).toBe(0);
	});
});

describe('detailPlan', () => {
	it('keeps the full-resolution image and puts B and I in the title at 79x16', () => {
		const plan = detailPlan({width: 37, height: 14, image, classes: 10, kind: 'neuron'});
		expect(plan).toMatchObject({zoom: 1, imageCols: 28, imageRows: 14, figuresLine: false, bars: 0});
	});

	it('shows 3 classes up and 3 down and 8 thumbnails for a neuron at 119x32', () => {
		const plan = detailPlan({width: 50, height: 30, image, classes: 10, kind: 'neuron'});
		expect(plan.figuresLine).toBe(true);
		expect(plan.bars).toBe(6);
		expect(plan.barColumns).toBe(2);
		expect(plan.thumbnails.shown).toBe(8);
	});

	it('doubles a neuron\'s image only when everything else still fits', () => {
		expect(detailPlan({width: 87, height: 54, image, classes: 10}).zoom).toBe(2);
		expect(detailPlan({width: 87, height: 34, image, classes: 10}).zoom).toBe(1); // 8 thumbnails under a 28-row image do not fit
	});
});
