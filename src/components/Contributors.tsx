import {Box} from 'ink';
import {useMemo} from 'react';
import {theme} from '../app/theme.js';
import {fixed} from '../app/tile-sources.js';
import {firstFitting} from '../app/wording.js';
import {maxAbs} from '../nn/class-maps.js';
import type {Contribution} from '../nn/explain.js';
import type {ColorDepth} from '../render/color-depth.js';
import {downsample} from '../render/downsample.js';
import {renderSignedImage} from '../render/half-block.js';
import {divergingColourSteps, divergingInkColour} from '../render/palette.js';
import {Painted, type Run} from './Painted.js';
import {Panel} from './Panel.js';
import {PixelImage} from './PixelImage.js';
import {barText} from './SignedBars.js';

/** First-layer weights to draw a neuron's tile from: neuron j's incoming weights are row j. */
export type TileWeights = {readonly weights: Float32Array; readonly rows: number; readonly cols: number};

type Props = {
	/** The last hidden layer's neurons, largest contribution first (Explanation.contributions). */
	readonly contributions: readonly Contribution[];
	/** The predicted class's name. */
	readonly className: string;
	/** Given when the network has one hidden layer: each neuron's weights drawn as a small tile. */
	readonly tiles?: TileWeights;
	readonly width: number;
	readonly height: number;
	readonly depth: ColorDepth;
};

/** How much smaller than the image a contributor's tile is drawn. */
export const tileFactor = 2;

/** The rows a line of tiles takes (the tiles and a label under them), for an image `rows` tall. */
export function tileBandRows(rows: number): number {
	return Math.ceil(Math.ceil(rows / tileFactor) / 2) + 1;
}

/**
 * How long the bars are in a panel `width` wide whose neuron column is `indexWidth` and value column
 * `valueWidth` wide: the rest of the line after '#n  act. × weight = share ', so they take the panel's width.
 */
export function contributorBarWidth(width: number, indexWidth: number, valueWidth: number): number {
	return Math.max(0, width - 2 - (indexWidth + 1 + 6 + 3 + 5 + 3 + valueWidth + 1));
}

const signed = (value: number): string => `${value > 0 ? '+' : ''}${fixed(value, 2)}`;

/** The colour a bar of this sign has: that of a clearly positive or negative weight in a tile. */
function signColour(value: number, depth: ColorDepth): string | undefined {
	return divergingInkColour(Math.sign(value) * (4 / divergingColourSteps), depth);
}

/**
 * The neurons of the last hidden layer that push the predicted class's score up most: each with its
 * index, activation, outgoing weight to the class and their product as a signed bar (orange up, blue
 * down, as weights are coloured), largest first. With one hidden layer and room, the first ones' weight
 * tiles stand above the list, so what each neuron looks for shows.
 */
export function Contributors({contributions, className, tiles, width, height, depth}: Props) {
	const inner = Math.max(1, width - 2);
	const rows = height - 2;
	const tileRows = tiles === undefined ? 0 : tileBandRows(tiles.rows);
	const tileCols = tiles === undefined ? 0 : Math.ceil(tiles.cols / tileFactor);
	const withTiles = tiles !== undefined && rows >= tileRows + 3;
	const listed = contributions.slice(0, Math.max(0, rows - 1 - (withTiles ? tileRows : 0)));
	const tileCount = withTiles ? Math.min(contributions.length, Math.floor((inner + 1) / (tileCols + 1))) : 0;
	const max = Math.max(maxAbs(listed.map(c => c.contribution)), 1e-12);
	const indexWidth = Math.max(3, ...listed.map(c => `#${c.neuron}`.length));
	const valueWidth = Math.max(5, ...listed.map(c => signed(c.contribution).length));
	const barWidth = contributorBarWidth(width, indexWidth, valueWidth);
	// Around an axis when some share is negative; else from the left, the whole width for the positive side.
	const twoSided = listed.some(c => c.contribution < 0);
	const heading = firstFitting(['neuron  act. × weight = share of the score', 'neuron act.×weight=share', 'act. × weight'], inner);
	const lines: Array<readonly Run[]> = [[[heading, {color: theme.muted}]]];
	for (const c of listed) {
		const [left, right] = twoSided
			? barText(c.contribution, max, barWidth).split('│')
			: ['', '█'.repeat(Math.round(c.contribution / max * (barWidth - 1)))];
		const colour = signColour(c.contribution, depth);
		lines.push([
			[`${`#${c.neuron}`.padEnd(indexWidth)} ${fixed(c.activation, 2).padStart(5)} × ${signed(c.weight).padStart(5)} = `],
			[signed(c.contribution).padStart(valueWidth), {color: colour, bold: true}],
			...(barWidth >= 3 ? [[' '] as Run, [left, {color: colour}] as Run, ['│', {color: theme.muted}] as Run, [right, {color: colour}] as Run] : []),
		]);
	}

	const title = firstFitting([`Neurons behind ${className}: activation × weight`, `Neurons behind ${className}`, 'Contributors'], width - 6);
	return (
		<Panel title={title} note={`${listed.length} of ${contributions.length}`} width={width} height={height}>
			{tileCount > 0 && tiles !== undefined && <TileLine contributions={contributions.slice(0, tileCount)} tiles={tiles} cols={tileCols} depth={depth}/>}
			<Painted width={inner} lines={lines}/>
		</Panel>
	);
}

/** The first contributors' weight tiles in a line, each labelled with its neuron under it. */
function TileLine({contributions, tiles, cols, depth}: {readonly contributions: readonly Contribution[]; readonly tiles: TileWeights; readonly cols: number; readonly depth: ColorDepth}) {
	const images = useMemo(() => contributions.map(c => {
		const size = tiles.rows * tiles.cols;
		const small = downsample(tiles.weights.subarray(c.neuron * size, (c.neuron + 1) * size), tiles.rows, tiles.cols, tileFactor);
		return renderSignedImage(small.values, small.rows, small.cols, maxAbs(small.values), depth);
	}), [contributions, tiles, depth]);
	return (
		<Box flexDirection='row'>
			{contributions.map((c, k) => (
				<Box key={c.neuron} flexDirection='column' width={cols} marginLeft={k === 0 ? 0 : 1} flexShrink={0}>
					<PixelImage id={`examples.contributor.${k}`} lines={images[k]} cols={cols}/>
					<Painted width={cols} lines={[[[`#${c.neuron}`, {bold: true}], [` ${signed(c.contribution)}`, {color: theme.muted}]]]}/>
				</Box>
			))}
		</Box>
	);
}
