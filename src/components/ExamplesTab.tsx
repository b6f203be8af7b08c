import {Box, Text} from 'ink';
import {type ReactNode, useMemo} from 'react';
import type {DatasetSplit} from '../data/dataset.js';
import {keyOf} from '../app/key-map.js';
import type {Classification} from '../app/model-view.js';
import {marks, theme} from '../app/theme.js';
import {useExplanation} from '../app/use-explanation.js';
import type {TrainConfig} from '../nn/config.js';
import type {AttributionKind, Explanation} from '../nn/explain.js';
import type {Parameters} from '../nn/network.js';
import type {ColorDepth} from '../render/color-depth.js';
import {renderGrayImage} from '../render/half-block.js';
import {Attribution, attributionMaps} from './Attribution.js';
import {ConfidenceColumn} from './ConfidenceColumn.js';
import {Contributors} from './Contributors.js';
import {HiddenStrip} from './HiddenStrip.js';
import {lastIfNoneFits} from '../app/wording.js';
import {Panel} from './Panel.js';
import {PixelImage} from './PixelImage.js';
import {AlsoPredicted, TestSetPanel, type TestSetSummary} from './TestSetPanel.js';
import {type HiddenPlace, whyPlan} from './why-plan.js';

export {axisLine, type TestSetSummary} from './TestSetPanel.js';

type Props = {
	readonly split: DatasetSplit;
	readonly rows: number;
	readonly cols: number;
	readonly index: number;
	readonly result: Classification;
	readonly classNames: readonly string[];
	readonly depth: ColorDepth;
	/** The area the tab has, in cells. */
	readonly width: number;
	readonly height: number;
	/** Which network answers: 'epoch 12', 'live · epoch 30', 'untrained'. */
	readonly epochLabel: string;
	/** The test set as this network classifies it, or undefined while it is worked out (`progress` 0..1). */
	readonly summary: TestSetSummary | undefined;
	readonly progress?: number;
	readonly goto: string | null;
	/**
	 * The key hint under the example: the keys that move (the tab has the focus), how to get there (the
	 * tab bar has it), or none (a static snapshot).
	 */
	readonly hint: 'keys' | 'enter' | 'none';
	readonly focused?: boolean;
	/** The network on screen and its configuration: given both, the tab also explains the prediction. */
	readonly parameters?: Parameters;
	readonly config?: TrainConfig;
	/** Which attribution maps to draw (gradient × input unless said). */
	readonly attribution?: AttributionKind;
};

const [byOne, byTen, byPage] = [`${keyOf('left')}/${keyOf('right')} ±1`, `${keyOf('up')}/${keyOf('down')} ±10`, `${keyOf('pageUp')}/${keyOf('pageDown')} ±100`];
const [wrong, goTo] = [`${keyOf('nextWrong')}/${keyOf('previousWrong')} misclassified`, `${keyOf('goto')} go to`];
const hints = {
	keys: [byOne, byTen, byPage, wrong, goTo].join('  '),
	enter: `${keyOf('enter')} to browse the examples (${[byOne, byTen, wrong, goTo].join(', ')})`,
	none: '',
} as const;

/** The narrowest the panels right of the example may be: a class name, a bar of 16 and the value and mark. */
const minSideWidth = 44;

/**
 * How many times to enlarge the example: as far as the height allows (the frame and one line of keys
 * under the image) and the width beside the confidence and test-set panels, never below 1.
 */
export function exampleZoom(width: number, height: number, image: {rows: number; cols: number}, nameWidth: number): number {
	const side = Math.max(minSideWidth, nameWidth + 34);
	const byWidth = Math.floor((width - side - 1 - 2) / image.cols);
	const byHeight = Math.floor((2 * (height - 3)) / image.rows);
	return Math.max(1, Math.min(byWidth, byHeight));
}

/**
 * The confidence panel's title: what the example is and what the network said, and which network;
 * shorter when `room` (the cells the border leaves) is narrow.
 */
export function verdictTitle(truth: string, predicted: string, correct: boolean, epochLabel: string, room = Number.POSITIVE_INFINITY): string {
	const mark = correct ? marks.correct : marks.wrong;
	return lastIfNoneFits([`true ${truth} · predicted ${predicted} ${mark} · ${epochLabel}`, `true ${truth} · predicted ${predicted} ${mark}`, `true ${truth} · said ${predicted} ${mark}`, `${truth} → ${predicted} ${mark}`], room);
}

/**
 * One test image, large, in a frame green (right) or red (wrong); beside it the network's confidence
 * for every class, and how the same network does on the whole test set, class by class. Given the
 * network, the tab also says why: the attribution maps beside the example, and under them every
 * hidden layer's activations and the neurons that pushed the predicted class's score up most.
 */
export function ExamplesTab(props: Props) {
	const {split, rows, cols, index, result, classNames, width, height, goto, hint, parameters, config, attribution = 'gradient-times-input'} = props;
	const explanation = useExplanation(parameters, config, split, index, result.label);
	const keyLine = goto === null
		? <Text color={theme.muted} wrap='truncate-end'>{hints[hint]}</Text>
		: <Text color={theme.accent} wrap='truncate-end'>{`go to example (0-${split.count - 1}): ${goto}▏  ${keyOf('accept')} to go, ${keyOf('cancel')} to cancel`}</Text>;
	const nameWidth = Math.max(...classNames.map(name => name.length));
	const maps = useMemo(() => (explanation === undefined ? [] : attributionMaps(explanation, attribution, classNames)), [explanation, attribution, classNames]);
	const plan = explanation === undefined || config === undefined
		? undefined
		: whyPlan(width, height - 1, {rows, cols}, nameWidth, {
			maps: maps.length, hidden: explanation.hidden.map(layer => layer.length), contributors: explanation.contributions.length > 0,
			tiles: oneHiddenLayer(parameters, rows, cols), classes: classNames.length,
		});
	return (
		<Box flexDirection='column' width={width} height={height}>
			{plan === undefined || explanation === undefined || config === undefined
				? <Plain {...props}/>
				: <Why {...props} explanation={explanation} maps={maps} plan={plan} config={config} attribution={attribution}/>}
			{keyLine}
		</Box>
	);
}

/** The example framed green or red, its image `zoom` times as large, in the middle of a frame `height` tall. */
function ExampleFrame({split, rows, cols, index, correct, zoom, width, height, depth, focused}: {
	readonly split: DatasetSplit; readonly rows: number; readonly cols: number; readonly index: number; readonly correct: boolean;
	readonly zoom: number; readonly width: number; readonly height: number; readonly depth: ColorDepth; readonly focused: boolean;
}) {
	const lines = useMemo(() => {
		const pixels = split.images.subarray(index * rows * cols, (index + 1) * rows * cols);
		return renderGrayImage(pixels, rows, cols, depth, zoom);
	}, [split, index, rows, cols, depth, zoom]);
	const imageTop = Math.max(0, Math.floor((height - 2 - lines.length) / 2));
	return (
		<Panel title={`Example ${index} of ${split.count}`} width={width} height={height} focused={focused} borderColor={correct ? theme.correct : theme.wrong}>
			<Box marginTop={imageTop}><PixelImage id='example' lines={lines} cols={cols * zoom}/></Box>
		</Panel>
	);
}

/**
 * The column right of the example: the confidence panel, the test set under it (a line a class where
 * it can), and others predicted the same when a row of them fits; else the test set takes the rest of
 * the column, so it ends with the example. A `foot` (the hidden strips) takes the column's last rows.
 */
function SideColumn(props: Props & {readonly width: number; readonly height: number; readonly foot?: {readonly height: number; readonly node: ReactNode}}) {
	const {split, rows, cols, index, result, classNames, depth, width, height: whole, epochLabel, summary, progress = 0, foot} = props;
	const {label, predicted, correct} = result;
	const height = whole - (foot?.height ?? 0);
	const nameWidth = Math.max(...classNames.map(name => name.length));
	const confidenceHeight = Math.min(height, classNames.length + 2);
	const sideHeight = height - confidenceHeight;
	const testSetNatural = Math.min(sideHeight, classNames.length + 4);
	const alsoRows = Math.floor((sideHeight - testSetNatural - 2) / (Math.ceil(rows / 4) + 1));
	const alsoHeight = alsoRows >= 1 && summary?.predictions !== undefined ? sideHeight - testSetNatural : 0;
	const testSetHeight = alsoHeight > 0 ? testSetNatural : sideHeight;
	return (
		<Box flexDirection='column' width={width}>
			<Panel title={verdictTitle(classNames[label], classNames[predicted], correct, epochLabel, width - 7)} width={width} height={confidenceHeight} borderColor={correct ? theme.correct : theme.wrong}>
				<ConfidenceColumn outputs={result.outputs} classNames={classNames} label={label} predicted={predicted} barWidth={Math.max(2, width - nameWidth - 14)}/>
			</Panel>
			<TestSetPanel summary={summary} progress={progress} classNames={classNames} width={width} height={testSetHeight} label={label}/>
			{alsoHeight > 0 && summary?.predictions !== undefined && (
				<AlsoPredicted
					split={split} rows={rows} cols={cols} index={index} predicted={predicted} predictions={summary.predictions}
					classNames={classNames} width={width} height={alsoHeight} depth={depth}
				/>
			)}
			{foot?.node}
		</Box>
	);
}

/** The tab without an explanation: the example as large as fits, the side column beside it. */
function Plain(props: Props) {
	const {rows, cols, classNames, width, height, result, focused = false} = props;
	const nameWidth = Math.max(...classNames.map(name => name.length));
	const zoom = exampleZoom(width, height, {rows, cols}, nameWidth);
	const imageWidth = Math.min(width, (cols * zoom) + 2);
	const sideWidth = Math.max(0, width - imageWidth - 1);
	const side = sideWidth >= minSideWidth;
	// Beside the panels the example's frame is as tall as they are, the image in its middle.
	const frameHeight = side ? height - 1 : Math.min(height - 1, Math.ceil(rows * zoom / 2) + 2);
	return (
		<Box>
			<ExampleFrame {...props} correct={result.correct} zoom={zoom} width={imageWidth} height={frameHeight} focused={focused}/>
			{side && <Box marginLeft={1}><SideColumn {...props} width={sideWidth} height={height - 1}/></Box>}
		</Box>
	);
}

type WhyProps = Props & {
	readonly explanation: Explanation;
	readonly maps: ReturnType<typeof attributionMaps>;
	readonly plan: NonNullable<ReturnType<typeof whyPlan>>;
	readonly config: TrainConfig;
	readonly attribution: AttributionKind;
};

/** Whether the network has one hidden layer over the image, so each hidden neuron's weights draw as a tile. */
function oneHiddenLayer(parameters: Parameters | undefined, rows: number, cols: number): parameters is Parameters {
	return parameters !== undefined && parameters.layers.length === 3 && parameters.layers[0] === rows * cols;
}

/**
 * The tab with its explanation: the example and its attribution maps (as large and as many as the plan
 * says), the hidden layers' strips where the plan puts them, the contributors under them, the side column right.
 */
function Why(props: WhyProps) {
	const {rows, cols, classNames, depth, result, focused = false, explanation, maps, plan, config, attribution, parameters} = props;
	const strip = (width: number) => <HiddenStrip layers={explanation.hidden} activation={config.activation} width={width} height={plan.hiddenHeight} depth={depth}/>;
	const at = (place: HiddenPlace) => plan.hiddenHeight > 0 && plan.hiddenPlace === place;
	return (
		<Box>
			<Box flexDirection='column' width={plan.leftWidth}>
				<Box height={plan.topHeight}>
					<Box flexDirection='column' width={plan.exampleWidth}>
						<ExampleFrame {...props} correct={result.correct} zoom={plan.exampleZoom} width={plan.exampleWidth} height={plan.exampleHeight} focused={focused}/>
						{at('under-example') && strip(plan.exampleWidth)}
					</Box>
					<Box flexDirection='column' marginLeft={1} width={plan.mapsWidth}>
						<Attribution
							maps={maps.slice(0, plan.maps)} kind={attribution} toggleKey={keyOf('toggleAttribution')} rows={rows} cols={cols} width={plan.mapsWidth} height={plan.mapsHeight}
							captions={plan.captions} scaleBar={plan.scaleBar} depth={depth} zoom={plan.mapZoom} columns={plan.mapColumns}
						/>
						{at('under-maps') && strip(plan.mapsWidth)}
					</Box>
				</Box>
				{at('below') && strip(plan.leftWidth)}
				{plan.contributorsHeight > 0 && (
					<Contributors
						contributions={explanation.contributions} className={classNames[explanation.predicted] ?? String(explanation.predicted)}
						tiles={oneHiddenLayer(parameters, rows, cols) ? {weights: parameters.weights[0], rows, cols} : undefined} width={plan.leftWidth} height={plan.contributorsHeight} depth={depth}
					/>
				)}
			</Box>
			<Box marginLeft={1}>
				<SideColumn {...props} width={plan.sideWidth} height={plan.height} foot={at('side') ? {height: plan.hiddenHeight, node: strip(plan.sideWidth)} : undefined}/>
			</Box>
		</Box>
	);
}
