import {Box, Text} from 'ink';
import {theme} from '../app/theme.js';
import {extremes, fixed} from '../app/tile-sources.js';
import {maxAbs} from '../nn/class-maps.js';
import {barParts} from './ConfidenceColumn.js';

type Props = {
	/** One value per class (a neuron's outgoing weights, or how often a class was taken for another). */
	readonly values: ArrayLike<number>;
	readonly names: readonly string[];
	/** Classes to show: all when there is room, else the most up and the most down (see extremes). */
	readonly count: number;
	/** Outer width; the bars share it in `columns` columns, one cell apart. */
	readonly width: number;
	readonly columns?: number;
	/**
	 * Signed bars grow left (negative) or right (positive) of an axis, the largest magnitude the widest.
	 * Unsigned ones are counts of a whole, the sum of all the values (the skipped one included): each bar is
	 * its share of that whole, the bar's track the whole, and each value says `n of whole`.
	 */
	readonly signed?: boolean;
	/** Decimals of the value shown (0 for counts). */
	readonly digits?: number;
	/** Leave this class out (a class's own count among its confusions). */
	readonly skip?: number;
};

const block = '█';

/** One signed bar `width` cells wide around a centre axis `│`: left of it for a negative value, right for a positive one, `max` the widest. */
export function barText(value: number, max: number, width: number): string {
	const half = Math.floor((width - 1) / 2);
	const filled = max > 0 ? Math.round((Math.abs(value) / max) * half) : 0;
	const left = value < 0 ? block.repeat(filled).padStart(half) : ' '.repeat(half);
	const right = value > 0 ? block.repeat(filled).padEnd(half) : ' '.repeat(half);
	return `${left}│${right}`;
}

/**
 * The share of `whole` that `count` is, as a bar `width` cells wide to an eighth of a cell (barParts):
 * any count above 0 at least an eighth, so a single image never reads as none.
 */
export function shareParts(count: number, whole: number, width: number): {readonly filled: string; readonly track: string} {
	const share = whole > 0 && count > 0 ? Math.max(count / whole, 1 / (8 * width)) : 0;
	return barParts(share, width);
}

/**
 * Classes as bars in order of value, largest first, each with its name and value: a neuron's
 * outgoing weights (the classes it pushes up and down, signed) or the counts of a class's confusions
 * (unsigned: shares of the class's test images).
 */
export function ClassBars({values, names, count, width, columns = 1, signed = true, digits = 2, skip}: Props) {
	const indices = Array.from({length: values.length}, (_, i) => i).filter(i => i !== skip);
	const kept = indices.map(i => values[i]);
	// Signed: the most up and the most down; unsigned: the largest.
	const order = (signed ? extremes(kept, Math.max(0, count)) : extremes(kept, kept.length).slice(0, Math.max(0, count))).map(k => indices[k]);
	const max = maxAbs(kept);
	const whole = Array.from(values).reduce((sum, v) => sum + Math.max(0, v), 0);
	const valueText = (i: number): string => (signed
		? `${values[i] > 0 ? '+' : ''}${fixed(values[i], digits)}`
		: `${fixed(values[i], digits)} of ${fixed(whole, digits)}`);
	const columnWidth = Math.floor((width - (columns - 1)) / columns);
	const valueWidth = Math.max(...order.map(i => valueText(i).length), 1);
	const nameWidth = Math.min(Math.max(...order.map(i => [...(names[i] ?? String(i))].length), 1), Math.max(1, columnWidth - valueWidth - 7));
	const barWidth = Math.max(1, columnWidth - nameWidth - valueWidth - 2);
	const perColumn = Math.ceil(order.length / columns);
	const line = (i: number) => {
		const name = [...(names[i] ?? String(i))].slice(0, nameWidth).join('').padEnd(nameWidth);
		const value = valueText(i).padStart(valueWidth);
		if (signed) {
			return <Text key={i} color={theme.bar} wrap='truncate-end'>{`${name} ${barText(values[i], max, barWidth)} ${value}`}</Text>;
		}

		const {filled, track} = shareParts(values[i], whole, barWidth);
		return (
			<Text key={i} wrap='truncate-end'>
				{`${name} `}
				<Text color={theme.bar}>{filled}</Text>
				<Text color={theme.muted} dimColor>{track}</Text>
				{` ${value}`}
			</Text>
		);
	};

	return (
		<Box flexDirection='row'>
			{Array.from({length: columns}, (_, c) => order.slice(c * perColumn, (c + 1) * perColumn)).filter(part => part.length > 0).map((part, c) => (
				<Box key={c} flexDirection='column' width={columnWidth} marginLeft={c > 0 ? 1 : 0} flexShrink={0}>
					{part.map(i => line(i))}
				</Box>
			))}
		</Box>
	);
}
