/**
 * Training curves from a model's history: the training loss per epoch (left), and the validation and
 * test accuracy per epoch (right; validation a solid line with filled squares, test a dashed line with
 * hollow squares, so the two read apart without colour), each chart with its axes' tick values.
 */
import {UsageError} from '../errors.js';
import type {EpochRecord} from '../model/model.js';
import {axisRange, formatLabel, type LabelFormat, type YScale} from '../render/chart-axis.js';
import {diverging, type Rgb} from '../render/palette.js';
import {type Canvas, createCanvas, drawLine, fillRect, frameRect, ink, muted} from './canvas.js';
import {drawText, textHeight} from './font.js';
import {drawHeader, headerHeight, margin, networkNote} from './page.js';
import type {Figure, FigureSource} from './source.js';

export const plotWidth = 440;
export const plotHeight = 280;
const axisGap = 56;
const lossColor: Rgb = diverging(-0.85);
const validationColor: Rgb = diverging(0.75);
const testColor: Rgb = diverging(-0.7);

export type CurvesNumbers = {
	readonly view: 'curves';
	readonly epochs: number[];
	readonly trainLoss: number[];
	readonly validationAccuracy: number[];
	readonly testAccuracy: number[];
};

/** Where a chart's plot area is and how a value maps to a pixel in it. */
export type Plot = {readonly x: number; readonly y: number; readonly bottom: number; readonly top: number; readonly first: number; readonly last: number};

export type CurvesLayout = {readonly loss: Plot; readonly accuracy: Plot};

/** The pixel of (epoch, value) in `plot`. */
export function plotPoint(plot: Plot, epoch: number, value: number): {x: number; y: number} {
	const span = plot.last - plot.first;
	const fx = span === 0 ? 0.5 : (epoch - plot.first) / span;
	const fy = (value - plot.bottom) / (plot.top - plot.bottom);
	return {x: Math.round(plot.x + (fx * plotWidth)), y: Math.round(plot.y + plotHeight - (fy * plotHeight))};
}

/** Tick values from bottom to top at a round step (1, 2 or 5 times a power of ten), about `count` of them. */
export function niceTicks(bottom: number, top: number, count = 5): number[] {
	const raw = (top - bottom) / count;
	const power = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 5, 10].map(s => s * power).find(s => s >= raw * (1 - 1e-9)) ?? 10 * power;
	const ticks: number[] = [];
	for (let v = Math.ceil((bottom / step) - 1e-9) * step; v <= top + (step * 1e-9); v += step) {
		ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
	}

	return ticks;
}

type Series = {readonly values: readonly number[]; readonly color: Rgb; readonly dashed: boolean; readonly hollow: boolean; readonly name: string};

function drawChart(canvas: Canvas, x: number, y: number, title: string, epochs: readonly number[], series: readonly Series[], scale: YScale, labels: LabelFormat): Plot {
	const range = axisRange(series.flatMap(s => s.values), scale, labels);
	const plot: Plot = {x, y, bottom: range.bottom, top: range.top, first: epochs[0], last: epochs.at(-1)!};
	drawText(canvas, title, x, y - textHeight(1) - 26, ink);
	const ticks = niceTicks(range.bottom, range.top);
	const decimals = Math.max(range.decimals, decimalsOf(ticks, labels));
	for (const tick of ticks) {
		const {y: ty} = plotPoint(plot, plot.first, tick);
		fillRect(canvas, x, ty, plotWidth, 1, [225, 225, 225]);
		fillRect(canvas, x - 5, ty, 5, 1, ink);
		drawText(canvas, formatLabel(tick, labels, decimals), x - 8, ty - 3, muted, 1, 'right');
	}

	for (const epoch of niceTicks(plot.first, plot.last, Math.min(8, Math.max(1, plot.last - plot.first))).filter(e => Number.isInteger(e))) {
		const {x: tx} = plotPoint(plot, epoch, plot.bottom);
		fillRect(canvas, tx, y + plotHeight, 1, 5, ink);
		drawText(canvas, String(epoch), tx, y + plotHeight + 9, muted, 1, 'center');
	}

	drawText(canvas, 'epoch', x + (plotWidth / 2), y + plotHeight + 24, ink, 1, 'center');
	frameRect(canvas, x, y, plotWidth, plotHeight, ink);
	for (const [k, s] of series.entries()) {
		const points = s.values.map((v, i) => plotPoint(plot, epochs[i], v));
		for (let i = 1; i < points.length; i++) {
			drawLine(canvas, points[i - 1].x, points[i - 1].y, points[i].x, points[i].y, s.color, 2, s.dashed ? 6 : 0);
		}

		for (const p of points) {
			fillRect(canvas, p.x - 3, p.y - 3, 7, 7, s.color);
			if (s.hollow) {
				fillRect(canvas, p.x - 1, p.y - 1, 3, 3, [255, 255, 255]);
			}
		}

		// The key above the plot: a sample of the line and its name.
		const keyX = x + (k * 200);
		const keyY = y - 14;
		drawLine(canvas, keyX, keyY, keyX + 28, keyY, s.color, 2, s.dashed ? 6 : 0);
		fillRect(canvas, keyX + 11, keyY - 3, 7, 7, s.color);
		if (s.hollow) {
			fillRect(canvas, keyX + 13, keyY - 1, 3, 3, [255, 255, 255]);
		}

		drawText(canvas, s.name, keyX + 36, keyY - 3, ink);
	}

	return plot;
}

function decimalsOf(ticks: readonly number[], labels: LabelFormat): number {
	const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) * (labels === 'percent' ? 100 : 1) : 1;
	return Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
}

/** The history up to `epoch`. */
export function historyUpTo(history: readonly EpochRecord[], epoch: number): EpochRecord[] {
	return history.filter(r => r.epoch <= epoch);
}

export function curvesFigure(source: FigureSource): Figure<CurvesNumbers> & {layout: CurvesLayout} {
	const history = historyUpTo(source.history, source.epoch);
	if (history.length === 0) {
		throw new UsageError(`--view curves needs at least one trained epoch; the network at epoch ${source.epoch} has none`);
	}

	const epochs = history.map(r => r.epoch);
	const numbers: CurvesNumbers = {
		view: 'curves', epochs, trainLoss: history.map(r => r.trainLoss),
		validationAccuracy: history.map(r => r.validationAccuracy), testAccuracy: history.map(r => r.testAccuracy),
	};
	const top = headerHeight + 40;
	const lossX = margin + axisGap;
	const accuracyX = lossX + plotWidth + axisGap + 40;
	const canvas = createCanvas(accuracyX + plotWidth + margin, top + plotHeight + 40 + margin);
	drawHeader(canvas, `Training curves: ${epochs.length} epoch${epochs.length === 1 ? '' : 's'}`,
		`${networkNote(source.config.layers, source.config.activation, source.epoch)}; ${source.config.cost} cost, eta ${source.config.eta}, lambda ${source.config.lambda}, batch ${source.config.batch}`);
	const loss = drawChart(canvas, lossX, top, 'Training loss', epochs, [
		{values: numbers.trainLoss, color: lossColor, dashed: false, hollow: false, name: 'training loss'},
	], {fromZero: true, minFraction: 0.2}, 'plain');
	const accuracy = drawChart(canvas, accuracyX, top, 'Accuracy', epochs, [
		{values: numbers.validationAccuracy, color: validationColor, dashed: false, hollow: false, name: 'validation'},
		{values: numbers.testAccuracy, color: testColor, dashed: true, hollow: true, name: 'test'},
	], {minSpan: 0.05, lowest: 0, highest: 1}, 'percent');
	return {canvas, numbers, layout: {loss, accuracy}};
}
