import {describe, expect, it} from 'vitest';
import {computeLayout, exampleZoom, gridFor, minColumns, minRows, minTabColumns, paneAutoColumns, type Size} from '../../src/app/layout.js';

const image = {rows: 28, cols: 28};
const tileHeight = 15; // 14 text rows of image and a label line
const sizes: readonly Size[] = [{columns: 80, rows: 24}, {columns: 120, rows: 40}, {columns: 200, rows: 60}];

describe('computeLayout', () => {
	it('needs at least 80x24', () => {
		expect([minColumns, minRows]).toEqual([80, 24]);
		for (const size of sizes) {
			expect(computeLayout(size, undefined, image).tooSmall, `${size.columns}x${size.rows}`).toBe(false);
		}

		expect(computeLayout({columns: 79, rows: 24}, undefined, image).tooSmall).toBe(true);
		expect(computeLayout({columns: 80, rows: 23}, undefined, image).tooSmall).toBe(true);
		expect(computeLayout({columns: 200, rows: 10}, undefined, image).tooSmall).toBe(true);
		expect(computeLayout({columns: 40, rows: 60}, undefined, image).tooSmall).toBe(true);
	});

	it('shows the training pane from 110 columns unless told otherwise', () => {
		expect(paneAutoColumns).toBe(110);
		expect(computeLayout({columns: 80, rows: 24}, undefined, image).pane).toBe(false);
		expect(computeLayout({columns: 109, rows: 40}, undefined, image).pane).toBe(false);
		expect(computeLayout({columns: 110, rows: 40}, undefined, image).pane).toBe(true);
		expect(computeLayout({columns: 120, rows: 40}, undefined, image).pane).toBe(true);
		expect(computeLayout({columns: 200, rows: 60}, undefined, image).pane).toBe(true);
	});

	it('follows an explicit choice for the pane whatever the width', () => {
		expect(computeLayout({columns: 80, rows: 24}, true, image).pane).toBe(true);
		expect(computeLayout({columns: 200, rows: 60}, false, image).pane).toBe(false);
	});

	it('puts an open pane in the tab\'s place when the tab would not fit beside it', () => {
		expect(minTabColumns).toBe(76);
		const narrow = computeLayout({columns: 80, rows: 24}, true, image);
		expect([narrow.pane, narrow.paneInstead, narrow.contentWidth]).toEqual([true, true, 79]);
		expect(computeLayout({columns: 109, rows: 40}, true, image).paneInstead).toBe(true);
		const wide = computeLayout({columns: 110, rows: 40}, true, image);
		expect([wide.pane, wide.paneInstead, wide.contentWidth]).toEqual([true, false, 76]);
		expect(computeLayout({columns: 80, rows: 24}, false, image).paneInstead).toBe(false);
	});

	it('gives the tab all the width but one column without the pane, and less with it', () => {
		const without = computeLayout({columns: 120, rows: 40}, false, image);
		const withPane = computeLayout({columns: 120, rows: 40}, true, image);
		expect(without.contentWidth).toBe(119);
		expect(withPane.contentWidth).toBeLessThan(without.contentWidth);
	});

	it('keeps the content shorter than the terminal, leaving room for the tab bar, its rule and the status line', () => {
		for (const size of sizes) {
			const layout = computeLayout(size, undefined, image);
			expect(layout.contentHeight + 3, `${size.columns}x${size.rows}`).toBeLessThanOrEqual(size.rows - 1);
			expect(layout.contentHeight).toBeGreaterThan(0);
		}
	});

	it('halves the image rows for half blocks', () => {
		const layout = computeLayout({columns: 80, rows: 24}, undefined, image);
		expect([layout.imageRows, layout.imageCols]).toEqual([14, 28]);
		expect(computeLayout({columns: 80, rows: 24}, undefined, {rows: 5, cols: 3}).imageRows).toBe(3);
	});

	for (const size of sizes) {
		for (const paneOpen of [undefined, true, false]) {
			it(`fits the tile grid into the content area at ${size.columns}x${size.rows} with the pane ${paneOpen ?? 'as the width decides'}`, () => {
				const layout = computeLayout(size, paneOpen, image);
				const {grid} = layout;
				expect(grid.perRow).toBeGreaterThanOrEqual(1);
				expect(grid.rowsPerPage).toBeGreaterThanOrEqual(1);
				expect(grid.perPage).toBe(grid.perRow * grid.rowsPerPage);
				expect((grid.perRow * (image.cols + 1)) - 1).toBeLessThanOrEqual(grid.width);
				expect(grid.rowsPerPage * tileHeight).toBeLessThanOrEqual(layout.contentHeight - 2);
				// The grid uses the room it has: one more tile or one more row would not fit.
				expect(((grid.perRow + 1) * (image.cols + 1)) - 1).toBeGreaterThan(grid.width);
				expect((grid.rowsPerPage + 1) * tileHeight).toBeGreaterThan(layout.contentHeight - 2);
				const grids = layout.sideBySide ? 2 : 1;
				expect((grids * grid.width) + (grids - 1) * 3).toBeLessThanOrEqual(layout.contentWidth);
			});
		}
	}

	it('lays out 2 tiles a row and one row at 80x24, 3 a row and two rows beside the pane at 120x40, 2 by 3 per grid at 200x60', () => {
		const grid = (size: Size): number[] => {
			const g = computeLayout(size, undefined, image).grid;
			return [g.perRow, g.rowsPerPage];
		};

		expect(grid({columns: 80, rows: 24})).toEqual([2, 1]);
		expect(grid({columns: 120, rows: 40})).toEqual([3, 2]);
		expect(grid({columns: 200, rows: 60})).toEqual([2, 3]);
	});

	it('puts trained and untrained side by side only where two grids of at least two tiles fit', () => {
		for (let columns = 80; columns <= 260; columns++) {
			for (const paneOpen of [undefined, true, false]) {
				const layout = computeLayout({columns, rows: 40}, paneOpen, image);
				const where = `${columns} columns, pane ${String(paneOpen)}`;
				if (layout.sideBySide) {
					expect(layout.grid.perRow, where).toBeGreaterThanOrEqual(2);
					expect((2 * layout.grid.width) + 3, where).toBeLessThanOrEqual(layout.contentWidth);
				} else {
					expect(layout.grid.width, where).toBe(layout.contentWidth);
				}
			}
		}

		expect(computeLayout({columns: 80, rows: 24}, undefined, image).sideBySide).toBe(false);
		expect(computeLayout({columns: 120, rows: 40}, undefined, image).sideBySide).toBe(false);
		expect(computeLayout({columns: 120, rows: 40}, false, image).sideBySide).toBe(true);
		expect(computeLayout({columns: 200, rows: 60}, undefined, image).sideBySide).toBe(true);
	});

	it('fits the tiles into the content area at every size from 80x24 to 260x80', () => {
		for (let columns = 80; columns <= 260; columns += 3) {
			for (let rows = 24; rows <= 80; rows++) {
				const layout = computeLayout({columns, rows}, undefined, image);
				const {grid} = layout;
				expect((grid.perRow * (image.cols + 1)) - 1, `${columns}x${rows}`).toBeLessThanOrEqual(grid.width);
				expect(grid.rowsPerPage * tileHeight, `${columns}x${rows}`).toBeLessThanOrEqual(layout.contentHeight - 2);
			}
		}
	});
});

describe('gridFor', () => {
	it('fits tiles with one column between them and at least one tile', () => {
		expect(gridFor(28, 15, 28, 15)).toEqual({perRow: 1, rowsPerPage: 1, perPage: 1, width: 28});
		expect(gridFor(57, 30, 28, 15)).toEqual({perRow: 2, rowsPerPage: 2, perPage: 4, width: 57});
		expect(gridFor(56, 29, 28, 15)).toEqual({perRow: 1, rowsPerPage: 1, perPage: 1, width: 56});
		expect(gridFor(5, 3, 28, 15)).toMatchObject({perRow: 1, rowsPerPage: 1, perPage: 1});
	});
});

describe('exampleZoom', () => {
	it('enlarges the example as far as the width and the height both allow, never below 1', () => {
		const zoom = (columns: number, rows: number, pane?: boolean, nameWidth = 1): number => exampleZoom(computeLayout({columns, rows}, pane, image), image, nameWidth);
		expect(zoom(80, 24)).toBe(1);
		expect(zoom(120, 40)).toBe(1); // the pane leaves 76 columns
		expect(zoom(120, 40, false)).toBe(2); // 119 - 38 = 81 columns, 30 text rows = 60 pixel rows
		expect(zoom(200, 60)).toBe(3); // height: 50 text rows = 100 pixel rows
		expect(zoom(300, 60, false)).toBe(3);
		expect(zoom(300, 120, false)).toBe(7); // width: 299 - 38 = 261 columns
		expect(zoom(120, 40, false, 11)).toBe(2); // Fashion-MNIST's longest name: 70 columns
		expect(zoom(100, 40, false, 11)).toBe(1); // 99 - 48 = 51 columns
	});
});
