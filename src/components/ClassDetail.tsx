import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {theme} from '../app/theme.js';
import {classDetailPlan, sideGap} from '../app/class-detail-layout.js';
import type {TileSource} from '../app/tile-sources.js';
import type {DatasetSplit} from '../data/dataset.js';
import type {ColorDepth} from '../render/color-depth.js';
import {ConfusionLists} from './ConfusionLists.js';
import {lastIfNoneFits} from '../app/wording.js';
import {Panel} from './Panel.js';
import {DetailImage, type DetailAnalysis} from './TileDetail.js';
import {Thumbnails} from './Thumbnails.js';
import {UntrainedMap} from './UntrainedMap.js';
import {ClassModelImage} from './ClassModelImage.js';

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
	/** The network is untrained: the map is its untrained map, not shown twice. */
	readonly untrainedNetwork?: boolean;
	/**
	 * The class's model by gradient ascent (values undefined while it is computed), shown beside the map
	 * in the untrained map's place (the overview shows the untrained maps); undefined: no class models.
	 */
	readonly classModel?: {readonly values: Float64Array | undefined};
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

/** A percentage with one decimal, or a dash for NaN (a class without test images, or never predicted). */
function percent(value: number): string {
	return Number.isNaN(value) ? '–' : `${(value * 100).toFixed(1)}%`;
}

type Part = {readonly text: string; readonly color?: string};

type FiguresInput = {
	readonly analysis: DetailAnalysis | undefined; readonly index: number; readonly name: string;
	readonly right: number; readonly rowTotal: number; readonly columnTotal: number; readonly progress: number;
	/** Lines beside the image (0, 2 or 4), and the width of the line under it. */
	readonly lines: number; readonly width: number;
};

/**
 * The class's recall and precision: as lines beside the image and as one line (its parts). A class
 * never predicted has no precision: that is said in words, in the warning colour.
 */
export function classFigures({analysis, index, name, right, rowTotal, columnTotal, progress, lines, width}: FiguresInput): {lines: Part[]; line: Part[]} {
	if (analysis === undefined) {
		const testing = {text: `recall: testing… ${Math.floor(progress * 100)}%`};
		return {lines: [testing], line: [testing]};
	}

	const recall = percent(analysis.recall[index] ?? Number.NaN);
	const never = columnTotal === 0;
	const warning = {text: 'never predicted', color: theme.warning};
	const precision = never ? [{text: 'precision –'}, warning] : [{text: `precision ${percent(analysis.precision[index] ?? Number.NaN)}`}];
	const beside = lines >= 4
		? [{text: `recall ${recall}`}, {text: `  ${right}/${rowTotal} images`}, precision[0], never ? {...warning, text: `  ${warning.text}`} : {text: `  ${right}/${columnTotal} predicted`}]
		: [{text: `recall ${recall}`}, never ? warning : precision[0]];
	const long = [{text: `recall ${recall} (${right} of ${rowTotal} test images) · `}, ...(never ? [{text: 'precision – · '}, {...warning, text: `never predicted ${name}`}] : [{text: `${precision[0].text} (${right} of ${columnTotal} predicted ${name})`}])];
	const short = [{text: `recall ${recall} · `}, ...(never ? [warning] : precision)];
	const fits = (parts: readonly Part[]) => parts.reduce((sum, part) => sum + [...part.text].length, 0) <= width;
	return {lines: beside, line: fits(long) ? long : short};
}

/**
 * One class in full: its generalized image at full resolution with its colour scale, the untrained
 * map and the class's recall and precision beside it when there is room; the classes its test images
 * are taken for and the classes taken for it; its misclassified test images; and in the rows left its
 * test images classified right, the least sure first.
 */
export function ClassDetail(props: ClassDetailProps) {
	const {id, width, height, index, source, untrained, what, scale, untrainedScale, depth, image, classNames, split, analysis, progress, untrainedNetwork = false, classModel} = props;
	const classes = analysis?.classes ?? classNames.length;
	const name = classNames[index] ?? String(index);
	const row = analysis?.confusion.subarray(index * classes, (index + 1) * classes) ?? new Int32Array(classes);
	const column = useMemo(() => Int32Array.from({length: classes}, (_, r) => analysis?.confusion[(r * classes) + index] ?? 0), [analysis, classes, index]);
	const right = row[index] ?? 0;
	const off = (values: ArrayLike<number>) => Array.from(values).reduce((sum, n, c) => sum + (c === index ? 0 : n), 0);
	const nonZero = (values: ArrayLike<number>) => Array.from(values).filter((n, c) => c !== index && n > 0).length;
	const [rowTotal, columnTotal] = [right + off(row), right + off(column)];
	const mistakes = off(row) + off(column);
	const inner = width - 2;
	const plan = classDetailPlan({
		width: inner, height: height - 2, image, takenFor: nonZero(row), takenForIt: nonZero(column), mistakes: split === undefined ? 0 : mistakes, right: split === undefined ? 0 : right,
		untrainedMap: !untrainedNetwork || classModel !== undefined,
	});
	const figures = classFigures({analysis, index, name, right, rowTotal, columnTotal, progress, lines: plan.figuresBeside, width: inner});
	const head = `${name === String(index) ? `Class ${index}` : `${name} (class ${index})`}${what === '' ? '' : ` · ${what}`}`;
	// Without room for the figures under the image they go in the title, the warning first to stay.
	const never = analysis !== undefined && columnTotal === 0;
	const title = plan.figuresLine || plan.figuresBeside > 0 ? head : lastIfNoneFits([
		`${head} · ${figures.line.map(part => part.text).join('')}`, ...(never ? [`${head} · never predicted`, `${name} · never predicted`] : []), head,
	], width - 6);
	const items = useMemo(() => {
		if (analysis === undefined) {
			return {mistakes: [], leastSure: []};
		}

		// A class named in full when the name fits under the thumbnail, else by its index (a word is not cut).
		const captionWidth = Math.ceil(image.cols / plan.mistakes.factor);
		const named = (mark: string, c: number) => lastIfNoneFits([`${mark} ${classNames[c] ?? c}`, `${mark} class ${c}`, `${mark} ${c}`], captionWidth);
		const own = mistaken(analysis, index, plan.mistakes.shown).map(i => ({index: i, caption: named('→', analysis.predictions[i])}));
		const others = takenForClass(analysis, index, plan.mistakes.shown - own.length).map(i => ({index: i, caption: named('←', analysis.labels[i])}));
		const sure = leastSure(analysis, index, plan.leastSure.shown).map(i => ({index: i, caption: analysis.confidence[i].toFixed(2)}));
		return {mistakes: [...own, ...others], leastSure: sure};
	}, [analysis, index, plan.mistakes.shown, plan.mistakes.factor, plan.leastSure.shown, classNames, image.cols]);
	const shownOf = (n: number) => (n < mistakes ? `${n} of ${mistakes}` : String(mistakes));
	return (
		<Panel title={title} width={width} height={height}>
			<Box flexDirection='row'>
				<DetailImage id={`${id}.detail`} values={source.values} rows={image.rows} cols={image.cols} zoom={plan.zoom} scale={scale} depth={depth}/>
				{(plan.untrainedBeside || plan.figuresBeside > 0) && (
					<Box flexDirection='column' marginLeft={sideGap} width={plan.side} flexShrink={0}>
						{plan.untrainedBeside && (classModel === undefined
							? <UntrainedMap id={`${id}.detail.untrained`} source={untrained} scale={untrainedScale} depth={depth} image={image} width={plan.side}/>
							: <ClassModelImage id={`${id}.detail.model`} values={classModel.values} depth={depth} image={image} width={plan.side}/>)}
						{plan.untrainedBeside && plan.figuresBeside > 0 && <Text> </Text>}
						{plan.figuresBeside > 0 && figures.lines.map(line => <Text key={line.text} color={line.color} wrap='truncate-end'>{line.text}</Text>)}
					</Box>
				)}
			</Box>
			{plan.figuresLine && <Text wrap='truncate-end'>{figures.line.map(part => <Text key={part.text} color={part.color}>{part.text}</Text>)}</Text>}
			{plan.pairs >= 0 && analysis !== undefined && (
				<ConfusionLists index={index} name={name} row={row} column={column} names={classNames} count={plan.pairs} columns={plan.pairColumns} width={inner}/>
			)}
			{items.mistakes.length > 0 && split !== undefined && (
				<Box flexDirection='column'>
					<Text color={theme.muted} wrap='truncate-end'>
						{lastIfNoneFits([
							`${shownOf(items.mistakes.length)} misclassified: → the class it was taken for · ← its true class, taken for ${name}`,
							`${shownOf(items.mistakes.length)} misclassified: → taken for · ← true class, taken for ${name}`,
							`${shownOf(items.mistakes.length)} misclassified (→ taken for, ← true class)`,
							`${shownOf(items.mistakes.length)} misclassified`,
						], inner)}
					</Text>
					<Thumbnails
						id={`${id}.wrong`} split={split} rows={image.rows} cols={image.cols} factor={plan.mistakes.factor} perRow={plan.mistakes.perRow} depth={depth}
						items={items.mistakes}
					/>
				</Box>
			)}
			{items.leastSure.length > 0 && split !== undefined && (
				<Box flexDirection='column'>
					<Text color={theme.muted} wrap='truncate-end'>
						{lastIfNoneFits([
							`test images of ${name} classified right, least sure first (confidence under each)`,
							`${name} classified right, least sure first (confidence)`,
							'classified right, least sure first (confidence)',
							'right, least sure first',
						], inner)}
					</Text>
					<Thumbnails
						id={`${id}.sure`} split={split} rows={image.rows} cols={image.cols} factor={plan.leastSure.factor} perRow={plan.leastSure.perRow} depth={depth}
						items={items.leastSure}
					/>
				</Box>
			)}
		</Panel>
	);
}
