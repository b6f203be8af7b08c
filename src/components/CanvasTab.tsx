import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {canvasBytesWithCursor, pixelCentre} from '../app/canvas.js';
import {type CanvasLayout, canvasLayout} from '../app/canvas-layout.js';
import {keyOf} from '../app/key-map.js';
import type {DrawState} from '../app/state.js';
import {marks, theme} from '../app/theme.js';
import {firstFitting} from '../app/wording.js';
import {preprocessDigit} from '../data/mnist-preprocess.js';
import type {TrainConfig} from '../nn/config.js';
import {type AttributionKind, Explainer, type Explanation} from '../nn/explain.js';
import type {Parameters} from '../nn/network.js';
import type {ColorDepth} from '../render/color-depth.js';
import {renderGrayImage} from '../render/half-block.js';
import {ConfidenceColumn} from './ConfidenceColumn.js';
import {HiddenStrip} from './HiddenStrip.js';
import {comparedClass, SeenPanel, SmallPanels} from './CanvasSeen.js';
import {Panel} from './Panel.js';
import {PixelImage} from './PixelImage.js';

type Props = {
	readonly draw: DrawState;
	readonly parameters: Parameters;
	readonly config: TrainConfig;
	readonly classNames: readonly string[];
	/** The test set's labels: the true class of an example copied onto the canvas. */
	readonly labels: Uint8Array;
	/** The test set's pixels and tab 1's example: the one `e` copies, shown while nothing is drawn. */
	readonly test?: {readonly images: Uint8Array; readonly example: number};
	readonly attribution: AttributionKind;
	readonly depth: ColorDepth;
	readonly width: number;
	readonly height: number;
	/** Which network answers: 'epoch 12', 'live · epoch 30'. */
	readonly epochLabel: string;
	readonly focused?: boolean;
};

const keyHints = [
	`${keyOf('penPaint')} pen`, `${keyOf('penErase')} eraser`, `${keyOf('clearCanvas')} clear`, `${keyOf('brushSize')} brush`,
	`${keyOf('copyExample')} copy example`, `${keyOf('toggleAttribution')} attribution`, 'mouse: left draws, right erases',
].join(' · ');

/** The keys' panel, where the layout gives it rows: the keys, the mouse and what is done to a drawing before the network sees it. */
const keyLines = [
	`${keyOf('penPaint')} pen down / up · arrows move the brush · ${keyOf('penErase')} eraser · ${keyOf('clearCanvas')} clear · ${keyOf('brushSize')} brush size · ${keyOf('copyExample')} copy the test example · ${keyOf('toggleAttribution')} attribution kind`,
	'mouse: the left button draws, the right one erases',
	'The network sees a drawing as MNIST\'s digits were made: centred by its centre of mass and scaled to fit a 20x20 box.',
	'The maps: how much each pixel raised (+) or lowered (−) a class\'s score, on one scale.',
];

/** The drawing as the network sees it: preprocessed as MNIST's digits were, then explained, with the compared class's maps when asked. */
function useAnswer(draw: DrawState, config: TrainConfig, parameters: Parameters, compare: boolean, truth: number | undefined): {input: Float32Array; explanation: Explanation; blank: boolean} {
	const {canvas} = draw;
	const explainer = useMemo(() => new Explainer(config, parameters), [config, parameters]);
	const input = useMemo(() => preprocessDigit(canvas.pixels, {rows: canvas.rows, cols: canvas.cols}), [canvas]);
	const explanation = useMemo(() => {
		const values = Float64Array.from(input);
		const e = explainer.explain(values);
		return compare ? explainer.explain(values, comparedClass(e.outputs, e.predicted, truth)) : e;
	}, [explainer, input, compare, truth]);
	return {input, explanation, blank: input.every(v => v === 0)};
}

/** Where the hint goes on a blank canvas: the bottom text row, or the top one when the brush is in the lower half. */
function hintRow(cursorY: number, rows: number, textRows: number): number {
	return cursorY < rows / 2 ? textRows - 1 : 0;
}

/**
 * The draw tab: a canvas drawn large with the brush on it, the drawing as the network gets it
 * (MNIST's preprocessing), the network's answer for every class and, where there is room, the
 * attribution maps and the hidden layers' activations, as canvasLayout places them.
 */
export function CanvasTab(props: Props) {
	const {draw, parameters, config, classNames, labels, depth, width, height, focused = false} = props;
	const {canvas, cursor, brush, pen, copiedFrom} = draw;
	const nameWidth = Math.max(...classNames.map(name => name.length));
	const layout = canvasLayout(width, height, canvas, classNames.length, nameWidth, config.layers.slice(1, -1));
	const {zoom} = layout;
	const truth = copiedFrom === null ? undefined : labels[copiedFrom];
	const {input, explanation, blank} = useAnswer(draw, config, parameters, layout.maps === 4, truth);
	const canvasLines = useMemo(
		() => renderGrayImage(canvasBytesWithCursor(canvas, pixelCentre(cursor.x, cursor.y), brush), canvas.rows, canvas.cols, depth, zoom),
		[canvas, cursor.x, cursor.y, brush, depth, zoom],
	);
	const penWords = pen === 'up' ? '' : ` · ${pen === 'paint' ? 'pen down' : 'eraser down'}`;
	const cols = canvas.cols * zoom;
	const hint = blank ? hintRow(cursor.y, canvas.rows, canvasLines.length) : -1;
	const hintText = firstFitting(['draw here with the mouse, or Space and the arrows', 'draw: the mouse, or Space and arrows', 'draw here'], cols - 2);
	const row = (
		<Box>
			<Panel
				title={`Draw · brush ${brush}${penWords}`} note={copiedFrom === null || zoom === 1 ? '' : `example ${copiedFrom}`}
				width={layout.canvas.width} height={layout.canvas.height} focused={focused}
			>
				{hint === 0 && <Text color={theme.muted} dimColor>{hintText.padStart(Math.floor((cols + hintText.length) / 2)).padEnd(cols)}</Text>}
				<PixelImage id='draw.canvas' lines={hint < 0 ? canvasLines : (hint === 0 ? canvasLines.slice(1) : canvasLines.slice(0, -1))} cols={cols}/>
				{hint > 0 && <Text color={theme.muted} dimColor>{hintText.padStart(Math.floor((cols + hintText.length) / 2)).padEnd(cols)}</Text>}
			</Panel>
			<Box marginLeft={1}>
				<Side {...props} layout={layout} input={input} explanation={explanation} blank={blank} truth={truth}/>
			</Box>
		</Box>
	);
	const {strip, keys} = layout;
	return (
		<Box flexDirection='column' width={width} height={height}>
			{row}
			{strip !== undefined && strip.left === 0 && explanation.hidden.length > 0 && (
				<HiddenStrip layers={explanation.hidden} activation={config.activation} width={strip.width} height={strip.height} depth={depth}/>
			)}
			{keys === undefined
				? <Text color={theme.muted} wrap='truncate-end'>{keyHints}</Text>
				: (
					<Panel title='Drawing' width={keys.width} height={keys.height}>
						{keyLines.map(line => <Text key={line} color={theme.muted} wrap='truncate-end'>{line}</Text>)}
					</Panel>
				)}
		</Box>
	);
}

type SideProps = Props & {
	readonly layout: CanvasLayout;
	readonly input: Float32Array;
	readonly explanation: Explanation;
	readonly blank: boolean;
	readonly truth: number | undefined;
};

/** Right of the canvas: the answer, the network's input and the attribution maps, and the hidden layers beside the canvas, as the layout places them. */
function Side({layout, input, explanation, blank, truth, classNames, depth, attribution, epochLabel, draw, config, test, labels}: SideProps) {
	const {rows, cols} = draw.canvas;
	const n = rows * cols;
	const example = test !== undefined && blank && (test.example + 1) * n <= test.images.length
		? {index: test.example, pixels: test.images.subarray(test.example * n, (test.example + 1) * n), label: labels[test.example]}
		: undefined;
	const answer = (
		<AnswerPanel
			outputs={explanation.outputs} predicted={explanation.predicted} truth={truth} classNames={classNames} blank={blank}
			epochLabel={epochLabel} width={layout.answer.width} height={layout.answer.height}
		/>
	);
	const seen = {input, explanation, kind: attribution, classNames, truth, rows, cols, blank, depth, example};
	const {input: inputRect, strip} = layout;
	switch (layout.arrangement) {
		case 'column': {
			return (
				<Box flexDirection='column'>
					{answer}
					{inputRect !== undefined && <SeenPanel {...seen} maps={layout.maps} width={inputRect.width} height={inputRect.height}/>}
					{strip !== undefined && strip.left > 0 && explanation.hidden.length > 0 && (
						<HiddenStrip layers={explanation.hidden} activation={config.activation} width={strip.width} height={strip.height} depth={depth}/>
					)}
				</Box>
			);
		}

		case 'row': {
			return (
				<Box>
					{inputRect !== undefined && <SmallPanels {...seen} attributionShown={layout.attribution !== undefined}/>}
					<Box marginLeft={1}>{answer}</Box>
				</Box>
			);
		}

		case 'answer': {
			return answer;
		}
	}
}

type AnswerProps = {
	readonly outputs: ArrayLike<number>;
	readonly predicted: number;
	/** The true class when the canvas holds a test example as copied, else undefined. */
	readonly truth: number | undefined;
	readonly classNames: readonly string[];
	readonly blank: boolean;
	readonly epochLabel: string;
	readonly width: number;
	readonly height: number;
};

/** The network's answer in the title ('the network says 1'), and every class's output as a bar, the answer marked. */
function AnswerPanel({outputs, predicted, truth, classNames, blank, epochLabel, width, height}: AnswerProps) {
	const nameWidth = Math.max(...classNames.map(name => name.length));
	// A row: the name, a space, the bar, ' 0.816 ' and a mark of up to 4 cells ('true').
	const barWidth = Math.max(1, width - 2 - nameWidth - 1 - 11);
	const name = classNames[predicted];
	const verdict = truth === undefined ? '' : ` · true ${classNames[truth]} ${truth === predicted ? marks.correct : marks.wrong}`;
	const room = width - 7;
	const says = [
		...(blank ? [`the canvas is blank; the network says ${name}`] : []), `the network says ${name}${verdict}`, `says ${name}${verdict}`, `${name}${verdict}`,
	].find(text => [...text].length <= room) ?? name;
	const note = [...says].length + epochLabel.length + 2 <= room - 12 ? epochLabel : '';
	return (
		<Panel title={says} note={note} width={width} height={height} focused={false}>
			<ConfidenceColumn outputs={outputs} classNames={classNames} label={truth} predicted={predicted} barWidth={barWidth}/>
		</Panel>
	);
}
