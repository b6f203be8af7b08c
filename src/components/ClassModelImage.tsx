import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {theme} from '../app/theme.js';
import {tileSize} from '../app/tile-layout.js';
import {firstFitting} from '../app/wording.js';
import type {ColorDepth} from '../render/color-depth.js';
import {downsample} from '../render/downsample.js';
import {renderGrayImage} from '../render/half-block.js';
import {PixelImage} from './PixelImage.js';

type Props = {
	readonly id: string;
	/** The class model (pixels in [0, 1]); undefined while it is computed. */
	readonly values: Float64Array | undefined;
	readonly depth: ColorDepth;
	readonly image: {readonly rows: number; readonly cols: number};
	/** Cells for the caption (the image itself is half the input's width). */
	readonly width: number;
};

/**
 * A class's model, small (averaged 2 x 2) beside its generalized image: the input that scores the class
 * highest, found by gradient ascent (src/nn/class-model.ts), in grey as test images are drawn.
 */
export function ClassModelImage({id, values, depth, image, width}: Props) {
	const lines = useMemo(() => {
		if (values === undefined) {
			return undefined;
		}

		const small = downsample(values, image.rows, image.cols, 2);
		const bytes = Uint8Array.from(small.values, v => Math.round(Math.min(1, Math.max(0, v)) * 255));
		return renderGrayImage(bytes, small.rows, small.cols, depth);
	}, [values, image.rows, image.cols, depth]);
	const {cols, rows} = tileSize(image, 2);
	const caption = values === undefined
		? firstFitting(['class model: computing…', 'computing…'], width, 'computing…')
		: firstFitting(['class model (gradient ascent)', 'class model', 'model'], width, 'model');
	return (
		<Box flexDirection='column' width={Math.max(cols, width)} flexShrink={0}>
			<Text color={theme.muted} wrap='truncate-end'>{caption}</Text>
			{lines ? <PixelImage id={id} lines={lines} cols={cols}/> : <Box height={rows}/>}
		</Box>
	);
}
