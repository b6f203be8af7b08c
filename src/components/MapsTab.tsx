import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {keyOf} from '../app/key-map.js';
import type {Layout} from '../app/layout.js';
import {classMaps, maxAbs} from '../app/model-view.js';
import type {Parameters} from '../nn/network.js';
import type {ColorDepth} from '../render/color-depth.js';
import {renderSignedImage} from '../render/half-block.js';
import {ImageLegend} from './ImageLegend.js';
import {type Tile, TrainedAndUntrained, trainedTitle} from './TileGrid.js';

type Props = {
	readonly current: Parameters;
	readonly initial: Parameters;
	readonly version: number;
	readonly epoch: number;
	readonly classNames: readonly string[];
	readonly layout: Layout;
	readonly selected: number;
	readonly untrained: boolean;
	/** Show the trained maps minus the untrained ones. */
	readonly change: boolean;
	readonly depth: ColorDepth;
	readonly image: {readonly rows: number; readonly cols: number};
	/** Name the keys in the legend (false in a static snapshot). */
	readonly keys?: boolean;
};

function tilesFor(maps: readonly Float32Array[], which: string, classNames: readonly string[], first: number, count: number, selected: number, depth: ColorDepth, image: {rows: number; cols: number}): Tile[] {
	return maps.slice(first, first + count).map((map, k) => ({
		id: `maps.${which}.${k}`,
		lines: renderSignedImage(map, image.rows, image.cols, maxAbs(map), depth),
		selected: first + k === selected,
		label: `${classNames[first + k]}  max ${maxAbs(map).toFixed(1)}`,
	}));
}

/** For each class, the input-pixel map of the weight matrices multiplied backwards; trained and untrained. */
export function MapsTab({current, initial, version, epoch, classNames, layout, selected, untrained, change, depth, image, keys = true}: Props) {
	const classes = classNames.length;
	const {grid} = layout;
	const first = Math.max(0, Math.floor(selected / grid.perPage) * grid.perPage);
	const count = Math.min(grid.perPage, classes - first);
	const initialMaps = useMemo(() => classMaps(initial), [initial]);
	const shownMaps = useMemo(() => {
		const maps = classMaps(current);
		return change ? maps.map((m, i) => m.map((v, k) => v - initialMaps[i][k])) : maps;
	}, [version, change, initialMaps]);
	const trained = useMemo(() => tilesFor(shownMaps, 'trained', classNames, first, count, selected, depth, image), [shownMaps, first, count, selected, depth]);
	const untrainedTiles = useMemo(() => tilesFor(initialMaps, 'untrained', classNames, first, count, selected, depth, image), [initialMaps, first, count, selected, depth]);
	const currentTitle = trainedTitle(epoch, version, change, keys);
	// Side by side, each grid has its caption.
	const title = layout.sideBySide ? '' : ` · ${untrained ? 'untrained (initial)' : currentTitle}`;
	return (
		<Box flexDirection='column'>
			<Text bold wrap='truncate-end'>{`Generalized images · classes ${first}-${first + count - 1} of ${classes}${title}`}</Text>
			<TrainedAndUntrained trained={trained} untrained={untrainedTiles} showUntrained={untrained} sideBySide={layout.sideBySide} grid={grid} cols={image.cols} captions={[currentTitle, 'untrained (initial)']} rule={depth === 'none'}/>
			<ImageLegend depth={depth} extra={`weights multiplied backwards, scale per image${keys ? `${layout.sideBySide ? '' : ` · ${keyOf('toggleUntrained')} untrained`} · ${keyOf('toggleChange')} change` : ''}`}/>
		</Box>
	);
}
