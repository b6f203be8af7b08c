/**
 * Messages between the TrainingClient (main thread, client.ts) and the WorkerLoop (the worker thread,
 * worker-loop.ts, started by worker.ts), which runs a Trainer (trainer.ts).
 *
 * An epoch's lifecycle, from the engine to the screen:
 * 1. The Trainer trains the epoch in slices (nn/train-epoch.ts), yielding between them so the worker
 *    hears pause and stop; the WorkerLoop sends a 'progress' event with the live weights at most every
 *    `publishMs` (exported fresh, so they are transferred to the main thread, not copied).
 * 2. At the epoch's end the Trainer evaluates it (validation and test accuracy, the predictions and the
 *    hidden units' health), records it in the model (weights, snapshot, history, position) and keeps
 *    what the warnings need; an epoch that diverged or was stopped leaves the model as it was ('failed').
 * 3. The WorkerLoop sends an 'epoch' event (the record, the Trainer's warnings, and the weights if none
 *    went for `publishMs`, or if the run ends or pauses there: short epochs would otherwise flood both
 *    threads with copies of the weights), then
 *    saves to the save file if there is one ('saved' or 'saveFailed'), then 'done' when the run's last
 *    epoch is complete.
 * 4. The TrainingClient passes each event to its subscribers; the root component (app/App.tsx)
 *    dispatches it to the training view's reducer (app/training-view.ts), and the training pane and the
 *    tabs draw the resulting TrainingView.
 *
 * The weights of an epoch the screen did not get with its 'epoch' event (the epoch timeline steps to
 * it) are asked for with a 'snapshot' command; the worker answers from its model's snapshots (the
 * epochs the thinning rule keeps) with a SnapshotEvent, which the client hands to the one who asked,
 * not to the subscribers (TrainingClient.snapshot).
 */
import type {DatasetSplit} from '../data/dataset.js';
import type {EpochRecord} from '../model/model.js';
import type {Warning} from '../nn/diagnostics.js';
import type {KernelFamily} from '../nn/engine.js';
import type {Parameters} from '../nn/network.js';

/** What the worker is started with (its workerData). */
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
	/** The kernels to train with. */
	readonly kernels: KernelFamily;
	/** Least time between two live weight updates sent during an epoch, ms. */
	readonly publishMs: number;
};

/** Main thread to worker: what the user asked for. */
export type TrainingCommand =
	| {readonly type: 'start'}
	| {readonly type: 'pause'}
	/** Save now; with a path, to that file from now on (and after every epoch). */
	| {readonly type: 'save'; readonly path?: string}
	/** Send the weights after completed epoch `epoch` (0: the untrained network), if the model still keeps them. */
	| {readonly type: 'snapshot'; readonly epoch: number}
	| {readonly type: 'stop'};

/** Worker to main thread: what training did. */
export type TrainingEvent =
	| {readonly type: 'progress'; readonly epoch: number; readonly done: number; readonly total: number; readonly samplesPerSecond: number; readonly parameters: Parameters}
	/** `parameters` (the epoch's weights) come at most every `publishMs`, and always with the epoch that ends or pauses a run; without them the screen keeps the weights it has. */
	| {readonly type: 'epoch'; readonly record: EpochRecord; readonly parameters?: Parameters; readonly warnings?: readonly Warning[]}
	/** Training goes on, and stops by itself once epoch `until` is complete. */
	| {readonly type: 'running'; readonly until: number}
	/** The run is complete: epoch `epoch` (its target) is done and training waits for the next start. */
	| {readonly type: 'done'; readonly epoch: number}
	| {readonly type: 'paused'}
	| {readonly type: 'saved'; readonly path: string; readonly epoch: number}
	/**
	 * The epoch under way was dropped and training stopped, saying why. `diverged` is set when the loss or the
	 * weights of epoch `diverged.epoch` became NaN or Infinity (the Trainer's TrainingDivergedError): a
	 * warning, not just a failure; the message says what to try.
	 */
	| {readonly type: 'failed'; readonly message: string; readonly diverged?: {readonly epoch: number}}
	/** A save asked for with `s` did not work; training goes on as it was. */
	| {readonly type: 'saveFailed'; readonly message: string}
	| {readonly type: 'stopped'};

/** Worker to main thread: the answer to a 'snapshot' command; without `parameters` when the model no longer keeps that epoch's weights. */
export type SnapshotEvent = {readonly type: 'snapshot'; readonly epoch: number; readonly parameters?: Parameters};

/** Everything the worker sends. */
export type WorkerMessage = TrainingEvent | SnapshotEvent;
