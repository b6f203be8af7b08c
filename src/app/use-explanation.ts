import {useMemo} from 'react';
import type {DatasetSplit} from '../data/dataset.js';
import type {TrainConfig} from '../nn/config.js';
import {Explainer, type Explanation, imageInput} from '../nn/explain.js';
import type {Parameters} from '../nn/network.js';

/**
 * Why the network on screen gives test example `index` its answer: its hidden activations, the last
 * hidden layer's contributions and the attribution maps for the predicted class and `trueClass`. One
 * Explainer per network (its buffers are reused from example to example); the explanation is worked
 * out again only when the network, the split, the example or the true class changes. Undefined
 * without a network (a view that was not given one) or when the images do not fit its input layer.
 */
export function useExplanation(
	parameters: Parameters | undefined, config: TrainConfig | undefined, split: DatasetSplit, index: number, trueClass: number,
): Explanation | undefined {
	const explainer = useMemo(() => (parameters === undefined || config === undefined ? undefined : new Explainer(config, parameters)), [parameters, config]);
	return useMemo(() => {
		if (explainer === undefined) {
			return undefined;
		}

		const size = explainer.layers[0];
		if (index < 0 || (index + 1) * size > split.images.length || split.images.length !== split.count * size) {
			return undefined;
		}

		return explainer.explain(imageInput(split.images, index, size), trueClass);
	}, [explainer, split, index, trueClass]);
}
