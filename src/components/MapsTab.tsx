import {useCallback} from 'react';
import {tileSize} from '../app/tile-layout.js';
import {classMapSources, type Tile, type TileSource} from '../app/tile-sources.js';
import {useClassModels} from '../app/use-class-models.js';
import type {DatasetSplit} from '../data/dataset.js';
import {maxAbs} from '../nn/class-maps.js';
import type {TrainConfig} from '../nn/config.js';
import type {Parameters} from '../nn/network.js';
import type {ColorDepth} from '../render/color-depth.js';
import {downsample} from '../render/downsample.js';
import {renderGrayImage} from '../render/half-block.js';
import {ClassDetail} from './ClassDetail.js';
import {digitNames, TileTab, type DetailView, type TileTabProps} from './TileTab.js';

type Props = TileTabProps & {
	readonly split?: DatasetSplit;
	/** The network's config: with it, each class's model by gradient ascent beside its map in the detail. */
	readonly config?: TrainConfig;
	/** The class models in the untrained maps' place in the overview. */
	readonly classModels?: boolean;
	/**
	 * The parameters whose class models show (default: the shown ones). While training runs, the App passes
	 * the shown parameters of every few seconds: a set of class models takes a sixth of a second to compute.
	 */
	readonly modelParameters?: Parameters;
};

/** A page of class models as tiles: averaged factor x factor, in grey; blank while a model is computed. */
function classModelTiles(images: ReadonlyArray<Float64Array | undefined>, page: {first: number; count: number; factor: number; selected: number}, image: {rows: number; cols: number}, names: readonly string[], depth: ColorDepth): Tile[] {
	const {cols, rows} = tileSize(image, page.factor);
	return Array.from({length: page.count}, (_, k) => {
		const c = page.first + k;
		const values = images[c];
		let lines = Array.from({length: rows}, () => ' '.repeat(cols));
		if (values !== undefined) {
			const small = downsample(values, image.rows, image.cols, page.factor);
			lines = renderGrayImage(Uint8Array.from(small.values, v => Math.round(Math.min(1, Math.max(0, v)) * 255)), small.rows, small.cols, depth);
		}

		const name = names[c] === String(c) ? String(c) : `${c} ${names[c] ?? ''}`;
		return {id: `maps.1.${k}`, lines, label: [...name].length <= cols ? name : `${[...name].slice(0, Math.max(1, cols - 1)).join('')}…`, selected: c === page.selected};
	});
}

/** For each class, the input-pixel map of the weight matrices multiplied backwards, trained and untrained (or each class's model), and the selected class in full. */
export function MapsTab({split, config, classModels = false, modelParameters, ...tab}: Props) {
	const {classNames = digitNames, current, depth, image, analysis, progress = 0} = tab;
	// Each class's model by gradient ascent, computed in slices after the frame (only with the network's config).
	const models = useClassModels(modelParameters ?? current, config, config !== undefined);
	const secondSet = (page: {first: number; count: number; factor: number; selected: number}) => (classModels && config !== undefined
		? {
			tiles: classModelTiles(models.images, page, image, classNames, depth),
			caption: models.done ? 'class models (gradient ascent)' : (models.stale ? 'class models: updating…' : 'class models: computing…'),
		}
		: undefined);
	const label = useCallback((source: TileSource, c: number, width: number) => {
		// The digits' names are their indices: said once.
		const named = (k: number): string => (classNames[k] === String(k) ? String(k) : `${k} ${classNames[k] ?? ''}`);
		const text = named(c);
		// Its scale (each map is drawn to its own largest |value|), on every tile or none: when the longest name leaves room.
		const longest = Math.max(...classNames.map((_, k) => [...named(k)].length));
		if (longest + 6 <= width) {
			return `${text} ±${maxAbs(source.values).toFixed(1)}`;
		}

		return [...text].length <= width ? text : `${[...text].slice(0, Math.max(1, width - 1)).join('')}…`;
	}, [classNames]);
	const detail = (view: DetailView) => (
		<ClassDetail
			id='maps' width={view.width} height={view.height} index={view.index} source={view.source} untrained={view.untrained} what={view.what}
			scale={view.scale} untrainedScale={view.untrainedScale} depth={depth} image={image} classNames={classNames} split={split} analysis={analysis} progress={progress}
			untrainedNetwork={view.untrainedNetwork} classModel={config === undefined ? undefined : {values: models.images[view.index]}}
		/>
	);
	return (
		<TileTab
			{...tab} id='maps' heading='Generalized images' noun='classes' legend={['scale per image']} count={current.layers.at(-1) ?? 0}
			sources={classMapSources} label={label} bothSets detail={detail} secondSet={secondSet}
		/>
	);
}
