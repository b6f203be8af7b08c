import type {DatasetSplit} from '../data/dataset.js';
import {ShapeError} from '../errors.js';
import type {Random} from './random.js';
import type {Workspace} from './workspace.js';

/** What one epoch of training measured. */
export type EpochStats = {
	/**
	 * Mean cost of the training samples, each taken as the network saw it during the epoch (before
	 * that mini-batch's update), plus the L2 term 0.5*(lambda/n)*sum(w^2) of the weights at the end.
	 */
	readonly trainLoss: number;
	readonly samples: number;
};

/** Throw a ShapeError unless `split` fits the network's input and output sizes. */
export function checkSplit(ws: Workspace, split: DatasetSplit, what: string): void {
	checkSplitFits(ws.layers, split, what);
}

/** Throw a ShapeError unless `split` has layers[0] bytes an image and labels that fit the output layer. */
export function checkSplitFits(layers: readonly number[], split: DatasetSplit, what: string): void {
	const nIn = layers[0];
	const nOut = layers.at(-1)!;
	if (split.images.length !== split.count * nIn) {
		throw new ShapeError(`${what}: ${split.count} images need ${split.count * nIn} bytes for ${nIn} inputs each, got ${split.images.length}`);
	}

	if (split.labels.length !== split.count) {
		throw new ShapeError(`${what}: ${split.count} images but ${split.labels.length} labels`);
	}

	for (let i = 0; i < split.count; i++) {
		if (split.labels[i] >= nOut) {
			throw new ShapeError(`${what}: label ${split.labels[i]} of sample ${i} does not fit ${nOut} outputs`);
		}
	}
}

/**
 * One epoch of mini-batch SGD as Nielsen does it: shuffle the training samples with `rng`, then for
 * each mini-batch of `config.batch` (the last one may be smaller) sum the samples' gradients and
 * step. A generator that yields the number of samples done every `sliceSamples` samples, so a caller
 * can hand the thread back to the event loop; it returns the epoch's statistics.
 */
export function * epochSteps(
	ws: Workspace, split: DatasetSplit, rng: Random, sliceSamples = 2000,
): Generator<number, EpochStats, void> {
	checkSplit(ws, split, 'training set');
	const n = split.count;
	const order = new Uint32Array(n);
	for (let i = 0; i < n; i++) {
		order[i] = i;
	}

	rng.shuffle(order);
	const {images, labels} = split;
	const m = ws.config.batch;
	let cost = 0;
	let nextYield = sliceSamples;
	for (let start = 0; start < n; start += m) {
		const end = Math.min(start + m, n);
		for (let k = start; k < end; k++) {
			const index = order[k];
			ws.setInput(images, index);
			ws.forward();
			cost += ws.backward(labels[index]);
		}

		ws.update(end - start, n);
		if (end >= nextYield && end < n) {
			nextYield = end + sliceSamples;
			yield end;
		}
	}

	const lambda = ws.config.lambda;
	const l2 = lambda > 0 ? 0.5 * (lambda / n) * ws.weightSquareSum() : 0;
	return {trainLoss: (n > 0 ? cost / n : 0) + l2, samples: n};
}

/** Run a whole epoch synchronously. */
export function trainEpoch(ws: Workspace, split: DatasetSplit, rng: Random): EpochStats {
	return runSteps(epochSteps(ws, split, rng));
}

/** Run an epoch's steps (epochSteps, or another family's) to the end, synchronously. */
export function runSteps(steps: Generator<number, EpochStats, void>): EpochStats {
	for (;;) {
		const step = steps.next();
		if (step.done) {
			return step.value;
		}
	}
}

export type EpochOptions = {
	readonly signal?: AbortSignal;
	/** Called after each slice with the samples done so far. */
	readonly onProgress?: (done: number, total: number) => void;
	/** Awaited between slices: a promise that resolves later pauses training until then. */
	readonly between?: () => Promise<void> | void;
};

/**
 * Run an epoch in slices, yielding to the event loop between them so signals, timers and keys are
 * handled. Rejects with the signal's reason when `signal` aborts; the workspace then holds a
 * partly trained epoch and should be discarded or reloaded.
 */
export async function trainEpochAsync(
	ws: Workspace, split: DatasetSplit, rng: Random,
	options: EpochOptions = {},
): Promise<EpochStats> {
	return runStepsAsync(epochSteps(ws, split, rng), split.count, options);
}

/** Run an epoch's steps (epochSteps, or another family's) as trainEpochAsync does: the event loop between slices. */
export async function runStepsAsync(steps: Generator<number, EpochStats, void>, total: number, options: EpochOptions = {}): Promise<EpochStats> {
	for (;;) {
		options.signal?.throwIfAborted();
		const step = steps.next();
		if (step.done) {
			return step.value;
		}

		options.onProgress?.(step.value, total);
		// eslint-disable-next-line no-await-in-loop
		await new Promise<void>(resolve => {
			setImmediate(resolve);
		});
		// eslint-disable-next-line no-await-in-loop
		await options.between?.();
	}
}
