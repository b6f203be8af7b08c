import {Text} from 'ink';
import type {DatasetSplit} from '../data/dataset.js';
import {marks, theme} from '../app/theme.js';
import {firstFitting} from '../app/wording.js';
import type {ColorDepth} from '../render/color-depth.js';
import {axisStart, barParts, onAxis} from './ConfidenceColumn.js';
import type {TestAnalysis} from '../app/test-analysis.js';
import {Panel} from './Panel.js';
import {Thumbnails, thumbnailWidth} from './Thumbnails.js';

/** What the examples tab reads of the test-set analysis (the predictions only where it shows others predicted the same). */
export type TestSetSummary = Pick<TestAnalysis, 'count' | 'accuracy' | 'recall' | 'neverPredicted'> & Partial<Pick<TestAnalysis, 'predictions'>>;

type TestSetProps = {
	readonly summary: TestSetSummary | undefined;
	readonly progress: number;
	readonly classNames: readonly string[];
	readonly width: number;
	readonly height: number;
	/** The example's true class, marked in the list. */
	readonly label: number;
};

/** How the network does on the whole test set: the accuracy, then each class's share classified right, worst marked. */
export function TestSetPanel({summary, progress, classNames, width, height, label}: TestSetProps) {
	if (height < 3) {
		return null;
	}

	const inner = height - 2;
	const nameWidth = Math.max(...classNames.map(name => name.length));
	const barWidth = Math.max(6, width - nameWidth - 12);
	if (summary === undefined) {
		return (
			<Panel title='Test set' width={width} height={height}>
				<Text color={theme.muted} wrap='truncate-end'>
					{firstFitting([`classifying the test set… ${Math.floor(progress * 100)}%`, `classifying… ${Math.floor(progress * 100)}%`], width - 2)}
				</Text>
			</Panel>
		);
	}

	const never = summary.neverPredicted;
	const head = `${(summary.accuracy * 100).toFixed(2)}% of ${summary.count} right${never.length > 0 ? ` · never predicted: ${never.map(c => classNames[c]).join(', ')}` : ''}`;
	const classes = classNames.map((_, c) => c);
	const weakest = classes.filter(c => Number.isFinite(summary.recall[c])).sort((a, b) => summary.recall[a] - summary.recall[b]).slice(0, 4);
	const weakestLine = <Text wrap='truncate-end'>{`weakest: ${weakest.map(c => `${classNames[c]} ${(summary.recall[c] * 100).toFixed(1)}%`).join(', ')}`}</Text>;
	if (inner < classNames.length + 1) {
		// No room for a line a class: the weakest ones.
		return (
			<Panel title='Test set' width={width} height={height}>
				<Text bold color={never.length > 0 ? theme.warning : undefined} wrap='truncate-end'>{head}</Text>
				{weakestLine}
			</Panel>
		);
	}

	const start = axisStart(summary.recall);
	// Title and note whole, shorter in a narrow panel (the border takes 7 cells and 2 between them).
	const [title, note] = [
		['Test set · right per class', `bars ${percentLabel(start)} to 100%`],
		['Test set', `bars ${percentLabel(start)}-100%`],
		['Test set', `${percentLabel(start)}-100%`],
	].find(([t, n]) => [...t].length + [...n].length + 2 <= width - 7) ?? ['Test set', ''];
	return (
		<Panel title={title} note={note} width={width} height={height}>
			<Text bold color={never.length > 0 ? theme.warning : undefined} wrap='truncate-end'>{head}</Text>
			{classes.map(c => {
				const recall = summary.recall[c];
				const known = Number.isFinite(recall);
				const {filled, track} = barParts(known ? onAxis(recall, start) : 0, barWidth);
				return (
					<Text key={c} wrap='truncate-end' color={never.includes(c) ? theme.warning : undefined} bold={c === label}>
						{`${classNames[c].padStart(nameWidth)} `}
						<Text color={theme.bar}>{filled}</Text>
						<Text color={theme.muted} dimColor>{track}</Text>
						{known ? ` ${(recall * 100).toFixed(1).padStart(5)}%` : '     —'}
					</Text>
				);
			})}
			{inner >= classNames.length + 2 && <Text color={theme.muted} wrap='truncate-end'>{`${' '.repeat(nameWidth + 1)}${axisLine(start, barWidth)}`}</Text>}
			{inner >= classNames.length + 4 && <Text> </Text>}
			{inner >= classNames.length + 4 && weakestLine}
		</Panel>
	);
}

const percentLabel = (share: number): string => `${Math.round(share * 100)}%`;

/** The bars' axis in `width` cells: where it starts under the bars' left end, 100% at their right end, and the middle between when it fits. */
export function axisLine(start: number, width: number): string {
	const [low, high, middle] = [percentLabel(start), percentLabel(1), percentLabel((start + 1) / 2)];
	const cells = Array.from({length: width}, () => ' ');
	const put = (text: string, at: number) => {
		[...text].forEach((char, k) => {
			cells[at + k] = char;
		});
	};

	if (width < low.length + high.length + 1) {
		return ''.padEnd(width);
	}

	put(low, 0);
	put(high, width - high.length);
	const centre = Math.round((width - middle.length) / 2);
	if (centre > low.length + 1 && centre + middle.length < width - high.length - 1) {
		put(middle, centre);
	}

	return cells.join('');
}

type AlsoProps = {
	readonly split: DatasetSplit;
	readonly rows: number;
	readonly cols: number;
	readonly index: number;
	readonly predicted: number;
	readonly predictions: ArrayLike<number>;
	readonly classNames: readonly string[];
	readonly width: number;
	readonly height: number;
	readonly depth: ColorDepth;
};

/** The test images after this one that the network also calls `predicted`, small, each with its index and true class. */
export function AlsoPredicted({split, rows, cols, index, predicted, predictions, classNames, width, height, depth}: AlsoProps) {
	const factor = 2;
	const thumb = thumbnailWidth(cols, factor);
	const perRow = Math.max(1, Math.floor((width - 2 + 1) / (thumb + 1)));
	const rowsOfThumbs = Math.max(1, Math.floor((height - 2) / (Math.ceil(Math.ceil(rows / factor) / 2) + 1)));
	const wanted = perRow * rowsOfThumbs;
	const items: Array<{index: number; caption: string; captionColor?: string}> = [];
	for (let k = 1; k < split.count && items.length < wanted; k++) {
		const i = (index + k) % split.count;
		if (predictions[i] === predicted) {
			const right = split.labels[i] === predicted;
			items.push({index: i, caption: `${i} ${right ? marks.correct : `${marks.wrong}${classNames[split.labels[i]]}`}`, captionColor: right ? undefined : theme.wrong});
		}
	}

	return (
		<Panel title={firstFitting([`Also predicted ${classNames[predicted]} · ${marks.wrong} true class`, `Also predicted ${classNames[predicted]}`], width - 7, `Also ${classNames[predicted]}`)} width={width} height={height}>
			{items.length === 0
				? <Text color={theme.muted}>{`no other test image is predicted ${classNames[predicted]}`}</Text>
				: <Thumbnails id='examples.also' split={split} rows={rows} cols={cols} items={items} factor={factor} perRow={perRow} depth={depth}/>}
		</Panel>
	);
}
