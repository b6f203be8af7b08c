import {describe, expect, it} from 'vitest';
import {axisRange, pointColumns} from '../../src/render/chart-axis.js';

describe('axisRange', () => {
	it('rounds the range out to whole steps that hold every value', () => {
		expect(axisRange([0.9125, 0.975], {minSpan: 0.05}, 'percent')).toEqual({bottom: 0.9, top: 0.98, decimals: 0});
		const loss = axisRange([0.0625, 0.25], {fromZero: true});
		expect(loss.bottom).toBe(0);
		expect(loss.top).toBeCloseTo(0.25, 12);
		expect(loss.decimals).toBe(2);
	});

	it('widens a small range to the minimum span around it, so noise draws as small steps', () => {
		const {bottom, top} = axisRange([0.9481, 0.9523], {minSpan: 0.05});
		expect(top - bottom).toBeGreaterThanOrEqual(0.05);
		expect(bottom).toBeLessThan(0.9481 - 0.01);
		expect(top).toBeGreaterThan(0.9523 + 0.01);
	});

	it('widens to a fraction of the largest value when asked', () => {
		const {bottom, top} = axisRange([0.1, 0.095], {minFraction: 0.2});
		expect(top - bottom).toBeGreaterThanOrEqual(0.02);
	});

	it('keeps a widened range within its bounds, shifting it instead of passing them', () => {
		const {bottom, top} = axisRange([0.99, 0.995], {minSpan: 0.05, lowest: 0, highest: 1});
		expect(top).toBe(1);
		expect(bottom).toBeCloseTo(0.95, 12);
	});

	it('gives a flat series without a minimum span a range around it', () => {
		const {bottom, top} = axisRange([2, 2, 2]);
		expect(bottom).toBeLessThan(2);
		expect(top).toBeGreaterThan(2);
	});
});

describe('pointColumns', () => {
	it('spreads few points over the dot columns, first at the left and last at the right', () => {
		expect(pointColumns(2, 8)).toEqual([0, 7]);
		expect(pointColumns(3, 8)).toEqual([0, 4, 7]);
		expect(pointColumns(1, 8)).toEqual([0]);
	});

	it('samples more points than columns evenly, one per column, keeping the first and the last', () => {
		const columns = pointColumns(100, 8);
		expect(columns.filter(c => c !== undefined)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		expect(columns[0]).toBe(0);
		expect(columns[99]).toBe(7);
	});
});
