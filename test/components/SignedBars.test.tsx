import chalk from 'chalk';
import {renderToString} from 'ink';
import {describe, expect, it, onTestFinished} from 'vitest';
import {setThemeColours} from '../../src/app/theme.js';
import {barText, SignedBars, signedSplit} from '../../src/components/SignedBars.js';
import type {ColorDepth} from '../../src/render/color-depth.js';
import {digitNames, fashionNames, plain} from './fixtures.js';

/** Four classes pushed up, six down (the 200x60 case of the review: 9 at -0.01 is down, however few push up). */
const outgoing = [-1.45, -1.01, -0.48, 0.98, 1.03, 1.85, -1.27, 0.13, -1.33, -0.01];

function drawn(props: {rows: number; width: number; columns: 1 | 2; depth?: ColorDepth; values?: readonly number[]; names?: readonly string[]}): string {
	const {values = outgoing, names = digitNames, depth = 'none', ...rest} = props;
	return renderToString(<SignedBars values={values} names={names} depth={depth} {...rest}/>, {columns: 200});
}

const valuesOf = (line: string): number[] => [...line.matchAll(/([+-]\d+\.\d\d)/g)].map(m => Number(m[1]));

describe('signedSplit', () => {
	it('never lists a weight of 0 or below among those that push up, nor one of 0 or above among those that push down', () => {
		for (const rows of [1, 2, 3, 5, 8, 12]) {
			for (const columns of [1, 2] as const) {
				const {up, down} = signedSplit(outgoing, rows, columns);
				expect(up.every(i => outgoing[i] > 0), `${rows} rows, ${columns} columns`).toBe(true);
				expect(down.every(i => outgoing[i] < 0), `${rows} rows, ${columns} columns`).toBe(true);
				expect(up.length + down.length).toBeLessThanOrEqual(rows * columns);
			}
		}
	});

	it('in two columns gives each side its rows, the largest first, and marks a side with fewer classes than rows', () => {
		const split = signedSplit(outgoing, 5, 2);
		expect(split.up).toEqual([5, 4, 3, 7]);
		expect(split.down).toEqual([0, 8, 6, 1, 2]);
		expect([split.upShort, split.downShort]).toEqual([true, false]);
		expect([split.positives, split.negatives]).toEqual([4, 6]);
	});

	it('in one column takes half the rows for each side, and when a side has fewer says so in a row and leaves the rest to the other', () => {
		expect(signedSplit(outgoing, 4, 1)).toMatchObject({up: [5, 4], down: [0, 8], upShort: false, downShort: false});
		const few = [0.5, -0.1, -0.2, -0.3, -0.4, -0.5, -0.6, -0.7];
		expect(signedSplit(few, 6, 1)).toMatchObject({up: [0], down: [7, 6, 5, 4], upShort: true});
		expect(signedSplit(few.map(v => -v), 6, 1)).toMatchObject({up: [7, 6, 5, 4], down: [0], downShort: true});
		expect(signedSplit(few, 8, 1)).toMatchObject({up: [0], down: [7, 6, 5, 4, 3, 2, 1], upShort: false, downShort: false});
	});
});

describe('SignedBars', () => {
	it('draws the largest magnitude widest, negatives left of the axis and positives right', () => {
		expect(barText(2, 2, 9)).toBe('    │████');
		expect(barText(-1, 2, 9)).toBe('  ██│    ');
	});

	it('lists those that push up on the left and those that push down on the right, and says when fewer push up than there are rows', () => {
		const lines = plain(drawn({rows: 5, width: 70, columns: 2})).split('\n');
		expect(lines[0]).toMatch(/^pushes up +pushes down most\s*$/);
		const left = lines.slice(1).map(line => line.slice(0, 34));
		const right = lines.slice(1).map(line => line.slice(35));
		expect(left.map(line => valuesOf(line)[0])).toEqual([1.85, 1.03, 0.98, 0.13, undefined]);
		expect(left[4].trim()).toBe('only 4 push up');
		expect(right.map(line => valuesOf(line)[0])).toEqual([-1.45, -1.33, -1.27, -1.01, -0.48]);
		expect(lines.join('\n')).not.toContain('-0.01');
	});

	it('says the sign without colour: the side of the axis, the value\'s sign and the headings', () => {
		setThemeColours(false);
		onTestFinished(() => {
			setThemeColours(true);
		});
		const out = drawn({rows: 3, width: 50, columns: 2});
		expect(out).not.toContain('\u001B');
		const lines = out.split('\n');
		expect(lines[0]).toMatch(/^pushes up most +pushes down most/);
		expect(lines[1]).toMatch(/^5 +│█+ +\+1\.85 +0 +█+│ +-1\.45$/);
	});

	it('draws a bar in the colour a weight of its sign has in a tile: orange up, blue down', () => {
		const level = chalk.level;
		chalk.level = 3;
		onTestFinished(() => {
			chalk.level = level;
		});
		for (const [depth, up, down] of [['truecolor', /38;2;214;122;22m *█/, /38;2;38;152;242m *█/], ['ansi256', /38;5;172m *█/, /38;5;33m *█/]] as const) {
			const lines = drawn({rows: 2, width: 60, columns: 2, depth}).split('\n');
			const [left, right] = [lines[1].slice(0, lines[1].indexOf('+1.85')), lines[1].slice(lines[1].indexOf('+1.85'))];
			expect(left, depth).toMatch(up);
			expect(right, depth).toMatch(down);
			expect(left, depth).not.toMatch(down);
		}
	});

	it('in one column shows every class largest first under "its weight to each class" when all fit', () => {
		const lines = plain(drawn({rows: 10, width: 40, columns: 1})).split('\n');
		expect(lines[0]).toBe('its weight to each class');
		expect(lines.slice(1).map(line => valuesOf(line)[0])).toEqual([...outgoing].sort((a, b) => b - a));
	});

	it('with one row in one column says both sides in words, with as many whole classes as fit', () => {
		const lines = plain(drawn({rows: 1, width: 36, columns: 1, names: fashionNames})).split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toBe('pushes up   Sandal +1.85');
		expect(lines[1]).toBe('pushes down T-shirt/top -1.45');
		const wide = plain(drawn({rows: 1, width: 80, columns: 1})).split('\n');
		expect(wide[0]).toBe('pushes up   5 +1.85 · 4 +1.03 · 3 +0.98 · 7 +0.13');
	});

	it('never cuts a heading or a note: at any width each is a whole wording or absent', () => {
		const wordings = new Set(['pushes up', 'pushes up most', 'pushes down', 'pushes down most', 'up', 'down', 'only 4 push up', 'only 4 up',
			'pushes up and down most', 'up and down most', 'up and down', 'its weight to each class', 'weight to each class', 'each class', '']);
		for (let width = 8; width <= 60; width++) {
			for (const columns of [1, 2] as const) {
				const lines = plain(drawn({rows: 5, width, columns})).split('\n');
				const texts = columns === 2 ? [lines[0].slice(0, Math.floor((width - 1) / 2)), lines[0].slice(Math.floor((width - 1) / 2) + 1), lines[5].slice(0, Math.floor((width - 1) / 2))] : [lines[0]];
				for (const text of texts) {
					expect(wordings.has(text.trim()), `width ${width}, ${columns} columns: '${text}'`).toBe(true);
				}
			}
		}
	});
});
