import {activateHidden, activateOutput} from './activation.js';
import type {TrainConfig} from './config.js';
import {checkParameters, type Parameters} from './network.js';
import {nonZeroPixels} from './workspace.js';

/**
 * The forward pass of a network read straight from its parameters in the public [out x in] layout,
 * with no Workspace to build: nothing is copied or transposed, so a view can run the parameters of
 * every live update and every saved epoch at once, holding only the activations. Each neuron's sum
 * takes its terms in the order Workspace.forward does (bias, then the inputs in ascending order,
 * zero inputs left out), so the activations and outputs are the same to the bit.
 */
export class ForwardPass {
	readonly layers: readonly number[];
	/** acts[l] for l >= 1: the activations of layer l for the last input run; acts[0] is unused. */
	readonly acts: Float64Array[];
	private readonly depth: number;
	private readonly nzIndex: Int32Array;
	private readonly nzValue: Float64Array;

	constructor(readonly config: TrainConfig, readonly parameters: Parameters) {
		checkParameters(parameters, config.layers, 'parameters');
		this.layers = [...config.layers];
		this.depth = this.layers.length - 1;
		this.acts = this.layers.map(n => new Float64Array(n));
		this.nzIndex = new Int32Array(this.layers[0]);
		this.nzValue = new Float64Array(this.layers[0]);
	}

	/** Run image number `index` of `pixels` (bytes, layers[0] per image); returns the output activations (a live view). */
	run(pixels: Uint8Array, index: number): Float64Array {
		const {layers, depth, acts, config, parameters} = this;
		const nzCount = this.loadInput(pixels, index);
		for (let l = 0; l < depth; l++) {
			const nOut = layers[l + 1];
			const z = acts[l + 1];
			if (l === 0) {
				sparseLayer(parameters.weights[0], parameters.biases[0], layers[0], nOut, this.nzIndex, this.nzValue, nzCount, z);
			} else {
				denseLayer(parameters.weights[l], parameters.biases[l], layers[l], nOut, acts[l], z);
			}

			if (l + 1 === depth) {
				activateOutput(config.output, z, nOut);
			} else {
				activateHidden(config.activation, z, nOut);
			}
		}

		return acts[depth];
	}

	/** Keep the non-zero pixels of the image as (index, value) pairs; returns how many there are. */
	private loadInput(pixels: Uint8Array, index: number): number {
		return nonZeroPixels(pixels, index, this.layers[0], this.nzIndex, this.nzValue);
	}
}

/**
 * z = bias + w x, for w nOut x nIn and an input x given by its nzCount non-zero (index, value)
 * pairs. Four neurons at a time share each pair's loads (1.7x faster than one at a time); each
 * neuron's sum still takes the pairs in order.
 */
function sparseLayer(w: Float32Array, bias: Float32Array, nIn: number, nOut: number, nzIndex: Int32Array, nzValue: Float64Array, nzCount: number, z: Float64Array): void {
	let j = 0;
	for (; j + 4 <= nOut; j += 4) {
		const r0 = j * nIn;
		const r1 = r0 + nIn;
		const r2 = r1 + nIn;
		const r3 = r2 + nIn;
		let s0: number = bias[j];
		let s1: number = bias[j + 1];
		let s2: number = bias[j + 2];
		let s3: number = bias[j + 3];
		for (let k = 0; k < nzCount; k++) {
			const v = nzValue[k];
			const p = nzIndex[k];
			s0 += v * w[r0 + p];
			s1 += v * w[r1 + p];
			s2 += v * w[r2 + p];
			s3 += v * w[r3 + p];
		}

		z[j] = s0;
		z[j + 1] = s1;
		z[j + 2] = s2;
		z[j + 3] = s3;
	}

	for (; j < nOut; j++) {
		const row = j * nIn;
		let s: number = bias[j];
		for (let k = 0; k < nzCount; k++) {
			s += nzValue[k] * w[row + nzIndex[k]];
		}

		z[j] = s;
	}
}

/** z = bias + w a, for w nOut x nIn; zero inputs are left out of the sums, as Workspace.forward leaves them (the Explainer's forward pass too). */
export function denseLayer(w: Float32Array, bias: Float32Array, nIn: number, nOut: number, a: Float64Array, z: Float64Array): void {
	for (let j = 0; j < nOut; j++) {
		const row = j * nIn;
		let s: number = bias[j];
		for (let i = 0; i < nIn; i++) {
			const v = a[i];
			if (v !== 0) {
				s += v * w[row + i];
			}
		}

		z[j] = s;
	}
}
