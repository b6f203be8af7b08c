import {Box} from 'ink';
import {marks, theme} from '../app/theme.js';
import {Painted} from './Painted.js';

type Props = {
	readonly outputs: ArrayLike<number>;
	readonly classNames: readonly string[];
	/** The true class; undefined when there is none (a drawing): the answer is then marked in the accent colour, neither right nor wrong. */
	readonly label?: number;
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

/**
 * Where a bar axis of shares (0..1, such as each class's accuracy) starts so their differences show:
 * the lowest finite value rounded down to a tenth, at most 0.9 (so the axis spans a tenth at least),
 * 0 when there is none. 89.9% and 99.1% on 0-100% look alike; on 80-100% one is half the other.
 */
export function axisStart(values: ArrayLike<number>): number {
	let lowest = Infinity;
	for (let i = 0; i < values.length; i++) {
		if (Number.isFinite(values[i])) {
			lowest = Math.min(lowest, values[i]);
		}
	}

	return lowest === Infinity ? 0 : Math.max(0, Math.min(0.9, Math.floor((lowest * 10) + 1e-9) / 10));
}

/** A share's place on an axis from `start` to 1, as 0..1 (for barParts). */
export function onAxis(value: number, start: number): number {
	return start >= 1 ? 0 : (value - start) / (1 - start);
}

/**
 * A bar as its filled part and its track, so the track can be drawn faint: `value` (0..1) of `width`
 * cells, to an eighth of a cell, and the rest as a thin line.
 */
export function barParts(value: number, width: number): {readonly filled: string; readonly track: string} {
	const filled = bar(value, width).trimEnd();
	return {filled, track: '─'.repeat(Math.max(0, width - [...filled].length))};
}

/** A row's colour and mark: the true class green, a wrong answer red; with no true class, the answer in the accent colour. */
function rowLook(c: number, label: number | undefined, predicted: number): {color: string | undefined; mark: string} {
	if (label === undefined) {
		return c === predicted ? {color: theme.accent, mark: `${marks.predicted} `} : {color: undefined, mark: '  '};
	}

	const color = c === label ? theme.correct : (c === predicted && predicted !== label ? theme.wrong : undefined);
	if (c === predicted) {
		return {color, mark: `${marks.predicted}${predicted === label ? marks.correct : marks.wrong}`};
	}

	return {color, mark: c === label ? marks.truth : '  '};
}

/**
 * One row per class: its name, a bar proportional to the network's output, and the value; the answer
 * marked ◀ (with ✓ or ✗ when the true class is known) and bold, and 'true' beside the true class when
 * the answer is wrong.
 */
export function ConfidenceColumn({outputs, classNames, label, predicted, barWidth}: Props) {
	const nameWidth = Math.max(...classNames.map(n => n.length));
	return (
		<Box flexDirection='column'>
			{classNames.map((name, c) => {
				const {color, mark} = rowLook(c, label, predicted);
				const {filled, track} = barParts(outputs[c], barWidth);
				const style = {color, bold: c === predicted, dim: color === undefined};
				return (
					<Painted key={name} lines={[[
						[`${name.padStart(nameWidth)} ${filled}`, style],
						[track, {color: theme.muted, dim: true}],
						[` ${outputs[c].toFixed(3)} ${mark}`, style],
					]]}/>
				);
			})}
		</Box>
	);
}
