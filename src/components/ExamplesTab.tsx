import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {DatasetSplit} from '../data/dataset.js';
import {keyOf} from '../app/key-map.js';
import type {Classification} from '../app/model-view.js';
import type {TestAnalysis} from '../app/test-analysis.js';
import {marks, theme} from '../app/theme.js';
import type {ColorDepth} from '../render/color-depth.js';
import {renderGrayImage} from '../render/half-block.js';
import {axisStart, barParts, ConfidenceColumn, onAxis} from './ConfidenceColumn.js';
import {Panel} from './Panel.js';
import {PixelImage} from './PixelImage.js';
import {Thumbnails, thumbnailWidth} from './Thumbnails.js';

/** What the examples tab reads of the test-set analysis (the predictions only where it shows others predicted the same). */
export type TestSetSummary = Pick<TestAnalysis, 'count' | 'accuracy' | 'recall' | 'neverPredicted'> & Partial<Pick<TestAnalysis, 'predictions'>>;

type Props = {
	readonly split: DatasetSplit;
	readonly rows: number;
	readonly cols: number;
	readonly index: number;
	readonly result: Classification;
	readonly classNames: readonly string[];
	readonly depth: ColorDepth;
	/** The area the tab has, in cells. */
	readonly width: number;
	readonly height: number;
	/** Which network answers: 'epoch 12', 'live · epoch 30', 'untrained'. */
	readonly epochLabel: string;
	/** The test set as this network classifies it, or undefined while it is worked out (`progress` 0..1). */
	readonly summary: TestSetSummary | undefined;
	readonly progress?: number;
	readonly goto: string | null;
	/**
	 * The key hint under the example: the keys that move (the tab has the focus), how to get there (the
	 * tab bar has it), or none (a static snapshot).
	 */
	readonly hint: 'keys' | 'enter' | 'none';
	readonly focused?: boolean;
};

const [byOne, byTen, byPage] = [`${keyOf('left')}/${keyOf('right')} ±1`, `${keyOf('up')}/${keyOf('down')} ±10`, `${keyOf('pageUp')}/${keyOf('pageDown')} ±100`];
const [wrong, goTo] = [`${keyOf('nextWrong')}/${keyOf('previousWrong')} misclassified`, `${keyOf('goto')} go to`];
const hints = {
	keys: [byOne, byTen, byPage, wrong, goTo].join('  '),
	enter: `${keyOf('enter')} to browse the examples (${[byOne, byTen, wrong, goTo].join(', ')})`,
	none: '',
} as const;

/** The narrowest the panels right of the example may be: a class name, a bar of 16 and the value and mark. */
const minSideWidth = 44;

/**
 * How many times to enlarge the example: as far as the height allows (the frame and one line of keys
 * under the image) and the width beside the confidence and test-set panels, never below 1.
 */
export function exampleZoom(width: number, height: number, image: {rows: number; cols: number}, nameWidth: number): number {
	const side = Math.max(minSideWidth, nameWidth + 34);
	const byWidth = Math.floor((width - side - 1 - 2) / image.cols);
	const byHeight = Math.floor((2 * (height - 3)) / image.rows);
	return Math.max(1, Math.min(byWidth, byHeight));
}

/** The confidence panel's title: what the example is and what the network said, and which network. */
export function verdictTitle(truth: string, predicted: string, correct: boolean, epochLabel: string): string {
	return `true ${truth} · predicted ${predicted} ${correct ? marks.correct : marks.wrong} · ${epochLabel}`;
}

/**
 * One test image, large, in a frame green (right) or red (wrong); beside it the network's confidence
 * for every class, and how the same network does on the whole test set, class by class.
 */
export function ExamplesTab(props: Props) {
	const {split, rows, cols, index, result, classNames, depth, width, height, epochLabel, summary, progress = 0, goto, hint, focused = false} = props;
	const nameWidth = Math.max(...classNames.map(name => name.length));
	const zoom = exampleZoom(width, height, {rows, cols}, nameWidth);
	const lines = useMemo(() => {
		const pixels = split.images.subarray(index * rows * cols, (index + 1) * rows * cols);
		return renderGrayImage(pixels, rows, cols, depth, zoom);
	}, [split, index, rows, cols, depth, zoom]);
	const {label, predicted, correct} = result;
	const imageWidth = Math.min(width, (cols * zoom) + 2);
	const sideWidth = Math.max(0, width - imageWidth - 1);
	const confidenceHeight = Math.min(height, classNames.length + 2);
	// The test set takes a line a class (its head and its axis too) where it can; below it, others predicted the same, if a row of
	// them fits; else the test set takes the rest of the column, so its panels end with the example's.
	const sideHeight = height - 1 - confidenceHeight;
	const testSetNatural = Math.min(sideHeight, classNames.length + 4);
	const alsoRows = Math.floor((sideHeight - testSetNatural - 2) / (Math.ceil(rows / 4) + 1));
	const alsoHeight = alsoRows >= 1 && summary?.predictions !== undefined ? sideHeight - testSetNatural : 0;
	const testSetHeight = alsoHeight > 0 ? testSetNatural : sideHeight;
	const side = sideWidth >= minSideWidth;
	// Beside the panels the example's frame is as tall as they are, the image in its middle.
	const frameHeight = side ? height - 1 : Math.min(height - 1, lines.length + 2);
	const imageTop = Math.max(0, Math.floor((frameHeight - 2 - lines.length) / 2));
	const keyLine = goto === null
		? <Text color={theme.muted} wrap='truncate-end'>{hints[hint]}</Text>
		: <Text color={theme.accent} wrap='truncate-end'>{`go to example (0-${split.count - 1}): ${goto}▏  ${keyOf('accept')} to go, ${keyOf('cancel')} to cancel`}</Text>;
	return (
		<Box flexDirection='column' width={width} height={height}>
			<Box>
				<Panel
					title={`Example ${index} of ${split.count}`} width={imageWidth}
					height={frameHeight} focused={focused} borderColor={correct ? theme.correct : theme.wrong}
				>
					<Box marginTop={imageTop}><PixelImage id='example' lines={lines} cols={cols * zoom}/></Box>
				</Panel>
				{side && (
					<Box flexDirection='column' marginLeft={1} width={sideWidth}>
						<Panel title={verdictTitle(classNames[label], classNames[predicted], correct, epochLabel)} width={sideWidth} height={confidenceHeight} borderColor={correct ? theme.correct : theme.wrong}>
							<ConfidenceColumn outputs={result.outputs} classNames={classNames} label={label} predicted={predicted} barWidth={Math.max(8, sideWidth - nameWidth - 14)}/>
						</Panel>
						<TestSetPanel summary={summary} progress={progress} classNames={classNames} width={sideWidth} height={testSetHeight} label={label}/>
						{alsoHeight > 0 && summary?.predictions !== undefined && (
							<AlsoPredicted
								split={split} rows={rows} cols={cols} index={index} predicted={predicted} predictions={summary.predictions}
								classNames={classNames} width={sideWidth} height={alsoHeight} depth={depth}
							/>
						)}
					</Box>
				)}
			</Box>
			{keyLine}
		</Box>
	);
}

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
function TestSetPanel({summary, progress, classNames, width, height, label}: TestSetProps) {
	if (height < 3) {
		return null;
	}

	const inner = height - 2;
	const nameWidth = Math.max(...classNames.map(name => name.length));
	const barWidth = Math.max(6, width - nameWidth - 12);
	if (summary === undefined) {
		return (
			<Panel title='Test set' width={width} height={height}>
				<Text color={theme.muted}>{`classifying the test set… ${Math.floor(progress * 100)}%`}</Text>
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
	return (
		<Panel title='Test set · right per class' note={`bars ${percentLabel(start)} to 100%`} width={width} height={height}>
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
function AlsoPredicted({split, rows, cols, index, predicted, predictions, classNames, width, height, depth}: AlsoProps) {
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
		<Panel title={`Also predicted ${classNames[predicted]} · ${marks.wrong} true class`} width={width} height={height}>
			{items.length === 0
				? <Text color={theme.muted}>{`no other test image is predicted ${classNames[predicted]}`}</Text>
				: <Thumbnails id='examples.also' split={split} rows={rows} cols={cols} items={items} factor={factor} perRow={perRow} depth={depth}/>}
		</Panel>
	);
}
