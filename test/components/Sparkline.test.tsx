import {describe, expect, it} from 'vitest';
import {sparkline} from '../../src/components/Sparkline.js';

describe('sparkline', () => {
	it('scales the values to their range, higher values taller', () => {
		expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8], 8)).toBe('▁▂▃▄▅▆▇█');
		expect(sparkline([8, 1], 8)).toBe('█▁');
	});

	it('draws equal values as full blocks and keeps only the last width values', () => {
		expect(sparkline([0.5, 0.5, 0.5], 8)).toBe('███');
		expect(sparkline([1, 2, 3, 4], 2)).toBe('▁█');
		expect(sparkline([], 4)).toBe('');
	});

	it('spans at least minSpan, measured down from the largest value', () => {
		// A change of 0.7 points in a 7-point minimum span is one step of the seven.
		expect(sparkline([0.95, 0.943], 8, {minSpan: 0.07})).toBe('█▇');
		expect(sparkline([0.95, 0.943], 8)).toBe('█▁');
		// A range wider than the minimum is used as it is.
		expect(sparkline([0.5, 0.95], 8, {minSpan: 0.07})).toBe('▁█');
	});

	it('spans at least minFraction of the largest value', () => {
		expect(sparkline([0.1, 0.095], 8, {minFraction: 0.2})).toBe('█▆');
		expect(sparkline([0.25, 0.0625], 8, {minFraction: 0.2})).toBe('█▁');
	});
});
