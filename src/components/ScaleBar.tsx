import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {theme} from '../app/theme.js';
import {scaleText} from '../app/tile-sources.js';
import type {ColorDepth} from '../render/color-depth.js';
import {renderSignedImage} from '../render/half-block.js';
import {PixelImage} from './PixelImage.js';

type Props = {
	/** The value drawn at full brightness: the bar runs from +scale at the top to -scale at the bottom. */
	readonly scale: number;
	/** Text rows of the bar (two pixels each). */
	readonly rows: number;
	readonly depth: ColorDepth;
	/** Its place on screen, for the pixel layer (one id for each bar shown at once). */
	readonly id?: string;
};

/** The values of a vertical bar `rows` text rows tall, +scale at the top pixel to -scale at the bottom one. */
export function scaleValues(scale: number, rows: number): Float32Array {
	const pixels = 2 * rows;
	return Float32Array.from({length: pixels}, (_, p) => scale * (1 - ((2 * p) + 1) / pixels));
}

/**
 * A signed image's colour scale as a vertical bar in its palette, with the values at both ends and 0
 * beside it. Without colour the bar's shades say the same (full blocks up, `#` down, blank at 0).
 */
export function ScaleBar({scale, rows, depth, id = 'scale'}: Props) {
	const lines = useMemo(() => renderSignedImage(scaleValues(scale, rows), 2 * rows, 1, scale, depth), [scale, rows, depth]);
	const middle = Math.floor(rows / 2);
	const labels = lines.map((_, row) => {
		if (row === 0) {
			return scaleText(scale, '+');
		}

		if (row === rows - 1) {
			return scaleText(scale, '-');
		}

		return row === middle ? ' 0' : '';
	});
	return (
		<Box flexDirection='row' flexShrink={0}>
			<PixelImage id={id} lines={lines} cols={1}/>
			<Box width={6} flexShrink={0}><Text color={theme.muted}>{labels.map(label => ` ${label}`).join('\n')}</Text></Box>
		</Box>
	);
}
