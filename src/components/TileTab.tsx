import {Box, Text} from 'ink';
import {keyOf} from '../app/key-map.js';
import type {Layout} from '../app/layout.js';
import type {TileSource} from '../app/tile-sources.js';
import {useTileSets} from '../app/use-tile-sets.js';
import type {Parameters} from '../nn/network.js';
import type {ColorDepth} from '../render/color-depth.js';
import {ImageLegend} from './ImageLegend.js';
import {TrainedAndUntrained} from './TileGrid.js';

/**
 * The title of the current set of tiles: trained (with its epoch), not trained yet, or what training
 * changed. `version` counts weight updates, so a network whose first epoch is under way is not called
 * untrained. `keys` false leaves out the key hint (a static snapshot).
 */
export function trainedTitle(epoch: number, version: number, change: boolean, keys = true): string {
	if (epoch === 0 && version === 0) {
		const hint = keys ? ` (${keyOf('toggleTraining')} trains)` : '';
		return change ? `change by training: none yet${hint}` : `not trained yet${hint}`;
	}

	return change ? `trained minus untrained (epoch ${epoch})` : `trained (epoch ${epoch})`;
}

/** What the weights and generalized-images tabs are given by the app. */
export type TileTabProps = {
	readonly current: Parameters;
	readonly initial: Parameters;
	/** Counts weight updates; only the title reads it (a network whose first epoch is under way is trained). */
	readonly version: number;
	readonly epoch: number;
	readonly layout: Layout;
	readonly selected: number;
	/** With one grid only: show the untrained tiles. */
	readonly untrained: boolean;
	/** Show trained minus untrained in place of the trained tiles. */
	readonly change: boolean;
	readonly depth: ColorDepth;
	readonly image: {readonly rows: number; readonly cols: number};
	/** Name the keys in the title and legend (false in a static snapshot). */
	readonly keys?: boolean;
};

type Props = TileTabProps & {
	/** Names the tiles' places on screen (`weights`, `maps`). */
	readonly id: string;
	/** The first words of the title, and what a tile stands for: `Weights`, `neurons`. */
	readonly heading: string;
	readonly noun: string;
	/** Said after the range in the title (`shared scale`). */
	readonly note?: string;
	/** The tiles of a network: a module's function, the same from render to render. */
	readonly sources: (p: Parameters) => readonly TileSource[];
	/** A tile's label from its source and index: the same function while what it reads is unchanged. */
	readonly label: (source: TileSource, index: number) => string;
	readonly sharedScale?: boolean;
	/** How to read the tiles, first in the legend. */
	readonly legend: string;
	/** Key hints of this tab's own, after the untrained and change keys. */
	readonly legendKeys?: readonly string[];
};

/**
 * A page of tiles, trained (or what training changed) and untrained, with a title that names the page
 * and a legend: the one view of the weights and generalized-images tabs.
 */
export function TileTab(props: Props) {
	const {current, initial, version, epoch, layout, selected, untrained, change, depth, image, keys = true} = props;
	const {id, heading, noun, note, sources, label, sharedScale = false, legend, legendKeys = []} = props;
	const {grid, sideBySide} = layout;
	const {first, count, total, trained, untrained: untrainedTiles} = useTileSets({
		id, current, initial, sources, label, perPage: grid.perPage, selected, change, sharedScale, depth, image,
	});
	const currentTitle = trainedTitle(epoch, version, change, keys);
	const untrainedTitle = 'untrained (initial)';
	// Side by side, each grid has its caption instead.
	const which = sideBySide ? '' : ` · ${untrained ? untrainedTitle : currentTitle}`;
	const hints = keys ? [...(sideBySide ? [] : [`${keyOf('toggleUntrained')} untrained`]), `${keyOf('toggleChange')} change`, ...legendKeys] : [];
	return (
		<Box flexDirection='column'>
			<Text bold wrap='truncate-end'>{`${heading} · ${noun} ${first}-${first + count - 1} of ${total}${note === undefined ? '' : ` · ${note}`}${which}`}</Text>
			<TrainedAndUntrained
				trained={trained} untrained={untrainedTiles} showUntrained={untrained} sideBySide={sideBySide} grid={grid}
				cols={image.cols} captions={[currentTitle, untrainedTitle]} rule={depth === 'none'}
			/>
			<ImageLegend depth={depth} extra={[legend, ...hints].join(' · ')}/>
		</Box>
	);
}
