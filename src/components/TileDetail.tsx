import {Box} from 'ink';
import {useMemo} from 'react';
import {enlarge} from '../app/tile-sources.js';
import type {ColorDepth} from '../render/color-depth.js';
import {renderSignedImage} from '../render/half-block.js';
import {PixelImage} from './PixelImage.js';
import {ScaleBar} from './ScaleBar.js';

/**
 * What a detail panel reads of the test-set analysis (src/app/test-analysis.ts's TestAnalysis has
 * these fields and more): undefined while it is computed.
 */
export type DetailAnalysis = {
	readonly classes: number;
	/** Per test image: its true class and the class predicted. */
	readonly labels: Uint8Array;
	readonly predictions: Uint8Array;
	/** Per class: the share of its test images predicted as it; NaN for a class without any. */
	readonly recall: Float64Array;
	/** classes x classes, row = true class, column = predicted. */
	readonly confusion: Int32Array;
	readonly topK: number;
	/** neurons x topK: per neuron the test images that excite it most, most first; -1 for none. */
	readonly topActivating: Int32Array;
};

type Props = {
	/** The image's place on screen (the pixel layer's key). */
	readonly id: string;
	/** Row-major, rows x cols. */
	readonly values: Float32Array;
	readonly rows: number;
	readonly cols: number;
	/** Each pixel drawn zoom x zoom (1: one pixel per half cell). */
	readonly zoom: number;
	/** |value| at full brightness. */
	readonly scale: number;
	readonly depth: ColorDepth;
};

/**
 * A tile at full resolution with its colour scale beside it; drawn again only when its values, zoom,
 * scale or depth change (its own memo, apart from the overview's tiles).
 */
export function DetailImage({id, values, rows, cols, zoom, scale, depth}: Props) {
	const lines = useMemo(
		() => renderSignedImage(zoom === 1 ? values : enlarge(values, rows, cols, zoom), rows * zoom, cols * zoom, scale, depth),
		[values, rows, cols, zoom, scale, depth],
	);
	return (
		<Box flexDirection='row' flexShrink={0}>
			<PixelImage id={id} lines={lines} cols={cols * zoom}/>
			<Box marginLeft={1} flexShrink={0}><ScaleBar scale={scale} rows={lines.length} depth={depth}/></Box>
		</Box>
	);
}
