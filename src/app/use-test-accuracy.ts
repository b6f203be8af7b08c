import {useEffect, useState} from 'react';
import type {DatasetSplit} from '../data/dataset.js';
import type {TrainConfig} from '../nn/config.js';
import type {Parameters} from '../nn/network.js';
import {misclassifiedInSlices} from './model-view.js';

/** The accuracy once known; until then how much of the split has been evaluated (0 to 1). */
export type PendingAccuracy = {readonly accuracy?: number; readonly progress: number};

/** Progress is shown at most this often: every update re-renders the whole frame. */
const progressIntervalMs = 250;

/**
 * The accuracy of `parameters` on `split`, computed after the first frame in slices that yield, so
 * a large network opens at once and the keys answer while it is evaluated. Nothing is computed (and
 * a computation under way stops) while `needed` is false.
 */
export function useTestAccuracy(parameters: Parameters, config: TrainConfig, split: DatasetSplit, needed = true): PendingAccuracy {
	const [state, setState] = useState<PendingAccuracy>({progress: 0});
	useEffect(() => {
		if (!needed) {
			return;
		}

		const controller = new AbortController();
		let shownAt = performance.now();
		setState(before => (before.accuracy === undefined && before.progress === 0 ? before : {progress: 0}));
		const onProgress = (done: number, total: number): void => {
			if (performance.now() - shownAt >= progressIntervalMs) {
				shownAt = performance.now();
				setState({progress: done / total});
			}
		};

		void misclassifiedInSlices(parameters, config, split, {signal: controller.signal, onProgress}).then(wrong => {
			if (wrong !== undefined) {
				setState({accuracy: split.count > 0 ? 1 - (wrong.length / split.count) : 0, progress: 1});
			}
		});
		return () => {
			controller.abort();
		};
	}, [parameters, config, split, needed]);
	return state;
}
