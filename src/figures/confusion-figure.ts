/**
 * The confusion matrix of the test set: a row per true class, a column per predicted class, every
 * cell's count written in it. Right answers (the diagonal) take the diverging map's blue side by
 * their share of the row, mistakes its orange side by their count against the largest mistake's, as
 * the confusion tab colours them; each class's recall beside its row, its precision under its column.
 */
import {UsageError} from '../errors.js';
import {evaluate} from '../nn/evaluate.js';
import {Workspace} from '../nn/workspace.js';
import {diverging, type Rgb} from '../render/palette.js';
import {type Canvas, createCanvas, fillRect, frameRect, ink, muted, textColorOn, white} from './canvas.js';
import {drawText, fitText, textHeight, textWidth} from './font.js';
import {drawLegend, legendBarWidth, legendHeight} from './legend.js';
import {drawHeader, headerHeight, margin, networkNote} from './page.js';
import type {Figure, FigureSource} from './source.js';
import {classLabel} from './tiles-figure.js';

export const confusionCell = 46;

export type ConfusionNumbers = {
	readonly view: 'confusion';
	readonly epoch: number;
	readonly classNames: readonly string[];
	readonly count: number;
	readonly accuracy: number;
	/** confusion[true][predicted]. */
	readonly matrix: number[][];
	/** Per class: right answers over the class's images, and over the images predicted as it (null when none). */
	readonly recall: Array<number | null>;
	readonly precision: Array<number | null>;
};

export type ConfusionLayout = {readonly cell: (trueClass: number, predicted: number) => {x: number; y: number}; readonly legends: {x: number; y: number}};

/** A cell's colour: right answers by their share of the row (blue), mistakes by count against the largest mistake (orange); white for none. */
export function confusionColor(count: number, rowTotal: number, largestMistake: number, diagonal: boolean): Rgb {
	if (count === 0) {
		return white;
	}

	return confusionRamp(diagonal ? count / rowTotal : count / largestMistake, diagonal);
}

/**
 * The confusion tab's hues on a white page: from white towards the diverging map's blue (right) or
 * orange (wrong) as t goes from 0 to 1; anything above 0 at least a fifth of the way, so a single
 * mistake never looks empty.
 */
export function confusionRamp(t: number, diagonal: boolean): Rgb {
	if (!(t > 0)) {
		return white;
	}

	const full = diverging(diagonal ? -0.72 : 0.72);
	const f = 0.2 + (0.8 * Math.min(1, t));
	return [0, 1, 2].map(k => Math.round(white[k] + ((full[k] - white[k]) * f))) as unknown as Rgb;
}

function percentLabel(v: number | null): string {
	return v === null ? '-' : `${(v * 100).toFixed(1)}%`;
}

export function confusionFigure(source: FigureSource): Figure<ConfusionNumbers> & {layout: ConfusionLayout} {
	const test = source.test;
	if (test === undefined || test.count === 0) {
		throw new UsageError('--view confusion needs a test set with images');
	}

	const result = evaluate(Workspace.create(source.config, source.parameters), test);
	const {confusion} = result;
	const classes = confusion.length;
	const names = source.classNames;
	const rowTotals = confusion.map(row => row.reduce((s, v) => s + v, 0));
	const columnTotals = confusion.map((_, c) => confusion.reduce((s, row) => s + row[c], 0));
	const recall = confusion.map((row, c) => (rowTotals[c] > 0 ? row[c] / rowTotals[c] : null));
	const precision = confusion.map((row, c) => (columnTotals[c] > 0 ? row[c] / columnTotals[c] : null));
	const largestMistake = Math.max(1, ...confusion.flatMap((row, t) => row.filter((_, p) => p !== t)));

	const nameWidth = Math.max(textWidth('precision'), Math.min(110, Math.max(...names.map((_, c) => textWidth(classLabel(names, c)))))) + 12;
	const matrixX = margin + textHeight(1) + 12 + nameWidth;
	const matrixY = headerHeight + (2 * textHeight(1)) + 20;
	const matrixSize = classes * confusionCell;
	const cell = (t: number, p: number) => ({x: matrixX + (p * confusionCell), y: matrixY + (t * confusionCell)});
	const legends = {x: margin, y: matrixY + matrixSize + textHeight(1) + 30};
	const width = Math.max(matrixX + matrixSize + 90, margin + (2 * legendBarWidth) + 60) + margin;
	const canvas = createCanvas(width, legends.y + legendHeight + margin);
	drawHeader(canvas, `Confusion matrix: ${(result.accuracy * 100).toFixed(2)}% of ${result.count} test images right`,
		`${networkNote(source.config.layers, source.config.activation, source.epoch)}; rows: true class, columns: predicted class`);

	drawText(canvas, 'predicted', matrixX + (matrixSize / 2), headerHeight, ink, 1, 'center');
	drawText(canvas, 'recall', matrixX + matrixSize + 8, matrixY - textHeight(1) - 8, ink);
	drawVerticalWord(canvas, 'true', margin, matrixY + (matrixSize / 2));
	for (let t = 0; t < classes; t++) {
		const head = cell(0, t);
		drawText(canvas, String(t), head.x + (confusionCell / 2), matrixY - textHeight(1) - 8, ink, 1, 'center');
		const left = cell(t, 0);
		drawText(canvas, fitText(classLabel(names, t), nameWidth - 12), matrixX - 8, left.y + ((confusionCell - textHeight(1)) / 2), ink, 1, 'right');
		drawText(canvas, percentLabel(recall[t]), matrixX + matrixSize + 8, left.y + ((confusionCell - textHeight(1)) / 2), ink);
		for (let p = 0; p < classes; p++) {
			const {x, y} = cell(t, p);
			const count = confusion[t][p];
			const color = confusionColor(count, rowTotals[t], largestMistake, t === p);
			fillRect(canvas, x, y, confusionCell, confusionCell, color);
			drawText(canvas, String(count), x + (confusionCell / 2), y + ((confusionCell - textHeight(1)) / 2), count === 0 ? muted : textColorOn(color), 1, 'center');
		}
	}

	frameRect(canvas, matrixX, matrixY, matrixSize, matrixSize, ink);
	const precisionY = matrixY + matrixSize + 10;
	drawText(canvas, 'precision', matrixX - 8, precisionY, ink, 1, 'right');
	for (let p = 0; p < classes; p++) {
		drawText(canvas, percentLabel(precision[p]).replace('%', ''), cell(0, p).x + (confusionCell / 2), precisionY, ink, 1, 'center');
	}

	drawLegend(canvas, legends.x, legends.y, 'right: share of the row', t => confusionRamp(t, true), {low: '0', high: '100%'});
	drawLegend(canvas, legends.x + legendBarWidth + 40, legends.y, 'wrong: count', t => confusionRamp(t, false), {low: '0', high: String(largestMistake)});
	return {
		canvas,
		layout: {cell, legends},
		numbers: {view: 'confusion', epoch: source.epoch, classNames: names, count: result.count, accuracy: result.accuracy, matrix: confusion, recall, precision},
	};
}

/** A word written downwards, a letter a line, centred on y. */
function drawVerticalWord(canvas: Canvas, word: string, x: number, y: number): void {
	const pitch = textHeight(1) + 3;
	const top = y - ((word.length * pitch) / 2);
	for (const [i, letter] of [...word].entries()) {
		drawText(canvas, letter, x, top + (i * pitch), ink);
	}
}
