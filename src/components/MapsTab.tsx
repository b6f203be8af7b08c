import {useCallback} from 'react';
import {classMapSources, type TileSource} from '../app/tile-sources.js';
import {maxAbs} from '../nn/class-maps.js';
import {TileTab, type TileTabProps} from './TileTab.js';

type Props = TileTabProps & {
	readonly classNames: readonly string[];
};

/** For each class, the input-pixel map of the weight matrices multiplied backwards; trained and untrained. */
export function MapsTab({classNames, ...tab}: Props) {
	const label = useCallback((source: TileSource, c: number) => `${classNames[c]}  max ${maxAbs(source.values).toFixed(1)}`, [classNames]);
	return (
		<TileTab
			{...tab} id='maps' heading='Generalized images' noun='classes' sources={classMapSources} label={label}
			legend='weights multiplied backwards, scale per image'
		/>
	);
}
