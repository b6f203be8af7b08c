import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {theme} from '../app/theme.js';
import {enlarge, scaleText} from '../app/tile-sources.js';
import {firstFitting} from '../app/wording.js';
import {maxAbs} from '../nn/class-maps.js';
import {type AttributionKind, attributionOf, differenceMap, type Explanation} from '../nn/explain.js';
import type {ColorDepth} from '../render/color-depth.js';
import {renderSignedImage} from '../render/half-block.js';
import {PixelImage} from './PixelImage.js';
import {Panel} from './Panel.js';
import {ScaleBar} from './ScaleBar.js';

/** One attribution map to draw: whose it is, its caption and its values (one per input pixel). */
export type AttributionMap = {readonly role: 'predicted' | 'true' | 'difference'; readonly caption: readonly string[]; readonly values: Float64Array};

/** How a kind is said in titles. */
export const attributionName: Readonly<Record<AttributionKind, string>> = {'gradient-times-input': 'gradient × input', gradient: 'gradient'};

/** The width of the scale bar beside the maps (the bar, a space and its ±values). */
export const scaleBarWidth = 8;

/**
 * The maps that explain a prediction, in the order they are dropped last to first: the predicted
 * class's; when the prediction is wrong (the explanation's other class is the true class and not the
 * predicted one), the true class's and the difference, predicted minus true, what pushed the input to
 * the one rather than the other. Captions are offered longest first.
 */
export function attributionMaps(e: Explanation, kind: AttributionKind, classNames: readonly string[]): AttributionMap[] {
	const predicted = attributionOf(e, kind, 'predicted');
	const p = classNames[e.predicted] ?? String(e.predicted);
	if (e.other === undefined || e.other.classIndex === e.predicted) {
		return [{role: 'predicted', caption: [`for ${p}, the class predicted`, `for ${p} (predicted)`, `for ${p}`], values: predicted}];
	}

	const t = classNames[e.other.classIndex] ?? String(e.other.classIndex);
	const truth = attributionOf(e, kind, 'other');
	return [
		{role: 'predicted', caption: [`for ${p}, predicted`, `for ${p} (predicted)`, `for ${p}`], values: predicted},
		{role: 'true', caption: [`for ${t}, the true class`, `for ${t} (true)`, `for ${t}`], values: truth},
		{role: 'difference', caption: [`${p} rather than ${t}`, `${p} − ${t}`, 'difference'], values: differenceMap(predicted, truth)},
	];
}

/** Outer width of the maps panel for `count` maps `cols` wide a row, with or without the scale bar beside them. */
export function attributionWidth(count: number, cols: number, scaleBar: boolean): number {
	return (count * cols) + Math.max(0, count - 1) + (scaleBar ? scaleBarWidth : 0) + 2;
}

type Props = {
	readonly maps: readonly AttributionMap[];
	readonly kind: AttributionKind;
	/** The key that switches the kind, when there is one. */
	readonly toggleKey?: string;
	readonly rows: number;
	readonly cols: number;
	readonly width: number;
	readonly height: number;
	/** A caption line over each map; without it a single map's caption goes in the title. */
	readonly captions: boolean;
	/** The scale as a bar beside the maps; without it, as ±value in the border. */
	readonly scaleBar: boolean;
	readonly depth: ColorDepth;
	/** Each map drawn `zoom` times its size (1 unless said), `columns` maps a row (all in one row unless said). */
	readonly zoom?: number;
	readonly columns?: number;
};

/**
 * The attribution maps beside the example on one signed scale (the largest magnitude among them), so
 * they compare: orange pixels raised the class's score, blue ones lowered it. The title says which
 * kind (and the key that switches it); the scale is a bar beside the maps or its value in the border.
 */
export function Attribution({maps, kind, toggleKey, rows, cols, width, height, captions, scaleBar, depth, zoom = 1, columns = maps.length}: Props) {
	const scale = Math.max(...maps.map(map => maxAbs(map.values)));
	const [tall, wide] = [rows * zoom, cols * zoom];
	const lines = useMemo(() => maps.map(map => renderSignedImage(zoom === 1 ? map.values : enlarge(map.values, rows, cols, zoom), tall, wide, scale, depth)), [maps, rows, cols, zoom, tall, wide, scale, depth]);
	const inner = width - 2;
	const imageRows = Math.ceil(tall / 2);
	const gridRows = Math.ceil(maps.length / Math.max(1, columns));
	const what = attributionName[kind];
	const note = scaleBar ? '' : `±${scaleText(scale, '+').slice(1)}`;
	// The room Panel leaves the title beside the note.
	const titleRoom = width - 5 - (note === '' ? 0 : note.length + 2);
	const toggle = toggleKey === undefined ? '' : ` (${toggleKey} switches)`;
	const title = !captions && maps.length === 1
		? firstFitting([...maps[0].caption.map(caption => `Why: ${what} ${caption}${toggle}`), ...maps[0].caption.map(caption => `${what} ${caption}`), `${maps[0].caption.at(-1) ?? ''}`], titleRoom, what)
		: firstFitting([`Why: ${what}${toggle}`, `Why: ${what}`, what], titleRoom, what);
	const top = Math.max(0, Math.floor((height - 2 - (gridRows * (imageRows + (captions ? 1 : 0)))) / 2));
	// With a place left free in the last row of maps, the scale bar stands there.
	const inSlot = scaleBar && gridRows * columns > maps.length;
	const grid = Array.from({length: gridRows}, (_, r) => maps.slice(r * columns, (r + 1) * columns));
	return (
		<Panel title={title} note={note} width={width} height={height}>
			<Box flexDirection='row' marginTop={top} width={inner}>
				<Box flexDirection='column' flexShrink={0}>
					{grid.map((row, r) => (
						<Box key={row[0].role} flexDirection='row'>
							{row.map((map, k) => (
								<Box key={map.role} flexDirection='column' width={wide} marginLeft={k === 0 ? 0 : 1} flexShrink={0}>
									{captions && <Text color={theme.muted} wrap='truncate-end'>{firstFitting(map.caption, wide, map.caption.at(-1))}</Text>}
									<PixelImage id={`examples.attribution.${map.role}`} lines={lines[(r * columns) + k]} cols={wide}/>
								</Box>
							))}
							{inSlot && r === gridRows - 1 && (
								<Box marginLeft={1} marginTop={captions ? 1 : 0} flexShrink={0}>
									<ScaleBar scale={scale} rows={imageRows} depth={depth} id='examples.attribution.scale'/>
								</Box>
							)}
						</Box>
					))}
				</Box>
				{scaleBar && !inSlot && (
					<Box marginLeft={1} marginTop={captions ? 1 : 0} flexShrink={0}>
						<ScaleBar scale={scale} rows={imageRows} depth={depth} id='examples.attribution.scale'/>
					</Box>
				)}
			</Box>
		</Panel>
	);
}
