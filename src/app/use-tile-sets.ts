import {useMemo} from 'react';
import type {Parameters} from '../nn/network.js';
import type {ColorDepth} from '../render/color-depth.js';
import {downsample} from '../render/downsample.js';
import {renderSignedImage} from '../render/half-block.js';
import {maxAbs} from '../nn/class-maps.js';
import {changeOf, pageOf, sharedScaleOf, type Tile, type TileSource} from './tile-sources.js';

export type TileSetsOptions = {
	/** Names the tiles' places on screen: `${id}.0.3` (the first set's place 3), `${id}.1.3` (the second set's). */
	readonly id: string;
	readonly current: Parameters;
	readonly initial: Parameters;
	/** The tiles of a network; the same function from render to render (a module's, not a closure). */
	readonly sources: (p: Parameters) => readonly TileSource[];
	/** Tile `index`'s label in `width` cells; keep it the same function while what it reads is unchanged (useCallback). */
	readonly label: (source: TileSource, index: number, width: number) => string;
	/** Tiles a page; the page shown is the one that holds the selected tile. */
	readonly perPage: number;
	readonly selected: number;
	/** Show trained minus untrained in place of the trained tiles. */
	readonly change: boolean;
	/** One colour scale over all tiles of a set, else each tile its own. */
	readonly sharedScale: boolean;
	readonly depth: ColorDepth;
	readonly image: {readonly rows: number; readonly cols: number};
	/** Each factor x factor block of a tile's pixels is averaged into one (1: full resolution). */
	readonly factor?: number;
	/** Trained and untrained on screen together (two places a tile), else one at a time in the same places. */
	readonly twoSets?: boolean;
};

type Page = Pick<TileSetsOptions, 'id' | 'label' | 'depth'> & {
	readonly first: number;
	readonly count: number;
	/** One colour scale for every tile, else undefined: each tile its own largest value. */
	readonly scale: number | undefined;
	readonly rows: number;
	readonly cols: number;
	readonly factor: number;
};

export type TileSets = {
	/** The page: tiles first .. first + count - 1 of total. */
	readonly first: number;
	readonly count: number;
	readonly total: number;
	readonly trained: readonly Tile[];
	readonly untrained: readonly Tile[];
	/** The full-resolution tiles shown (trained, or what training changed) and the untrained ones, for a detail. */
	readonly shown: readonly TileSource[];
	readonly initial: readonly TileSource[];
	/** Their shared scales (the largest |value| of each set), or undefined with a scale per tile. */
	readonly shownScale: number | undefined;
	readonly initialScale: number | undefined;
};

/**
 * The tiles of one page of a set, averaged factor x factor, scaled per tile (its own largest averaged
 * value, so a small tile keeps its contrast) or by the set's shared scale; none selected yet.
 */
function drawPage(set: readonly TileSource[], page: Page): Tile[] {
	const {id, label, first, count, scale, depth, rows, cols, factor} = page;
	return set.slice(first, first + count).map((source, k) => {
		const small = downsample(source.values, rows, cols, factor);
		return {
			id: `${id}.${k}`,
			lines: renderSignedImage(small.values, small.rows, small.cols, scale ?? maxAbs(small.values), depth),
			selected: false,
			label: label(source, first + k, small.cols),
		};
	});
}

/** The page's tiles with the selected one marked: the same images and labels, no drawing. */
function markSelected(tiles: readonly Tile[], first: number, selected: number): Tile[] {
	return tiles.map((tile, k) => ({...tile, selected: first + k === selected}));
}

/**
 * The page of tiles that holds the selected one, trained (or what training changed) and untrained,
 * each set drawn again only when what it reads changes: the parameters (a new object for every
 * update), the page, the scale, the depth, the image size, the factor and the label. Moving the
 * selection within a page only marks another tile; a set's shared scale is found again only for a new set.
 */
export function useTileSets(options: TileSetsOptions): TileSets {
	const {id, current, initial, sources, label, perPage, selected, change, sharedScale, depth, image, factor = 1, twoSets = false} = options;
	const {rows, cols} = image;
	const currentSources = useMemo(() => sources(current), [sources, current]);
	const initialSources = useMemo(() => sources(initial), [sources, initial]);
	const total = currentSources.length;
	const {first, count} = pageOf(Math.max(0, selected), perPage, total);
	const shown = useMemo(() => (change ? changeOf(currentSources, initialSources) : currentSources), [change, currentSources, initialSources]);
	const shownScale = useMemo(() => (sharedScale ? sharedScaleOf(shown) : undefined), [shown, sharedScale]);
	const initialScale = useMemo(() => (sharedScale ? sharedScaleOf(initialSources) : undefined), [initialSources, sharedScale]);
	const trainedPage = useMemo(
		() => drawPage(shown, {id: `${id}.0`, first, count, scale: shownScale, depth, rows, cols, factor, label}),
		[shown, id, first, count, shownScale, depth, rows, cols, factor, label],
	);
	// One set at a time shows in the first set's places: the pixel layer keeps one slot a place.
	const untrainedId = `${id}.${twoSets ? 1 : 0}`;
	const untrainedPage = useMemo(
		() => drawPage(initialSources, {id: untrainedId, first, count, scale: initialScale, depth, rows, cols, factor, label}),
		[initialSources, untrainedId, first, count, initialScale, depth, rows, cols, factor, label],
	);
	const trained = useMemo(() => markSelected(trainedPage, first, selected), [trainedPage, first, selected]);
	const untrained = useMemo(() => markSelected(untrainedPage, first, selected), [untrainedPage, first, selected]);
	return {first, count, total, trained, untrained, shown, initial: initialSources, shownScale, initialScale};
}
