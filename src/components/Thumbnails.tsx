import {Box, Text} from 'ink';
import {memo, useMemo} from 'react';
import {theme} from '../app/theme.js';
import type {DatasetSplit} from '../data/dataset.js';
import type {ColorDepth} from '../render/color-depth.js';
import {downsample} from '../render/downsample.js';
import {renderGrayImage} from '../render/half-block.js';
import {PixelImage} from './PixelImage.js';

/** One test image to show: its index in the split, the line under it, and whether it is the selected one. */
export type Thumbnail = {readonly index: number; readonly caption: string; readonly selected?: boolean; readonly captionColor?: string};

type Props = {
	/** Where on screen; thumbnail k is drawn as image `${id}.${k}`. */
	readonly id: string;
	readonly split: DatasetSplit;
	/** Shape of one image of the split. */
	readonly rows: number;
	readonly cols: number;
	readonly items: readonly Thumbnail[];
	/** Each factor x factor block of pixels is averaged into one. */
	readonly factor: number;
	readonly perRow: number;
	readonly depth: ColorDepth;
};

/** Width in cells of one thumbnail at `factor` for images `cols` wide (the caption width too). */
export function thumbnailWidth(cols: number, factor: number): number {
	return Math.ceil(cols / factor);
}

/** The half-block lines of test image `index`, averaged factor x factor, rounded to 0..255 grey. */
export function thumbnailLines(split: DatasetSplit, index: number, rows: number, cols: number, factor: number, depth: ColorDepth): string[] {
	const size = rows * cols;
	const small = downsample(split.images.subarray(index * size, (index + 1) * size), rows, cols, factor);
	const grey = Uint8Array.from(small.values, v => Math.round(v));
	return renderGrayImage(grey, small.rows, small.cols, depth);
}

type ImageProps = {
	readonly id: string; readonly split: DatasetSplit; readonly index: number; readonly rows: number; readonly cols: number;
	readonly factor: number; readonly depth: ColorDepth;
};

/** One thumbnail's picture, drawn again only when its image, size or depth changes (not on a move of the selection). */
const ThumbnailImage = memo(({id, split, index, rows, cols, factor, depth}: ImageProps) => {
	const lines = useMemo(() => thumbnailLines(split, index, rows, cols, factor, depth), [split, index, rows, cols, factor, depth]);
	return <PixelImage id={id} lines={lines} cols={thumbnailWidth(cols, factor)}/>;
});

/**
 * Test images (0..255 grey) as small half-block pictures in rows of perRow, a 1-column gap between
 * them, each with a one-line caption under it cut to its width; the selected one's caption inverse.
 */
export function Thumbnails({id, split, rows, cols, items, factor, perRow, depth}: Props) {
	const width = thumbnailWidth(cols, factor);
	const lines: Array<Array<{item: Thumbnail; k: number}>> = [];
	for (let k = 0; k < items.length; k += Math.max(1, perRow)) {
		lines.push(items.slice(k, k + Math.max(1, perRow)).map((item, i) => ({item, k: k + i})));
	}

	return (
		<Box flexDirection='column'>
			{lines.map(line => (
				<Box key={line[0].k} flexDirection='row'>
					{line.map(({item, k}, i) => (
						<Box key={k} flexDirection='column' width={width} marginLeft={i > 0 ? 1 : 0} flexShrink={0}>
							<ThumbnailImage id={`${id}.${k}`} split={split} index={item.index} rows={rows} cols={cols} factor={factor} depth={depth}/>
							<Text
								wrap='truncate-end' inverse={item.selected === true}
								color={item.selected === true ? (theme.selected ?? item.captionColor) : item.captionColor}
							>
								{[...item.caption].slice(0, width).join('').padEnd(width)}
							</Text>
						</Box>
					))}
				</Box>
			))}
		</Box>
	);
}
