import {useEffect, useRef, useState} from 'react';
import type {DatasetSplit} from '../data/dataset.js';
import type {TrainConfig} from '../nn/config.js';
import type {Parameters} from '../nn/network.js';
import {analyseInSlices, type TestAnalysis} from './test-analysis.js';

export type TestAnalysisState = {
	/** The analysis of the parameters given, once computed; undefined while it is being computed. */
	readonly analysis: TestAnalysis | undefined;
	/** How much of the split the computation under way has seen (0 to 1); 1 once `analysis` is there. */
	readonly progress: number;
	/**
	 * While `analysis` is undefined: the last analysis shown (of other parameters of a network of the
	 * same shape, on the same split), for views that keep showing numbers marked as updating; undefined otherwise.
	 */
	readonly stale: TestAnalysis | undefined;
};

type Finished = {readonly config: TrainConfig; readonly split: DatasetSplit; readonly analysis: TestAnalysis};
/** How far the computation under way for these parameters, config and split has come. */
type Pending = {readonly parameters: Parameters; readonly config: TrainConfig; readonly split: DatasetSplit; readonly progress: number};

// Each parameters object is analysed once (they are never changed in place: every update of the
// weights and every saved epoch is an object of its own), so stepping back to an epoch is instant.
const finished = new WeakMap<Parameters, Finished>();

function cached(parameters: Parameters, config: TrainConfig, split: DatasetSplit): TestAnalysis | undefined {
	const entry = finished.get(parameters);
	return entry?.config === config && entry.split === split ? entry.analysis : undefined;
}

/** True when `analysis` has the classes and first-layer neurons of a network of these layers. */
function fits(analysis: TestAnalysis, layers: readonly number[]): boolean {
	return analysis.classes === layers.at(-1) && analysis.neurons === (layers.length > 2 ? layers[1] : 0);
}

/** Progress is shown at most this often: every update re-renders the whole frame. */
const progressIntervalMs = 250;

/**
 * The test analysis of `parameters` (a new object with every live update and every timeline step),
 * computed in 10 ms slices that yield, after the frame that asks for it; a computation still under
 * way for other parameters stops. Results are kept per parameters object.
 */
export function useTestAnalysis(parameters: Parameters, config: TrainConfig, split: DatasetSplit): TestAnalysisState {
	const hit = cached(parameters, config, split);
	const [pending, setPending] = useState<Pending>();
	const [, setDone] = useState<TestAnalysis>();
	const lastShown = useRef<{readonly split: DatasetSplit; readonly analysis: TestAnalysis}>(undefined);
	useEffect(() => {
		if (hit) {
			lastShown.current = {split, analysis: hit};
			return;
		}

		const controller = new AbortController();
		let shownAt = performance.now();
		setPending(undefined); // what an earlier, stopped computation of the same parameters had done
		const onProgress = (done: number, total: number): void => {
			if (performance.now() - shownAt >= progressIntervalMs) {
				shownAt = performance.now();
				setPending({parameters, config, split, progress: done / total});
			}
		};

		void analyseInSlices(parameters, config, split, {signal: controller.signal, onProgress}).then(analysis => {
			if (analysis) {
				finished.set(parameters, {config, split, analysis});
				setDone(analysis);
			}
		});
		return () => {
			controller.abort();
		};
	}, [hit, parameters, config, split]);

	if (hit) {
		return {analysis: hit, progress: 1, stale: undefined};
	}

	const last = lastShown.current;
	const stale = last?.split === split && fits(last.analysis, config.layers) ? last.analysis : undefined;
	const progress = pending?.parameters === parameters && pending.config === config && pending.split === split ? pending.progress : 0;
	return {analysis: undefined, progress, stale};
}
