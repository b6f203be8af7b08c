import {renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {Attribution, type AttributionMap} from '../../src/components/Attribution.js';
import {contributorBarWidth, Contributors} from '../../src/components/Contributors.js';
import {plain} from './fixtures.js';

const contributions = [
	{neuron: 4, activation: 0.9, weight: 2, contribution: 1.8},
	{neuron: 1, activation: 0.5, weight: 1.8, contribution: 0.9},
	{neuron: 7, activation: 0.3, weight: -1, contribution: -0.3},
];

function bars(width: number): string[] {
	const text = plain(renderToString(<Contributors contributions={contributions} className='3' width={width} height={8} depth='none'/>, {columns: width + 4}));
	return text.split('\n').filter(line => /#\d +\d\.\d\d × /.test(line));
}

describe('Contributors', () => {
	it('lets the bars take the panel\'s width, the largest share reaching the end of its side at any width', () => {
		for (const width of [70, 120, 160]) {
			const barWidth = contributorBarWidth(width, 3, 5);
			const half = Math.floor((barWidth - 1) / 2);
			const rows = bars(width);
			expect(rows, `${width}`).toHaveLength(3);
			// Two-sided (one share is negative): the largest fills its half right of the axis, the others in proportion.
			expect(rows[0]).toContain(`│${'█'.repeat(half)}`);
			expect(rows[1]).toContain(`│${'█'.repeat(Math.round(half / 2))} `);
			expect(rows[2]).toContain(`${'█'.repeat(Math.round(half / 6))}│`);
			expect(Math.max(...rows.map(row => [...row].length)), `${width}`).toBeLessThanOrEqual(width);
		}
	});

	it('uses more than 32 cells for its bars in a wide panel', () => {
		expect(contributorBarWidth(118, 3, 5)).toBe(118 - 2 - 27);
		expect(bars(118)[0]).toContain('█'.repeat(40));
	});
});

describe('Attribution in rows', () => {
	const map = (role: AttributionMap['role'], caption: string, value: number): AttributionMap => ({role, caption: [caption], values: new Float64Array(12).fill(value)});
	const maps = [map('predicted', 'for 4', 1), map('true', 'for 9', -1), map('difference', '4 − 9', 2)];

	it('puts the third map under the first when two go in a row, with the scale bar in the place left free', () => {
		const text = plain(renderToString(
			<Attribution maps={maps} kind='gradient' rows={2} cols={6} width={6 + 6 + 1 + 2} height={12} captions scaleBar depth='none' zoom={1} columns={2}/>,
			{columns: 40},
		)).split('\n');
		const rowOf = (caption: string) => text.findIndex(line => line.includes(caption));
		expect(rowOf('for 4')).toBeGreaterThan(0);
		expect(rowOf('for 9')).toBe(rowOf('for 4'));
		expect(rowOf('4 − 9')).toBeGreaterThan(rowOf('for 4'));
		expect(text[rowOf('4 − 9') + 1]).toMatch(/\+2/);
	});

	it('draws each map zoom times its size', () => {
		const lines = (zoom: number) => plain(renderToString(
			<Attribution maps={maps.slice(0, 1)} kind='gradient' rows={2} cols={6} width={(6 * zoom) + 2} height={2 + zoom} captions={false} scaleBar={false} depth='none' zoom={zoom}/>,
			{columns: 40},
		)).split('\n');
		const drawn = (zoom: number) => lines(zoom).slice(1, -1).map(line => [...line].slice(1, -1).join('').trim().length);
		expect(drawn(1)).toEqual([6]);
		expect(drawn(3)).toEqual([18, 18, 18]);
	});
});
