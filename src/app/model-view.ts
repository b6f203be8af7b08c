/**
 * What the views show of a model, and what they derive from it: a pure layer between the engine and
 * the components (no React here), so every number on screen can be computed and tested without a
 * terminal.
 */
import type {DatasetSplit} from '../data/dataset.js';
import type {TrainConfig} from '../nn/config.js';
import {argmax, outputsFor, predict} from '../nn/evaluate.js';
import type {Parameters} from '../nn/network.js';
import {checkSplit} from '../nn/train-epoch.js';
import {Workspace} from '../nn/workspace.js';

/** The network's answer for one example. */
export type Classification = {
	readonly outputs: Float64Array;
	readonly predicted: number;
	readonly label: number;
	readonly correct: boolean;
};

// One workspace per parameters, kept while they live: building one copies and transposes every
// weight, 80 ms for a [784,2000,2000,10] network, which every key that moves would pay again. The
// views only read through it (each forward pass runs to its end without yielding), so they can share it.
const workspaces = new WeakMap<Parameters, {config: TrainConfig; ws: Workspace}>();

function workspaceFor(parameters: Parameters, config: TrainConfig): Workspace {
	const cached = workspaces.get(parameters);
	if (cached?.config === config) {
		return cached.ws;
	}

	const ws = Workspace.create(config, parameters);
	workspaces.set(parameters, {config, ws});
	return ws;
}

export function classify(parameters: Parameters, config: TrainConfig, split: DatasetSplit, index: number): Classification {
	const ws = workspaceFor(parameters, config);
	const outputs = outputsFor(ws, split, index);
	const predicted = argmax(outputs);
	const label = split.labels[index];
	return {outputs, predicted, label, correct: predicted === label};
}

/** Indices of the misclassified examples of `split`, ascending. */
export function misclassified(parameters: Parameters, config: TrainConfig, split: DatasetSplit): Int32Array {
	const predictions = predict(Workspace.create(config, parameters), split);
	const wrong: number[] = [];
	for (let i = 0; i < split.count; i++) {
		if (predictions[i] !== split.labels[i]) {
			wrong.push(i);
		}
	}

	return Int32Array.from(wrong);
}

export type SliceOptions = {
	readonly signal?: AbortSignal;
	/** Called between slices with the examples done so far. */
	readonly onProgress?: (done: number, total: number) => void;
	/** How long a slice runs before it yields to the event loop; 10 ms unless given. */
	readonly sliceMs?: number;
};

/**
 * `misclassified`, computed in slices that yield to the event loop between them, so that frames and
 * keys go on while a large network is evaluated (a [784,2000,2000,10] network takes 17 s over the
 * 997 embedded test digits). Resolves to undefined once `signal` aborts.
 */
export async function misclassifiedInSlices(parameters: Parameters, config: TrainConfig, split: DatasetSplit, options: SliceOptions = {}): Promise<Int32Array | undefined> {
	const {signal, onProgress, sliceMs = 10} = options;
	const ws = workspaceFor(parameters, config);
	checkSplit(ws, split, 'dataset');
	const outputs = config.layers.at(-1)!;
	const wrong: number[] = [];
	let sliceStart = performance.now();
	for (let i = 0; i < split.count; i++) {
		if (signal?.aborted) {
			return undefined;
		}

		ws.setInput(split.images, i);
		if (argmax(ws.forward(), outputs) !== split.labels[i]) {
			wrong.push(i);
		}

		if (performance.now() - sliceStart >= sliceMs && i + 1 < split.count) {
			onProgress?.(i + 1, split.count);
			// eslint-disable-next-line no-await-in-loop -- yielding between slices is the point
			await new Promise(resolve => {
				setImmediate(resolve);
			});
			sliceStart = performance.now();
		}
	}

	return signal?.aborted ? undefined : Int32Array.from(wrong);
}

/** The next (direction 1) or previous (-1) entry of sorted `indices` after `from`, wrapping around. */
export function nextIndex(indices: Int32Array, from: number, direction: 1 | -1): number | undefined {
	if (indices.length === 0) {
		return undefined;
	}

	if (direction === 1) {
		const found = indices.find(i => i > from);
		return found ?? indices[0];
	}

	for (let k = indices.length - 1; k >= 0; k--) {
		if (indices[k] < from) {
			return indices[k];
		}
	}

	return indices.at(-1);
}
