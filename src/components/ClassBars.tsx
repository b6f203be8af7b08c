import {Box} from 'ink';
import {theme} from '../app/theme.js';
import {Painted} from './Painted.js';
import {extremes, fixed} from '../app/tile-sources.js';
import type {ColorDepth} from '../render/color-depth.js';
import {barParts} from './ConfidenceColumn.js';
import {SignedBars} from './SignedBars.js';

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
	 * Bars (false, the default) are counts of a whole, the sum of all the values (the skipped one included):
	 * each bar is its share of that whole, the bar's track the whole, and each value says `n of whole`.
	 * Signed ones (true) are SignedBars, in `count / columns` rows under their headings.
	 */
	readonly signed?: boolean;
	/** For signed bars: the colour depth of the images, whose sign colours the bars take. */
	readonly depth?: ColorDepth;
	/** Decimals of the value shown (0 for counts). */
	readonly digits?: number;
	/** Leave this class out (a class's own count among its confusions). */
	readonly skip?: number;
};

/**
 * The share of `whole` that `count` is, as a bar `width` cells wide to an eighth of a cell (barParts):
 * any count above 0 at least an eighth, so a single image never reads as none.
 */
export function shareParts(count: number, whole: number, width: number): {readonly filled: string; readonly track: string} {
	const share = whole > 0 && count > 0 ? Math.max(count / whole, 1 / (8 * width)) : 0;
	return barParts(share, width);
}

/**
 * Classes as bars in order of value, largest first, each with its name and value: the counts of a
 * class's confusions (shares of the class's test images), or signed weights (see SignedBars).
 */
export function ClassBars({values, names, count, width, columns = 1, signed = false, depth = 'none', digits = 0, skip}: Props) {
	if (signed) {
		return <SignedBars values={values} names={names} rows={Math.ceil(count / columns)} width={width} columns={columns === 2 ? 2 : 1} depth={depth}/>;
	}

	const indices = Array.from({length: values.length}, (_, i) => i).filter(i => i !== skip);
	const kept = indices.map(i => values[i]);
	const order = extremes(kept, kept.length).slice(0, Math.max(0, count)).map(k => indices[k]);
	const whole = Array.from(values).reduce((sum, v) => sum + Math.max(0, v), 0);
	const valueText = (i: number): string => `${fixed(values[i], digits)} of ${fixed(whole, digits)}`;
	const columnWidth = Math.floor((width - (columns - 1)) / columns);
	const valueWidth = Math.max(...order.map(i => valueText(i).length), 1);
	const nameWidth = Math.min(Math.max(...order.map(i => [...(names[i] ?? String(i))].length), 1), Math.max(1, columnWidth - valueWidth - 7));
	const barWidth = Math.max(1, columnWidth - nameWidth - valueWidth - 2);
	const perColumn = Math.ceil(order.length / columns);
	const line = (i: number) => {
		const name = [...(names[i] ?? String(i))].slice(0, nameWidth).join('').padEnd(nameWidth);
		const value = valueText(i).padStart(valueWidth);
		const {filled, track} = shareParts(values[i], whole, barWidth);
		return (
			<Painted key={i} width={columnWidth} lines={[[
				[`${name} `],
				[filled, {color: theme.bar}],
				[track, {color: theme.muted, dim: true}],
				[` ${value}`],
			]]}/>
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
