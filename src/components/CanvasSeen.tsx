import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {keyOf} from '../app/key-map.js';
import {theme} from '../app/theme.js';
import {firstFitting} from '../app/wording.js';
import {toPixelBytes} from '../data/mnist-preprocess.js';
import {maxAbs} from '../nn/class-maps.js';
import {type AttributionKind, attributionOf, differenceMap, type Explanation} from '../nn/explain.js';
import type {ColorDepth} from '../render/color-depth.js';
import {renderGrayImage, renderSignedImage} from '../render/half-block.js';
import {Panel} from './Panel.js';
import {PixelImage} from './PixelImage.js';

/** Said in place of the maps while nothing is drawn: the maps of a blank input would show nothing. */
export const blankMessage = 'nothing drawn yet: draw with the mouse, or Space and the arrows';
const shortBlankMessage = 'nothing drawn yet';

const kindName: Readonly<Record<AttributionKind, string>> = {'gradient-times-input': 'gradient × input', gradient: 'gradient'};

/** The class the answer is compared with: the true class when the answer is wrong, else the runner-up. */
export function comparedClass(outputs: ArrayLike<number>, predicted: number, truth: number | undefined): number {
	if (truth !== undefined && truth !== predicted) {
		return truth;
	}

	let best = predicted === 0 ? 1 : 0;
	for (let c = 0; c < outputs.length; c++) {
		best = c !== predicted && outputs[c] > outputs[best] ? c : best;
	}

	return best;
}

const copyKey = keyOf('copyExample');

type Image = {readonly id: string; readonly caption: readonly string[]; readonly lines: readonly string[]};

type Props = {
	readonly input: Float32Array;
	readonly explanation: Explanation;
	readonly kind: AttributionKind;
	readonly classNames: readonly string[];
	readonly truth: number | undefined;
	readonly rows: number;
	readonly cols: number;
	readonly width: number;
	readonly height: number;
	/** 2: the input and the answer's map; 4: those and, under them, the compared class's map and the difference. */
	readonly maps: 2 | 4;
	readonly blank: boolean;
	readonly depth: ColorDepth;
	/** The test example `e` copies onto the canvas (tab 1's), shown under the message while nothing is drawn, where it fits. */
	readonly example?: {readonly index: number; readonly pixels: Uint8Array; readonly label: number};
};

/** The images of the panel and their common scale: the maps on one signed scale, so they compare. */
function useImages({input, explanation, kind, classNames, truth, rows, cols, maps, depth}: Props): {images: Image[]; scale: number} {
	return useMemo(() => {
		const answer = attributionOf(explanation, kind, 'predicted');
		const p = classNames[explanation.predicted];
		const inputImage = {id: 'draw.input', caption: ['input (MNIST-style)', 'input'], lines: renderGrayImage(toPixelBytes(input), rows, cols, depth)};
		const other = maps === 4 && explanation.other !== undefined ? explanation.other.classIndex : undefined;
		const values = other === undefined ? [answer] : [answer, attributionOf(explanation, kind, 'other')];
		if (other !== undefined) {
			values.push(differenceMap(values[0], values[1]));
		}

		const scale = Math.max(...values.map(map => maxAbs(map)));
		const signed = (id: string, caption: string[], map: Float64Array): Image => ({id, caption, lines: renderSignedImage(map, rows, cols, scale, depth)});
		if (other === undefined) {
			return {images: [inputImage, signed('draw.attribution', [`${kindName[kind]} ±${scale.toPrecision(2)}`, `±${scale.toPrecision(2)}`], answer)], scale};
		}

		const o = classNames[other];
		const role = other === truth ? 'true' : 'runner-up';
		return {
			images: [
				inputImage,
				signed('draw.attribution', [`why ${p}, the answer`, `why ${p}`], answer),
				signed('draw.attribution.other', [`why ${o}, the ${role}`, `why ${o} (${role})`, `why ${o}`], values[1]),
				signed('draw.attribution.difference', [`${p} rather than ${o}`, `${p} − ${o}`], values[2]),
			],
			scale,
		};
	}, [input, explanation, kind, classNames, truth, rows, cols, maps, depth]);
}

/**
 * The drawing as the network gets it (MNIST's preprocessing) and why it answers as it does: the
 * answer's attribution map beside it and, with four, the compared class's map and the difference under
 * them. While nothing is drawn, a line that says how to draw instead of maps of nothing.
 */
export function SeenPanel(props: Props) {
	const {explanation, kind, classNames, cols, width, height, blank} = props;
	const {images, scale} = useImages(props);
	const inner = width - 2;
	const p = classNames[explanation.predicted];
	if (blank) {
		const {example} = props;
		const imageRows = Math.ceil(props.rows / 2);
		// The message (whole, or short on one line), the example's caption and its picture, a blank row between where there is room.
		const whole = Math.ceil(blankMessage.length / inner);
		const message = height - 2 >= whole + 1 + imageRows ? blankMessage : shortBlankMessage;
		const spare = height - 2 - (message === blankMessage ? whole : 1) - 1 - imageRows;
		return (
			<Panel title='What the network sees' width={width} height={height}>
				{example !== undefined && spare >= 0 && inner >= cols
					? (
						<Box flexDirection='column' alignItems='center' width={inner}>
							<Text color={theme.muted} wrap={message === blankMessage ? 'wrap' : 'truncate-end'}>{message}</Text>
							{spare > 0 && <Text> </Text>}
							<Text color={theme.muted} wrap='truncate-end'>
								{firstFitting([`or ${copyKey}: start from test example ${example.index} (true ${classNames[example.label]})`, `or ${copyKey}: start from example ${example.index}`, `${copyKey}: example ${example.index}`], inner)}
							</Text>
							<PixelImage id='draw.example' lines={renderGrayImage(example.pixels, props.rows, cols, props.depth)} cols={cols}/>
						</Box>
					)
					: <Message width={inner} height={height - 2}/>}
			</Panel>
		);
	}

	const four = images.length === 4;
	const title = four ? firstFitting([`What the network sees · ${kindName[kind]}`, 'What the network sees'], inner - 12) : `What the network sees · why ${p}`;
	const rowsOfImages = four ? [images.slice(0, 2), images.slice(2)] : [images];
	return (
		<Panel title={title} note={four ? `±${scale.toPrecision(2)}` : ''} width={width} height={height}>
			{rowsOfImages.map(pair => (
				<Box key={pair[0].id} flexDirection='row'>
					{pair.map((image, k) => (
						<Box key={image.id} flexDirection='column' width={cols} marginLeft={k === 0 ? 0 : 2} flexShrink={0}>
							<Text color={theme.muted} wrap='truncate-end'>{firstFitting(image.caption, cols, image.caption.at(-1))}</Text>
							<PixelImage id={image.id} lines={image.lines} cols={cols}/>
						</Box>
					))}
				</Box>
			))}
		</Panel>
	);
}

/** How to draw, where the maps would be, wrapped and set in the middle of the rows. */
export function Message({width, height}: {readonly width: number; readonly height: number}) {
	return (
		<Box width={width} height={Math.max(1, height)} justifyContent='center' alignItems='center'>
			<Text color={theme.muted} wrap='wrap'>{blankMessage}</Text>
		</Box>
	);
}

type SmallProps = Omit<Props, 'maps' | 'width' | 'height'> & {readonly input: Float32Array};

/** The narrow layout's panels, one image each: the network's input and, when it fits, the answer's map. */
export function SmallPanels({attributionShown, ...props}: SmallProps & {readonly attributionShown: boolean}) {
	const {images} = useImages({...props, maps: 2, width: 0, height: 0});
	const {cols, blank} = props;
	const small = {width: cols + 2, height: Math.ceil(props.rows / 2) + 2};
	const panel = (title: string, image: Image) => (
		<Panel key={image.id} title={title} width={small.width} height={small.height}>
			{blank ? <Message width={cols} height={small.height - 2}/> : <PixelImage id={image.id} lines={image.lines} cols={cols}/>}
		</Panel>
	);
	return (
		<Box flexDirection='column'>
			{panel('Network input', images[0])}
			{attributionShown && panel(blank ? kindName[props.kind] : images[1].caption[0], images[1])}
		</Box>
	);
}
