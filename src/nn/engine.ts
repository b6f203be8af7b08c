import type {DatasetSplit} from '../data/dataset.js';
import type {TrainConfig} from './config.js';
import {predict} from './evaluate.js';
import type {Parameters} from './network.js';
import type {Random} from './random.js';
import {type EpochOptions, type EpochStats, trainEpochAsync} from './train-epoch.js';
import {wasmTrainEpochAsync} from './wasm/wasm-epoch.js';
import {WasmWorkspace} from './wasm/wasm-workspace.js';
import {Workspace} from './workspace.js';

/**
 * The two families of kernels the engine trains with: 'js', the JavaScript Workspace (float64
 * activations; the reference), and 'wasm', the WebAssembly SIMD kernels (float32 f32x4 sums). Each
 * is deterministic on its own. They differ in the last bits, and training carries the difference on:
 * after 30 epochs a little on chapter 3's network, a lot on the seed workload's hot start (README).
 */
export type KernelFamily = 'js' | 'wasm';
/** What --kernels asks for: a family, or 'auto' (the fastest that works here). */
export type KernelChoice = KernelFamily | 'auto';
export const kernelChoices: readonly KernelChoice[] = ['auto', 'js', 'wasm'];

/** A network's training state on one family of kernels: what the Trainer needs of it. */
export type Engine = {
	readonly family: KernelFamily;
	/** One epoch of Nielsen's mini-batch SGD in slices (the same shuffle from `rng` on both families). */
	trainEpoch(split: DatasetSplit, rng: Random, options?: EpochOptions): Promise<EpochStats>;
	/** The parameters as they are now, in fresh arrays (or in `into`'s). */
	exportParameters(into?: Parameters): Parameters;
	/** The momentum buffers, or null without momentum. */
	exportVelocity(): Parameters | null;
	/** The predicted class of every image of `split`. */
	predict(split: DatasetSplit): Uint8Array;
};

/** An engine holding a copy of `parameters` (and of `velocity`) on the kernels of `family`. */
export function createEngine(family: KernelFamily, config: TrainConfig, parameters: Parameters, velocity: Parameters | null = null): Engine {
	if (family === 'wasm') {
		const ws = WasmWorkspace.create(config, parameters, velocity);
		return {
			family,
			trainEpoch: async (split, rng, options) => wasmTrainEpochAsync(ws, split, rng, options),
			exportParameters: into => ws.exportParameters(into),
			exportVelocity: () => ws.exportVelocity(),
			predict: split => ws.predict(split),
		};
	}

	const ws = Workspace.create(config, parameters, velocity);
	return {
		family,
		trainEpoch: async (split, rng, options) => trainEpochAsync(ws, split, rng, options),
		exportParameters: into => ws.exportParameters(into),
		exportVelocity: () => ws.exportVelocity(),
		predict: split => predict(ws, split),
	};
}
