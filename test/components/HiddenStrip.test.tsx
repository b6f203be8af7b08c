import {renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {activationRange, cellWidthFor, HiddenStrip, stripLines} from '../../src/components/HiddenStrip.js';
import {plain} from './fixtures.js';

describe('HiddenStrip', () => {
	it('wraps a layer\'s cells to the width, one cell a neuron, none lost', () => {
		const lines = stripLines(100, 58, 2);
		expect(lines.map(line => line.length)).toEqual([29, 29, 29, 13]);
		expect(lines.flat()).toEqual(Array.from({length: 100}, (_, j) => j));
	});

	it('takes the widest cell that keeps a layer within its rows', () => {
		expect(cellWidthFor(30, 100, 1)).toBe(3);
		expect(cellWidthFor(30, 60, 1)).toBe(2);
		expect(cellWidthFor(100, 60, 2)).toBe(1);
	});

	it('colours sigmoid over 0..1, tanh over -1..1 and relu up to the layer\'s largest activation', () => {
		const values = Float64Array.of(0, 2.5, 1);
		expect(activationRange(values, 'sigmoid')).toEqual({low: 0, high: 1});
		expect(activationRange(values, 'tanh')).toEqual({low: -1, high: 1});
		expect(activationRange(values, 'relu')).toEqual({low: 0, high: 2.5});
	});

	it('draws every neuron of every layer as a cell under the layer\'s name and size', () => {
		const layers = [new Float64Array(30).fill(1), new Float64Array(100).fill(1)];
		const text = plain(renderToString(<HiddenStrip layers={layers} activation='sigmoid' width={60} height={12} depth='none'/>, {columns: 70}));
		expect(text).toContain('hidden 1 · 30 neurons');
		expect(text).toContain('hidden 2 · 100 neurons');
		const rows = text.split('\n').slice(1, -1).map(line => line.slice(1, -1));
		const cells = rows.filter(line => !/[a-z]/.test(line)).join('').split('').filter(char => char === '█').length;
		expect(cells).toBe(130);
	});

	it('names itself whole beside the activation where both fit, and shorter where they do not, never cut', () => {
		const top = (width: number): string => plain(renderToString(<HiddenStrip layers={[new Float64Array(30).fill(0.5)]} activation='sigmoid' width={width} height={5} depth='none'/>, {columns: width + 10})).split('\n')[0]!;
		expect(top(40)).toMatch(/^╭─ Hidden activations ─+ sigmoid ─╮$/);
		expect(top(30)).toMatch(/^╭─ Hidden ─+ sigmoid ─╮$/);
	});

	it('keeps the sign without colour: a negative activation is not drawn as a positive one', () => {
		const text = plain(renderToString(<HiddenStrip layers={[Float64Array.of(1, -1)]} activation='tanh' width={30} height={5} depth='none'/>, {columns: 40}));
		const strip = text.split('\n')[2];
		expect(strip).toContain('█');
		expect(strip).toContain('#');
	});
});
