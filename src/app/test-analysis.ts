/**
 * What the network makes of the test set, for the confusion tab and the detail panels: each
 * example's prediction and confidence, the confusion matrix with per-class recall and precision,
 * and for each first-layer neuron the test images that excite it most. Pure (no React here).
 */
import type {DatasetSplit} from '../data/dataset.js';
import {ShapeError} from '../errors.js';
import type {TrainConfig} from '../nn/config.js';
import type {KernelFamily} from '../nn/engine.js';
import {argmax} from '../nn/evaluate.js';
import {ForwardPass} from '../nn/forward-pass.js';
import {WasmWorkspace} from '../nn/wasm/wasm-workspace.js';
import {checkSplitFits} from '../nn/train-epoch.js';
import type {Parameters} from '../nn/network.js';

export type TestAnalysis = {
	/** Test examples analysed (split.count). */
	readonly count: number;
	/** Output layer size. */
	readonly classes: number;
	/** The split's labels (its own array, not a copy): the true class per example. */
	readonly labels: Uint8Array;
	/** Predicted class per test example. */
	readonly predictions: Uint8Array;
	/** The network's output for its predicted class, per example. */
	readonly confidence: Float32Array;
	/** classes x classes, row-major: row = true class, column = predicted. */
	readonly confusion: Int32Array;
	/** Per class: confusion[c][c] / row sum; NaN for a class with no examples. */
	readonly recall: Float64Array;
	/** Per class: confusion[c][c] / column sum; NaN for a class never predicted. */
	readonly precision: Float64Array;
	/** Classes with a zero column sum, ascending. */
	readonly neverPredicted: readonly number[];
	/** Fraction correct (0 for an empty split). */
	readonly accuracy: number;
	/** First-layer neurons (layers[1]); 0 for a network without a hidden layer. */
	readonly neurons: number;
	/** Examples kept per neuron: 8. */
	readonly topK: number;
	/**
	 * neurons x topK, row-major: per first-layer neuron j, the indices of the topK test examples with
	 * the highest activation of j, highest first (ties: lower index first); -1 where the split has
	 * fewer examples (or a NaN activation left a place empty).
	 */
	readonly topActivating: Int32Array;
	/** neurons x topK: those activations; NaN where the index is -1. */
	readonly topActivation: Float32Array;
};

export const topK = 8;

/** Test examples whose true class is `truth` and predicted class is `predicted`, ascending. */
export function cellExamples(a: TestAnalysis, truth: number, predicted: number): Int32Array {
	const found = new Int32Array(a.confusion[(truth * a.classes) + predicted] ?? 0);
	let n = 0;
	for (let i = 0; i < a.count && n < found.length; i++) {
		if (a.labels[i] === truth && a.predictions[i] === predicted) {
			found[n++] = i;
		}
	}

	return found;
}

/** The classes most often predicted for examples of class `c` (other than c), most first, zero counts left out. */
export function confusedWith(a: TestAnalysis, c: number, n: number): Array<{readonly cls: number; readonly count: number}> {
	const row = a.confusion.subarray(c * a.classes, (c + 1) * a.classes);
	const others: Array<{readonly cls: number; readonly count: number}> = [];
	for (let cls = 0; cls < row.length; cls++) {
		if (cls !== c && row[cls] > 0) {
			others.push({cls, count: row[cls]});
		}
	}

	// Array.prototype.sort is stable: equal counts keep the lower class first.
	return others.sort((x, y) => y.count - x.count).slice(0, Math.max(0, n));
}

/** Neuron j's outgoing weights: column j of the second weight matrix W1 (layers[2] values). */
export function outgoingWeights(p: Parameters, neuron: number): Float32Array {
	const w = p.weights[1]; // layers[2] x layers[1]
	if (w === undefined) {
		throw new ShapeError(`outgoing weights: [${p.layers.join(',')}] has no hidden layer`);
	}

	const nIn = p.layers[1];
	const nOut = p.layers[2];
	if (!Number.isInteger(neuron) || neuron < 0 || neuron >= nIn) {
		throw new ShapeError(`outgoing weights: neuron ${neuron} is not one of the ${nIn} of layer 1`);
	}

	const column = new Float32Array(nOut);
	for (let i = 0; i < nOut; i++) {
		column[i] = w[(i * nIn) + neuron];
	}

	return column;
}

/** One image forward: its outputs, and the first hidden layer's activations of it (until the next call). */
type Pass = (images: Uint8Array, index: number) => {readonly outputs: ArrayLike<number>; readonly hidden: ArrayLike<number>};

// The WebAssembly workspace the analyses run on, kept for the next analysis of the same network shape
// (an analysis a second while training runs; a new instance each time would be megabytes of garbage).
let kept: {readonly config: TrainConfig; readonly ws: WasmWorkspace} | undefined;

/** The forward pass of `parameters` on the kernels of `kernels`. */
function passOf(parameters: Parameters, config: TrainConfig, kernels: KernelFamily): Pass {
	if (kernels === 'wasm') {
		if (kept?.config === config) {
			kept.ws.importParameters(parameters, null);
		} else {
			kept = {config, ws: WasmWorkspace.create({...config, momentum: 0}, parameters)};
		}

		const {ws} = kept;
		return (images, index) => ws.forwardView(images, index);
	}

	const pass = new ForwardPass(config, parameters);
	return (images, index) => ({outputs: pass.run(images, index), hidden: pass.acts[1] ?? []});
}

/** The running sums of an analysis, one example at a time in ascending order. */
class Analyser {
	readonly pass: Pass;
	readonly classes: number;
	readonly neurons: number;
	readonly predictions: Uint8Array;
	readonly confidence: Float32Array;
	readonly confusion: Int32Array;
	readonly topIndex: Int32Array; // neurons x topK
	readonly topValue: Float64Array; // neurons x topK, -Infinity where empty

	constructor(parameters: Parameters, config: TrainConfig, readonly split: DatasetSplit, kernels: KernelFamily) {
		checkSplitFits(config.layers, split, 'test set');
		this.pass = passOf(parameters, config, kernels);
		const {layers} = config;
		this.classes = layers.at(-1)!;
		this.neurons = layers.length > 2 ? layers[1] : 0;
		this.predictions = new Uint8Array(split.count);
		this.confidence = new Float32Array(split.count);
		this.confusion = new Int32Array(this.classes * this.classes);
		this.topIndex = new Int32Array(this.neurons * topK).fill(-1);
		this.topValue = new Float64Array(this.neurons * topK).fill(-Infinity);
	}

	add(i: number): void {
		const {split, classes} = this;
		const {outputs, hidden} = this.pass(split.images, i);
		const predicted = argmax(outputs, classes);
		this.predictions[i] = predicted;
		this.confidence[i] = outputs[predicted];
		this.confusion[(split.labels[i] * classes) + predicted]++;
		const {topValue, topIndex} = this;
		for (let j = 0, last = topK - 1; j < this.neurons; j++, last += topK) {
			const value = hidden[j];
			if (value > topValue[last]) { // most examples stop here: below neuron j's 8th best
				insertTop(topValue, topIndex, last - topK + 1, last, value, i);
			}
		}
	}

	finish(): TestAnalysis {
		const {split, classes, confusion, predictions, confidence, neurons} = this;
		const {recall, precision, neverPredicted, correct} = classRates(confusion, classes);
		const topActivation = Float32Array.from(this.topValue, v => (v === -Infinity ? Number.NaN : v));
		return {
			count: split.count, classes, labels: split.labels, predictions, confidence, confusion, recall, precision, neverPredicted,
			accuracy: split.count > 0 ? correct / split.count : 0, neurons, topK, topActivating: this.topIndex, topActivation,
		};
	}
}

/**
 * Put (value, index) into the descending list values[first..last], which it beats at its last
 * place; an equal value already there stays before it, so ties keep the lower (earlier) index first.
 */
function insertTop(values: Float64Array, indices: Int32Array, first: number, last: number, value: number, index: number): void {
	let k = last;
	while (k > first && values[k - 1] < value) {
		values[k] = values[k - 1];
		indices[k] = indices[k - 1];
		k--;
	}

	values[k] = value;
	indices[k] = index;
}

function classRates(confusion: Int32Array, classes: number): {recall: Float64Array; precision: Float64Array; neverPredicted: number[]; correct: number} {
	const recall = new Float64Array(classes);
	const precision = new Float64Array(classes);
	const neverPredicted: number[] = [];
	let correct = 0;
	for (let c = 0; c < classes; c++) {
		let row = 0;
		let column = 0;
		for (let k = 0; k < classes; k++) {
			row += confusion[(c * classes) + k];
			column += confusion[(k * classes) + c];
		}

		const hits = confusion[(c * classes) + c];
		correct += hits;
		recall[c] = row > 0 ? hits / row : Number.NaN;
		precision[c] = column > 0 ? hits / column : Number.NaN;
		if (column === 0) {
			neverPredicted.push(c);
		}
	}

	return {recall, precision, neverPredicted, correct};
}

/** The analysis of `split` in one go (blocking: for tests and benches; the UI uses analyseInSlices), on the JavaScript kernels unless asked. */
export function analyse(p: Parameters, config: TrainConfig, split: DatasetSplit, kernels: KernelFamily = 'js'): TestAnalysis {
	const analyser = new Analyser(p, config, split, kernels);
	for (let i = 0; i < split.count; i++) {
		analyser.add(i);
	}

	return analyser.finish();
}

export type AnalysisOptions = {
	readonly signal?: AbortSignal;
	/** Called between slices with the examples done so far. */
	readonly onProgress?: (done: number, total: number) => void;
	/** How long a slice runs before it yields to the event loop; 10 ms unless given. */
	readonly sliceMs?: number;
	/** The kernels of the forward pass (the training's own in the UI); the JavaScript ones unless given. */
	readonly kernels?: KernelFamily;
};

/** Compute the analysis in slices that yield to the event loop (10 ms each), abortable; undefined when aborted. */
export async function analyseInSlices(p: Parameters, config: TrainConfig, split: DatasetSplit, options: AnalysisOptions = {}): Promise<TestAnalysis | undefined> {
	const {signal, onProgress, sliceMs = 10, kernels = 'js'} = options;
	const analyser = new Analyser(p, config, split, kernels);
	let sliceStart = performance.now();
	for (let i = 0; i < split.count; i++) {
		if (signal?.aborted) {
			return undefined;
		}

		analyser.add(i);
		if (i + 1 < split.count && performance.now() - sliceStart >= sliceMs) {
			onProgress?.(i + 1, split.count);
			// eslint-disable-next-line no-await-in-loop -- yielding between slices is the point
			await new Promise(resolve => {
				setImmediate(resolve);
			});
			sliceStart = performance.now();
		}
	}

	return signal?.aborted ? undefined : analyser.finish();
}
