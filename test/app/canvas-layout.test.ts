import {describe, expect, it} from 'vitest';
import {type CanvasLayout, canvasLayout, type Rect, stripNeed} from '../../src/app/canvas-layout.js';

const image = {rows: 28, cols: 28};
const bottom = (rect: Rect): number => rect.top + rect.height;
const right = (rect: Rect): number => rect.left + rect.width;
/** Every panel the layout places. */
const panels = (layout: CanvasLayout): Rect[] =>
	[layout.canvas, layout.answer, layout.input, layout.attribution, layout.strip, layout.keys].filter((rect): rect is Rect => rect !== undefined);

/** The tab's area at each terminal size (the tab bar, timeline and status lines taken; the training pane beside it at 200 columns). */
const areas = {'200x60': [147, 57], '120x40': [119, 32], '80x24': [79, 17]} as const;

describe('canvasLayout', () => {
	it('keeps every panel inside the area and apart from the others, at every size and for every network shape', () => {
		for (const [size, [width, height]] of Object.entries(areas)) {
			for (const hidden of [[], [30], [100, 100], [16, 16, 16, 16]]) {
				const layout = canvasLayout(width, height, image, 10, 1, hidden);
				const rects = panels(layout);
				for (const [k, a] of rects.entries()) {
					expect(right(a) <= width && bottom(a) <= height, `${size} ${hidden.join(',')}: ${JSON.stringify(a)}`).toBe(true);
					for (const b of rects.slice(k + 1)) {
						const apart = right(a) <= b.left || right(b) <= a.left || bottom(a) <= b.top || bottom(b) <= a.top;
						expect(apart, `${size}: ${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(true);
					}
				}

				expect(layout.keyLine, size).toBeLessThanOrEqual(height);
			}
		}
	});

	it('at 200x60 puts four maps beside a zoom-3 canvas, ending level with it, and the hidden layers and the keys across the rows under it to the bottom', () => {
		const layout = canvasLayout(147, 57, image, 10, 1, [30]);
		expect(layout).toMatchObject({arrangement: 'column', zoom: 3, maps: 4});
		expect(bottom(layout.input!)).toBe(bottom(layout.canvas));
		expect(layout.strip).toEqual({left: 0, top: bottom(layout.canvas), width: 147, height: stripNeed([30], 147)});
		expect(layout.keys).toEqual({left: 0, top: bottom(layout.strip!), width: 147, height: 57 - bottom(layout.strip!)});
	});

	it('at 200x60 gives a larger network\'s hidden layers every row under the canvas, leaving the key line', () => {
		const layout = canvasLayout(147, 57, image, 10, 1, [100, 100]);
		expect(layout.keys).toBeUndefined();
		expect(layout.strip).toEqual({left: 0, top: 44, width: 147, height: 57 - 1 - 44});
		expect(layout.keyLine).toBe(56);
	});

	it('at 120x40 lets the maps\' panel reach down to the canvas\'s bottom, the key line under both', () => {
		const layout = canvasLayout(119, 32, image, 10, 1, [30]);
		expect(layout).toMatchObject({arrangement: 'column', zoom: 2, maps: 2, keyLine: 30});
		expect(bottom(layout.input!)).toBe(bottom(layout.canvas));
		expect(layout.strip).toBeUndefined();
	});

	it('at 80x24 keeps the canvas, the network input and the answer side by side, without the map', () => {
		expect(canvasLayout(79, 17, image, 10, 1, [30])).toMatchObject({arrangement: 'row', zoom: 1, maps: 2, showsAttribution: false, keyLine: 16});
	});

	it('keeps two maps and the hidden layers beside the canvas when there are no rows under it for them', () => {
		const layout = canvasLayout(147, 47, image, 10, 1, [30]);
		expect(layout).toMatchObject({zoom: 3, maps: 2});
		expect(layout.strip).toMatchObject({left: 87, top: 29, height: 44 - 29});
		// Without hidden layers the rows beside the canvas go to four maps instead.
		expect(canvasLayout(147, 47, image, 10, 1, [])).toMatchObject({zoom: 3, maps: 4});
	});

	it('places the canvas by the area alone, whatever the network, so the app maps the mouse without it', () => {
		for (const [width, height] of [...Object.values(areas), [148, 56], [114, 46]]) {
			const without = canvasLayout(width, height, image, 10, 1);
			for (const hidden of [[30], [100, 100]]) {
				const layout = canvasLayout(width, height, image, 10, 1, hidden);
				expect([layout.canvas, layout.zoom]).toEqual([without.canvas, without.zoom]);
			}
		}
	});
});

describe('stripNeed', () => {
	it('counts the border, a heading and the lines of 3-column cells for each layer, and the legend', () => {
		// 145 inner columns hold 48 cells: 30 on one line, 100 on three.
		expect(stripNeed([30], 147)).toBe(2 + 1 + 1 + 1);
		expect(stripNeed([100, 100], 147)).toBe(2 + (2 * (1 + 3)) + 1);
	});
});
