import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {theme} from '../app/theme.js';
import {tileSize} from '../app/tile-layout.js';
import {scaleText, type TileSource} from '../app/tile-sources.js';
import {maxAbs} from '../nn/class-maps.js';
import type {ColorDepth} from '../render/color-depth.js';
import {downsample} from '../render/downsample.js';
import {renderSignedImage} from '../render/half-block.js';
import {PixelImage} from './PixelImage.js';
import {firstFitting} from '../app/wording.js';

type Props = {
	readonly id: string;
	readonly source: TileSource;
	/** |value| at full colour (0: the averaged map's own largest). */
	readonly scale: number;
	readonly depth: ColorDepth;
	readonly image: {readonly rows: number; readonly cols: number};
	/** Cells for the caption (the map itself is half the image's width). */
	readonly width: number;
};

/**
 * A class's untrained map averaged 2 x 2, small beside the trained one, under a caption that says its
 * own colour scale (it is drawn to its own largest value, not to the trained map's scale beside it).
 */
export function UntrainedMap({id, source, scale, depth, image, width}: Props) {
	const small = useMemo(() => downsample(source.values, image.rows, image.cols, 2), [source, image.rows, image.cols]);
	const shown = scale === 0 ? maxAbs(small.values) : scale;
	const lines = useMemo(() => renderSignedImage(small.values, small.rows, small.cols, shown, depth), [small, shown, depth]);
	const {cols} = tileSize(image, 2);
	const end = scaleText(shown, '+');
	const range = `±${end === '0' ? end : end.slice(1)}`;
	const caption = firstFitting([`untrained, scale ${range}`, `untrained ${range}`], width, 'untrained');
	return (
		<Box flexDirection='column' width={Math.max(cols, width)} flexShrink={0}>
			<Text color={theme.muted} wrap='truncate-end'>{caption}</Text>
			<PixelImage id={id} lines={lines} cols={cols}/>
		</Box>
	);
}
