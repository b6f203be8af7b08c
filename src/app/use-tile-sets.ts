import {useMemo} from 'react';
import type {Parameters} from '../nn/network.js';
import type {ColorDepth} from '../render/color-depth.js';
import {renderSignedImage} from '../render/half-block.js';
import {maxAbs} from '../nn/class-maps.js';
import {changeOf, pageOf, sharedScaleOf, type Tile, type TileSource} from './tile-sources.js';

export type TileSetsOptions = {
	/** Names the tiles' places on screen: `${id}.trained.3`. */
	readonly id: string;
	readonly current: Parameters;
	readonly initial: Parameters;
	/** The tiles of a network; the same function from render to render (a module's, not a closure). */
	readonly sources: (p: Parameters) => readonly TileSource[];
	/** Tile `index`'s label; keep it the same function while what it reads is unchanged (useCallback). */
	readonly label: (source: TileSource, index: number) => string;
	/** Tiles a page; the page shown is the one that holds the selected tile. */
	readonly perPage: number;
	readonly selected: number;
	/** Show trained minus untrained in place of the trained tiles. */
	readonly change: boolean;
	/** One colour scale over all tiles of a set, else each tile its own. */
	readonly sharedScale: boolean;
	readonly depth: ColorDepth;
	readonly image: {readonly rows: number; readonly cols: number};
};

type Page = Pick<TileSetsOptions, 'id' | 'label' | 'selected' | 'sharedScale' | 'depth'> & {
	readonly first: number;
	readonly count: number;
	readonly rows: number;
	readonly cols: number;
};

export type TileSets = {
	/** The page: tiles first .. first + count - 1 of total. */
	readonly first: number;
	readonly count: number;
	readonly total: number;
	readonly trained: readonly Tile[];
	readonly untrained: readonly Tile[];
};

/** The tiles of one page of a set, scaled per tile or by the largest value of the whole set. */
function drawPage(set: readonly TileSource[], page: Page): Tile[] {
	const {id, label, first, count, selected, sharedScale, depth, rows, cols} = page;
	const scale = sharedScale ? sharedScaleOf(set) : 0;
	return set.slice(first, first + count).map((source, k) => ({
		id: `${id}.${k}`,
		lines: renderSignedImage(source.values, rows, cols, sharedScale ? scale : maxAbs(source.values), depth),
		selected: first + k === selected,
		label: label(source, first + k),
	}));
}

/**
 * The page of tiles that holds the selected one, trained (or what training changed) and untrained,
 * each set drawn again only when what it reads changes: the parameters (a new object for every
 * update), the page, the scale, the depth, the image size and the label.
 */
export function useTileSets(options: TileSetsOptions): TileSets {
	const {id, current, initial, sources, label, perPage, selected, change, sharedScale, depth, image} = options;
	const {rows, cols} = image;
	const currentSources = useMemo(() => sources(current), [sources, current]);
	const initialSources = useMemo(() => sources(initial), [sources, initial]);
	const total = currentSources.length;
	const {first, count} = pageOf(selected, perPage, total);
	const shown = useMemo(() => (change ? changeOf(currentSources, initialSources) : currentSources), [change, currentSources, initialSources]);
	const trained = useMemo(
		() => drawPage(shown, {id: `${id}.trained`, first, count, selected, sharedScale, depth, rows, cols, label}),
		[shown, id, first, count, selected, sharedScale, depth, rows, cols, label],
	);
	const untrained = useMemo(
		() => drawPage(initialSources, {id: `${id}.untrained`, first, count, selected, sharedScale, depth, rows, cols, label}),
		[initialSources, id, first, count, selected, sharedScale, depth, rows, cols, label],
	);
	return {first, count, total, trained, untrained};
}
