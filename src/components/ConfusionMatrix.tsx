import {Text} from 'ink';
import {barGap, matrixColumns, matrixFixedLines, matrixRowHeight, type MatrixColumns} from '../app/confusion-layout.js';
import type {TestAnalysis} from '../app/test-analysis.js';
import {theme} from '../app/theme.js';
import type {ColorDepth} from '../render/color-depth.js';
import {heatColours} from '../render/heat.js';
import {shareParts} from './ClassBars.js';
import {Panel} from './Panel.js';
import {firstFitting, lastIfNoneFits} from '../app/wording.js';

/** What the matrix reads of the test-set analysis. */
export type MatrixAnalysis = Pick<TestAnalysis, 'classes' | 'confusion' | 'recall' | 'precision' | 'neverPredicted' | 'accuracy'>;

type Props = {
	readonly analysis: MatrixAnalysis;
	readonly classNames: readonly string[];
	readonly width: number;
	readonly height: number;
	readonly cursor: {readonly row: number; readonly col: number};
	readonly focused: boolean;
	readonly depth: ColorDepth;
	readonly title: string;
	readonly note: string;
};

/** A class's name to show beside its index: none when the name is the index itself (the digits). */
export function nameBesideIndex(classNames: readonly string[], c: number): string {
	const name = classNames[c] ?? '';
	return name === String(c) ? '' : name;
}

/** Cut `text` to `width` characters and pad it to exactly that. */
export function fit(text: string, width: number): string {
	const chars = [...text];
	return (chars.length > width ? chars.slice(0, width).join('') : text).padEnd(width);
}

function percent(value: number, width: number): string {
	if (Number.isNaN(value)) {
		return '—'.padStart(width);
	}

	return `${(value * 100).toFixed(width >= 7 ? 1 : 0)}%`.padStart(width);
}

/** The largest off-diagonal count of a classes x classes confusion matrix (0 without errors). */
export function largestError(confusion: ArrayLike<number>, classes: number): number {
	let most = 0;
	for (let i = 0; i < classes * classes; i++) {
		if (i % (classes + 1) !== 0 && confusion[i] > most) {
			most = confusion[i];
		}
	}

	return most;
}

/** What the cursor cell means, in words. */
export function cellSentence(truth: number, predicted: number, count: number): string {
	const images = count === 0 ? 'no test images' : `${count} test image${count === 1 ? '' : 's'}`;
	return `true ${truth}, predicted ${predicted}: ${images}${count > 0 ? ' (Enter lists them)' : ''}`;
}

/** The info lines under the matrix that fit in `room` lines of `width`, the most important kept: the warning, the cursor's cell, the legend, the pairs most often confused. */
function infoLines(analysis: MatrixAnalysis, classNames: readonly string[], cursor: Props['cursor'], room: number, width: number, legend: readonly string[]) {
	const {neverPredicted, confusion, classes} = analysis;
	const warning = neverPredicted.length === 0 ? undefined : `never predicted: ${neverPredicted.map(c => `${c} ${nameBesideIndex(classNames, c)}`.trimEnd()).join(', ')}`;
	const lines = [
		{key: 'cell', text: cellSentence(cursor.row, cursor.col, confusion[(cursor.row * classes) + cursor.col] ?? 0), color: undefined as string | undefined, rank: 1},
		...(warning === undefined ? [] : [{key: 'warning', text: warning, color: theme.warning, rank: 0}]),
		{key: 'legend', text: lastIfNoneFits(legend, width), color: theme.muted, rank: 2},
	];
	// Rows to spare: the pairs most often confused, most first.
	const pairs: Array<{truth: number; predicted: number; count: number}> = [];
	for (let truth = 0; truth < classes; truth++) {
		for (let predicted = 0; predicted < classes; predicted++) {
			const count = confusion[(truth * classes) + predicted];
			if (truth !== predicted && count > 0) {
				pairs.push({truth, predicted, count});
			}
		}
	}

	pairs.sort((a, b) => b.count - a.count || a.truth - b.truth || a.predicted - b.predicted);
	const spare = room - lines.length - 1;
	if (spare >= 1 && pairs.length > 0) {
		const name = (c: number): string => `${c}${nameBesideIndex(classNames, c) === '' ? '' : ` ${classNames[c]}`}`;
		const texts = pairs.map(pair => `${name(pair.truth)} → ${name(pair.predicted)}: ${pair.count} test ${pair.count === 1 ? 'image' : 'images'}`);
		// In columns when the width has room, most first down the first column.
		const columnWidth = Math.max(...texts.slice(0, spare * 8).map(text => [...text].length)) + 4;
		const columns = Math.max(1, Math.floor((width + 2) / columnWidth));
		const rows = Math.min(spare, Math.ceil(texts.length / columns));
		lines.push({key: 'pairs', text: 'most often confused (true → predicted):', color: theme.muted, rank: 3});
		for (let k = 0; k < rows; k++) {
			const row = Array.from({length: columns}, (_, c) => texts[k + (c * rows)]).filter(text => text !== undefined);
			lines.push({key: `pair${k}`, text: row.map(text => `  ${text}`.padEnd(columnWidth)).join('').trimEnd(), color: undefined, rank: 4 + k});
		}
	}

	const kept = new Set([...lines].sort((a, b) => a.rank - b.rank).slice(0, Math.max(0, room)).map(line => line.key));
	return lines.filter(line => kept.has(line.key));
}

/**
 * The recall bars' axis: from the lowest recall rounded down to a tenth (at most 90%) to 100%, so
 * 89.9% and 99.1% differ by most of a bar rather than a tenth of it.
 */
export function recallAxisStart(recall: ArrayLike<number>): number {
	const known = Array.from(recall).filter(value => !Number.isNaN(value));
	const lowest = known.length === 0 ? 0 : Math.min(...known);
	return Math.min(0.9, Math.max(0, Math.floor((lowest * 10) + 1e-9) / 10));
}

/** The axis said over the bars in `width` cells: `80%` at the bar's start and `100%` at its end, or shorter. */
export function recallAxisText(start: number, width: number): string {
	const low = `${Math.round(start * 100)}%`;
	const texts = [`${low}${' '.repeat(Math.max(1, width - low.length - 4))}100%`, `${low}–100%`, `≥${low}`];
	return fit(firstFitting(texts, width), width);
}

/** A class's recall as a bar on the axis from `start` to 100% over a faint track, after barGap. */
function RecallBar({recall, start, width}: {readonly recall: number; readonly start: number; readonly width: number}) {
	const {filled, track} = shareParts(Number.isNaN(recall) ? 0 : recall - start, 1 - start, width);
	return (
		<Text>
			{' '.repeat(barGap)}
			<Text color={theme.bar}>{filled}</Text>
			<Text color={theme.muted} dimColor>{track}</Text>
		</Text>
	);
}

function headerLine(columns: MatrixColumns, classes: number, cursorCol: number, never: ReadonlySet<number>, axisStart: number) {
	const {cellWidth, metricWidth, headerWidth, barWidth} = columns;
	return (
		<Text wrap='truncate-end'>
			{' '.repeat(headerWidth)}
			{Array.from({length: classes}, (_, c) => (
				<Text key={c} inverse={c === cursorCol} bold={c === cursorCol} color={never.has(c) ? theme.warning : theme.accent}>
					{String(c).padStart(cellWidth - 1)}
				</Text>
			)).flatMap((cell, c) => [cell, <Text key={`g${c}`}> </Text>])}
			<Text color={theme.muted}>{(metricWidth >= 7 ? 'recall' : 'rec').padStart(metricWidth)}</Text>
			<Text color={theme.muted}>{(metricWidth >= 7 ? 'prec.' : 'prec').padStart(metricWidth)}</Text>
			{barWidth > 0 && <Text color={theme.muted}>{`${' '.repeat(barGap)}${recallAxisText(axisStart, barWidth)}`}</Text>}
		</Text>
	);
}

/**
 * The test-set confusion matrix as a heat map in a Panel: rows = true class, columns = predicted, each
 * cell its count on a background (diagonal blue by its share of the row, errors orange by their count
 * against the largest error's, said in the legend), the cursor cell inverse; per-class recall and
 * precision beside it, and recall as bars on an axis from the lowest recall's tenth; a class never
 * predicted in the warning colour and in words under it.
 */
export function ConfusionMatrix({analysis, classNames, width, height, cursor, focused, depth, title, note}: Props) {
	const {classes, confusion, recall, precision} = analysis;
	const nameWidth = Math.max(0, ...classNames.map(name => [...name].length));
	const columns = matrixColumns(width - 2, classes, nameWidth);
	const rowHeight = matrixRowHeight(height, classes);
	const never = new Set(analysis.neverPredicted);
	const digits = String(classes - 1).length;
	// The two info lines take what the borders, the header and the class rows leave.
	// Errors are coloured by their count against the largest error's, so 3 images look stronger than 1 (a share of the row would make every 1-3% error the weakest colour).
	const mostWrong = largestError(confusion, classes);
	const axisStart = recallAxisStart(recall);
	const shade = depth === 'none' || mostWrong === 0 ? [] : [`error colour: count, full at ${mostWrong}`, `errors: full colour ${mostWrong}`];
	const bars = columns.barWidth > 0 ? [`recall bars from ${Math.round(axisStart * 100)}%`] : [];
	const legend = [
		['rows: true class · columns: predicted', ...shade.slice(0, 1), ...bars].join(' · '),
		['rows true · columns predicted', ...shade.slice(1), ...bars].join(' · '),
		['rows true · columns predicted', ...shade.slice(1)].join(' · '),
		'rows true · columns predicted',
	];
	const info = infoLines(analysis, classNames, cursor, height - (matrixFixedLines - 2) - (classes * rowHeight), width - 2, legend);
	const rows = [];
	for (let r = 0; r < classes; r++) {
		let total = 0;
		for (let c = 0; c < classes; c++) {
			total += confusion[(r * classes) + c];
		}

		const here = r === cursor.row;
		const head = `${here ? '▸' : ' '}${String(r).padStart(digits)} ${fit(nameBesideIndex(classNames, r), columns.nameWidth)} `;
		for (let line = 0; line < rowHeight; line++) {
			const middle = line === Math.floor((rowHeight - 1) / 2);
			rows.push(
				<Text key={`${r}.${line}`} wrap='truncate-end'>
					<Text bold={here} color={here ? theme.selected : undefined}>{middle ? head : ' '.repeat(columns.headerWidth)}</Text>
					{Array.from({length: classes}, (_, c) => {
						const count = confusion[(r * classes) + c];
						const colours = r === c
							? heatColours(total === 0 ? 0 : count / total, 'correct', depth)
							: heatColours(mostWrong === 0 ? 0 : count / mostWrong, 'wrong', depth);
						const text = middle ? `${count === 0 ? '·' : count} `.padStart(columns.cellWidth) : ' '.repeat(columns.cellWidth);
						const cursorCell = here && c === cursor.col;
						return (
							<Text key={c} backgroundColor={colours.background} color={colours.foreground} inverse={cursorCell} bold={cursorCell}>{text}</Text>
						);
					})}
					<Text>{middle ? percent(recall[r], columns.metricWidth) : ''}</Text>
					<Text color={never.has(r) ? theme.warning : undefined} bold={never.has(r)}>
						{middle ? (never.has(r) ? 'never'.padStart(columns.metricWidth) : percent(precision[r], columns.metricWidth)) : ''}
					</Text>
					{middle && columns.barWidth > 0 && <RecallBar recall={recall[r]} start={axisStart} width={columns.barWidth}/>}
				</Text>,
			);
		}
	}

	return (
		<Panel title={title} note={note} width={width} height={height} focused={focused}>
			{headerLine(columns, classes, cursor.col, never, axisStart)}
			{rows}
			{info.map(line => <Text key={line.key} wrap='truncate-end' color={line.color}>{line.text}</Text>)}
		</Panel>
	);
}
