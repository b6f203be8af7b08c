import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {canvasBytesWithCursor, pixelCentre} from '../app/canvas.js';
import {type CanvasLayout, canvasLayout} from '../app/canvas-layout.js';
import {keyOf} from '../app/key-map.js';
import type {DrawState} from '../app/state.js';
import {marks, theme} from '../app/theme.js';
import {preprocessDigit, toPixelBytes} from '../data/mnist-preprocess.js';
import {maxAbs} from '../nn/class-maps.js';
import type {TrainConfig} from '../nn/config.js';
import {type AttributionKind, attributionOf, Explainer, type Explanation} from '../nn/explain.js';
import type {Parameters} from '../nn/network.js';
import type {ColorDepth} from '../render/color-depth.js';
import {renderGrayImage, renderSignedImage} from '../render/half-block.js';
import {ConfidenceColumn} from './ConfidenceColumn.js';
import {HiddenStrip} from './HiddenStrip.js';
import {Panel} from './Panel.js';
import {PixelImage} from './PixelImage.js';

type Props = {
	readonly draw: DrawState;
	readonly parameters: Parameters;
	readonly config: TrainConfig;
	readonly classNames: readonly string[];
	/** The test set's labels: the true class of an example copied onto the canvas. */
	readonly labels: Uint8Array;
	readonly attribution: AttributionKind;
	readonly depth: ColorDepth;
	readonly width: number;
	readonly height: number;
	/** Which network answers: 'epoch 12', 'live · epoch 30'. */
	readonly epochLabel: string;
	readonly focused?: boolean;
};

const kindName: Readonly<Record<AttributionKind, string>> = {'gradient-times-input': 'gradient × input', gradient: 'gradient'};

const keyHints = [
	`${keyOf('penPaint')} pen`, `${keyOf('penErase')} eraser`, `${keyOf('clearCanvas')} clear`, `${keyOf('brushSize')} brush`,
	`${keyOf('copyExample')} copy example`, `${keyOf('toggleAttribution')} attribution`, 'mouse: left draws, right erases',
].join(' · ');

/** The drawing as the network sees it: preprocessed as MNIST's digits were, then explained. */
function useAnswer(draw: DrawState, config: TrainConfig, parameters: Parameters): {input: Float32Array; explanation: Explanation; blank: boolean} {
	const {canvas} = draw;
	const explainer = useMemo(() => new Explainer(config, parameters), [config, parameters]);
	const input = useMemo(() => preprocessDigit(canvas.pixels, {rows: canvas.rows, cols: canvas.cols}), [canvas]);
	const explanation = useMemo(() => explainer.explain(Float64Array.from(input)), [explainer, input]);
	return {input, explanation, blank: input.every(v => v === 0)};
}

/**
 * The draw tab: a canvas drawn large with the brush on it, the drawing as the network gets it
 * (MNIST's preprocessing), the network's answer for every class and, where there is room, the
 * attribution map of the class it predicts.
 */
export function CanvasTab(props: Props) {
	const {draw, parameters, config, classNames, labels, depth, width, height, focused = false} = props;
	const {canvas, cursor, brush, pen, copiedFrom} = draw;
	const nameWidth = Math.max(...classNames.map(name => name.length));
	const layout = canvasLayout(width, height, canvas, classNames.length, nameWidth);
	const {zoom} = layout;
	const {input, explanation, blank} = useAnswer(draw, config, parameters);
	const canvasLines = useMemo(
		() => renderGrayImage(canvasBytesWithCursor(canvas, pixelCentre(cursor.x, cursor.y), brush), canvas.rows, canvas.cols, depth, zoom),
		[canvas, cursor.x, cursor.y, brush, depth, zoom],
	);
	const truth = copiedFrom === null ? undefined : labels[copiedFrom];
	const penWords = pen === 'up' ? '' : ` · ${pen === 'paint' ? 'pen down' : 'eraser down'}`;
	const row = (
		<Box>
			<Panel
				title={`Draw · brush ${brush}${penWords}`} note={copiedFrom === null || zoom === 1 ? '' : `example ${copiedFrom}`}
				width={layout.canvas.width} height={layout.canvas.height} focused={focused}
			>
				<PixelImage id='draw.canvas' lines={canvasLines} cols={canvas.cols * zoom}/>
			</Panel>
			<Box marginLeft={1}>
				<Side {...props} layout={layout} input={input} explanation={explanation} blank={blank} truth={truth}/>
			</Box>
		</Box>
	);
	return (
		<Box flexDirection='column' width={width} height={height}>
			{row}
			<Text color={theme.muted} wrap='truncate-end'>{keyHints}</Text>
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

/** Right of the canvas: the answer, the network's input and the attribution map, as the layout places them. */
function Side({layout, input, explanation, blank, truth, classNames, depth, attribution, epochLabel, draw, config}: SideProps) {
	const {rows, cols} = draw.canvas;
	const inputLines = useMemo(() => renderGrayImage(toPixelBytes(input), rows, cols, depth), [input, rows, cols, depth]);
	const map = useMemo(() => attributionOf(explanation, attribution, 'predicted'), [explanation, attribution]);
	const scale = maxAbs(map);
	const mapLines = useMemo(() => renderSignedImage(map, rows, cols, scale, depth), [map, rows, cols, scale, depth]);
	const predicted = classNames[explanation.predicted];
	const mapTitle = `${kindName[attribution]} ±${scale.toPrecision(2)}`;
	const answer = (
		<AnswerPanel
			outputs={explanation.outputs} predicted={explanation.predicted} truth={truth} classNames={classNames} blank={blank}
			epochLabel={epochLabel} width={layout.answer.width} height={layout.answer.height}
		/>
	);
	const {input: inputRect, attribution: attributionRect} = layout;
	switch (layout.arrangement) {
		case 'column': {
			return (
				<Box flexDirection='column'>
					{answer}
					{inputRect !== undefined && (
						<Panel title={`What the network sees · why ${predicted}`} width={inputRect.width} height={inputRect.height}>
							<Box>
								<Text color={theme.muted} wrap='truncate-end'>{'input (MNIST-style)'.padEnd(cols + 2).slice(0, cols + 2)}</Text>
								<Box width={cols}><Text color={theme.muted} wrap='truncate-end'>{mapTitle}</Text></Box>
							</Box>
							<Box>
								<PixelImage id='draw.input' lines={inputLines} cols={cols}/>
								<Box marginLeft={2}><PixelImage id='draw.attribution' lines={mapLines} cols={cols}/></Box>
							</Box>
						</Panel>
					)}
					{layout.strip !== undefined && explanation.hidden.length > 0 && (
						<HiddenStrip layers={explanation.hidden} activation={config.activation} width={layout.strip.width} height={layout.strip.height} depth={depth}/>
					)}
				</Box>
			);
		}

		case 'row': {
			return (
				<Box>
					<Box flexDirection='column'>
						{inputRect !== undefined && (
							<Panel title='Network input' width={inputRect.width} height={inputRect.height}>
								<PixelImage id='draw.input' lines={inputLines} cols={cols}/>
							</Panel>
						)}
						{attributionRect !== undefined && (
							<Panel title={mapTitle} width={attributionRect.width} height={attributionRect.height}>
								<PixelImage id='draw.attribution' lines={mapLines} cols={cols}/>
							</Panel>
						)}
					</Box>
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
