import {describe, expect, it} from 'vitest';
import * as layoutModule from '../../src/app/layout.js';
import {computeLayout, minColumns, minRows, sidePaneColumns, sidePaneWidth, type Size} from '../../src/app/layout.js';

const image = {rows: 28, cols: 28};
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

	it('shows the training dashboard beside the tab from 160 columns, and folds it into a strip below', () => {
		expect(sidePaneColumns).toBe(160);
		const at = (columns: number, rows: number, paneOpen?: boolean): string => computeLayout({columns, rows}, paneOpen, image).dashboard;
		expect(at(80, 24)).toBe('strip');
		expect(at(120, 40)).toBe('strip');
		expect(at(159, 40)).toBe('strip');
		expect(at(160, 40)).toBe('side');
		expect(at(200, 60)).toBe('side');
	});

	it('follows an explicit choice: the dashboard (beside the tab where it fits, else in its place) or the strip', () => {
		const at = (columns: number, paneOpen: boolean): ReturnType<typeof computeLayout> => computeLayout({columns, rows: 40}, paneOpen, image);
		expect([at(80, true).dashboard, at(80, true).paneInstead, at(80, true).contentWidth]).toEqual(['instead', true, 79]);
		expect(at(120, true).dashboard).toBe('instead');
		expect(at(200, true).dashboard).toBe('side');
		expect(at(200, false).dashboard).toBe('strip');
		expect(at(80, false).dashboard).toBe('strip');
	});

	it('gives the tab all the width but one column without a side pane, and the pane a quarter (44-56 columns) with one', () => {
		expect(computeLayout({columns: 120, rows: 40}, undefined, image).contentWidth).toBe(119);
		const wide = computeLayout({columns: 200, rows: 60}, undefined, image);
		expect(wide.paneWidth).toBe(50);
		expect(wide.contentWidth + 1 + wide.paneWidth).toBe(199);
		expect(sidePaneWidth(160)).toBe(44);
		expect(sidePaneWidth(400)).toBe(56);
	});

	it('has no fixed pane width beside the layout\'s own: the dashboard is as wide as computeLayout says', () => {
		expect(layoutModule).not.toHaveProperty('paneWidth');
		expect(computeLayout({columns: 240, rows: 60}, undefined, image).paneWidth).toBe(sidePaneWidth(240));
	});

	it('keeps the whole screen one row shorter than the terminal: tab bar, timeline, content, strip, status line', () => {
		for (let rows = 24; rows <= 80; rows++) {
			for (const columns of [80, 120, 200]) {
				for (const paneOpen of [undefined, true, false]) {
					const layout = computeLayout({columns, rows}, paneOpen, image);
					const where = `${columns}x${rows} pane ${String(paneOpen)}`;
					expect(1 + 1 + layout.contentHeight + layout.stripHeight + 1, where).toBe(rows - 1);
					expect(layout.stripHeight, where).toBe(layout.dashboard === 'strip' ? (rows >= 30 ? 4 : 3) : 0);
				}
			}
		}

		expect(computeLayout({columns: 80, rows: 24}, undefined, image).contentHeight).toBe(17);
		expect(computeLayout({columns: 120, rows: 40}, undefined, image).contentHeight).toBe(32);
		expect(computeLayout({columns: 200, rows: 60}, undefined, image).contentHeight).toBe(56);
	});

	it('halves the image rows for half blocks', () => {
		const layout = computeLayout({columns: 80, rows: 24}, undefined, image);
		expect([layout.imageRows, layout.imageCols]).toEqual([14, 28]);
		expect(computeLayout({columns: 80, rows: 24}, undefined, {rows: 5, cols: 3}).imageRows).toBe(3);
	});
});
