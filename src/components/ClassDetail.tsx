import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {theme} from '../app/theme.js';
import {classDetailPlan} from '../app/class-detail-layout.js';
import {tileSize} from '../app/tile-layout.js';
import type {TileSource} from '../app/tile-sources.js';
import type {DatasetSplit} from '../data/dataset.js';
import {maxAbs} from '../nn/class-maps.js';
import type {ColorDepth} from '../render/color-depth.js';
import {downsample} from '../render/downsample.js';
import {renderSignedImage} from '../render/half-block.js';
import {ClassBars} from './ClassBars.js';
import {Panel} from './Panel.js';
import {PixelImage} from './PixelImage.js';
import {DetailImage, type DetailAnalysis} from './TileDetail.js';
import {Thumbnails} from './Thumbnails.js';

export type ClassDetailProps = {
	/** Names the images' places on screen (`maps` gives `maps.detail`, `maps.detail.untrained`). */
	readonly id: string;
	readonly width: number;
	readonly height: number;
	readonly index: number;
	/** The class's map as the overview shows it (trained or what training changed), and untrained. */
	readonly source: TileSource;
	readonly untrained: TileSource;
	/** What the map shows, said in the title (`change by training`), or '' for the trained map. */
	readonly what: string;
	readonly scale: number;
	readonly untrainedScale: number;
	readonly depth: ColorDepth;
	readonly image: {readonly rows: number; readonly cols: number};
	readonly classNames: readonly string[];
	/** The test images the analysis indexes; without them no thumbnails. */
	readonly split: DatasetSplit | undefined;
	readonly analysis: DetailAnalysis | undefined;
	readonly progress: number;
};

type Analysis = Pick<DetailAnalysis, 'labels' | 'predictions' | 'confidence'>;

/** The test images of class c predicted as another class, in order: at most `count`. */
export function mistaken(analysis: Analysis, c: number, count: number): number[] {
	return matching(analysis, count, i => analysis.labels[i] === c && analysis.predictions[i] !== c);
}

/** The test images of other classes predicted as class c, in order: at most `count`. */
export function takenForClass(analysis: Analysis, c: number, count: number): number[] {
	return matching(analysis, count, i => analysis.labels[i] !== c && analysis.predictions[i] === c);
}

/** The test images of class c predicted right, the least confident first (ties in index order): at most `count`. */
export function leastSure(analysis: Analysis, c: number, count: number): number[] {
	const right = matching(analysis, Infinity, i => analysis.labels[i] === c && analysis.predictions[i] === c);
	return right.sort((a, b) => analysis.confidence[a] - analysis.confidence[b] || a - b).slice(0, Math.max(0, count));
}

function matching(analysis: Analysis, count: number, take: (i: number) => boolean): number[] {
	const found: number[] = [];
	for (let i = 0; i < analysis.labels.length && found.length < count; i++) {
		if (take(i)) {
			found.push(i);
		}
	}

	return found;
}

/** The untrained map averaged 2 x 2, small beside the trained one, under a caption. */
function SmallMap({id, source, scale, depth, image}: {readonly id: string; readonly source: TileSource; readonly scale: number; readonly depth: ColorDepth; readonly image: {readonly rows: number; readonly cols: number}}) {
	const lines = useMemo(() => {
		const small = downsample(source.values, image.rows, image.cols, 2);
		return renderSignedImage(small.values, small.rows, small.cols, scale === 0 ? maxAbs(small.values) : scale, depth);
	}, [source, scale, depth, image.rows, image.cols]);
	const {cols} = tileSize(image, 2);
	return (
		<Box flexDirection='column' width={cols} flexShrink={0}>
			<Text color={theme.muted} wrap='truncate-end'>untrained</Text>
			<PixelImage id={id} lines={lines} cols={cols}/>
		</Box>
	);
}

/** A percentage with one decimal, or a dash for NaN (a class without test images, or never predicted). */
function percent(value: number): string {
	return Number.isNaN(value) ? '–' : `${(value * 100).toFixed(1)}%`;
}

/** One of the lists of confusions: its heading and its bars (none when nothing was confused). */
function PairList({heading, none, values, names, count, skip, width}: {
	readonly heading: string; readonly none: string; readonly values: ArrayLike<number>; readonly names: readonly string[]; readonly count: number; readonly skip: number; readonly width: number;
}) {
	const confused = Array.from(values).filter((n, c) => c !== skip && n > 0).length;
	const any = confused > 0;
	return (
		<Box flexDirection='column' width={width} flexShrink={0}>
			<Text color={theme.muted} wrap='truncate-end'>{any ? heading : none}</Text>
			{any && count > 0 && <ClassBars values={values} names={names} count={Math.min(count, confused)} width={width} signed={false} digits={0} skip={skip}/>}
		</Box>
	);
}

/**
 * One class in full: its generalized image at full resolution with its colour scale, the untrained
 * map and the class's recall and precision beside it when there is room; the classes its test images
 * are taken for and the classes taken for it; its misclassified test images; and in the rows left its
 * test images classified right, the least sure first.
 */
export function ClassDetail(props: ClassDetailProps) {
	const {id, width, height, index, source, untrained, what, scale, untrainedScale, depth, image, classNames, split, analysis, progress} = props;
	const classes = analysis?.classes ?? classNames.length;
	const name = classNames[index] ?? String(index);
	const row = analysis?.confusion.subarray(index * classes, (index + 1) * classes) ?? new Int32Array(classes);
	const column = useMemo(() => Int32Array.from({length: classes}, (_, r) => analysis?.confusion[(r * classes) + index] ?? 0), [analysis, classes, index]);
	const right = row[index] ?? 0;
	const off = (values: ArrayLike<number>) => Array.from(values).reduce((sum, n, c) => sum + (c === index ? 0 : n), 0);
	const nonZero = (values: ArrayLike<number>) => Array.from(values).filter((n, c) => c !== index && n > 0).length;
	const [rowTotal, columnTotal] = [right + off(row), right + off(column)];
	const plan = classDetailPlan({
		width: width - 2, height: height - 2, image, takenFor: nonZero(row), takenForIt: nonZero(column), mistakes: split === undefined ? 0 : off(row) + off(column), right: split === undefined ? 0 : right,
	});
	const recall = percent(analysis?.recall[index] ?? Number.NaN);
	const precision = percent(analysis?.precision[index] ?? Number.NaN);
	const figures = analysis === undefined
		? [`recall: testing… ${Math.floor(progress * 100)}%`]
		: (plan.figuresBeside >= 4
			? [`recall ${recall}`, `  ${right}/${rowTotal} images`, `precision ${precision}`, `  ${right}/${columnTotal} predicted`]
			: [`recall ${recall}`, `precision ${precision}`]);
	const figuresLong = `recall ${recall} (${right} of ${rowTotal} test images) · precision ${precision} (${right} of ${columnTotal} predicted ${name})`;
	const figuresText = analysis === undefined ? figures[0] : ([...figuresLong].length <= width - 2 ? figuresLong : `recall ${recall} · precision ${precision}`);
	const title = `${name === String(index) ? `Class ${index}` : `${name} (class ${index})`}${what === '' ? '' : ` · ${what}`}${plan.figuresLine || plan.figuresBeside > 0 ? '' : ` · ${figuresText}`}`;
	const items = useMemo(() => {
		if (analysis === undefined) {
			return {mistakes: [], leastSure: []};
		}

		const own = mistaken(analysis, index, plan.mistakes.shown).map(i => ({index: i, caption: `→ ${classNames[analysis.predictions[i]] ?? ''}`}));
		const others = takenForClass(analysis, index, plan.mistakes.shown - own.length).map(i => ({index: i, caption: `← ${classNames[analysis.labels[i]] ?? ''}`}));
		const sure = leastSure(analysis, index, plan.leastSure.shown).map(i => ({index: i, caption: analysis.confidence[i].toFixed(2)}));
		return {mistakes: [...own, ...others], leastSure: sure};
	}, [analysis, index, plan.mistakes.shown, plan.leastSure.shown, classNames]);
	const inner = width - 2;
	const listWidth = plan.pairColumns === 2 ? Math.floor((inner - 1) / 2) : inner;
	const mistakes = off(row) + off(column);
	return (
		<Panel title={title} width={width} height={height}>
			<Box flexDirection='row'>
				<DetailImage id={`${id}.detail`} values={source.values} rows={image.rows} cols={image.cols} zoom={plan.zoom} scale={scale} depth={depth}/>
				{(plan.untrainedBeside || plan.figuresBeside > 0) && (
					<Box flexDirection='column' marginLeft={1} width={plan.side} flexShrink={0}>
						{plan.untrainedBeside && <SmallMap id={`${id}.detail.untrained`} source={untrained} scale={untrainedScale} depth={depth} image={image}/>}
						{plan.untrainedBeside && plan.figuresBeside > 0 && <Text> </Text>}
						{plan.figuresBeside > 0 && figures.map(line => <Text key={line} wrap='truncate-end'>{line}</Text>)}
					</Box>
				)}
			</Box>
			{plan.figuresLine && <Text wrap='truncate-end'>{figuresText}</Text>}
			{plan.pairs >= 0 && analysis !== undefined && (
				<Box flexDirection={plan.pairColumns === 2 ? 'row' : 'column'} gap={plan.pairColumns === 2 ? 1 : 0}>
					<PairList
						heading={`${name} → predicted (its test images taken for)`} none={`no test image of ${name} taken for another class`}
						values={row} names={classNames} count={plan.pairs} skip={index} width={listWidth}
					/>
					<PairList
						heading={`true class → ${name} (taken for ${name})`} none={`no other class taken for ${name}`}
						values={column} names={classNames} count={plan.pairs} skip={index} width={listWidth}
					/>
				</Box>
			)}
			{items.mistakes.length > 0 && split !== undefined && (
				<Box flexDirection='column'>
					<Text color={theme.muted} wrap='truncate-end'>
						{`${items.mistakes.length < mistakes ? `${items.mistakes.length} of ` : ''}${mistakes} misclassified: → the class it was taken for · ← its true class, taken for ${name}`}
					</Text>
					<Thumbnails
						id={`${id}.wrong`} split={split} rows={image.rows} cols={image.cols} factor={plan.mistakes.factor} perRow={plan.mistakes.perRow} depth={depth}
						items={items.mistakes}
					/>
				</Box>
			)}
			{items.leastSure.length > 0 && split !== undefined && (
				<Box flexDirection='column'>
					<Text color={theme.muted} wrap='truncate-end'>{`test images of ${name} classified right, least sure first (confidence under each)`}</Text>
					<Thumbnails
						id={`${id}.sure`} split={split} rows={image.rows} cols={image.cols} factor={plan.leastSure.factor} perRow={plan.leastSure.perRow} depth={depth}
						items={items.leastSure}
					/>
				</Box>
			)}
		</Panel>
	);
}
