import {Box, Text} from 'ink';
import {theme} from '../app/theme.js';
import {Painted, type Run} from './Painted.js';
import type {LabelFormat, YScale} from '../render/chart-axis.js';
import {cellAxis, cellMarker, cellText, type ChartRun, chartRuns, lineChart, lineMarks, type LineStyle} from '../render/line-chart.js';

export type LineChartSeries = {
	readonly name: string;
	/** One value per epoch, in the order of the chart's epochs. */
	readonly values: readonly number[];
	/** A theme token. */
	readonly color: string | undefined;
	/** Without colour the styles tell series apart (the legend shows each one's dots). */
	readonly style?: LineStyle;
};

export type LineChartProps = {
	/** The first line: what the chart shows and its latest value. */
	readonly title: string;
	readonly series: readonly LineChartSeries[];
	readonly epochs: readonly number[];
	/** Cells: the title, the legend (with two series or more), and the chart below. */
	readonly width: number;
	readonly height: number;
	readonly scale?: YScale;
	readonly labels?: LabelFormat;
	/** The epoch to mark (the epoch the views show); undefined for none. */
	readonly marker?: number;
	/** What the legend calls the marked epoch (`epoch 5`). */
	readonly markerName?: string;
	/** Said in place of the chart while there are no epochs. */
	readonly empty?: string;
};

function runColour(run: ChartRun, series: readonly LineChartSeries[]): string | undefined {
	switch (run.kind) {
		case cellText: {
			return undefined;
		}

		case cellAxis: {
			return theme.muted;
		}

		case cellMarker: {
			return theme.selected;
		}

		default: {
			return series[run.kind]?.color;
		}
	}
}

/**
 * A line chart with its title and a legend: one point per epoch in braille dots, the y axis labelled
 * with values and the x axis with the first and last epoch. Without colour, series differ by their
 * dots (solid, dotted) and the legend says which is which in words.
 */
export function LineChart({title, series, epochs, width, height, scale, labels, marker, markerName, empty}: LineChartProps) {
	// A legend names two series or more (and the marked epoch); one series is named by the title.
	const legend = series.length > 1 && epochs.length > 0 && height >= 2;
	const chartHeight = Math.max(0, height - 1 - (legend ? 1 : 0));
	const chart = epochs.length === 0 || chartHeight < 2 ? undefined : lineChart({
		width, height: chartHeight, epochs, series, scale, labels, marker,
	});
	const marked = chart !== undefined && chart.markerColumn >= 0;
	const colourless = theme.muted === undefined;
	return (
		<Box flexDirection='column' width={width} height={height} flexShrink={0}>
			<Text bold wrap='truncate-end'>{title}</Text>
			{legend && (
				<Painted width={width} lines={[[
					...series.flatMap((s, i): Run[] => [
						[i > 0 ? '  ' : ''],
						[lineMarks[s.style ?? 'solid'], {color: s.color}],
						[` ${s.name}${colourless && series.length > 1 ? ` (${s.style ?? 'solid'})` : ''}`],
					]),
					[marked ? `  ┊ ${markerName ?? `epoch ${marker}`}` : '', {color: theme.selected}],
				]]}/>
			)}
			{chart === undefined
				? (empty !== undefined && height >= 2 && <Box height={height - 1}><Text color={theme.muted} wrap='wrap'>{empty}</Text></Box>)
				: <Painted width={width} lines={chart.rows.map((_, row) => chartRuns(chart, row).map((run): Run => [run.text, {color: runColour(run, series)}]))}/>}
		</Box>
	);
}
