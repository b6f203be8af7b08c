import chalk from 'chalk';
import {renderToString} from 'ink';
import {describe, expect, it, onTestFinished} from 'vitest';
import {setThemeColours} from '../../src/app/theme.js';
import {ClassBars, shareParts} from '../../src/components/ClassBars.js';
import {digitNames, plain} from './fixtures.js';

const eighths = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar's filled length in eighths of a cell. */
function filledEighths(text: string): number {
	let units = 0;
	for (const char of text) {
		if (char === '█') {
			units += 8;
		} else if (eighths.includes(char)) {
			units += eighths.indexOf(char) + 1;
		}
	}

	return units;
}

/** Class 0's confusion row: 98 test images, 95 right, 1 taken for 8, 2 for 6. */
const row = [95, 0, 0, 0, 0, 0, 2, 0, 1, 0];

function drawn(values: readonly number[], width: number, options: {signed?: boolean; skip?: number; count?: number} = {}): string[] {
	const {signed = false, skip, count = 3} = options;
	const out = renderToString(<ClassBars values={values} names={digitNames} count={count} width={width} signed={signed} digits={signed ? 2 : 0} skip={skip}/>, {columns: 200});
	return plain(out).split('\n');
}

describe('ClassBars as counts (the classes a class is taken for)', () => {
	it('draws each count as its share of the class\'s test images, so 1 of 98 is a sliver even when it is the largest', () => {
		const lines = drawn([97, 0, 0, 0, 0, 0, 0, 0, 1, 0], 60, {skip: 0, count: 1});
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^8 .* 1 of 98$/);
		const units = filledEighths(lines[0]);
		expect(units).toBeGreaterThan(0);
		// 1/98 of the bar's cells, to an eighth of a cell: under one cell.
		expect(units).toBeLessThan(8);
	});

	it('lists the largest counts first, each bar as long as its share of the whole, the rest of the bar a faint track', () => {
		const lines = drawn(row, 60, {skip: 0});
		expect(lines.map(line => line[0])).toEqual(['6', '8', '1']);
		expect(lines[0]).toMatch(/ 2 of 98$/);
		expect(lines[1]).toMatch(/ 1 of 98$/);
		expect(lines[2]).toMatch(/ 0 of 98$/);
		expect(filledEighths(lines[0])).toBeGreaterThan(filledEighths(lines[1]));
		expect(filledEighths(lines[2])).toBe(0);
		for (const line of lines) {
			expect([...line]).toHaveLength(60);
			expect(line).toContain('─');
		}
	});

	it('fills half the bar for half the class\'s images', () => {
		const {filled, track} = shareParts(49, 98, 20);
		expect(filledEighths(filled)).toBe(80);
		expect([...filled, ...track]).toHaveLength(20);
		expect(shareParts(0, 98, 20).filled).toBe('');
		expect(filledEighths(shareParts(1, 10_000, 20).filled)).toBe(1);
	});

	it('says the scale in words, so it reads without colour', () => {
		setThemeColours(false);
		onTestFinished(() => {
			setThemeColours(true);
		});
		expect(drawn(row, 40, {skip: 0})[0]).toMatch(/^6 [▏▎▍▌▋▊▉]─+ 2 of 98$/);
	});

	it('draws the filled part in the bar colour and the track faint', () => {
		const level = chalk.level;
		chalk.level = 3;
		onTestFinished(() => {
			chalk.level = level;
		});
		const out = renderToString(<ClassBars values={[0, 5, 5]} names={digitNames} count={2} width={30} signed={false} digits={0} skip={0}/>);
		expect(out).toContain('\u001B[2m');
		expect(out).toMatch(/\u001B\[34m█+/);
	});
});
