import chalk from 'chalk';
import {renderToString} from 'ink';
import {describe, expect, it, onTestFinished} from 'vitest';
import {setThemeColours} from '../../src/app/theme.js';
import {LineChart, type LineChartProps} from '../../src/components/LineChart.js';
import {plain} from './fixtures.js';

const green = '\u001B[32m';
const cyan = '\u001B[36m';

const props: LineChartProps = {
	title: 'accuracy',
	series: [
		{name: 'validation', values: [0.9, 0.93, 0.95], color: 'cyan', style: 'dotted'},
		{name: 'test', values: [0.91, 0.94, 0.96], color: 'green'},
	],
	epochs: [1, 2, 3],
	width: 50,
	height: 8,
	labels: 'percent',
	scale: {minSpan: 0.05},
};

function drawn(p: LineChartProps): string {
	return renderToString(<LineChart {...p}/>, {columns: 80});
}

describe('LineChart', () => {
	it('is its title, a legend naming the series, and the chart, exactly its height', () => {
		const lines = plain(drawn(props)).split('\n');
		expect(lines).toHaveLength(8);
		expect(lines[0].trimEnd()).toBe('accuracy');
		expect(lines[1]).toContain('⠄⠄ validation  ⠤⠤ test');
		expect(lines[2]).toMatch(/^\d+%┤/);
		expect(lines[7]).toMatch(/└1─+3$/);
	});

	it('colours each series\' dots and legend mark in its colour', () => {
		const level = chalk.level;
		chalk.level = 3;
		onTestFinished(() => {
			chalk.level = level;
		});
		const out = drawn(props);
		expect(out).toContain(`${green}⠤⠤`);
		expect(out).toContain(`${cyan}⠄⠄`);
		expect(out).toMatch(new RegExp(`${green.replace('[', '\\[')}[\\u2801-\\u28FF]`, 'u'));
		expect(out).toMatch(new RegExp(`${cyan.replace('[', '\\[')}[\\u2801-\\u28FF]`, 'u'));
	});

	it('says in words which series is dotted when there is no colour', () => {
		setThemeColours(false);
		onTestFinished(() => {
			setThemeColours(true);
		});
		expect(plain(drawn(props))).toContain('⠄⠄ validation (dotted)  ⠤⠤ test (solid)');
	});

	it('names the marked epoch in the legend only when the chart shows it', () => {
		expect(plain(drawn({...props, marker: 2, markerName: 'epoch 2'}))).toContain('┊ epoch 2');
		expect(plain(drawn({...props, marker: 0, markerName: 'untrained'}))).not.toContain('untrained');
	});

	it('says what it will show while there are no epochs', () => {
		const out = plain(drawn({...props, epochs: [], series: props.series.map(s => ({...s, values: []})), empty: 'after epoch 1'}));
		expect(out).toContain('after epoch 1');
		expect(out).not.toContain('┤');
	});
});
