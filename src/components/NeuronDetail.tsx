import {Box, Text} from 'ink';
import {theme} from '../app/theme.js';
import {detailPlan} from '../app/tile-layout.js';
import {fixed, type TileSource} from '../app/tile-sources.js';
import type {DatasetSplit} from '../data/dataset.js';
import {mean} from '../nn/class-maps.js';
import type {ColorDepth} from '../render/color-depth.js';
import {Panel} from './Panel.js';
import {firstFitting} from '../app/wording.js';
import {SignedBars} from './SignedBars.js';
import {DetailImage, type DetailAnalysis} from './TileDetail.js';
import {Thumbnails} from './Thumbnails.js';

export type NeuronDetailProps = {
	/** Names the images' places on screen (`weights` gives `weights.detail`, `weights.top.k`). */
	readonly id: string;
	/** Outer size. */
	readonly width: number;
	readonly height: number;
	/** The neuron and its tile as the overview shows it (trained, untrained or what training changed). */
	readonly index: number;
	readonly source: TileSource;
	/** What the tile shows, said in the title (`change by training`), or '' for the weights as they are. */
	readonly what: string;
	readonly scale: number;
	readonly depth: ColorDepth;
	readonly image: {readonly rows: number; readonly cols: number};
	readonly classNames: readonly string[];
	/** Its outgoing weights: column j of the next weight matrix, one per class. */
	readonly outgoing: Float32Array;
	/** The test images the analysis indexes; without them no thumbnails. */
	readonly split: DatasetSplit | undefined;
	readonly analysis: DetailAnalysis | undefined;
	/** How far the analysis is, 0..1, while it is undefined. */
	readonly progress: number;
};

/** The figures line under the image: B and I with what they are, in the longest wording that fits `width`. */
export function figuresText(bias: number, influence: number, width: number): string {
	const [b, i] = [fixed(bias, 2), fixed(influence, 3)];
	return firstFitting([
		`B ${b} · I ${i}  (B bias, I influence: mean weight)`,
		`B ${b} · I ${i}  (bias, influence: mean weight)`,
		`B ${b} · I ${i}  (bias, mean weight)`,
		`B ${b} · I ${i} (bias, mean weight)`,
		`B ${b} · I ${i}`,
	], width);
}

/**
 * One neuron in full: its incoming weights at full resolution with their colour scale, its bias B and
 * influence I, the classes it pushes up and down most, and the test images that excite it most. Every
 * line says what fits whole (a shorter wording rather than a cut one), and a section shows whole or
 * not at all: the bars with room for one row have both sides in words (pushes up, pushes down).
 */
export function NeuronDetail(props: NeuronDetailProps) {
	const {id, width, height, index, source, what, scale, depth, image, classNames, outgoing, split, analysis, progress} = props;
	const plan = detailPlan({width: width - 2, height: height - 2, image, classes: outgoing.length, kind: 'neuron'});
	const inner = width - 2;
	const [bias, influence] = [source.figures[0] ?? 0, mean(source.values)];
	const named = `Neuron ${index}${what === '' ? '' : ` · ${what}`}`;
	const title = plan.figuresLine ? named : firstFitting([`${named} · B ${fixed(bias, 2)} · I ${fixed(influence, 3)}`, named, `Neuron ${index}`], width - 5);
	const barsWidth = plan.barsBeside ? plan.side : inner;
	const barRows = plan.bars > 0 ? Math.ceil(plan.bars / plan.barColumns) : 0;
	const bars = barRows > 0 && (
		<Box flexDirection='column' width={barsWidth} marginLeft={plan.barsBeside ? 1 : 0} flexShrink={0}>
			<SignedBars values={outgoing} names={classNames} rows={barRows} width={barsWidth} columns={plan.barColumns === 2 ? 2 : 1} depth={depth}/>
		</Box>
	);
	const top = analysis === undefined ? [] : Array.from(analysis.topActivating.subarray(index * analysis.topK, (index + 1) * analysis.topK)).filter(i => i >= 0);
	const thumbs = split === undefined ? {...plan.thumbnails, shown: 0} : plan.thumbnails;
	const thumbsHeading = analysis === undefined
		? firstFitting([`finding the test images that excite it most… ${Math.floor(progress * 100)}%`, `finding the images… ${Math.floor(progress * 100)}%`, `${Math.floor(progress * 100)}%`], inner)
		: firstFitting(['test images that excite it most', 'images that excite it most', 'excite it most'], inner);
	return (
		<Panel title={title} width={width} height={height}>
			<Box flexDirection='row'>
				<DetailImage id={`${id}.detail`} values={source.values} rows={image.rows} cols={image.cols} zoom={plan.zoom} scale={scale} depth={depth}/>
				{plan.barsBeside && bars}
			</Box>
			{plan.figuresLine && <Text wrap='truncate-end'>{figuresText(bias, influence, inner)}</Text>}
			{!plan.barsBeside && bars}
			{thumbs.shown > 0 && (
				<Box flexDirection='column'>
					<Text color={theme.muted} wrap='truncate-end'>{thumbsHeading}</Text>
					{analysis !== undefined && split !== undefined && (
						<Thumbnails
							id={`${id}.top`} split={split} rows={image.rows} cols={image.cols} factor={thumbs.factor} perRow={thumbs.perRow} depth={depth}
							items={top.slice(0, thumbs.shown).map(i => ({index: i, caption: classNames[split.labels[i]] ?? String(split.labels[i])}))}
						/>
					)}
				</Box>
			)}
		</Panel>
	);
}
