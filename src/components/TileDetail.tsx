import {Box} from 'ink';
import {useMemo} from 'react';
import {enlarge} from '../app/tile-sources.js';
import type {TestAnalysis} from '../app/test-analysis.js';
import type {ColorDepth} from '../render/color-depth.js';
import {renderSignedImage} from '../render/half-block.js';
import {PixelImage} from './PixelImage.js';
import {ScaleBar} from './ScaleBar.js';

/** What a detail panel reads of the test-set analysis; undefined while it is computed. */
export type DetailAnalysis = Pick<TestAnalysis, 'classes' | 'labels' | 'predictions' | 'confidence' | 'recall' | 'precision' | 'confusion' | 'topK' | 'topActivating'>;

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
