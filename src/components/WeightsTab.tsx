import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {keyOf} from '../app/key-map.js';
import type {Layout} from '../app/layout.js';
import {difference, firstLayerScale, maxAbs, neuron} from '../app/model-view.js';
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
	readonly layout: Layout;
	readonly selected: number;
	readonly sharedScale: boolean;
	readonly untrained: boolean;
	/** Show trained minus untrained in place of the trained weights. */
	readonly change: boolean;
	readonly depth: ColorDepth;
	readonly image: {readonly rows: number; readonly cols: number};
	/** Name the keys in the legend (false in a static snapshot). */
	readonly keys?: boolean;
};

/** A number with `digits` decimals, without a minus sign on a value that rounds to zero. */
function fixed(value: number, digits: number): string {
	const text = value.toFixed(digits);
	return Number(text) === 0 ? (0).toFixed(digits) : text;
}

function tilesFor(p: Parameters, which: string, first: number, count: number, selected: number, sharedScale: boolean, depth: ColorDepth, image: {rows: number; cols: number}): Tile[] {
	const scale = sharedScale ? firstLayerScale(p) : 0;
	const tiles: Tile[] = [];
	for (let j = first; j < first + count; j++) {
		const n = neuron(p, j);
		const lines = renderSignedImage(n.weights, image.rows, image.cols, sharedScale ? scale : maxAbs(n.weights), depth);
		tiles.push({id: `weights.${which}.${j - first}`, lines, selected: j === selected, label: `${j} B ${fixed(n.bias, 2)} I ${fixed(n.influence, 3)}`});
	}

	return tiles;
}

/** Every first-layer neuron's incoming weights as an image, with its bias B and influence I. */
export function WeightsTab({current, initial, version, epoch, layout, selected, sharedScale, untrained, change, depth, image, keys = true}: Props) {
	const neurons = current.layers[1];
	const {grid} = layout;
	const first = Math.max(0, Math.floor(selected / grid.perPage) * grid.perPage);
	const count = Math.min(grid.perPage, neurons - first);
	const shown = useMemo(() => (change ? difference(current, initial) : current), [version, change, initial]);
	const trained = useMemo(() => tilesFor(shown, 'trained', first, count, selected, sharedScale, depth, image), [shown, first, count, selected, sharedScale, depth]);
	const untrainedTiles = useMemo(() => tilesFor(initial, 'untrained', first, count, selected, sharedScale, depth, image), [initial, first, count, selected, sharedScale, depth]);
	const range = `neurons ${first}-${first + count - 1} of ${neurons}`;
	const scale = sharedScale ? 'shared scale' : 'scale per tile';
	const title = trainedTitle(epoch, version, change, keys);
	return (
		<Box flexDirection='column'>
			<Text bold wrap='truncate-end'>{`Weights · ${range} · ${scale}${layout.sideBySide ? '' : ` · ${untrained ? 'untrained (initial)' : title}`}`}</Text>
			<TrainedAndUntrained trained={trained} untrained={untrainedTiles} showUntrained={untrained} sideBySide={layout.sideBySide} grid={grid} cols={image.cols} captions={[title, 'untrained (initial)']} rule={depth === 'none'}/>
			<ImageLegend depth={depth} extra={`B bias, I influence (mean weight)${keys ? `${layout.sideBySide ? '' : ` · ${keyOf('toggleUntrained')} untrained`} · ${keyOf('toggleChange')} change · ${keyOf('toggleScale')} scale` : ''}`}/>
		</Box>
	);
}
