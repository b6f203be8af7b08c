/**
 * Line charts in braille: one or more series, one point per epoch, drawn into `width` x `height`
 * cells with a y axis labelled with values and an x axis labelled with the first and last epoch.
 * Each cell holds 2 x 4 dots (U+2800 block), so a chart of a few rows still shows small steps.
 * Pure: the chart is text rows plus, for every cell, what it shows (a series, a label, the axis, the
 * marker), so a view can colour each series and a test can read the dots.
 */
import {axisRange, formatLabel, type LabelFormat, pointColumns, type YScale} from './chart-axis.js';

/** What a cell shows, besides a series' index (0, 1, ...). */
export const cellText = -1;
export const cellAxis = -2;
export const cellMarker = -3;

/** Solid: every dot of the line. Dotted: only the left dot column of each cell, so series differ without colour. */
export type LineStyle = 'solid' | 'dotted';

export type ChartSeries = {
	/** One value per epoch, in the order of the chart's epochs. */
	readonly values: readonly number[];
	readonly style?: LineStyle;
};

export type ChartOptions = {
	readonly width: number;
	readonly height: number;
	/** The epoch of each point (the x axis). */
	readonly epochs: readonly number[];
	readonly series: readonly ChartSeries[];
	readonly scale?: YScale;
	readonly labels?: LabelFormat;
	/** An epoch to mark with a column (the epoch the views show); undefined for none. */
	readonly marker?: number;
};

export type Chart = {
	/** `height` rows of exactly `width` cells (every character is one cell). */
	readonly rows: readonly string[];
	/** Per cell, row by row: a series' index, or cellText, cellAxis, cellMarker. */
	readonly cells: Int8Array;
	readonly width: number;
	/** The y axis' values at the bottom and top dot. */
	readonly bottom: number;
	readonly top: number;
	/** The marked cell column in the rows, or -1. */
	readonly markerColumn: number;
};

export type ChartRun = {readonly text: string; readonly kind: number};

const brailleBase = 0x28_00;
/** The bit of the dot at column x (0, 1) and row y (0..3) of a braille cell. */
const dotBits = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]] as const;
/** Samples of each style for a legend. */
export const lineMarks: Readonly<Record<LineStyle, string>> = {solid: '⠤⠤', dotted: '⠄⠄'};
const markerGlyph = '┊';

/** Draw the chart. Values that are not finite leave a gap in their line. */
export function lineChart(options: ChartOptions): Chart {
	const {epochs, series, marker} = options;
	const width = Math.max(0, Math.floor(options.width));
	const height = Math.max(0, Math.floor(options.height));
	const labels = options.labels ?? 'plain';
	const {bottom, top, decimals} = axisRange(series.flatMap(s => s.values), options.scale, labels);
	const plotHeight = height >= 2 ? height - 1 : height;
	const yLabels = new Map<number, string>();
	if (plotHeight > 0) {
		yLabels.set(0, formatLabel(top, labels, decimals));
		if (plotHeight > 1) {
			yLabels.set(plotHeight - 1, formatLabel(bottom, labels, decimals));
		}

		if (plotHeight >= 5 && plotHeight % 2 === 1) {
			const middle = (top + bottom) / 2;
			// One more decimal only when the middle needs it (90% and 98%: 94%; 0 and 0.25: 0.125).
			const exact = (d: number): boolean => Math.abs(Number(formatLabel(middle, 'plain', d + (labels === 'percent' ? 2 : 0))) - middle) < 1e-9;
			const d = [decimals, decimals + 1, decimals + 2].find(d => exact(d)) ?? decimals + 1;
			yLabels.set((plotHeight - 1) / 2, formatLabel(middle, labels, d));
		}
	}

	let labelWidth = Math.max(0, ...[...yLabels.values()].map(l => l.length));
	if (width - labelWidth - 1 < 4) {
		labelWidth = 0; // too narrow for labels: the plot alone
		yLabels.clear();
	}

	const left = labelWidth === 0 ? 0 : labelWidth + 1;
	const plotWidth = Math.max(0, width - left);
	const grid = new Grid(width, height);
	for (const [row, label] of yLabels) {
		grid.write(row, labelWidth - label.length, label, cellText);
		grid.write(row, labelWidth, '┤', cellAxis);
	}

	for (let row = 0; row < plotHeight && left > 0; row++) {
		if (!yLabels.has(row)) {
			grid.write(row, labelWidth, '│', cellAxis);
		}
	}

	const dots = new Dots(plotWidth, plotHeight);
	const columns = pointColumns(epochs.length, plotWidth * 2);
	const dotRow = (v: number): number => Math.round((top - v) / (top - bottom) * ((plotHeight * 4) - 1));
	for (const [index, s] of series.entries()) {
		drawSeries(dots, index, s, columns, dotRow);
	}

	let markerColumn = -1;
	const markedPoint = marker === undefined ? -1 : nearestEpoch(epochs, marker);
	if (markedPoint >= 0 && plotWidth > 0) {
		// A point sampled away in a long history still has its place on the x axis.
		const dot = columns[markedPoint] ?? Math.round(markedPoint * ((plotWidth * 2) - 1) / (epochs.length - 1));
		markerColumn = left + Math.floor(dot / 2);
	}

	dots.paint(grid, left, markerColumn);
	if (height >= 2) {
		drawXAxis(grid, height - 1, labelWidth, left, plotWidth, epochs, markerColumn);
	}

	return {rows: grid.rows(), cells: grid.kinds, width, bottom, top, markerColumn};
}

/** The index of the point at `epoch`, the nearest one inside the epochs' range, or -1 outside it. */
function nearestEpoch(epochs: readonly number[], epoch: number): number {
	if (epochs.length === 0 || epoch < epochs[0] || epoch > epochs.at(-1)!) {
		return -1;
	}

	let best = 0;
	for (let i = 1; i < epochs.length; i++) {
		if (Math.abs(epochs[i] - epoch) < Math.abs(epochs[best] - epoch)) {
			best = i;
		}
	}

	return best;
}

function drawSeries(dots: Dots, index: number, s: ChartSeries, columns: ReadonlyArray<number | undefined>, dotRow: (v: number) => number): void {
	const dotted = s.style === 'dotted';
	let previous: {x: number; y: number} | undefined;
	for (const [i, value] of s.values.entries()) {
		const x = columns[i];
		if (x === undefined) {
			continue;
		}

		if (!Number.isFinite(value)) {
			previous = undefined;
			continue;
		}

		const y = dotRow(value);
		if (previous === undefined) {
			dots.set(x, y, index, false);
		} else {
			dots.line(previous.x, previous.y, x, y, index, dotted);
		}

		previous = {x, y};
	}
}

function drawXAxis(grid: Grid, row: number, labelWidth: number, left: number, plotWidth: number, epochs: readonly number[], markerColumn: number): void {
	if (left > 0) {
		grid.write(row, labelWidth, '└', cellAxis);
	}

	grid.write(row, left, '─'.repeat(plotWidth), cellAxis);
	if (markerColumn >= 0) {
		grid.write(row, markerColumn, '┴', cellMarker);
	}

	if (epochs.length === 0) {
		return;
	}

	const first = String(epochs[0]);
	const last = String(epochs.at(-1));
	if (first.length <= plotWidth) {
		grid.write(row, left, first, cellText);
	}

	if (epochs.length > 1 && first.length + 1 + last.length <= plotWidth) {
		grid.write(row, left + plotWidth - last.length, last, cellText);
	}
}

/** The chart's cells: a character and what it shows. */
class Grid {
	readonly chars: string[];
	readonly kinds: Int8Array;

	constructor(readonly width: number, readonly height: number) {
		this.chars = Array.from({length: width * height}, () => ' ');
		this.kinds = new Int8Array(width * height).fill(cellText);
	}

	write(row: number, column: number, text: string, kind: number): void {
		for (const [i, char] of [...text].entries()) {
			const x = column + i;
			if (x >= 0 && x < this.width && row >= 0 && row < this.height) {
				this.chars[(row * this.width) + x] = char;
				this.kinds[(row * this.width) + x] = kind;
			}
		}
	}

	rows(): string[] {
		return Array.from({length: this.height}, (_, row) => this.chars.slice(row * this.width, (row + 1) * this.width).join(''));
	}
}

/** The plot's dots: braille bits per cell and the series last drawn in each cell. */
class Dots {
	private readonly bits: Uint8Array;
	private readonly owner: Int8Array;

	constructor(readonly columns: number, readonly rows: number) {
		this.bits = new Uint8Array(columns * rows);
		this.owner = new Int8Array(columns * rows).fill(cellText);
	}

	/** Light dot (x, y); a dotted line lights only even dot columns. */
	set(x: number, y: number, series: number, dotted: boolean): void {
		if ((dotted && x % 2 === 1) || x < 0 || y < 0 || x >= this.columns * 2 || y >= this.rows * 4) {
			return;
		}

		const cell = (Math.floor(y / 4) * this.columns) + Math.floor(x / 2);
		this.bits[cell] |= dotBits[x % 2][y % 4];
		this.owner[cell] = series;
	}

	/** A line of dots from (x0, y0) to (x1, y1), every step touching the last (Bresenham). */
	line(x0: number, y0: number, x1: number, y1: number, series: number, dotted: boolean): void {
		const dx = Math.abs(x1 - x0);
		const dy = -Math.abs(y1 - y0);
		const sx = x0 < x1 ? 1 : -1;
		const sy = y0 < y1 ? 1 : -1;
		let error = dx + dy;
		let x = x0;
		let y = y0;
		for (;;) {
			this.set(x, y, series, dotted);
			if (x === x1 && y === y1) {
				return;
			}

			const twice = 2 * error;
			if (twice >= dy) {
				error += dy;
				x += sx;
			}

			if (twice <= dx) {
				error += dx;
				y += sy;
			}
		}
	}

	/** Write the dots into the grid from column `left`; empty cells in the marker column show the marker. */
	paint(grid: Grid, left: number, markerColumn: number): void {
		for (let row = 0; row < this.rows; row++) {
			for (let column = 0; column < this.columns; column++) {
				const cell = (row * this.columns) + column;
				if (this.bits[cell] !== 0) {
					grid.write(row, left + column, String.fromCodePoint(brailleBase + this.bits[cell]), this.owner[cell]);
				} else if (left + column === markerColumn) {
					grid.write(row, left + column, markerGlyph, cellMarker);
				}
			}
		}
	}
}

/** A row of the chart as runs of cells that show the same thing, for colouring. */
export function chartRuns(chart: Chart, row: number): ChartRun[] {
	const text = [...chart.rows[row]];
	const runs: ChartRun[] = [];
	let start = 0;
	for (let x = 1; x <= chart.width; x++) {
		const kind = chart.cells[(row * chart.width) + start];
		if (x === chart.width || chart.cells[(row * chart.width) + x] !== kind) {
			runs.push({text: text.slice(start, x).join(''), kind});
			start = x;
		}
	}

	return runs;
}
