import {ShapeError} from '../errors.js';
import {activateHidden, activateOutput, hiddenDerivative} from './activation.js';
import type {TrainConfig} from './config.js';
import {argmax} from './evaluate.js';
import {denseLayer} from './forward-pass.js';
import {checkParameters, type Parameters} from './network.js';
import {pixelValue} from './workspace.js';

/**
 * Why a network gave its answer. A class's score is the output layer's pre-activation z_c (before
 * sigmoid or softmax), as Simonyan, Vedaldi and Zisserman (2013) use it, so its gradient with respect
 * to the input does not depend on the output function. The gradient is back-propagated from z_c
 * through every hidden layer, in doubles.
 */
export type AttributionKind = 'gradient-times-input' | 'gradient';

/** One neuron of the last hidden layer and its share of a class's score: activation x W_last[c][j]. */
export type Contribution = {readonly neuron: number; readonly activation: number; readonly weight: number; readonly contribution: number};

export type Explanation = {
	/** The network's outputs (after sigmoid or softmax). */
	readonly outputs: Float64Array;
	/** Every hidden layer's activations, first hidden layer first; empty for a network with no hidden layer. */
	readonly hidden: readonly Float64Array[];
	/** The class of the largest output (the first of equal ones). */
	readonly predicted: number;
	/** d z_predicted / d input, and that gradient times the input; each layers[0] long. */
	readonly gradient: Float64Array;
	readonly gradientTimesInput: Float64Array;
	/** The same for another class (the true class), when asked for; undefined otherwise. */
	readonly other?: {readonly classIndex: number; readonly gradient: Float64Array; readonly gradientTimesInput: Float64Array};
	/**
	 * The last hidden layer's neurons by their contribution to the predicted class's score, largest
	 * first, all of them (they sum to z_c - b_last[c]); empty for a network with no hidden layer.
	 */
	readonly contributions: readonly Contribution[];
};

/**
 * Reusable buffers for one network (one parameters object): explain() costs a forward pass and one or
 * two backward passes, and allocates only the arrays it returns.
 */
export class Explainer {
	readonly layers: readonly number[];
	/** acts[l] for l >= 1: activations of layer l for the last input; acts[depth] holds the outputs. */
	private readonly acts: Float64Array[];
	/** The output layer's pre-activations z for the last input. */
	private readonly scores: Float64Array;
	/** deltas[l] for 1 <= l < depth: d z_c / d z^l for the class being back-propagated. */
	private readonly deltas: Float64Array[];
	private readonly depth: number;

	constructor(readonly config: TrainConfig, readonly parameters: Parameters) {
		checkParameters(parameters, config.layers, 'parameters');
		this.layers = [...config.layers];
		this.depth = this.layers.length - 1;
		this.acts = this.layers.map(n => new Float64Array(n));
		this.scores = new Float64Array(this.layers[this.depth]);
		this.deltas = this.layers.map(n => new Float64Array(n));
	}

	/** input: layers[0] values, usually in [0, 1] (pixels / 255). otherClass: usually the true class (undefined: none). */
	explain(input: Float64Array, otherClass?: number): Explanation {
		this.checkInput(input);
		if (otherClass !== undefined) {
			this.checkClass(otherClass);
		}

		this.forward(input);
		const {depth, acts, layers} = this;
		const outputs = acts[depth].slice();
		const predicted = argmax(outputs);
		const hidden = acts.slice(1, depth).map(a => a.slice());
		const gradient = new Float64Array(layers[0]);
		this.backward(predicted, gradient);
		const other = otherClass === undefined ? undefined : this.otherClass(input, otherClass);
		return {
			outputs,
			hidden,
			predicted,
			gradient,
			gradientTimesInput: timesInput(gradient, input),
			...(other === undefined ? {} : {other}),
			contributions: this.contributions(predicted),
		};
	}

	/**
	 * Class `classIndex`'s score z_c at `input`, with d z_c / d input written into `gradient`
	 * (layers[0] long). Allocates nothing: for gradient ascent on the input (class models).
	 */
	classScoreGradient(input: Float64Array, classIndex: number, gradient: Float64Array): number {
		this.checkInput(input);
		this.checkClass(classIndex);
		if (gradient.length !== this.layers[0]) {
			throw new ShapeError(`gradient: expected ${this.layers[0]} values, got ${gradient.length}`);
		}

		this.forward(input);
		this.backward(classIndex, gradient);
		return this.scores[classIndex];
	}

	private otherClass(input: Float64Array, classIndex: number): Explanation['other'] {
		const gradient = new Float64Array(this.layers[0]);
		this.backward(classIndex, gradient);
		return {classIndex, gradient, gradientTimesInput: timesInput(gradient, input)};
	}

	private contributions(classIndex: number): Contribution[] {
		const {depth, layers, acts, parameters} = this;
		if (depth < 2) {
			return [];
		}

		const n = layers[depth - 1];
		const w = parameters.weights[depth - 1]; // layers[depth] x n
		const a = acts[depth - 1];
		const list: Contribution[] = [];
		for (let j = 0; j < n; j++) {
			const weight = w[(classIndex * n) + j];
			list.push({neuron: j, activation: a[j], weight, contribution: a[j] * weight});
		}

		return list.sort((x, y) => (y.contribution - x.contribution) || (x.neuron - y.neuron));
	}

	/** The forward pass, each sum taken as ForwardPass takes it (bias, then non-zero inputs in order). */
	private forward(input: Float64Array): void {
		const {layers, depth, acts, config, parameters, scores} = this;
		let previous = input;
		for (let l = 0; l < depth; l++) {
			const nOut = layers[l + 1];
			const z = acts[l + 1];
			denseLayer(parameters.weights[l], parameters.biases[l], layers[l], nOut, previous, z);
			if (l + 1 === depth) {
				scores.set(z);
				activateOutput(config.output, z, nOut);
			} else {
				activateHidden(config.activation, z, nOut);
			}

			previous = z;
		}
	}

	/** d z_c / d input into `gradient`, for the activations of the last forward pass. */
	private backward(classIndex: number, gradient: Float64Array): void {
		const {layers, depth, acts, deltas, parameters, config} = this;
		const last = parameters.weights[depth - 1]; // layers[depth] x layers[depth - 1]
		const nLast = layers[depth - 1];
		if (depth === 1) {
			for (let i = 0; i < nLast; i++) {
				gradient[i] = last[(classIndex * nLast) + i];
			}

			return;
		}

		// d z_c / d z^(depth-1): row c of the last weights times the activation's derivative.
		let delta = deltas[depth - 1];
		const a = acts[depth - 1];
		for (let j = 0; j < nLast; j++) {
			delta[j] = last[(classIndex * nLast) + j] * hiddenDerivative(config.activation, a[j]);
		}

		for (let l = depth - 1; l >= 1; l--) {
			const into = l === 1 ? gradient : deltas[l - 1];
			transposeTimes(parameters.weights[l - 1], layers[l - 1], layers[l], delta, into);
			if (l > 1) {
				const below = acts[l - 1];
				for (let i = 0; i < layers[l - 1]; i++) {
					into[i] *= hiddenDerivative(config.activation, below[i]);
				}
			}

			delta = into;
		}
	}

	private checkInput(input: Float64Array): void {
		if (input.length !== this.layers[0]) {
			throw new ShapeError(`input: expected ${this.layers[0]} values for [${this.layers.join(',')}], got ${input.length}`);
		}
	}

	private checkClass(classIndex: number): void {
		const classes = this.layers[this.depth];
		if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= classes) {
			throw new RangeError(`class index must be an integer 0..${classes - 1}, got ${classIndex}`);
		}
	}
}

/** into = w^T delta, for w nOut x nIn: each row of w scaled by its delta and added, in memory order. */
function transposeTimes(w: Float32Array, nIn: number, nOut: number, delta: Float64Array, into: Float64Array): void {
	into.fill(0, 0, nIn);
	for (let j = 0; j < nOut; j++) {
		const d = delta[j];
		if (d !== 0) {
			const row = j * nIn;
			for (let i = 0; i < nIn; i++) {
				into[i] += d * w[row + i];
			}
		}
	}
}

function timesInput(gradient: Float64Array, input: Float64Array): Float64Array {
	const product = new Float64Array(gradient.length);
	for (let i = 0; i < gradient.length; i++) {
		product[i] = gradient[i] * input[i];
	}

	return product;
}

/**
 * A map for display: the chosen kind for the predicted class or the other class (the explanation's
 * own array, not a copy). Throws a RangeError for 'other' when the explanation has no other class.
 */
export function attributionOf(e: Explanation, kind: AttributionKind, which: 'predicted' | 'other'): Float64Array {
	const maps = which === 'predicted' ? e : e.other;
	if (maps === undefined) {
		throw new RangeError('attributionOf: the explanation has no other class (explain() was not given one)');
	}

	return kind === 'gradient' ? maps.gradient : maps.gradientTimesInput;
}

/** a - b element-wise, as a new array: what pushed the input to one class rather than the other. */
export function differenceMap(a: Float64Array, b: Float64Array): Float64Array {
	if (a.length !== b.length) {
		throw new ShapeError(`differenceMap: maps of ${a.length} and ${b.length} values`);
	}

	const d = new Float64Array(a.length);
	for (let i = 0; i < a.length; i++) {
		d[i] = a[i] - b[i];
	}

	return d;
}

/** Image number `index` of `pixels` (`size` bytes an image) as the network sees it: each byte / 255 (pixelValue). */
export function imageInput(pixels: Uint8Array, index: number, size: number): Float64Array {
	const start = index * size;
	if (!Number.isInteger(index) || index < 0 || start + size > pixels.length) {
		throw new ShapeError(`imageInput: image ${index} of ${size} bytes is outside ${pixels.length} bytes`);
	}

	const input = new Float64Array(size);
	for (let p = 0; p < size; p++) {
		input[p] = pixelValue[pixels[start + p]];
	}

	return input;
}
