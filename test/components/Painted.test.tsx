import chalk from 'chalk';
import {Box, renderToString, Text} from 'ink';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cutRuns, Painted, type Style} from '../../src/components/Painted.js';
import {plain} from './fixtures.js';

describe('Painted', () => {
	const level = chalk.level;
	beforeAll(() => {
		chalk.level = 3;
	});
	afterAll(() => {
		chalk.level = level;
	});

	const styles: Style[] = [
		{}, {color: 'green'}, {color: 'gray', dim: true}, {color: '#1e90ff', bold: true}, {color: 'ansi256(208)'},
		{bold: true, inverse: true}, {color: 'red', underline: true, bold: true}, {color: 'cyan', inverse: true, dim: true},
	];

	for (const style of styles) {
		it(`codes ${JSON.stringify(style)} exactly as Ink's <Text> does`, () => {
			const text = (
				<Text>
					{'a '}
					<Text color={style.color} bold={style.bold} dimColor={style.dim} inverse={style.inverse} underline={style.underline}>b─█·c</Text>
					{' d'}
				</Text>
			);
			const painted = <Painted lines={[[['a '], ['b─█·c', style], [' d']]]}/>;
			expect(renderToString(painted, {columns: 40})).toBe(renderToString(text, {columns: 40}));
		});
	}

	it('lays out each line as wide as its text, beside other boxes', () => {
		const out = plain(renderToString(
			<Box>
				<Box width={3}><Text>[</Text></Box>
				<Box flexDirection='column'><Painted lines={[[['ab', {color: 'red'}], ['─·─']], [['x']]]}/></Box>
				<Text>]</Text>
			</Box>,
			{columns: 40},
		));
		expect(out.split('\n')).toEqual(['[  ab─·─]', '   x']);
	});

	it('cuts a line to its width with … at the end, as truncate-end does, and leaves a fitting one whole', () => {
		expect(cutRuns([['abc'], ['def', {color: 'red'}]], 4)).toEqual([['abc', undefined], ['…', undefined]]);
		expect(cutRuns([['ab'], ['def', {color: 'red'}]], 4)).toEqual([['ab', undefined], ['d', {color: 'red'}], ['…', {color: 'red'}]]);
		expect(cutRuns([['ab'], ['─┊─']], 5)).toEqual([['ab'], ['─┊─']]);
		expect(plain(renderToString(<Painted width={6} lines={[[['timeline '], ['epoch 3', {bold: true}]]]}/>, {columns: 40}))).toBe('timel…');
		expect(plain(renderToString(<Painted width={6} lines={[[['ab'], ['─┊─']]]}/>, {columns: 40}))).toBe('ab─┊─');
	});
});
