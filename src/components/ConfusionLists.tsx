import {Box, Text} from 'ink';
import {theme} from '../app/theme.js';
import {ClassBars} from './ClassBars.js';
import {lastIfNoneFits} from '../app/wording.js';

/** One list of confusions: its heading and its bars, or a line saying there were none. */
function PairList({heading, none, values, names, count, skip, width}: {
	readonly heading: string; readonly none: readonly string[]; readonly values: ArrayLike<number>; readonly names: readonly string[];
	readonly count: number; readonly skip: number; readonly width: number;
}) {
	const confused = Array.from(values).filter((n, c) => c !== skip && n > 0).length;
	const any = confused > 0;
	return (
		<Box flexDirection='column' width={width} flexShrink={0}>
			<Text color={theme.muted} wrap='truncate-end'>{any ? heading : lastIfNoneFits(none, width)}</Text>
			{any && count > 0 && <ClassBars values={values} names={names} count={Math.min(count, confused)} width={width} signed={false} digits={0} skip={skip}/>}
		</Box>
	);
}

type Props = {
	/** The class, its name, its row of the confusion matrix (what its test images were taken for) and its column (what was taken for it). */
	readonly index: number;
	readonly name: string;
	readonly row: ArrayLike<number>;
	readonly column: ArrayLike<number>;
	readonly names: readonly string[];
	/** Bars a list at most. */
	readonly count: number;
	/** Side by side (2) or one under the other (1), in `width` cells. */
	readonly columns: 1 | 2;
	readonly width: number;
};

/**
 * The classes a class's test images are taken for, and the classes taken for it, as bars under a
 * heading each; every heading as long as its width allows, said whole (a shorter wording, not a cut).
 */
export function ConfusionLists({index, name, row, column, names, count, columns, width}: Props) {
	const listWidth = columns === 2 ? Math.floor((width - 1) / 2) : width;
	// The two headings in the same words: the longest wording both fit whole.
	const headings = [
		[`${name} → predicted (its test images taken for)`, `true class → ${name} (taken for ${name})`],
		[`${name} → predicted (taken for)`, `true class → ${name} (taken for it)`],
		[`${name} → predicted`, `true class → ${name}`],
		[`${name} taken for`, `taken for ${name}`],
		['taken for', 'taken for it'],
	];
	const [left, right] = headings.find(pair => pair.every(text => [...text].length <= listWidth)) ?? headings.at(-1)!;
	return (
		<Box flexDirection={columns === 2 ? 'row' : 'column'} gap={columns === 2 ? 1 : 0}>
			<PairList
				heading={left} none={[`no test image of ${name} taken for another class`, `no ${name} taken for another`, 'none taken for another']}
				values={row} names={names} count={count} skip={index} width={listWidth}
			/>
			<PairList
				heading={right} none={[`no other class taken for ${name}`, `none taken for ${name}`, 'none taken for it']}
				values={column} names={names} count={count} skip={index} width={listWidth}
			/>
		</Box>
	);
}
