import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {confusionLayout} from '../app/confusion-layout.js';
import {cellExamples, type TestAnalysis} from '../app/test-analysis.js';
import {theme} from '../app/theme.js';
import type {DatasetSplit} from '../data/dataset.js';
import type {ColorDepth} from '../render/color-depth.js';
import {ConfusionMatrix} from './ConfusionMatrix.js';
import {Panel} from './Panel.js';
import {Thumbnails} from './Thumbnails.js';
import {firstFitting} from '../app/wording.js';

type Props = {
	/** Undefined while it is computed. */
	readonly analysis: TestAnalysis | undefined;
	/** 0..1 while computing. */
	readonly progress: number;
	/** The last finished analysis, shown (marked "updating…") while a new one is computed. */
	readonly stale?: TestAnalysis;
	readonly classNames: readonly string[];
	/** The test images. */
	readonly split: DatasetSplit;
	readonly image: {readonly rows: number; readonly cols: number};
	readonly width: number;
	readonly height: number;
	/** The cursor cell: row = true class, column = predicted. */
	readonly cursor: {readonly row: number; readonly col: number};
	/** The cursor cell's images are listed. */
	readonly open: boolean;
	/** The selected image in the list. */
	readonly item: number;
	readonly focused: boolean;
	readonly depth: ColorDepth;
	/** 'epoch 12' or 'live'. */
	readonly epochLabel: string;
};

/**
 * The confusion tab: the test-set confusion matrix (see ConfusionMatrix) and the cursor cell's test
 * images as thumbnails with index and confidence, below or beside the matrix: a preview of the first
 * page while the cell is closed, the list a page at a time once it is open (over the matrix when
 * neither place has room; then no preview).
 */
export function ConfusionTab(props: Props) {
	const {analysis, stale, progress, classNames, split, image, width, height, cursor, open, item, focused, depth, epochLabel} = props;
	const shown = analysis ?? stale;
	const nameWidth = Math.max(0, ...classNames.map(name => [...name].length));
	const layout = confusionLayout(width, height, classNames.length, nameWidth, image);
	const title = `Confusion · test set · ${epochLabel}`;
	const examples = useMemo(
		() => (shown ? cellExamples(shown, cursor.row, cursor.col) : new Int32Array(0)),
		[shown, cursor.row, cursor.col],
	);
	if (shown === undefined) {
		return (
			<Panel title={title} width={width} height={height} focused={focused}>
				<Text color={theme.muted}>computing the test set&apos;s predictions… {Math.round(progress * 100)}%</Text>
			</Panel>
		);
	}

	const note = analysis === undefined ? `updating… ${Math.round(progress * 100)}%` : `accuracy ${(shown.accuracy * 100).toFixed(1)}%`;
	const listShown = open && examples.length > 0;
	const preview = !listShown && !layout.listAlone && layout.listHeight >= 3 && layout.listWidth >= 3;
	const matrix = (matrixWidth: number, matrixHeight: number) => (
		<ConfusionMatrix
			analysis={shown} classNames={classNames} width={matrixWidth} height={matrixHeight} cursor={cursor}
			focused={focused && !listShown} depth={depth} title={title} note={note}
		/>
	);
	if (!listShown && !preview) {
		return matrix(width, height);
	}

	const perPage = layout.thumbPerPage;
	const selected = Math.max(0, Math.min(item, examples.length - 1));
	const first = listShown ? Math.floor(selected / perPage) * perPage : 0;
	const pages = Math.ceil(examples.length / perPage);
	const items = [...examples.subarray(first, first + perPage)].map((index, k) => ({
		index, caption: `#${index} ${shown.confidence[index].toFixed(2)}`, selected: listShown && first + k === selected,
	}));
	const images = `${examples.length} image${examples.length === 1 ? '' : 's'}`;
	const cell = `true ${cursor.row} → predicted ${cursor.col}`;
	let listNote = pages > 1 ? `page ${(first / perPage) + 1}/${pages}` : '';
	if (!listShown) {
		listNote = examples.length > perPage ? `first ${perPage}` : '';
	}

	// The longest title that fits whole beside the note (see Panel's topBorder): the key hint goes first.
	const titleRoom = layout.listWidth - 7 - (listNote === '' ? 0 : [...listNote].length + 2);
	const titles = !listShown && examples.length === 0
		? [`${cell} · no test images`, cell]
		: [...(listShown ? [`${cell} · ${images} · Enter opens · Esc back`] : []), `${cell} · ${images}`, `true ${cursor.row} → ${cursor.col} · ${images}`, cell];
	const listTitle = firstFitting(titles, titleRoom, cell);
	const list = (
		<Panel title={listTitle} note={listNote} width={layout.listWidth} height={layout.listHeight} focused={focused && listShown}>
			{examples.length === 0
				? <Text color={theme.muted} wrap='truncate-end'>{`no test image of class ${cursor.row} was predicted ${cursor.col}`}</Text>
				: (
					<Thumbnails
						id='confusion.list' split={split} rows={image.rows} cols={image.cols} items={items}
						factor={layout.thumbFactor} perRow={layout.thumbPerRow} depth={depth}
					/>
				)}
		</Panel>
	);
	if (layout.listAlone) {
		return list;
	}

	return (
		<Box flexDirection={layout.listBeside ? 'row' : 'column'} width={width} height={height}>
			{layout.listBeside ? matrix(layout.matrixWidth, height) : matrix(width, layout.matrixHeight)}
			{list}
		</Box>
	);
}
