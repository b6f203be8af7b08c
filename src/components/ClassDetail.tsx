import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {theme} from '../app/theme.js';
import {detailPlan, tileSize} from '../app/tile-layout.js';
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

/** The test images of class c predicted as another class, in order: at most `count`. */
export function mistaken(analysis: DetailAnalysis, c: number, count: number): number[] {
	const found: number[] = [];
	for (let i = 0; i < analysis.labels.length && found.length < count; i++) {
		if (analysis.labels[i] === c && analysis.predictions[i] !== c) {
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
		<Box flexDirection='column' width={cols} marginLeft={1} flexShrink={0}>
			<Text color={theme.muted} wrap='truncate-end'>untrained</Text>
			<PixelImage id={id} lines={lines} cols={cols}/>
		</Box>
	);
}

/** A percentage with one decimal, or a dash for NaN (a class without test images). */
function percent(value: number): string {
	return Number.isNaN(value) ? '–' : `${(value * 100).toFixed(1)}%`;
}

/**
 * One class in full: its generalized image at full resolution with its colour scale, the untrained
 * map beside it when there is room, the class's recall on the test set and the classes its test
 * images are taken for most.
 */
export function ClassDetail(props: ClassDetailProps) {
	const {id, width, height, index, source, untrained, what, scale, untrainedScale, depth, image, classNames, split, analysis, progress} = props;
	const classes = classNames.length;
	const plan = detailPlan({width: width - 2, height: height - 2, image, classes, kind: 'class'});
	const name = classNames[index] ?? String(index);
	const recall = analysis === undefined
		? `recall: testing… ${Math.floor(progress * 100)}%`
		: `recall ${percent(analysis.recall[index])} of its test images`;
	const title = `${name === String(index) ? `Class ${index}` : `${name} (class ${index})`}${what === '' ? '' : ` · ${what}`}${plan.figuresLine ? '' : ` · ${recall}`}`;
	const row = analysis?.confusion.subarray(index * analysis.classes, (index + 1) * analysis.classes);
	const wrong = analysis === undefined || split === undefined ? [] : mistaken(analysis, index, plan.thumbnails.shown);
	const taken = row === undefined ? 0 : Array.from(row).reduce((sum, n, c) => sum + (c === index ? 0 : n), 0);
	return (
		<Panel title={title} width={width} height={height}>
			<Box flexDirection='row'>
				<DetailImage id={`${id}.detail`} values={source.values} rows={image.rows} cols={image.cols} zoom={plan.zoom} scale={scale} depth={depth}/>
				{plan.untrainedBeside && <SmallMap id={`${id}.detail.untrained`} source={untrained} scale={untrainedScale} depth={depth} image={image}/>}
			</Box>
			{plan.figuresLine && <Text wrap='truncate-end'>{recall}</Text>}
			{plan.bars > 0 && row !== undefined && (
				<Box flexDirection='column'>
					<Text color={theme.muted} wrap='truncate-end'>{taken === 0 ? `never taken for another class` : `taken for (test images of ${name} predicted as)`}</Text>
					{taken > 0 && <ClassBars values={row} names={classNames} count={plan.bars} width={width - 2} signed={false} digits={0} skip={index}/>}
				</Box>
			)}
			{wrong.length > 0 && split !== undefined && (
				<Box flexDirection='column'>
					<Text color={theme.muted} wrap='truncate-end'>{`test images of ${name} taken for another class (the class under each)`}</Text>
					<Thumbnails
						id={`${id}.wrong`} split={split} rows={image.rows} cols={image.cols} factor={plan.thumbnails.factor} perRow={plan.thumbnails.perRow} depth={depth}
						items={wrong.map(i => ({index: i, caption: classNames[analysis?.predictions[i] ?? 0] ?? ''}))}
					/>
				</Box>
			)}
		</Panel>
	);
}
