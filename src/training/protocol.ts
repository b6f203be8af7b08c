/** Messages between the training runner (main thread) and the training worker. */
import type {DatasetSplit} from '../data/dataset.js';
import type {EpochRecord} from '../model/model.js';
import type {Warning} from '../nn/diagnostics.js';
import type {Parameters} from '../nn/network.js';

export type WorkerInit = {
	/** The model as a model file's bytes (encodeModel). */
	readonly modelBytes: Uint8Array;
	/** Dataset splits backed by SharedArrayBuffers, so they are not copied. */
	readonly dataset: {
		readonly name: string; readonly source: string; readonly rows: number; readonly cols: number;
		readonly classNames: readonly string[];
		readonly train: DatasetSplit; readonly validation: DatasetSplit; readonly test: DatasetSplit;
	};
	readonly savePath: string | undefined;
	/** Whether savePath existed when the session started (--force, or the model opened): only then may its first save replace a file. */
	readonly savePathExisted: boolean;
	/** Epochs a run of training lasts: a start after a finished run trains this many more. */
	readonly epochs: number;
	/** Least time between two live weight updates sent during an epoch, ms. */
	readonly publishMs: number;
};

export type ToWorker =
	| {readonly type: 'start'}
	| {readonly type: 'pause'}
	/** Save now; with a path, to that file from now on (and after every epoch). */
	| {readonly type: 'save'; readonly path?: string}
	| {readonly type: 'stop'};

export type FromWorker =
	| {readonly type: 'progress'; readonly epoch: number; readonly done: number; readonly total: number; readonly samplesPerSecond: number; readonly parameters: Parameters}
	| {readonly type: 'epoch'; readonly record: EpochRecord; readonly parameters: Parameters; readonly warnings?: readonly Warning[]}
	/** Training goes on, and stops by itself once epoch `until` is complete. */
	| {readonly type: 'running'; readonly until: number}
	/** The run is complete: epoch `epoch` (its target) is done and training waits for the next start. */
	| {readonly type: 'done'; readonly epoch: number}
	| {readonly type: 'paused'}
	| {readonly type: 'saved'; readonly path: string; readonly epoch: number}
	| {readonly type: 'failed'; readonly message: string}
	/** A save asked for with `s` did not work; training goes on as it was. */
	| {readonly type: 'saveFailed'; readonly message: string}
	| {readonly type: 'stopped'};
