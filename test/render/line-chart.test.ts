import {describe, expect, it} from 'vitest';
import {cellAxis, cellMarker, cellText, chartRuns, lineChart} from '../../src/render/line-chart.js';

/** The dot bits of a braille character (0 for anything else). */
function bits(char: string): number {
	const code = char.codePointAt(0)!;
	return code > 0x28_00 && code <= 0x28_FF ? code - 0x28_00 : 0;
}

/** Rows whose plot part (after the y axis) holds a braille dot. */
function rowsWithDots(rows: readonly string[]): number[] {
	return rows.flatMap((row, i) => ([...row].some(c => bits(c) !== 0) ? [i] : []));
}

describe('lineChart', () => {
	it('draws two points as a line of dots between them, with the range on the y axis and the epochs on the x axis', () => {
		// Range 0..1, 8 dot rows and 8 dot columns: the line goes from dot (0, 7) to (7, 0), one dot a column.
		const chart = lineChart({width: 8, height: 3, epochs: [1, 2], series: [{values: [0, 1]}]});
		expect(chart.rows).toEqual([
			'1.0┤  ⡠⠊',
			'0.0┤⡠⠊  ',
			'   └1──2',
		]);
	});

	it('draws three points through the middle one', () => {
		// 0 -> 1 -> 0 over dot columns 0, 4, 7 and dot rows 7, 0, 7: up 7 rows in 4 columns, down 7 in 3.
		const chart = lineChart({width: 8, height: 3, epochs: [1, 2, 3], series: [{values: [0, 1, 0]}]});
		expect(chart.rows[0]).toBe('1.0┤ ⡰⢣ ');
		expect(chart.rows[1]).toBe('0.0┤⡰⠁ ⢣');
		expect(chart.rows[2]).toBe('   └1──3');
	});

	it('draws a flat series as a flat line in one row of dots', () => {
		const chart = lineChart({width: 20, height: 6, epochs: [1, 2, 3, 4], series: [{values: [0.5, 0.5, 0.5, 0.5]}], scale: {minSpan: 0.05}});
		const lines = rowsWithDots(chart.rows);
		expect(lines).toHaveLength(1);
		const dots = [...chart.rows[lines[0]]].filter(c => bits(c) !== 0);
		expect(dots.length).toBeGreaterThanOrEqual(15);
		expect(new Set(dots).size).toBe(1);
		// In the middle of the range, not at its top or bottom.
		expect(lines[0]).toBeGreaterThan(0);
		expect(lines[0]).toBeLessThan(4);
	});

	it('draws one epoch as a single dot and labels the x axis once', () => {
		const chart = lineChart({width: 12, height: 4, epochs: [1], series: [{values: [0.3]}], scale: {minFraction: 0.2}});
		const dots = chart.rows.join('').split('').filter(c => bits(c) !== 0);
		expect(dots).toHaveLength(1);
		expect([0x01, 0x02, 0x04, 0x40]).toContain(bits(dots[0])); // one dot, in the left column
		expect(chart.rows.at(-1)!.match(/\d+/g)).toEqual(['1']);
	});

	it('labels the top and the bottom row, and the middle row when it sits halfway', () => {
		const chart = lineChart({width: 20, height: 6, epochs: [1, 2], series: [{values: [0.9125, 0.975]}], labels: 'percent', scale: {minSpan: 0.05}});
		expect(chart.rows.map(row => row.slice(0, 4))).toEqual(['98%┤', '   │', '94%┤', '   │', '90%┤', '   └']);
		// Four plot rows have no middle row: only the ends are labelled.
		const even = lineChart({width: 20, height: 5, epochs: [1, 2], series: [{values: [0.9125, 0.975]}], labels: 'percent', scale: {minSpan: 0.05}});
		expect(even.rows.filter(row => row.includes('┤'))).toHaveLength(2);
	});

	it('samples a long history into the columns and labels the last epoch', () => {
		const epochs = Array.from({length: 500}, (_, i) => i + 1);
		const chart = lineChart({width: 14, height: 4, epochs, series: [{values: epochs.map(e => 1 / e)}]});
		expect(chart.rows.at(-1)!.endsWith('500')).toBe(true);
		expect(chart.rows.at(-1)!).toContain('└1');
		for (const row of chart.rows) {
			expect([...row]).toHaveLength(14);
		}
	});

	it('marks the shown epoch with a column and a tick on the x axis', () => {
		const chart = lineChart({width: 8, height: 3, epochs: [1, 2, 3], series: [{values: [0, 1, 0]}], marker: 3});
		// Epoch 3 is dot column 7, in plot cell 3, after the 4 cells of '1.0┤'.
		expect(chart.markerColumn).toBe(7);
		expect(chart.rows[0][7]).toBe('┊');
		expect(chart.rows[1][7]).toBe('⢣'); // a cell with dots keeps them
		const middle = lineChart({width: 8, height: 3, epochs: [1, 2, 3], series: [{values: [0, 1, 0]}], marker: 2});
		expect(middle.markerColumn).toBe(6); // dot column 4, plot cell 2
		expect(middle.rows.map(row => row[6])).toEqual(['⢣', '┊', '┴']);
		expect(middle.cells[8 + 6]).toBe(cellMarker);
		expect(middle.cells[16 + 6]).toBe(cellMarker);
	});

	it('marks an epoch sampled away from a long history where it falls on the x axis', () => {
		const epochs = Array.from({length: 300}, (_, i) => i + 1);
		// 11 plot cells after '1.0┤', 22 dot columns: epoch 150 is point 149, dot column round(149 * 21 / 299) = 10, cell 5.
		const chart = lineChart({width: 15, height: 4, epochs, series: [{values: epochs.map(e => e % 2)}], marker: 150});
		expect(chart.rows[0].slice(0, 4)).toBe('1.0┤');
		expect(chart.markerColumn).toBe(4 + 5);
		expect(chart.rows.at(-1)![9]).toBe('┴');
	});

	it('draws no marker for an epoch outside the history or none asked', () => {
		expect(lineChart({width: 8, height: 3, epochs: [1, 2], series: [{values: [0, 1]}], marker: 0}).markerColumn).toBe(-1);
		const none = lineChart({width: 8, height: 3, epochs: [1, 2], series: [{values: [0, 1]}]});
		expect(none.markerColumn).toBe(-1);
		expect(none.rows.join('')).not.toMatch(/[┊┴]/);
	});

	it('draws a dotted series in the left dot column of each cell only', () => {
		const chart = lineChart({width: 24, height: 5, epochs: [1, 2, 3], series: [{values: [0, 1, 0.2], style: 'dotted'}]});
		const dots = chart.rows.join('').split('').map(c => bits(c)).filter(b => b !== 0);
		expect(dots.length).toBeGreaterThan(5);
		for (const b of dots) {
			expect(b & 0xB8).toBe(0); // no dot of the right column (bits 0x08, 0x10, 0x20, 0x80)
		}
	});

	it('tells each cell which series drew it, so a view can colour them', () => {
		const chart = lineChart({width: 12, height: 4, epochs: [1, 2], series: [{values: [0, 0]}, {values: [1, 1]}]});
		const kinds = (row: number): number[] => chartRuns(chart, row).map(run => run.kind);
		const top = chartRuns(chart, 0);
		expect(top.map(run => run.kind)).toEqual([cellText, cellAxis, 1]);
		expect(top.map(run => run.text).join('')).toBe(chart.rows[0]);
		expect(kinds(2)).toEqual([cellText, cellAxis, 0]);
		expect(kinds(3)).toContain(cellAxis);
	});

	it('stays exactly within its width and height, however small', () => {
		for (const [width, height] of [[1, 1], [3, 2], [6, 3], [9, 3], [40, 12]]) {
			const chart = lineChart({width, height, epochs: [1, 2, 3], series: [{values: [0.1, 0.5, 0.2]}], labels: 'percent'});
			expect(chart.rows).toHaveLength(height);
			for (const row of chart.rows) {
				expect([...row]).toHaveLength(width);
			}
		}
	});

	it('leaves a gap where a value is not finite', () => {
		const chart = lineChart({width: 14, height: 3, epochs: [1, 2, 3, 4], series: [{values: [0, 0, Number.NaN, 0]}], scale: {minSpan: 1}});
		// Points at dot columns 0, 6, (11), 17: a line over plot cells 0-3, nothing until the last point's cell 8.
		const row = chart.rows[rowsWithDots(chart.rows)[0]];
		expect([...row.slice(5)].map(c => bits(c) !== 0)).toEqual([true, true, true, true, false, false, false, false, true]);
	});
});
