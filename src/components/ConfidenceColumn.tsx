import {Box, Text} from 'ink';
import {marks, theme} from '../app/theme.js';

type Props = {
	readonly outputs: ArrayLike<number>;
	readonly classNames: readonly string[];
	readonly label: number;
	readonly predicted: number;
	readonly barWidth: number;
};

const eighths = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `width` cells filled in proportion to `value` (0..1), to an eighth of a cell. */
export function bar(value: number, width: number): string {
	const v = Number.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
	const units = Math.round(v * width * 8);
	const full = Math.floor(units / 8);
	const text = '█'.repeat(full) + eighths[units % 8];
	return text.padEnd(width, ' ');
}

/** One row per class: its name, a bar proportional to the network's output, and the value. */
export function ConfidenceColumn({outputs, classNames, label, predicted, barWidth}: Props) {
	const nameWidth = Math.max(...classNames.map(n => n.length));
	return (
		<Box flexDirection='column'>
			{classNames.map((name, c) => {
				const isLabel = c === label;
				const isWrongPrediction = c === predicted && predicted !== label;
				const color = isLabel ? theme.correct : (isWrongPrediction ? theme.wrong : undefined);
				let mark = '  ';
				if (c === predicted) {
					mark = `${marks.predicted}${predicted === label ? marks.correct : marks.wrong}`;
				} else if (isLabel) {
					mark = marks.truth;
				}

				return (
					<Text key={name} color={color} bold={c === predicted} dimColor={color === undefined}>
						{`${name.padStart(nameWidth)} ${bar(outputs[c], barWidth)} ${outputs[c].toFixed(3)} ${mark}`}
					</Text>
				);
			})}
		</Box>
	);
}
