import {ShapeError} from '../errors.js';
import {activateHidden, activateOutput, hiddenDerivative, outputCostAndDelta} from './activation.js';
import type {TrainConfig} from './config.js';
import {checkParameters, type Parameters, zeroParameters} from './network.js';
import {type ParameterSlot, sgdStep} from './sgd.js';

/** A pixel byte as the network sees it: v / 255, rounded to a float as the weights are. */
export const pixelValue = Float64Array.from({length: 256}, (_, v) => Math.fround(v / 255));

/**
 * Image `index` of `pixels` (n bytes an image) as its non-zero pixels: their indices into nzIndex and
 * their values (pixelValue) into nzValue; returns how many there are.
 */
export function nonZeroPixels(pixels: Uint8Array, index: number, n: number, nzIndex: Int32Array, nzValue: Float64Array): number {
	const start = index * n;
	let count = 0;
	for (let p = 0; p < n; p++) {
		const v = pixels[start + p];
		if (v !== 0) {
			nzIndex[count] = p;
			nzValue[count] = pixelValue[v];
			count++;
		}
	}

	return count;
}

/**
 * The engine's working state for one network: parameters in the layout the kernels want, their
 * gradient sums, momentum buffers and per-sample scratch. Weights are kept transposed, [in x out]
 * row-major, so that every inner loop runs over contiguous memory and an input that is zero (most
 * MNIST pixels) costs nothing in the forward pass or in the weight gradient.
 */
export class Workspace {
	/** Build a workspace holding a copy of `parameters` (and of `velocity`, if given). */
	static create(config: TrainConfig, parameters: Parameters, velocity: Parameters | null = null): Workspace {
		checkParameters(parameters, config.layers, 'parameters');
		if (velocity) {
			checkParameters(velocity, config.layers, 'momentum buffers');
		}

		const ws = new Workspace(config);
		ws.importParameters(parameters, velocity);
		return ws;
	}

	readonly config: TrainConfig;
	readonly layers: readonly number[];
	/** Number of weight layers. */
	readonly depth: number;
	readonly wt: Float32Array[]; // wt[l]: layers[l] x layers[l+1] (transposed)
	readonly b: Float32Array[]; // b[l]: layers[l+1]
	readonly gwt: Float32Array[]; // gradient sums, same shapes as wt
	readonly gb: Float32Array[];
	readonly vwt: Float32Array[] | null; // momentum buffers, same shapes as wt, or null without momentum
	readonly vb: Float32Array[] | null;
	/** acts[l] for l >= 1: activations of layer l for the current sample; acts[0] is unused. */
	readonly acts: Float64Array[];
	/** deltas[l] for l >= 1: dC/dz of layer l for the current sample. */
	readonly deltas: Float64Array[];
	// The current input, sparse: nzCount (index, value) pairs of its non-zero pixels.
	readonly nzIndex: Int32Array;
	readonly nzValue: Float64Array;
	nzCount = 0;
	// Input rows whose first-layer gradient is non-zero in the current mini-batch.
	private readonly touched: Uint8Array;
	private readonly touchedList: Int32Array;
	private touchedCount = 0;
	/** Every parameter array with its gradient (and velocity): what the optimizer sees. Weights first. */
	private readonly slots: ParameterSlot[];

	private constructor(config: TrainConfig) {
		const layers = config.layers;
		this.config = config;
		this.layers = [...layers];
		this.depth = layers.length - 1;
		const make = (): Float32Array[] => zeroParameters(layers).weights;
		const makeBias = (): Float32Array[] => zeroParameters(layers).biases;
		this.wt = make();
		this.b = makeBias();
		this.gwt = make();
		this.gb = makeBias();
		this.vwt = config.momentum > 0 ? make() : null;
		this.vb = config.momentum > 0 ? makeBias() : null;
		this.acts = layers.map(n => new Float64Array(n));
		this.deltas = layers.map(n => new Float64Array(n));
		this.nzIndex = new Int32Array(layers[0]);
		this.nzValue = new Float64Array(layers[0]);
		this.touched = new Uint8Array(layers[0]);
		this.touchedList = new Int32Array(layers[0]);
		this.slots = [
			...this.wt.map((params, l) => ({params, grads: this.gwt[l], velocity: this.vwt?.[l], decays: true})),
			...this.b.map((params, l) => ({params, grads: this.gb[l], velocity: this.vb?.[l], decays: false})),
		];
	}

	/** Load image number `index` of `pixels` (bytes, layers[0] per image) as the current input. */
	setInput(pixels: Uint8Array, index: number): void {
		this.nzCount = nonZeroPixels(pixels, index, this.layers[0], this.nzIndex, this.nzValue);
	}

	/** Run the current input through the network; returns the output activations (a live view). */
	forward(): Float64Array {
		const {layers, depth, acts, config} = this;
		for (let l = 0; l < depth; l++) {
			const nOut = layers[l + 1];
			const z = acts[l + 1];
			const w = this.wt[l];
			const bias = this.b[l];
			for (let j = 0; j < nOut; j++) {
				z[j] = bias[j];
			}

			if (l === 0) {
				const nzIndex = this.nzIndex;
				const nzValue = this.nzValue;
				for (let k = 0, count = this.nzCount; k < count; k++) {
					const v = nzValue[k];
					const row = nzIndex[k] * nOut;
					for (let j = 0; j < nOut; j++) {
						z[j] += v * w[row + j];
					}
				}
			} else {
				const a = acts[l];
				for (let i = 0, nIn = layers[l]; i < nIn; i++) {
					const v = a[i];
					if (v !== 0) {
						const row = i * nOut;
						for (let j = 0; j < nOut; j++) {
							z[j] += v * w[row + j];
						}
					}
				}
			}

			if (l + 1 === depth) {
				activateOutput(config.output, z, nOut);
			} else {
				activateHidden(config.activation, z, nOut);
			}
		}

		return acts[depth];
	}

	/**
	 * Back-propagate the error of the last forward pass against `label` and add this sample's gradient
	 * to the gradient sums. Returns the sample's cost.
	 */
	backward(label: number): number {
		const {layers, depth, acts, deltas, config} = this;
		const cost = outputCostAndDelta(config.output, config.cost, acts[depth], layers[depth], label, deltas[depth]);
		for (let l = depth - 1; l >= 0; l--) {
			const nOut = layers[l + 1];
			const d = deltas[l + 1];
			const g = this.gwt[l];
			const gBias = this.gb[l];
			for (let j = 0; j < nOut; j++) {
				gBias[j] += d[j];
			}

			if (l === 0) {
				this.accumulateInputGradient(d, nOut);
				continue;
			}

			const a = acts[l];
			const w = this.wt[l];
			const dPrevious = deltas[l];
			const activation = config.activation;
			for (let i = 0, nIn = layers[l]; i < nIn; i++) {
				const v = a[i];
				const row = i * nOut;
				let back = 0;
				for (let j = 0; j < nOut; j++) {
					back += w[row + j] * d[j];
				}

				dPrevious[i] = back * hiddenDerivative(activation, v);
				if (v !== 0) {
					for (let j = 0; j < nOut; j++) {
						g[row + j] += v * d[j];
					}
				}
			}
		}

		return cost;
	}

	/** Apply one SGD step for a mini-batch of `m` samples out of `n` training samples, then clear the sums. */
	update(m: number, n: number): void {
		const {eta, lambda, momentum} = this.config;
		sgdStep(this.slots, {eta, lambda, momentum, m, n}, {slot: 0, rows: this.touchedList, rowCount: this.touchedCount, rowLength: this.layers[1]});
		this.clearTouched();
	}

	/** Sum of squares of all weights (not biases), for the L2 term of the cost. */
	weightSquareSum(): number {
		let s = 0;
		for (const w of this.wt) {
			for (let i = 0; i < w.length; i++) {
				s += w[i] * w[i];
			}
		}

		return s;
	}

	/** The parameters in the public [out x in] layout: fresh arrays, or written into `into` (of this network's shape). */
	exportParameters(into?: Parameters): Parameters {
		return this.exportPair(this.wt, this.b, into);
	}

	/** The momentum buffers in the public layout, or null without momentum. */
	exportVelocity(): Parameters | null {
		return this.vwt && this.vb ? this.exportPair(this.vwt, this.vb) : null;
	}

	/** Replace the parameters (and momentum buffers; null clears them) with copies of the given ones. */
	importParameters(parameters: Parameters, velocity: Parameters | null): void {
		checkParameters(parameters, this.layers, 'parameters');
		for (let l = 0; l < this.depth; l++) {
			transposeInto(parameters.weights[l], this.layers[l + 1], this.layers[l], this.wt[l]);
			this.b[l].set(parameters.biases[l]);
			this.gwt[l].fill(0);
			this.gb[l].fill(0);
			if (this.vwt && this.vb) {
				if (velocity) {
					transposeInto(velocity.weights[l], this.layers[l + 1], this.layers[l], this.vwt[l]);
					this.vb[l].set(velocity.biases[l]);
				} else {
					this.vwt[l].fill(0);
					this.vb[l].fill(0);
				}
			}
		}

		this.clearTouched();
	}

	private accumulateInputGradient(d: Float64Array, nOut: number): void {
		const g = this.gwt[0];
		const {nzIndex, nzValue, touched, touchedList} = this;
		for (let k = 0, count = this.nzCount; k < count; k++) {
			const p = nzIndex[k];
			const v = nzValue[k];
			const row = p * nOut;
			for (let j = 0; j < nOut; j++) {
				g[row + j] += v * d[j];
			}

			if (touched[p] === 0) {
				touched[p] = 1;
				touchedList[this.touchedCount++] = p;
			}
		}
	}

	private clearTouched(): void {
		const {touched, touchedList} = this;
		for (let k = 0; k < this.touchedCount; k++) {
			touched[touchedList[k]] = 0;
		}

		this.touchedCount = 0;
	}

	private exportPair(wt: Float32Array[], b: Float32Array[], into?: Parameters): Parameters {
		if (into) {
			checkParameters(into, this.layers, 'export target');
		}

		const out = into ?? zeroParameters(this.layers);
		for (let l = 0; l < this.depth; l++) {
			transposeInto(wt[l], this.layers[l], this.layers[l + 1], out.weights[l]);
			out.biases[l].set(b[l]);
		}

		return out;
	}
}

/** Write the transpose of `source` (rows x cols, row-major) into `target` (cols x rows). */
function transposeInto(source: Float32Array, rows: number, cols: number, target: Float32Array): void {
	if (source.length !== rows * cols || target.length !== rows * cols) {
		throw new ShapeError(`transpose: expected ${rows}x${cols} values, got ${source.length} and ${target.length}`);
	}

	for (let r = 0; r < rows; r++) {
		for (let c = 0; c < cols; c++) {
			target[(c * rows) + r] = source[(r * cols) + c];
		}
	}
}
