import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {DatasetSplit} from '../data/dataset.js';
import {keyOf} from '../app/key-map.js';
import type {Classification} from '../app/model-view.js';
import {marks, theme} from '../app/theme.js';
import type {ColorDepth} from '../render/color-depth.js';
import {renderGrayImage} from '../render/half-block.js';
import {ConfidenceColumn} from './ConfidenceColumn.js';
import {PixelImage} from './PixelImage.js';

type Props = {
	readonly split: DatasetSplit;
	readonly rows: number;
	readonly cols: number;
	readonly index: number;
	readonly result: Classification;
	readonly classNames: readonly string[];
	readonly depth: ColorDepth;
	/** "test accuracy 95.07% after epoch 30", or how it stands. */
	readonly accuracyText: string;
	readonly goto: string | null;
	/**
	 * The key hint under the example: the keys that move (the tab has the focus), how to get there (the
	 * tab bar has it), or none (a static snapshot).
	 */
	readonly hint: 'keys' | 'enter' | 'none';
	/** Each pixel drawn zoom x zoom (see exampleZoom); 1 when omitted. */
	readonly zoom?: number;
};

const [byOne, byTen, byPage] = [`${keyOf('left')}/${keyOf('right')} ±1`, `${keyOf('up')}/${keyOf('down')} ±10`, `${keyOf('pageUp')}/${keyOf('pageDown')} ±100`];
const [wrong, goTo] = [`${keyOf('nextWrong')}/${keyOf('previousWrong')} misclassified`, `${keyOf('goto')} go to`];
const hints = {
	keys: [byOne, byTen, byPage, wrong, goTo].join('  '),
	enter: `${keyOf('enter')} to browse the examples (${[byOne, byTen, wrong, goTo].join(', ')})`,
	none: '',
} as const;

/** One test image, the network's confidence for every class, and where we are in the test set. */
export function ExamplesTab({split, rows, cols, index, result, classNames, depth, accuracyText, goto, hint, zoom = 1}: Props) {
	const lines = useMemo(() => {
		const pixels = split.images.subarray(index * rows * cols, (index + 1) * rows * cols);
		return renderGrayImage(pixels, rows, cols, depth, zoom);
	}, [split, index, rows, cols, depth, zoom]);
	const {label, predicted, correct} = result;
	return (
		<Box flexDirection='column'>
			<Text>
				{`example ${index} of ${split.count} (test set)   true: `}
				<Text bold>{classNames[label]}</Text>
				{'   predicted: '}
				<Text bold color={correct ? theme.correct : theme.wrong}>{`${classNames[predicted]} ${correct ? marks.correct : marks.wrong}`}</Text>
			</Text>
			<Text color={theme.muted}>{accuracyText}</Text>
			<Box marginTop={1}>
				<Box borderStyle='round' borderColor={correct ? theme.correct : theme.wrong}>
					<PixelImage id='example' lines={lines} cols={cols * zoom}/>
				</Box>
				<Box marginLeft={3} flexDirection='column'>
					<ConfidenceColumn outputs={result.outputs} classNames={classNames} label={label} predicted={predicted} barWidth={20}/>
				</Box>
			</Box>
			<Box>
				{goto === null
					? <Text color={theme.muted} wrap='truncate-end'>{hints[hint]}</Text>
					: <Text color={theme.accent}>{`go to example (0-${split.count - 1}): ${goto}▏  ${keyOf('accept')} to go, ${keyOf('cancel')} to cancel`}</Text>}
			</Box>
		</Box>
	);
}
