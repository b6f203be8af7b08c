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

type Page = Pick<TileSetsOptions, 'id' | 'label' | 'depth'> & {
	readonly first: number;
	readonly count: number;
	/** One colour scale for every tile, else undefined: each tile its own largest value. */
	readonly scale: number | undefined;
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

/** The tiles of one page of a set, scaled per tile or by the largest value of the whole set; none selected yet. */
function drawPage(set: readonly TileSource[], page: Page): Tile[] {
	const {id, label, first, count, scale, depth, rows, cols} = page;
	return set.slice(first, first + count).map((source, k) => ({
		id: `${id}.${k}`,
		lines: renderSignedImage(source.values, rows, cols, scale ?? maxAbs(source.values), depth),
		selected: false,
		label: label(source, first + k),
	}));
}

/** The page's tiles with the selected one marked: the same images and labels, no drawing. */
function markSelected(tiles: readonly Tile[], first: number, selected: number): Tile[] {
	return tiles.map((tile, k) => ({...tile, selected: first + k === selected}));
}

/**
 * The page of tiles that holds the selected one, trained (or what training changed) and untrained,
 * each set drawn again only when what it reads changes: the parameters (a new object for every
 * update), the page, the scale, the depth, the image size and the label. Moving the selection
 * within a page only marks another tile; a set's shared scale is found again only for a new set.
 */
export function useTileSets(options: TileSetsOptions): TileSets {
	const {id, current, initial, sources, label, perPage, selected, change, sharedScale, depth, image} = options;
	const {rows, cols} = image;
	const currentSources = useMemo(() => sources(current), [sources, current]);
	const initialSources = useMemo(() => sources(initial), [sources, initial]);
	const total = currentSources.length;
	const {first, count} = pageOf(selected, perPage, total);
	const shown = useMemo(() => (change ? changeOf(currentSources, initialSources) : currentSources), [change, currentSources, initialSources]);
	const shownScale = useMemo(() => (sharedScale ? sharedScaleOf(shown) : undefined), [shown, sharedScale]);
	const initialScale = useMemo(() => (sharedScale ? sharedScaleOf(initialSources) : undefined), [initialSources, sharedScale]);
	const trainedPage = useMemo(
		() => drawPage(shown, {id: `${id}.trained`, first, count, scale: shownScale, depth, rows, cols, label}),
		[shown, id, first, count, shownScale, depth, rows, cols, label],
	);
	const untrainedPage = useMemo(
		() => drawPage(initialSources, {id: `${id}.untrained`, first, count, scale: initialScale, depth, rows, cols, label}),
		[initialSources, id, first, count, initialScale, depth, rows, cols, label],
	);
	const trained = useMemo(() => markSelected(trainedPage, first, selected), [trainedPage, first, selected]);
	const untrained = useMemo(() => markSelected(untrainedPage, first, selected), [untrainedPage, first, selected]);
	return {first, count, total, trained, untrained};
}
