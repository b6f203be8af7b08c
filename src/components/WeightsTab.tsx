import {useMemo} from 'react';
import {keyOf} from '../app/key-map.js';
import {outgoingWeights} from '../app/test-analysis.js';
import {fixed, neuronSources, type TileSource} from '../app/tile-sources.js';
import type {DatasetSplit} from '../data/dataset.js';
import {mean} from '../nn/class-maps.js';
import {NeuronDetail} from './NeuronDetail.js';
import {digitNames, TileTab, type DetailView, type TileTabProps} from './TileTab.js';
import {firstFitting} from '../app/wording.js';

type Props = TileTabProps & {
	/** One colour scale for all tiles (the largest weight of the layer), else one per tile. */
	readonly sharedScale: boolean;
	/** The test images the detail's top-activating thumbnails come from (none without it). */
	readonly split?: DatasetSplit;
};

/** Neuron j with its bias B and influence I when the tile is wide enough, else with B, else j alone (the detail has both). */
function neuronLabel({values, figures: [bias]}: TileSource, j: number, width: number): string {
	const withBias = `${j} B ${fixed(bias, 2)}`;
	const full = `${withBias} I ${fixed(mean(values), 3)}`;
	return firstFitting([full, withBias], width, String(j));
}

/** Every first-layer neuron's incoming weights as a small tile, and the selected neuron in full beside them. */
export function WeightsTab({sharedScale, keys = true, split, ...tab}: Props) {
	const {current, depth, image, classNames = digitNames, analysis, progress = 0} = tab;
	const index = Math.max(0, tab.selected);
	// A network without a hidden layer has no next weight matrix: no classes to push.
	const outgoing = useMemo(() => (current.weights[1] === undefined ? new Float32Array(0) : outgoingWeights(current, index)), [current, index]);
	const detail = (view: DetailView) => (
		<NeuronDetail
			id='weights' width={view.width} height={view.height} index={view.index} source={view.source} what={view.what} scale={view.scale}
			depth={depth} image={image} classNames={classNames} outgoing={outgoing} split={split} analysis={analysis} progress={progress}
		/>
	);
	return (
		<TileTab
			{...tab} keys={keys} id='weights' heading='Weights' noun='neurons' count={current.layers[1]} sources={neuronSources}
			label={neuronLabel} sharedScale={sharedScale} detail={detail}
			legend={[`${keys ? `${keyOf('toggleScale')} ` : ''}${sharedScale ? 'shared scale' : 'scale per tile'}`, 'B bias, I influence (mean weight)']}
		/>
	);
}
