import type {DatasetSplit} from '../../data/dataset.js';
import {ShapeError} from '../../errors.js';
import type {TrainConfig} from '../config.js';
import {checkParameters, type Parameters, zeroParameters} from '../network.js';
import {checkSplitFits} from '../train-epoch.js';
import {pixelValue} from '../workspace.js';
import {instantiateKernels, type KernelExports, kernelModule} from './kernels.js';

// The header the kernels read (see ./assembly/kernels.ts): i32 words at these byte offsets.
const header = {
	depth: 0, activation: 4, output: 8, cost: 12, inputs: 16, nzRow: 20, nzValue: 24, touched: 28, touchedList: 32,
	touchedCount: 36, pixel: 40, out64: 44, listRow: 48, listValue: 52, layers: 64,
} as const;
const layerWords = {nIn: 0, nOut: 4, pad: 8, w: 12, b: 16, gw: 20, gb: 24, vw: 28, vb: 32, act: 36, delta: 40} as const;
const layerSize = 48;
const codes = {
	activation: {sigmoid: 0, tanh: 1, relu: 2},
	output: {sigmoid: 0, softmax: 1},
	cost: {quadratic: 0, 'cross-entropy': 1},
} as const;

/** Samples handed to the kernels per call, at most (rounded down to whole mini-batches). */
export const defaultSliceSamples = 2000;

/** Where one weight layer's arrays are in the kernels' memory (byte offsets; vw and vb 0 without momentum). */
type LayerLayout = {
	readonly nIn: number;
	readonly nOut: number;
	/** nOut rounded up to a multiple of 4: the row length of w, gw and vw, the length of the vectors. */
	readonly pad: number;
	readonly w: number;
	readonly b: number;
	readonly vw: number;
	readonly vb: number;
	/** The layer's activations of the last image run forward (float32, pad of them). */
	readonly act: number;
};

/**
 * The engine's working state for one network in WebAssembly memory, trained by the SIMD kernels:
 * the same algorithm as Workspace (Nielsen's mini-batch SGD; weights transposed [in x out]; zero
 * pixels skipped), in float32 with the output layer's cost and delta in float64. Between calls the
 * gradient sums are zero, so the parameters and momentum buffers are the whole state.
 */
export class WasmWorkspace {
	/** Build a workspace holding a copy of `parameters` (and of `velocity`, if given). */
	static create(config: TrainConfig, parameters: Parameters, velocity: Parameters | null = null, module = kernelModule()): WasmWorkspace {
		checkParameters(parameters, config.layers, 'parameters');
		if (velocity) {
			checkParameters(velocity, config.layers, 'momentum buffers');
		}

		const ws = new WasmWorkspace(config, instantiateKernels(module));
		ws.importParameters(parameters, velocity);
		return ws;
	}

	readonly config: TrainConfig;
	readonly layers: readonly number[];
	/** Number of weight layers. */
	readonly depth: number;
	/** Samples (whole mini-batches) one call of the kernels takes, at most. */
	readonly capacity: number;
	private readonly kernels: KernelExports;
	private readonly net: number;
	private readonly layout: readonly LayerLayout[];
	private readonly images: number; // capacity x layers[0] bytes: dense images on their way in
	private readonly order: number; // u32[capacity]: the samples of a slice, in training order
	private readonly predictions: number; // capacity bytes
	private readonly out64: number; // f64[classes]
	/** Where resident splits start; `top` is where the next one goes. */
	private readonly splitsBase: number;
	private top: number;
	/** The splits resident in memory (sparse, see residentSplit), by their images. */
	private readonly resident = new Map<Uint8Array, {readonly split: DatasetSplit; readonly at: number}>();
	private bytes!: Uint8Array;
	private floats!: Float32Array;
	private words!: Int32Array;

	private constructor(config: TrainConfig, kernels: KernelExports) {
		const layers = config.layers;
		if (layers.length < 2 || layers.some(n => !Number.isInteger(n) || n < 1)) {
			throw new ShapeError(`wasm workspace: layers must be 2 or more positive integers, got [${layers.join(',')}]`);
		}

		if (layers[0] > 65_536) {
			throw new ShapeError(`wasm workspace: at most 65,536 inputs (a 2-byte position each), got ${layers[0]}`);
		}

		this.config = config;
		this.layers = [...layers];
		this.depth = layers.length - 1;
		this.kernels = kernels;
		this.capacity = Math.max(1, Math.floor(defaultSliceSamples / config.batch)) * config.batch;
		let top = align(kernels.heapBase());
		const take = (bytes: number): number => {
			const at = top;
			top = align(top + bytes);
			return at;
		};

		const nIn = layers[0];
		const widest = Math.max(...layers);
		const classes = layers[this.depth];
		this.net = take(header.layers + (this.depth * layerSize));
		const lists = {
			nzRow: take(4 * nIn), nzValue: take(4 * nIn), touched: take(nIn), touchedList: take(4 * nIn),
			pixel: take(4 * 256), listRow: take(4 * widest), listValue: take(4 * widest),
		};
		this.out64 = take(8 * classes);
		const momentum = config.momentum > 0;
		const blocks = layers.slice(0, -1).map((n, l) => {
			const nOut = layers[l + 1];
			const pad = Math.ceil(nOut / 4) * 4;
			return {
				nIn: n, nOut, pad, w: take(4 * n * pad), b: take(4 * pad), gw: take(4 * n * pad), gb: take(4 * pad),
				vw: momentum ? take(4 * n * pad) : 0, vb: momentum ? take(4 * pad) : 0, act: take(4 * pad), delta: take(4 * pad),
			};
		});
		this.layout = blocks;
		this.images = take((this.capacity * nIn) + 16); // the kernels read the last image 16 bytes at a time
		this.order = take(4 * this.capacity);
		this.predictions = take(this.capacity);
		this.splitsBase = top;
		this.top = top;
		this.reserve(top);
		const set = (at: number, value: number): void => {
			this.words[at >> 2] = value;
		};

		set(this.net + header.depth, this.depth);
		set(this.net + header.activation, codes.activation[config.activation]);
		set(this.net + header.output, codes.output[config.output]);
		set(this.net + header.cost, codes.cost[config.cost]);
		set(this.net + header.inputs, nIn);
		for (const key of ['nzRow', 'nzValue', 'touched', 'touchedList', 'pixel', 'listRow', 'listValue'] as const) {
			set(this.net + header[key], lists[key]);
		}

		set(this.net + header.out64, this.out64);
		this.floats.set(pixelValue, lists.pixel >> 2);
		for (const [l, block] of blocks.entries()) {
			const at = this.net + header.layers + (l * layerSize);
			for (const key of Object.keys(layerWords) as Array<keyof typeof layerWords>) {
				set(at + layerWords[key], block[key]);
			}
		}
	}

	/**
	 * Train on samples order[start..end) of `split`, in mini-batches of config.batch counted from
	 * `start` (each followed by its step for a training set of `n` samples). At most `capacity`
	 * samples; returns the sum of their costs, each taken before its mini-batch's step. The split
	 * is made resident on first use (see residentSplit).
	 */
	trainSlice(split: DatasetSplit, order: Uint32Array, start: number, end: number, n: number): number {
		const count = end - start;
		if (count < 0 || count > this.capacity) {
			throw new ShapeError(`wasm workspace: a slice of ${count} samples, expected 0..${this.capacity}`);
		}

		const at = this.residentSplit(split);
		new Uint32Array(this.words.buffer, this.order, count).set(order.subarray(start, end));
		const {batch, eta, lambda, momentum} = this.config;
		return this.kernels.trainSlice(this.net, at, this.order, count, batch, eta, lambda, momentum, n);
	}

	/**
	 * The predicted class of every image of `split` (the largest output, the first on ties). The
	 * images are copied in, 2,000 at a time, not kept: only the training split stays resident.
	 */
	predict(split: DatasetSplit): Uint8Array {
		checkSplitFits(this.layers, split, 'dataset');
		const predictions = new Uint8Array(split.count);
		this.eachChunk(split, (first, count) => {
			this.kernels.predictSlice(this.net, this.images, count, this.predictions);
			predictions.set(this.bytes.subarray(this.predictions, this.predictions + count), first);
		});
		return predictions;
	}

	/**
	 * Where `split` is in the kernels' memory, copied there on first use: each image as its non-zero
	 * pixels (a 2-byte position and the byte), about 3/5 of the dense bytes for MNIST, with the labels.
	 * Splits are taken as unchanging. One is kept: another one replaces it.
	 */
	residentSplit(split: DatasetSplit): number {
		const known = this.resident.get(split.images);
		if (known && known.split.count === split.count && known.split.labels === split.labels) {
			return known.at;
		}

		checkSplitFits(this.layers, split, 'dataset');
		if (this.resident.size > 0) {
			this.resident.clear();
			this.top = this.splitsBase;
		}

		const nIn = this.layers[0];
		let total = 0;
		this.eachChunk(split, (first, count) => {
			total += this.kernels.countNonZero(this.images, count, nIn);
		});
		const at = align(this.top);
		const offsets = align(at + 16);
		const indices = align(offsets + (4 * (split.count + 1)));
		const values = align(indices + (2 * total));
		const labels = align(values + total);
		this.top = align(labels + split.count);
		this.reserve(this.top);
		this.words.set([offsets, indices, values, labels], at >> 2);
		this.words[offsets >> 2] = 0;
		this.bytes.set(split.labels, labels);
		this.eachChunk(split, (first, count) => {
			this.kernels.encodeImages(at, this.images, first, count, nIn);
		});
		this.resident.set(split.images, {split, at});
		return at;
	}

	/** The network's output for image `index` of `split` (a fresh copy). */
	outputsFor(split: DatasetSplit, index: number): Float64Array {
		return this.forwardView(split.images, index).outputs.slice();
	}

	/**
	 * Image `index` of `images` run forward: the output layer's values and the first hidden layer's
	 * activations (none without a hidden layer), as views into the kernels' memory that the next call
	 * overwrites (copy them to keep them).
	 */
	forwardView(images: Uint8Array, index: number): {readonly outputs: Float64Array; readonly hidden: Float32Array} {
		this.stageImage(images, index, 0);
		this.kernels.forwardImage(this.net, this.images);
		const {buffer} = this.kernels.memory;
		const first = this.layout[0];
		return {
			outputs: new Float64Array(buffer, this.out64, this.layers[this.depth]),
			hidden: this.depth > 1 ? new Float32Array(buffer, first.act, first.nOut) : new Float32Array(0),
		};
	}

	/** Sum of squares of all weights (not biases), for the L2 term of the cost. */
	weightSquareSum(): number {
		let s = 0;
		for (const {w, nIn, pad} of this.layout) {
			const from = w >> 2;
			for (let i = from, end = from + (nIn * pad); i < end; i++) {
				s += this.floats[i] * this.floats[i];
			}
		}

		return s;
	}

	/** The parameters in the public [out x in] layout: fresh arrays, or written into `into`. */
	exportParameters(into?: Parameters): Parameters {
		return this.exportPair('w', 'b', into);
	}

	/** The momentum buffers in the public layout, or null without momentum. */
	exportVelocity(): Parameters | null {
		return this.config.momentum > 0 ? this.exportPair('vw', 'vb') : null;
	}

	/** Replace the parameters (and momentum buffers; null clears them) with copies of the given ones. */
	importParameters(parameters: Parameters, velocity: Parameters | null): void {
		checkParameters(parameters, this.layers, 'parameters');
		if (velocity) {
			checkParameters(velocity, this.layers, 'momentum buffers');
		}

		for (const [l, block] of this.layout.entries()) {
			this.writeLayer(parameters, l, block.w, block.b);
			if (this.config.momentum > 0) {
				this.writeLayer(velocity, l, block.vw, block.vb);
			}
		}
	}

	private stageImage(images: Uint8Array, index: number, slot: number): void {
		const n = this.layers[0];
		this.bytes.set(images.subarray(index * n, (index + 1) * n), this.images + (slot * n));
	}

	/** Each run of up to `capacity` images of `split` copied to the staging area, then `visit` called. */
	private eachChunk(split: DatasetSplit, visit: (first: number, count: number) => void): void {
		const n = this.layers[0];
		for (let first = 0; first < split.count; first += this.capacity) {
			const count = Math.min(this.capacity, split.count - first);
			this.bytes.set(split.images.subarray(first * n, (first + count) * n), this.images);
			visit(first, count);
		}
	}

	/** Grow the memory to hold `bytes` and renew the views of it (growing detaches the old ones). */
	private reserve(bytes: number): void {
		const memory = this.kernels.memory;
		const pages = Math.ceil(bytes / 65_536) - (memory.buffer.byteLength / 65_536);
		if (pages > 0) {
			memory.grow(pages);
		}

		if (this.bytes?.buffer !== memory.buffer) {
			this.bytes = new Uint8Array(memory.buffer);
			this.floats = new Float32Array(memory.buffer);
			this.words = new Int32Array(memory.buffer);
		}
	}

	/** Layer l of `source` (or zeros) into the transposed, padded arrays at w and b. */
	private writeLayer(source: Parameters | null, l: number, w: number, b: number): void {
		const {nIn, nOut, pad} = this.layout[l];
		const floats = this.floats;
		floats.fill(0, w >> 2, (w >> 2) + (nIn * pad));
		floats.fill(0, b >> 2, (b >> 2) + pad);
		if (!source) {
			return;
		}

		const weights = source.weights[l]; // nOut x nIn
		for (let j = 0; j < nOut; j++) {
			for (let i = 0; i < nIn; i++) {
				floats[(w >> 2) + (i * pad) + j] = weights[(j * nIn) + i];
			}
		}

		floats.set(source.biases[l], b >> 2);
	}

	private exportPair(wKey: 'w' | 'vw', bKey: 'b' | 'vb', into?: Parameters): Parameters {
		if (into) {
			checkParameters(into, this.layers, 'export target');
		}

		const out = into ?? zeroParameters(this.layers);
		const floats = this.floats;
		for (const [l, block] of this.layout.entries()) {
			const {nIn, nOut, pad} = block;
			const w = block[wKey] >> 2;
			const target = out.weights[l];
			for (let j = 0; j < nOut; j++) {
				for (let i = 0; i < nIn; i++) {
					target[(j * nIn) + i] = floats[w + (i * pad) + j];
				}
			}

			out.biases[l].set(floats.subarray(block[bKey] >> 2, (block[bKey] >> 2) + nOut));
		}

		return out;
	}
}

function align(at: number): number {
	return Math.ceil(at / 16) * 16;
}
