import {Box} from 'ink';
import type {ReactNode} from 'react';
import {keyOf} from '../app/key-map.js';
import {tileLayout} from '../app/tile-layout.js';
import type {Tile, TileSource} from '../app/tile-sources.js';
import {useTileSets} from '../app/use-tile-sets.js';
import {maxAbs} from '../nn/class-maps.js';
import type {Parameters} from '../nn/network.js';
import type {ColorDepth} from '../render/color-depth.js';
import {Panel} from './Panel.js';
import type {DetailAnalysis} from './TileDetail.js';
import {TrainedAndUntrained} from './TileGrid.js';

/**
 * The title of the current set of tiles: trained (with its epoch), not trained yet, or what training
 * changed. `version` counts weight updates, so a network whose first epoch is under way is not called
 * untrained; `untrained` says the weights are the initial ones (the timeline's epoch 0). `keys` false
 * leaves out the key hint (a static snapshot).
 */
export function trainedTitle(epoch: number, version: number, change: boolean, keys = true, untrained = false): string {
	if (epoch === 0 && (version === 0 || untrained)) {
		const hint = keys && !untrained ? ` (${keyOf('toggleTraining')} trains)` : '';
		if (change) {
			return `change by training: none yet${hint}`;
		}

		return untrained ? 'untrained (epoch 0)' : `not trained yet${hint}`;
	}

	return change ? `trained minus untrained (epoch ${epoch})` : `trained (epoch ${epoch})`;
}

/**
 * The weights shown are the untrained network's: the initial parameters themselves (the timeline at
 * epoch 0), or a network at epoch 0 with no weight update yet. Then trained and untrained are one set.
 */
export function isUntrainedNetwork(props: Pick<TileTabProps, 'current' | 'initial' | 'epoch' | 'version'>): boolean {
	return props.current === props.initial || (props.epoch === 0 && props.version === 0);
}

/** What the weights and generalized-images tabs are given by the app. */
export type TileTabProps = {
	readonly current: Parameters;
	readonly initial: Parameters;
	/** Counts weight updates; only the title reads it (a network whose first epoch is under way is trained). */
	readonly version: number;
	readonly epoch: number;
	/** The tab's area in cells: the overview and the detail panel share it. */
	readonly width?: number;
	readonly height?: number;
	/** Until the app passes width and height: the content area's size. */
	readonly layout?: {readonly contentWidth: number; readonly contentHeight: number};
	/** The selected tile (moved by tileLayout's perRow and perPage); -1 for none: every tile on one page and no detail (the static snapshot). */
	readonly selected: number;
	/** With one set on screen: show the untrained tiles. */
	readonly untrained: boolean;
	/** Show trained minus untrained in place of the trained tiles. */
	readonly change: boolean;
	readonly depth: ColorDepth;
	readonly image: {readonly rows: number; readonly cols: number};
	/** The class names (the digits '0'..'9' when not given). */
	readonly classNames?: readonly string[];
	/** The test set's analysis (top-activating images, recall, confusions); undefined while it is computed. */
	readonly analysis?: DetailAnalysis;
	/** How far that analysis is, 0..1. */
	readonly progress?: number;
	/** The keys act on the overview: its border in the accent colour. */
	readonly focused?: boolean;
	/** Name the keys in the titles (false in a static snapshot). */
	readonly keys?: boolean;
};

/** The tab's area: width and height, or until the app passes them, the layout's content area. */
export function areaOf(props: Pick<TileTabProps, 'width' | 'height' | 'layout'>): {width: number; height: number} {
	return {width: props.width ?? props.layout?.contentWidth ?? 80, height: props.height ?? props.layout?.contentHeight ?? 16};
}

export const digitNames: readonly string[] = Array.from({length: 10}, (_, i) => String(i));

function capitalized(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The overview's title and note in a top border `width` wide: the first title that fits whole, then
 * the first note that fits beside it (or none).
 */
export function overviewTitle(width: number, titles: readonly string[], notes: readonly string[]): {title: string; note: string} {
	const room = width - 7; // `╭─ ` title ` ─╮` and, with a note, 2 more around it
	const title = titles.find(text => [...text].length <= room) ?? titles.at(-1) ?? '';
	const note = notes.find(text => text !== '' && [...title].length + [...text].length + 2 <= room - 1) ?? '';
	return {title, note};
}

/** What a tab's detail panel is given: its size, the selected tile as shown and untrained, their scales. */
export type DetailView = {
	readonly width: number;
	readonly height: number;
	readonly index: number;
	readonly source: TileSource;
	readonly untrained: TileSource;
	readonly scale: number;
	readonly untrainedScale: number;
	/** What the tile shows, for the detail's title: '', 'untrained' or 'change by training'. */
	readonly what: string;
	/** The network is untrained (see isUntrainedNetwork): the tile and its untrained self are the same. */
	readonly untrainedNetwork: boolean;
};

type Props = TileTabProps & {
	/** Names the tiles' places on screen (`weights`, `maps`). */
	readonly id: string;
	/** The first words of the title, and what a tile stands for: `Weights`, `neurons`. */
	readonly heading: string;
	readonly noun: string;
	/** Said in the top border after the key hints when there is room (`a scale per tile`). */
	readonly legend?: readonly string[];
	/** The tiles of a network: a module's function, the same from render to render. */
	readonly sources: (p: Parameters) => readonly TileSource[];
	/** A tile's label in `width` cells from its source and index: the same function while what it reads is unchanged. */
	readonly label: (source: TileSource, index: number, width: number) => string;
	readonly sharedScale?: boolean;
	/** Trained and untrained together when they fit (the maps tab). */
	readonly bothSets?: boolean;
	/** The detail panel of the selected tile. */
	readonly detail: (view: DetailView) => ReactNode;
	/** Tiles in the set (what `sources` gives): the layout is found before they are. */
	readonly count: number;
	/**
	 * Other tiles in the untrained tiles' place (the class models), given the page and how small its
	 * tiles are; undefined: the untrained tiles.
	 */
	readonly secondSet?: (page: {readonly first: number; readonly count: number; readonly factor: number; readonly selected: number}) => {readonly tiles: readonly Tile[]; readonly caption: string} | undefined;
};

/**
 * An overview of small tiles (a page of them, trained or what training changed, and untrained) in a
 * panel titled with the page, and beside it the selected tile's detail: the one view of the weights
 * and generalized-images tabs.
 */
export function TileTab(props: Props) {
	const {current, initial, version, epoch, selected, untrained, change, depth, image, keys = true, focused = false} = props;
	const {width, height} = areaOf(props);
	const all = selected < 0;
	const {id, heading, noun, sources, label, sharedScale = false, bothSets = false, legend = [], detail} = props;
	// An untrained network's tiles are its untrained tiles: one set, said once.
	const untrainedNetwork = isUntrainedNetwork(props);
	const layout = tileLayout({width, height, count: props.count, twoSets: bothSets && !untrainedNetwork, image, detail: !all && selected >= 0, bounded: !all});
	const sets = useTileSets({
		id, current, initial, sources, label, perPage: layout.perPage, selected, change, sharedScale, depth, image, factor: layout.factor, twoSets: layout.twoSets,
	});
	const {first, count: shownCount, total, trained, untrained: untrainedTiles} = sets;
	const currentTitle = trainedTitle(epoch, version, change, keys, untrainedNetwork && props.current === props.initial);
	const second = props.secondSet?.({first, count: shownCount, factor: layout.factor, selected});
	const untrainedTitle = second?.caption ?? 'untrained (initial)';
	const showUntrained = untrained && !layout.twoSets && !untrainedNetwork;
	const which = layout.twoSets ? '' : ` · ${showUntrained ? untrainedTitle : currentTitle}`;
	const pageRange = shownCount > 0 ? `${first}-${first + shownCount - 1}` : 'none';
	const range = `${pageRange} of ${total}`;
	const {title, note: hints} = overviewTitle(layout.overview.width, [
		`${heading} · ${noun} ${range}${which}`, `${capitalized(noun)} ${range}${which}`, `${capitalized(noun)} ${pageRange}${which}`, `${capitalized(noun)} ${range}`,
	], [
		[...(keys ? [...(layout.twoSets || untrainedNetwork ? [] : [`${keyOf('toggleUntrained')} untrained`]), `${keyOf('toggleChange')} change`] : []), ...legend].join(' · '),
		legend.join(' · '),
		legend[0] ?? '',
	]);
	const index = Math.min(Math.max(0, selected), total - 1);
	return (
		<Box flexDirection='row' width={width} height={layout.detailWidth > 0 ? height : layout.overview.height}>
			<Panel
				title={title} note={hints} width={layout.overview.width} height={layout.overview.height} focused={focused}
			>
				<Box paddingX={layout.padding} flexDirection='column'>
					<TrainedAndUntrained
						trained={trained} untrained={second?.tiles ?? untrainedTiles} showUntrained={showUntrained} twoSets={layout.twoSets} perRow={layout.perRow}
						cols={layout.tileCols} captions={[currentTitle, untrainedTitle]} rule={depth === 'none'}
					/>
				</Box>
			</Panel>
			{layout.detailWidth > 0 && index >= 0 && detail({
				width: layout.detailWidth,
				height,
				index,
				source: showUntrained ? sets.initial[index] : sets.shown[index],
				untrained: sets.initial[index],
				scale: (showUntrained ? sets.initialScale : sets.shownScale) ?? maxAbs((showUntrained ? sets.initial[index] : sets.shown[index]).values),
				untrainedScale: sets.initialScale ?? maxAbs(sets.initial[index].values),
				what: showUntrained ? 'untrained' : (change ? 'change by training' : ''),
				untrainedNetwork,
			})}
		</Box>
	);
}
