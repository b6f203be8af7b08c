import {useEffect, useRef, useState} from 'react';
import type {DatasetSplit} from '../data/dataset.js';
import type {TrainConfig} from '../nn/config.js';
import type {KernelFamily} from '../nn/engine.js';
import type {Parameters} from '../nn/network.js';
import {analyseInSlices, type TestAnalysis} from './test-analysis.js';

export type TestAnalysisState = {
	/** The analysis of the parameters given, once computed; undefined while it is being computed. */
	readonly analysis: TestAnalysis | undefined;
	/** How much of the split the computation under way has seen (0 to 1); 1 once `analysis` is there. */
	readonly progress: number;
	/**
	 * While `analysis` is undefined: the latest analysis finished or shown (of other parameters of a
	 * network of the same shape, on the same split), for views that keep showing numbers marked as
	 * updating; undefined otherwise.
	 */
	readonly stale: TestAnalysis | undefined;
};

/** What is analysed: parameters, with the config and split they are read with. */
type Key = {readonly parameters: Parameters; readonly config: TrainConfig; readonly split: DatasetSplit};
type Finished = Key & {readonly analysis: TestAnalysis};

// Each parameters object is analysed once (they are never changed in place: every update of the
// weights and every saved epoch is an object of its own), so stepping back to an epoch is instant.
const finished = new WeakMap<Parameters, Finished>();

function cached({parameters, config, split}: Key): TestAnalysis | undefined {
	const entry = finished.get(parameters);
	return entry?.config === config && entry.split === split ? entry.analysis : undefined;
}

function sameKey(a: Key, b: Key): boolean {
	return a.parameters === b.parameters && a.config === b.config && a.split === b.split;
}

/** True when `analysis` has the classes and first-layer neurons of a network of these layers. */
function fits(analysis: TestAnalysis, layers: readonly number[]): boolean {
	return analysis.classes === layers.at(-1) && analysis.neurons === (layers.length > 2 ? layers[1] : 0);
}

/**
 * How long new parameters may keep stopping the computation under way. Weights come every 250 ms
 * while training, and keys that step the timeline can come faster than a large network is analysed:
 * stopping every computation for the newest would leave the numbers stale for as long as they come.
 * So once the numbers shown have been stale this long, the computation under way is finished (and
 * shown) before the newest parameters are taken up; the ones in between are never analysed.
 */
export const patienceMs = 300;

/** Runs one analysis at a time for the newest parameters wanted (a plain object: the hook's engine). */
export class AnalysisRunner {
	/** The latest analysis finished or shown, with its key. */
	latest: Finished | undefined;
	private job: {readonly key: Key; readonly controller: AbortController} | undefined;
	private wanted: Key | undefined;
	private staleSince = 0;

	constructor(
		private readonly events: {
			readonly onProgress: (key: Key, progress: number) => void;
			readonly onFinished: (entry: Finished) => void;
		},
		/** What computes an analysis (tests give one whose time they control). */
		private readonly analyseFn: typeof analyseInSlices = analyseInSlices,
		/** The kernels of its forward pass. */
		private readonly kernels: KernelFamily = 'js',
	) {}

	/** Ask for the analysis of `key` (undefined: of nothing more), started at once or after the one under way. */
	want(key: Key | undefined): void {
		const hit = key && cached(key);
		if (key === undefined || hit) {
			this.wanted = undefined;
			if (key && hit) {
				this.latest = {...key, analysis: hit};
				this.stop(); // what it computes is no longer wanted
			}

			return;
		}

		if (this.wanted === undefined) {
			this.staleSince = performance.now();
		}

		this.wanted = key;
		if (this.job && !sameKey(this.job.key, key) && performance.now() - this.staleSince < patienceMs) {
			this.stop();
		}

		if (this.job === undefined) {
			this.start(key);
		}
	}

	/** Stop the computation under way, if any. */
	stop(): void {
		this.job?.controller.abort();
		this.job = undefined;
	}

	private start(key: Key): void {
		const controller = new AbortController();
		const job = {key, controller};
		this.job = job;
		let shownAt = performance.now();
		const onProgress = (done: number, total: number): void => {
			if (performance.now() - shownAt >= progressIntervalMs) {
				shownAt = performance.now();
				this.events.onProgress(key, done / total);
			}
		};

		void this.analyseFn(key.parameters, key.config, key.split, {signal: controller.signal, onProgress, kernels: this.kernels}).then(analysis => {
			if (this.job !== job || analysis === undefined) {
				return;
			}

			this.job = undefined;
			const entry = {...key, analysis};
			finished.set(key.parameters, entry);
			this.latest = entry;
			const next = this.wanted;
			this.wanted = undefined;
			this.want(next && !sameKey(next, key) ? next : undefined);
			this.events.onFinished(entry);
		});
	}
}

/** Progress is shown at most this often: every update re-renders the whole frame. */
const progressIntervalMs = 250;

/**
 * The test analysis of `parameters` (a new object with every live update and every timeline step),
 * computed in 10 ms slices that yield, after the frame that asks for it. New parameters stop the
 * computation under way, unless the numbers shown have been stale for patienceMs: then it finishes
 * first. Results are kept per parameters object. `kernels`: those the forward passes run on (the
 * training's own in the UI; taken when the hook first runs).
 */
export function useTestAnalysis(parameters: Parameters, config: TrainConfig, split: DatasetSplit, kernels: KernelFamily = 'js'): TestAnalysisState {
	const hit = cached({parameters, config, split});
	const [pending, setPending] = useState<Key & {readonly progress: number}>();
	const [, setDone] = useState<TestAnalysis>();
	const runner = useRef<AnalysisRunner>(undefined);
	runner.current ??= new AnalysisRunner({
		onProgress(key, progress) {
			setPending({...key, progress});
		},
		onFinished(entry) {
			setDone(entry.analysis);
		},
	}, analyseInSlices, kernels);
	useEffect(() => {
		runner.current!.want({parameters, config, split});
	}, [parameters, config, split]);
	useEffect(() => () => {
		runner.current!.stop();
	}, []);

	if (hit) {
		return {analysis: hit, progress: 1, stale: undefined};
	}

	const latest = runner.current.latest;
	const stale = latest?.split === split && fits(latest.analysis, config.layers) ? latest.analysis : undefined;
	const progress = pending && sameKey(pending, {parameters, config, split}) ? pending.progress : 0;
	return {analysis: undefined, progress, stale};
}
