import {keyOf} from '../app/key-map.js';
import {neuronSources, type TileSource} from '../app/tile-sources.js';
import {mean} from '../nn/class-maps.js';
import {TileTab, type TileTabProps} from './TileTab.js';

type Props = TileTabProps & {
	/** One colour scale for all tiles (the largest weight of the layer), else one per tile. */
	readonly sharedScale: boolean;
};

/** A number with `digits` decimals, without a minus sign on a value that rounds to zero. */
function fixed(value: number, digits: number): string {
	const text = value.toFixed(digits);
	return Number(text) === 0 ? (0).toFixed(digits) : text;
}

/** Neuron j, its bias B and its influence I (the mean of its incoming weights). */
function neuronLabel({values, figures: [bias]}: TileSource, j: number): string {
	return `${j} B ${fixed(bias, 2)} I ${fixed(mean(values), 3)}`;
}

/** Every first-layer neuron's incoming weights as an image, with its bias B and influence I. */
export function WeightsTab({sharedScale, keys = true, ...tab}: Props) {
	return (
		<TileTab
			{...tab} keys={keys} id='weights' heading='Weights' noun='neurons' note={sharedScale ? 'shared scale' : 'scale per tile'}
			sources={neuronSources} label={neuronLabel} sharedScale={sharedScale}
			legend='B bias, I influence (mean weight)' legendKeys={keys ? [`${keyOf('toggleScale')} scale`] : []}
		/>
	);
}
