/**
 * The WorkerLoop: the training worker thread's loop. It runs a Trainer epoch by epoch, answers start,
 * pause, save, stop and requests for a kept epoch's weights (snapshot), saves after every epoch when a
 * file is set, sends live weights at a bounded rate, and stops by itself when a run of `epochs` epochs
 * is complete. No UI here; a class, so tests can drive it without a thread (worker.ts runs it in one).
 */
import {existsSync} from 'node:fs';
import {resolve} from 'node:path';
import {errorMessage, FileWriteError, TrainingDivergedError} from '../errors.js';
import {writeModelFile} from '../model/model-file.js';
import {cloneParameters, type Parameters} from '../nn/network.js';
import type {TrainingCommand, WorkerMessage} from './protocol.js';
import type {Trainer} from './trainer.js';

export type WorkerLoopOptions = {
	readonly savePath: string | undefined;
	/** Whether savePath existed at startup (--force, or the model opened), so its first save may replace it. */
	readonly savePathExisted?: boolean;
	readonly epochs: number;
	readonly publishMs: number;
};

/** Sends an event to the main thread, moving (not copying) the buffers in `transfer`, which the sender no longer uses. */
export type SendEvent = (message: WorkerMessage, transfer?: readonly ArrayBuffer[]) => void;

/** The buffers behind freshly exported parameters, to transfer rather than copy them. */
export function parameterBuffers(parameters: Parameters): ArrayBuffer[] {
	const buffers = new Set<ArrayBuffer>();
	for (const array of [...parameters.weights, ...parameters.biases]) {
		if (array.buffer instanceof ArrayBuffer) {
			buffers.add(array.buffer);
		}
	}

	return [...buffers];
}

/** Resolves on the event loop's next turn, after the messages (commands) waiting for the thread. */
async function handBack(): Promise<void> {
	return new Promise(resolve => {
		setImmediate(resolve);
	});
}

/** Commands in through `handle`; epochs, progress and state changes out through `send`. */
export class WorkerLoop {
	private running = false;
	private stopping = false;
	private resume: (() => void) | undefined;
	private savedEpoch = -1;
	/** Where epochs are saved: --save, or the file typed after `s`. */
	private savePath: string | undefined;
	/** The epoch at which the current run ends. */
	private until: number;
	private readonly controller = new AbortController();
	/** Files (resolved paths) this session has written: later saves replace them without a check. */
	private readonly written = new Set<string>();
	/** The startup save path when it existed then: its first save may replace it. */
	private readonly replaceable: string | undefined;

	constructor(
		private readonly trainer: Trainer,
		private readonly options: WorkerLoopOptions,
		private readonly send: SendEvent,
	) {
		this.until = trainer.model.position.epoch + options.epochs;
		this.savePath = options.savePath;
		this.replaceable = options.savePathExisted === true && options.savePath !== undefined ? resolve(options.savePath) : undefined;
	}

	handle(message: TrainingCommand): void {
		switch (message.type) {
			case 'start': {
				const {epoch} = this.trainer.model.position;
				if (epoch >= this.until) {
					this.until = epoch + this.options.epochs;
				}

				this.running = true;
				this.send({type: 'running', until: this.until});
				this.resume?.();
				break;
			}

			case 'pause': {
				this.running = false;
				break;
			}

			case 'save': {
				const previous = this.savePath;
				if (message.path !== undefined && message.path !== previous) {
					this.savePath = message.path;
					this.savedEpoch = -1;
				}

				try {
					this.save();
				} catch (error) {
					this.savePath = previous;
					this.send({type: 'saveFailed', message: errorMessage(error)});
				}

				break;
			}

			case 'snapshot': {
				this.sendSnapshot(message.epoch);
				break;
			}

			case 'stop': {
				this.stopping = true;
				this.running = false;
				this.controller.abort(new Error('stopped'));
				this.resume?.();
				break;
			}
		}
	}

	/** Train while asked to, until a stop; resolves once stopped. */
	async run(): Promise<void> {
		let lastPublish = 0;
		let sliceStart = performance.now();
		let sliceDone = 0;
		let done = 0;
		while (!this.stopping) {
			if (!this.running) {
				// eslint-disable-next-line no-await-in-loop
				await this.waitForStart();
				continue;
			}

			const epoch = this.trainer.model.position.epoch + 1;
			try {
				// eslint-disable-next-line no-await-in-loop
				const record = await this.trainer.runEpoch({
					signal: this.controller.signal,
					onProgress: (now, total) => {
						done = now;
						const time = performance.now();
						if (time - lastPublish >= this.options.publishMs) {
							const samplesPerSecond = (now - sliceDone) / Math.max(1e-3, (time - sliceStart) / 1000);
							this.sendProgress({epoch, done: now, total, samplesPerSecond});
							lastPublish = time;
							sliceStart = time;
							sliceDone = now;
						}
					},
					between: async () => {
						if (!this.running && !this.stopping) {
							// Tell where the epoch stands now, not at the last (rate-limited) update.
							this.sendProgress({epoch, done, total: this.trainer.dataset.train.count, samplesPerSecond: 0});
							lastPublish = performance.now();
							this.send({type: 'paused'});
							await this.waitForStart();
							sliceStart = performance.now();
							sliceDone = done;
						}
					},
				});
				// An epoch under one slice (2,000 samples) never yields: hand the thread back once per epoch, so
				// commands sent meanwhile (pause, stop, a snapshot request) are heard within the next epoch, not at the run's end.
				// eslint-disable-next-line no-await-in-loop
				await handBack();
				sliceStart = performance.now();
				sliceDone = 0;
				done = 0;
				// The weights go at most every publishMs (epochs can end 25 times a second), and always when the run
				// ends or pauses here, so the screen ends on the last epoch's weights.
				const time = performance.now();
				const last = this.trainer.model.position.epoch >= this.until || !this.running || this.stopping;
				if (last || time - lastPublish >= this.options.publishMs) {
					// A copy of its own, transferred: the trainer reuses the arrays of the snapshots it drops.
					const parameters = cloneParameters(this.trainer.model.current);
					this.send({type: 'epoch', record, parameters, warnings: this.trainer.warnings()}, parameterBuffers(parameters));
					lastPublish = time;
				} else {
					this.send({type: 'epoch', record, warnings: this.trainer.warnings()});
				}

				this.saveAfterEpoch();
				if (this.trainer.model.position.epoch >= this.until) {
					this.running = false;
					this.send({type: 'done', epoch: this.trainer.model.position.epoch});
				} else if (!this.running && !this.stopping) {
					// A pause that came during the epoch's last slice or its evaluation.
					this.send({type: 'paused'});
				}
			} catch (error) {
				if (this.stopping) {
					break;
				}

				this.running = false;
				done = 0;
				const message = errorMessage(error);
				this.send(error instanceof TrainingDivergedError ? {type: 'failed', message, diverged: {epoch: error.epoch}} : {type: 'failed', message});
			}
		}

		this.send({type: 'stopped'});
	}

	/** The live weights, exported fresh and so transferred to the main thread instead of copied. */
	private sendProgress(progress: {epoch: number; done: number; total: number; samplesPerSecond: number}): void {
		const parameters = this.trainer.liveParameters();
		this.send({type: 'progress', ...progress, parameters}, parameterBuffers(parameters));
	}

	/** A kept epoch's weights, copied (the trainer reuses a dropped snapshot's arrays) and transferred; without them if not kept. */
	private sendSnapshot(epoch: number): void {
		const kept = this.trainer.weightsAfter(epoch);
		if (kept === undefined) {
			this.send({type: 'snapshot', epoch});
			return;
		}

		const parameters = cloneParameters(kept);
		this.send({type: 'snapshot', epoch, parameters}, parameterBuffers(parameters));
	}

	private async waitForStart(): Promise<void> {
		return new Promise<void>(resolve => {
			this.resume = resolve;
		});
	}

	/** Save a completed epoch; a save that fails says so, and training goes on. */
	private saveAfterEpoch(): void {
		try {
			this.save();
		} catch (error) {
			this.send({type: 'saveFailed', message: errorMessage(error)});
		}
	}

	private save(): void {
		const {savePath} = this;
		const {model} = this.trainer;
		if (savePath === undefined || this.savedEpoch === model.position.epoch) {
			return;
		}

		// The command line (or the save prompt) checked that no file would be replaced, but a file can
		// appear at that path while training runs: the first write to a path checks again.
		const path = resolve(savePath);
		if (!this.written.has(path) && path !== this.replaceable && existsSync(path)) {
			throw new FileWriteError(`${savePath} appeared after it was chosen; it is not replaced (move it away and save again)`);
		}

		writeModelFile(savePath, model);
		this.written.add(path);
		this.savedEpoch = model.position.epoch;
		this.send({type: 'saved', path: savePath, epoch: this.savedEpoch});
	}
}
