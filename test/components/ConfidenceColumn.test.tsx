import chalk from 'chalk';
import {renderToString} from 'ink';
import {beforeAll, describe, expect, it} from 'vitest';
import {bar, ConfidenceColumn} from '../../src/components/ConfidenceColumn.js';
import {classify} from '../../src/app/model-view.js';
import {tinyClassNames, tinyConfig, tinyParameters, tinySplit} from '../app/tiny-classifier.js';
import {plain} from './fixtures.js';

const green = '\u001B[32m';
const red = '\u001B[31m';
const cyan = '\u001B[36m';
const eighths = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];

beforeAll(() => {
	// Chalk decides its level at import; Ink colours through it.
	chalk.level = 3;
});

/** The rendered rows of the column for example `index` of the tiny split, one per class, with colours. */
function rowsFor(index: number, barWidth = 20): string[] {
	const result = classify(tinyParameters, tinyConfig, tinySplit, index);
	const out = renderToString(
		<ConfidenceColumn outputs={result.outputs} classNames={tinyClassNames} label={result.label} predicted={result.predicted} barWidth={barWidth}/>,
		{columns: 80},
	);
	return out.split('\n');
}

/** The length of the bar in a row, in eighths of a cell. */
function barEighths(row: string): number {
	let units = 0;
	for (const char of plain(row)) {
		if (char === '█') {
			units += 8;
		} else if (eighths.includes(char)) {
			units += eighths.indexOf(char) + 1;
		}
	}

	return units;
}

describe('ConfidenceColumn', () => {
	it('shows one row per class, named, with the output to three decimals', () => {
		const rows = rowsFor(0).map(r => plain(r));
		const outputs = classify(tinyParameters, tinyConfig, tinySplit, 0).outputs;
		expect(rows).toHaveLength(3);
		for (const [c, name] of tinyClassNames.entries()) {
			expect(rows[c].trimStart().startsWith(`${name} `)).toBe(true);
			expect(rows[c]).toContain(` ${outputs[c].toFixed(3)} `);
		}
	});

	it('colours the true class green and marks it predicted and correct when the prediction is right', () => {
		const rows = rowsFor(0); // top row lit, labelled top, predicted top
		expect(rows[0]).toContain(green);
		expect(plain(rows[0])).toContain('◀✓');
		for (const row of rows) {
			expect(row).not.toContain(red);
		}

		expect(rows[1]).not.toContain(green);
		expect(rows[2]).not.toContain(green);
	});

	it('colours the true class green and marks it true, and the wrong prediction red with a cross', () => {
		const rows = rowsFor(1); // bottom row lit, labelled top, predicted bottom
		expect(rows[0]).toContain(green);
		expect(rows[0]).not.toContain(red);
		expect(plain(rows[0])).toMatch(/ true$/);
		expect(plain(rows[0])).not.toContain('✓');
		expect(rows[1]).toContain(red);
		expect(rows[1]).not.toContain(green);
		expect(plain(rows[1])).toContain('◀✗');
		expect(rows[2]).not.toContain(green);
		expect(rows[2]).not.toContain(red);
	});

	it('marks the answer ◀ in the accent colour, neither right nor wrong, when there is no true class (a drawing)', () => {
		const rows = renderToString(
			<ConfidenceColumn outputs={[0.1, 0.7, 0.2]} classNames={['a', 'b', 'c']} predicted={1} barWidth={10}/>,
			{columns: 80},
		).split('\n');
		expect(rows[1]).toContain(cyan);
		expect(plain(rows[1]).trimEnd()).toMatch(/ 0\.700 ◀$/);
		for (const row of rows) {
			expect(row).not.toContain(green);
			expect(row).not.toContain(red);
			expect(plain(row)).not.toMatch(/[✓✗]|true/);
		}

		expect(rows[0]).not.toContain(cyan);
		expect(rows[2]).not.toContain(cyan);
	});

	it('draws bars proportional to the outputs, to an eighth of a cell', () => {
		for (const index of [0, 1, 2, 3]) {
			const outputs = classify(tinyParameters, tinyConfig, tinySplit, index).outputs;
			const rows = rowsFor(index, 20);
			for (let c = 0; c < 3; c++) {
				expect(barEighths(rows[c]), `example ${index} class ${c}`).toBe(Math.round(outputs[c] * 20 * 8));
			}
		}
	});

	it('draws full, half and empty bars for outputs 1, 0.5 and 0', () => {
		const out = plain(renderToString(
			<ConfidenceColumn outputs={[1, 0.5, 0]} classNames={['a', 'b', 'c']} label={0} predicted={0} barWidth={10}/>,
			{columns: 80},
		)).split('\n');
		expect(out[0]).toBe('a ██████████ 1.000 ◀✓');
		expect(out[1].trimEnd()).toBe('b █████───── 0.500');
		expect(out[2].trimEnd()).toBe('c ────────── 0.000');
	});

	it('right-aligns class names of different lengths so the bars line up', () => {
		const out = plain(renderToString(
			<ConfidenceColumn outputs={[0.25, 0.75]} classNames={['Bag', 'Ankle boot']} label={1} predicted={1} barWidth={8}/>,
			{columns: 80},
		)).split('\n');
		expect(out[0].indexOf('█')).toBe(out[1].indexOf('█'));
		expect(out[0].startsWith('       Bag ')).toBe(true);
	});
});

describe('bar', () => {
	it('fills whole cells and one partial cell in eighths, padded to the width', () => {
		expect(bar(1, 4)).toBe('████');
		expect(bar(0.5, 4)).toBe('██  ');
		expect(bar(0, 3)).toBe('   ');
		expect(bar(1 / 16, 2)).toBe('▏ ');
		expect(bar(0.5 + (3 / 32), 4)).toBe('██▍ ');
	});

	it('clamps values outside 0..1 and draws nothing for NaN', () => {
		expect(bar(1.7, 3)).toBe('███');
		expect(bar(-0.2, 3)).toBe('   ');
		expect(bar(Number.NaN, 3)).toBe('   ');
	});
});
