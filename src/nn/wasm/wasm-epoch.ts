import type {DatasetSplit} from '../../data/dataset.js';
import {fractionCorrect} from '../evaluate.js';
import type {Random} from '../random.js';
import {checkSplitFits, type EpochOptions, type EpochStats, runSteps, runStepsAsync} from '../train-epoch.js';
import type {WasmWorkspace} from './wasm-workspace.js';

/**
 * One epoch of mini-batch SGD on the WebAssembly kernels, as epochSteps runs it on the JavaScript
 * Workspace: the same shuffle from `rng` (so the same order for the same generator state), then
 * the mini-batches in that order, `ws.capacity` samples (whole mini-batches) per call of the
 * kernels. Yields the samples done after each call but the last; returns the epoch's statistics.
 */
export function * wasmEpochSteps(ws: WasmWorkspace, split: DatasetSplit, rng: Random): Generator<number, EpochStats, void> {
	checkSplitFits(ws.layers, split, 'training set');
	const n = split.count;
	const order = new Uint32Array(n);
	for (let i = 0; i < n; i++) {
		order[i] = i;
	}

	rng.shuffle(order);
	let cost = 0;
	for (let start = 0; start < n; start += ws.capacity) {
		const end = Math.min(start + ws.capacity, n);
		cost += ws.trainSlice(split, order, start, end, n);
		if (end < n) {
			yield end;
		}
	}

	const lambda = ws.config.lambda;
	const l2 = lambda > 0 ? 0.5 * (lambda / n) * ws.weightSquareSum() : 0;
	return {trainLoss: (n > 0 ? cost / n : 0) + l2, samples: n};
}

/** Run a whole epoch synchronously. */
export function wasmTrainEpoch(ws: WasmWorkspace, split: DatasetSplit, rng: Random): EpochStats {
	return runSteps(wasmEpochSteps(ws, split, rng));
}

/** trainEpochAsync on the kernels: slices with the event loop between them, the same options. */
export async function wasmTrainEpochAsync(ws: WasmWorkspace, split: DatasetSplit, rng: Random, options: EpochOptions = {}): Promise<EpochStats> {
	return runStepsAsync(wasmEpochSteps(ws, split, rng), split.count, options);
}

/** Fraction of `split` the network classifies correctly, on the kernels. */
export function wasmAccuracy(ws: WasmWorkspace, split: DatasetSplit): number {
	return fractionCorrect(ws.predict(split), split.labels);
}
