import {useCallback} from 'react';
import {classMapSources, type TileSource} from '../app/tile-sources.js';
import {useClassModels} from '../app/use-class-models.js';
import type {DatasetSplit} from '../data/dataset.js';
import {maxAbs} from '../nn/class-maps.js';
import type {TrainConfig} from '../nn/config.js';
import {ClassDetail} from './ClassDetail.js';
import {digitNames, TileTab, type DetailView, type TileTabProps} from './TileTab.js';

/** For each class, the input-pixel map of the weight matrices multiplied backwards, trained and untrained, and the selected class in full. */
export function MapsTab({split, config, ...tab}: TileTabProps & {readonly split?: DatasetSplit; readonly config?: TrainConfig}) {
	const {classNames = digitNames, current, depth, image, analysis, progress = 0} = tab;
	// Each class's model by gradient ascent, computed in slices after the frame (only with the network's config).
	const models = useClassModels(current, config, config !== undefined);
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
			sources={classMapSources} label={label} bothSets detail={detail}
		/>
	);
}
