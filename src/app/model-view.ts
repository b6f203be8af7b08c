/**
 * What the views show of a model, and what they derive from it: a pure layer between the engine and
 * the components (no React here), so every number on screen can be computed and tested without a
 * terminal.
 */
import type {DatasetSplit} from '../data/dataset.js';
import type {TrainConfig} from '../nn/config.js';
import {argmax, outputsFor, predict} from '../nn/evaluate.js';
import type {Parameters} from '../nn/network.js';
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
	return misclassifiedOf(predict(Workspace.create(config, parameters), split), split.labels);
}

/** The indices where a prediction differs from the label, ascending. */
export function misclassifiedOf(predictions: ArrayLike<number>, labels: ArrayLike<number>): Int32Array {
	const wrong: number[] = [];
	for (let i = 0; i < labels.length; i++) {
		if (predictions[i] !== labels[i]) {
			wrong.push(i);
		}
	}

	return Int32Array.from(wrong);
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
