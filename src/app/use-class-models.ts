import {useEffect, useRef, useState} from 'react';
import {type ClassModelOptions, classModelsInSlices} from '../nn/class-model.js';
import type {TrainConfig} from '../nn/config.js';
import type {Parameters} from '../nn/network.js';

export type ClassModels = {
	/** Each class's model (layers[0] values in [0, 1]) as far as computed; undefined for those still to come. */
	readonly images: ReadonlyArray<Float64Array | undefined>;
	/** Every class's model is there. */
	readonly done: boolean;
	/**
	 * Some images are still the last complete set's, of earlier parameters: while a new set is computed,
	 * each class keeps its previous model until its new one is there, so models do not blink out (while
	 * training runs, new parameters come every few seconds).
	 */
	readonly stale: boolean;
};

// Each parameters object's class models are computed once (parameters are never changed in place).
const finished = new WeakMap<Parameters, Float64Array[]>();

/**
 * The class models (gradient ascent on each class's score, src/nn/class-model.ts) of `parameters`,
 * computed in slices that yield to the event loop after the frame that asks for them, class by class;
 * new parameters stop the computation under way. Nothing is computed while `wanted` is false.
 */
export function useClassModels(parameters: Parameters, config: TrainConfig | undefined, wanted: boolean, options?: ClassModelOptions): ClassModels {
	const classes = parameters.layers.at(-1) ?? 0;
	const cached = finished.get(parameters);
	const [partial, setPartial] = useState<{parameters: Parameters; images: Array<Float64Array | undefined>}>();
	const lastComplete = useRef<readonly Float64Array[] | undefined>(undefined);
	useEffect(() => {
		if (!wanted || config === undefined || finished.has(parameters)) {
			return;
		}

		const controller = new AbortController();
		const images: Array<Float64Array | undefined> = Array.from({length: classes});
		setPartial({parameters, images: [...images]});
		void classModelsInSlices(config, parameters, {
			...options,
			signal: controller.signal,
			onImage(classIndex, image) {
				images[classIndex] = image;
				setPartial({parameters, images: [...images]});
			},
		}).then(all => {
			if (all !== undefined) {
				finished.set(parameters, all);
				setPartial({parameters, images: all});
			}
		});
		return () => {
			controller.abort();
		};
	}, [parameters, config, wanted, classes, options]);

	if (cached) {
		lastComplete.current = cached;
		return {images: cached, done: true, stale: false};
	}

	const fresh = partial?.parameters === parameters ? partial.images : Array.from<Float64Array | undefined>({length: classes});
	const previous = lastComplete.current?.length === classes ? lastComplete.current : undefined;
	if (previous === undefined) {
		return {images: fresh, done: false, stale: false};
	}

	const images = fresh.map((image, c) => image ?? previous[c]);
	return {images, done: false, stale: fresh.some(image => image === undefined)};
}
