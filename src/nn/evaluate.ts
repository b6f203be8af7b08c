import type {DatasetSplit} from '../data/dataset.js';
import {checkSplit} from './train-epoch.js';
import type {Workspace} from './workspace.js';

/** Index of the largest of a[0..n) (the first one on ties). */
export function argmax(a: ArrayLike<number>, n = a.length): number {
	let best = 0;
	for (let i = 1; i < n; i++) {
		if (a[i] > a[best]) {
			best = i;
		}
	}

	return best;
}

/** The network's output for image `index` of `split` (a fresh copy). */
export function outputsFor(ws: Workspace, split: DatasetSplit, index: number): Float64Array {
	ws.setInput(split.images, index);
	return ws.forward().slice();
}

/** The predicted class of every image of `split`. */
export function predict(ws: Workspace, split: DatasetSplit): Uint8Array {
	checkSplit(ws, split, 'dataset');
	const nOut = ws.layers[ws.depth];
	const predictions = new Uint8Array(split.count);
	for (let i = 0; i < split.count; i++) {
		ws.setInput(split.images, i);
		predictions[i] = argmax(ws.forward(), nOut);
	}

	return predictions;
}

/** Fraction of `split` classified correctly (0 for an empty split). */
export function accuracy(ws: Workspace, split: DatasetSplit): number {
	return fractionCorrect(predict(ws, split), split.labels);
}

/** Fraction of `predictions` equal to their `labels` (0 for none). */
export function fractionCorrect(predictions: Uint8Array, labels: Uint8Array): number {
	let correct = 0;
	for (let i = 0; i < predictions.length; i++) {
		if (predictions[i] === labels[i]) {
			correct++;
		}
	}

	return predictions.length > 0 ? correct / predictions.length : 0;
}

/** Accuracy, per-class accuracy and the confusion matrix (row = true class, column = predicted). */
export type Evaluation = {
	readonly count: number;
	readonly correct: number;
	readonly accuracy: number;
	readonly perClass: number[]; // NaN for a class with no samples
	readonly confusion: number[][];
};

export function evaluate(ws: Workspace, split: DatasetSplit): Evaluation {
	return evaluatePredictions(predict(ws, split), split, ws.layers[ws.depth]);
}

/** evaluate for predictions made already (by either family of kernels) of `split`'s images, among `classes` classes. */
export function evaluatePredictions(predictions: Uint8Array, split: DatasetSplit, classes: number): Evaluation {
	const confusion = Array.from({length: classes}, () => Array.from({length: classes}, () => 0));
	let correct = 0;
	for (let i = 0; i < split.count; i++) {
		confusion[split.labels[i]][predictions[i]]++;
		if (predictions[i] === split.labels[i]) {
			correct++;
		}
	}

	const perClass = confusion.map((row, c) => {
		const total = row.reduce((s, v) => s + v, 0);
		return total > 0 ? row[c] / total : Number.NaN;
	});
	return {count: split.count, correct, accuracy: split.count > 0 ? correct / split.count : 0, perClass, confusion};
}
