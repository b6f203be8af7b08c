import {Box} from 'ink';
import {theme} from '../app/theme.js';
import {fixed} from '../app/tile-sources.js';
import {maxAbs} from '../nn/class-maps.js';
import type {ColorDepth} from '../render/color-depth.js';
import {divergingColourSteps, divergingInkColour} from '../render/palette.js';
import {firstFitting} from '../app/wording.js';
import {Painted, type Run} from './Painted.js';

type Props = {
	/** One weight per class: a neuron's outgoing weights, column j of the next weight matrix. */
	readonly values: ArrayLike<number>;
	readonly names: readonly string[];
	/** Rows for the bars under the heading line (columns of `rows` each); 1 in one column is two lines of text instead. */
	readonly rows: number;
	/** Outer width; two columns share it one cell apart. */
	readonly width: number;
	/** Up and down in one column, or up left and down right. */
	readonly columns: 1 | 2;
	/** The images' colour depth: a bar takes the colour a weight of its sign has in a tile. */
	readonly depth: ColorDepth;
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

/** Which classes a section of signed bars lists: those that push up, largest first, and those that push down, most down first. */
export type SignedSplit = {
	readonly up: readonly number[];
	readonly down: readonly number[];
	/** How many classes have a weight above 0 and below 0 (a weight of exactly 0 pushes neither way). */
	readonly positives: number;
	readonly negatives: number;
	/** A line saying a side has fewer classes than its share of the rows: where it goes, after the side's classes. */
	readonly upShort: boolean;
	readonly downShort: boolean;
};

/**
 * The classes `rows` rows of signed bars list. Never a negative weight among those that push up, nor
 * a positive one among those that push down. In two columns each side takes up to `rows`; a side
 * with fewer classes says so in the row after them. In one column all when they fit, else half the
 * rows each (the extra one up), and a side with fewer says so in a row and leaves the rest to the other.
 */
export function signedSplit(values: ArrayLike<number>, rows: number, columns: 1 | 2): SignedSplit {
	const indices = Array.from({length: values.length}, (_, i) => i);
	const positive = indices.filter(i => values[i] > 0).sort((a, b) => (values[b] - values[a]) || (a - b));
	const negative = indices.filter(i => values[i] < 0).sort((a, b) => (values[a] - values[b]) || (a - b));
	const counts = {positives: positive.length, negatives: negative.length};
	if (columns === 2) {
		const up = positive.slice(0, rows);
		const down = negative.slice(0, rows);
		return {...counts, up, down, upShort: up.length < rows, downShort: down.length < rows};
	}

	if (positive.length + negative.length <= rows) {
		return {...counts, up: positive, down: negative, upShort: false, downShort: false};
	}

	const upWanted = Math.ceil(rows / 2);
	const downWanted = rows - upWanted;
	if (positive.length < upWanted) {
		return {...counts, up: positive, down: negative.slice(0, rows - positive.length - 1), upShort: true, downShort: false};
	}

	if (negative.length < downWanted) {
		return {...counts, up: positive.slice(0, rows - negative.length - 1), down: negative, upShort: false, downShort: true};
	}

	return {...counts, up: positive.slice(0, upWanted), down: negative.slice(0, downWanted), upShort: false, downShort: false};
}

/** The line saying a side has fewer classes than it had rows for. */
function shortNote(count: number, side: 'up' | 'down', width: number): string {
	if (count === 0) {
		return firstFitting([`none pushes ${side}`, `none ${side}`], width);
	}

	return firstFitting([`only ${count} ${count === 1 ? 'pushes' : 'push'} ${side}`, `only ${count} ${side}`], width);
}

/** The colour of a bar for a weight of this sign: what a clearly positive or negative weight has in a tile. */
function signColour(value: number, depth: ColorDepth): string | undefined {
	return divergingInkColour(Math.sign(value) * (4 / divergingColourSteps), depth);
}

type LineProps = {
	readonly index: number;
	readonly values: ArrayLike<number>;
	readonly names: readonly string[];
	readonly max: number;
	readonly nameWidth: number;
	readonly barWidth: number;
	readonly valueWidth: number;
	readonly depth: ColorDepth;
	/** Cells the line may take (it is cut to them). */
	readonly width: number;
};

const valueText = (value: number): string => `${value > 0 ? '+' : ''}${fixed(value, 2)}`;

function BarLine({index, values, names, max, nameWidth, barWidth, valueWidth, depth, width}: LineProps) {
	const value = values[index];
	const name = [...(names[index] ?? String(index))].slice(0, nameWidth).join('').padEnd(nameWidth);
	const [left, right] = barText(value, max, barWidth).split('│');
	const colour = signColour(value, depth);
	return (
		<Painted width={width} lines={[[
			[`${name} `],
			[left, {color: colour}],
			['│', {color: theme.muted}],
			[right, {color: colour}],
			[` ${valueText(value).padStart(valueWidth)}`],
		]]}/>
	);
}

/** A side in one line of text: its label, then as many of its classes with their weights as fit whole. */
function CompactLine({label, classes, values, names, width, depth}: {
	readonly label: string; readonly classes: readonly number[]; readonly values: ArrayLike<number>;
	readonly names: readonly string[]; readonly width: number; readonly depth: ColorDepth;
}) {
	const entries: Array<{name: string; value: string; colour: string | undefined}> = [];
	let used = [...label].length;
	for (const i of classes) {
		const entry = {name: names[i] ?? String(i), value: valueText(values[i]), colour: signColour(values[i], depth)};
		const cells = (entries.length === 0 ? 1 : 3) + [...entry.name].length + 1 + entry.value.length;
		if (used + cells > width) {
			break;
		}

		used += cells;
		entries.push(entry);
	}

	const runs: Run[] = [[label, {color: theme.muted}]];
	if (entries.length === 0) {
		runs.push([' none'.slice(0, Math.max(0, width - used)), {color: theme.muted}]);
	}

	for (const [k, entry] of entries.entries()) {
		runs.push([`${k === 0 ? ' ' : ' · '}${entry.name} `], [entry.value, {color: entry.colour}]);
	}

	return (
		<Painted width={width} lines={[runs]}/>
	);
}

/**
 * The classes a neuron pushes up and down most, as bars around an axis in the colours weights of
 * their sign have in the tiles (a positive weight's bar in a positive weight's colour), with the
 * sign also in words, the side of the axis and the value's sign. Headings and notes say which side is
 * which, and a side with fewer classes than its rows says so. One row in one column: two lines,
 * `pushes up` and `pushes down`, with their classes in words.
 */
export function SignedBars({values, names, rows, width, columns, depth}: Props) {
	const split = signedSplit(values, Math.max(0, rows), columns);
	const max = maxAbs(values);
	const columnWidth = columns === 2 ? Math.floor((width - 1) / 2) : width;
	if (rows <= 0) {
		return null;
	}

	if (columns === 1 && rows === 1) {
		const labelWidth = 'pushes down'.length;
		const common = {values, names, width, depth};
		return (
			<Box flexDirection='column'>
				<CompactLine label={'pushes up'.padEnd(labelWidth)} classes={signedSplit(values, values.length, 2).up} {...common}/>
				<CompactLine label='pushes down' classes={signedSplit(values, values.length, 2).down} {...common}/>
			</Box>
		);
	}

	const shown = [...split.up, ...split.down];
	const valueWidth = Math.max(1, ...shown.map(i => valueText(values[i]).length));
	const nameWidth = Math.min(Math.max(1, ...shown.map(i => [...(names[i] ?? String(i))].length)), Math.max(1, columnWidth - valueWidth - 9));
	const barWidth = Math.max(3, columnWidth - nameWidth - valueWidth - 2);
	const line = (i: number) => <BarLine key={i} index={i} values={values} names={names} max={max} nameWidth={nameWidth} barWidth={barWidth} valueWidth={valueWidth} depth={depth} width={columnWidth}/>;
	// A row the note or heading has, even when no wording fits (so the rows under it stay where they are).
	const note = (text: string, key: string) => <Painted key={key} width={columnWidth} lines={[[[text === '' ? ' ' : text, {color: theme.muted}]]]}/>;
	if (columns === 2) {
		const side = (name: 'up' | 'down', classes: readonly number[], total: number, short: boolean, left: boolean) => (
			<Box flexDirection='column' width={columnWidth} marginLeft={left ? 0 : 1} flexShrink={0}>
				{note(firstFitting([`pushes ${name}${classes.length < total ? ' most' : ''}`, name], columnWidth), 'heading')}
				{classes.map(i => line(i))}
				{short && note(shortNote(classes.length, name, columnWidth), 'short')}
			</Box>
		);
		return (
			<Box flexDirection='row'>
				{side('up', split.up, split.positives, split.upShort, true)}
				{side('down', split.down, split.negatives, split.downShort, false)}
			</Box>
		);
	}

	const all = shown.length === values.length;
	const heading = all ? ['its weight to each class', 'weight to each class', 'each class'] : ['pushes up and down most', 'up and down most', 'up and down'];
	return (
		<Box flexDirection='column' width={width}>
			{note(firstFitting(heading, width), 'heading')}
			{split.up.map(i => line(i))}
			{split.upShort && note(shortNote(split.up.length, 'up', width), 'up short')}
			{[...split.down].reverse().map(i => line(i))}
			{split.downShort && note(shortNote(split.down.length, 'down', width), 'down short')}
		</Box>
	);
}
