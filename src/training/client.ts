/**
 * The TrainingClient: the main thread's handle on the training worker. It starts the worker on the
 * first command, sends start / pause / save / stop, passes the worker's events to its subscribers
 * (protocol.ts tells an epoch's way from the worker to the screen) and asks the worker for a kept
 * epoch's weights (snapshot). Side effects live here, not in the reducer.
 */
import {existsSync} from 'node:fs';
import {Worker} from 'node:worker_threads';
import type {Dataset, DatasetSplit} from '../data/dataset.js';
import {encodeModel} from '../model/model-file.js';
import type {Model} from '../model/model.js';
import type {KernelFamily} from '../nn/engine.js';
import type {Parameters} from '../nn/network.js';
import type {SnapshotEvent, TrainingCommand, TrainingEvent, WorkerInit, WorkerMessage} from './protocol.js';

/** A copy of `split` whose bytes live in SharedArrayBuffers, so a worker can use them without a copy. */
export function sharedSplit(split: DatasetSplit): DatasetSplit {
	const share = (bytes: Uint8Array): Uint8Array => {
		const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
		shared.set(bytes);
		return shared;
	};

	return {count: split.count, images: share(split.images), labels: share(split.labels)};
}

/** The dataset with every split in shared memory (one copy at start; the originals can be freed). */
export function sharedDataset(dataset: Dataset): Dataset {
	return {...dataset, train: sharedSplit(dataset.train), validation: sharedSplit(dataset.validation), test: sharedSplit(dataset.test)};
}

/**
 * Passes events on, holding progress and epoch events back so that they go at most every `batchMs`, in
 * one go (short epochs end 25 times a second, and each delivery redraws the screen). Any other event
 * (running, paused, done, saved, ...) goes at once, after those held back, so the order holds and the
 * user's commands are answered at once. While keys arrive (see quietFor), progress waits for them, but
 * never longer than `maxHoldMs` after the oldest event held.
 */
export class EventBatcher {
	private held: WorkerMessage[] = [];
	private heldSince = 0;
	private timer: NodeJS.Timeout | undefined;
	private lastDelivery = -Infinity;
	private quietUntil = -Infinity;

	constructor(private readonly deliver: (event: WorkerMessage) => void, private readonly batchMs: number, private readonly maxHoldMs = 1000) {}

	receive(event: WorkerMessage): void {
		if (this.held.length === 0) {
			this.heldSince = performance.now();
		}

		this.held.push(event);
		if (event.type !== 'progress' && event.type !== 'epoch') {
			this.flush();
		} else {
			this.schedule();
		}
	}

	/**
	 * A key arrived: hold progress back for `ms` from now, so that the key's frame is not queued behind a
	 * redraw of the training's. (Measured with bench/tui-latency.mjs, 100 presses: p95 39-43 ms, against
	 * 44-49 ms when a key also took the progress held for half a second into its own frame.)
	 */
	quietFor(ms: number): void {
		this.quietUntil = Math.max(this.quietUntil, performance.now() + ms);
		if (this.held.length > 0) {
			this.schedule();
		}
	}

	private schedule(): void {
		const due = Math.min(Math.max(this.lastDelivery + this.batchMs, this.quietUntil), this.heldSince + this.maxHoldMs);
		const wait = due - performance.now();
		clearTimeout(this.timer);
		this.timer = undefined;
		if (wait <= 0) {
			this.flush();
		} else {
			this.timer = setTimeout(() => {
				this.flush();
			}, wait);
		}
	}

	private flush(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.lastDelivery = performance.now();
		const events = this.held;
		this.held = [];
		for (const event of events) {
			this.deliver(event);
		}
	}
}

/**
 * Requests for an epoch's weights waiting for the worker's answer: one message per epoch however many
 * ask, each asker's promise resolved with the answer (undefined when the worker no longer keeps them,
 * or has ended).
 */
export class SnapshotRequests {
	private readonly waiting = new Map<number, Array<(parameters: Parameters | undefined) => void>>();

	/** A promise of `epoch`'s weights; `post` sends the request, unless one for that epoch is already on its way. */
	ask(epoch: number, post: () => void): Promise<Parameters | undefined> {
		return new Promise(resolve => {
			const waiting = this.waiting.get(epoch);
			if (waiting === undefined) {
				this.waiting.set(epoch, [resolve]);
				post();
			} else {
				waiting.push(resolve);
			}
		});
	}

	answer(event: SnapshotEvent): void {
		const waiting = this.waiting.get(event.epoch) ?? [];
		this.waiting.delete(event.epoch);
		for (const resolve of waiting) {
			resolve(event.parameters);
		}
	}

	/** No answer will come (the worker ended): every request gets undefined. */
	cancelAll(): void {
		for (const epoch of [...this.waiting.keys()]) {
			this.answer({type: 'snapshot', epoch});
		}
	}
}

/** Sends the user's commands to the training worker and passes its events on. */
export class TrainingClient {
	private worker: Worker | undefined;
	private readonly listeners = new Set<(event: TrainingEvent) => void>();
	private stopped: Promise<void> | undefined;
	private readonly batcher: EventBatcher;
	private readonly requests = new SnapshotRequests();
	/** Whether the save path existed at startup, when the command line checked it; a file that appears later is not replaced. */
	private readonly savePathExisted: boolean;

	constructor(
		private readonly model: Model,
		private readonly dataset: Dataset,
		readonly savePath: string | undefined,
		/** Epochs each run of training lasts (--epochs): a start trains until that many are done, then stops. */
		readonly epochs: number,
		/** The kernels the worker trains with (resolved from --kernels before the UI starts). */
		readonly kernels: KernelFamily = 'js',
		private readonly publishMs = 250,
		/**
		 * Least time between two deliveries of progress and epoch events, ms: short epochs end 25 times a
		 * second, and each delivery redraws the screen. Other events (running, paused, done, saved, ...)
		 * are delivered at once, after those held back, so the order holds and keys are answered at once.
		 */
		batchMs = 250,
	) {
		this.batcher = new EventBatcher(event => {
			if (event.type === 'snapshot') {
				this.requests.answer(event);
				return;
			}

			for (const listener of this.listeners) {
				listener(event);
			}
		}, batchMs);
		this.savePathExisted = savePath !== undefined && existsSync(savePath);
	}

	/** Listen to the worker's events; returns the function that stops listening. */
	subscribe(listener: (event: TrainingEvent) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Hold training's progress back for `ms` (a key just arrived: its frame first); at most a second in all. */
	quietFor(ms: number): void {
		this.batcher.quietFor(ms);
	}

	/** Train on: to the end of the run under way, or, after a completed run, `epochs` more. */
	start(): void {
		this.post({type: 'start'});
	}

	pause(): void {
		this.post({type: 'pause'});
	}

	/** Save the last completed epoch now; with a path, to that file from now on. */
	save(path?: string): void {
		this.post(path === undefined ? {type: 'save'} : {type: 'save', path});
	}

	/**
	 * The weights after completed epoch `epoch` (0: the untrained network) from the training worker, a
	 * copy of the screen's own; undefined when the worker does not keep them (the thinning rule dropped
	 * them), has not started or has ended. The answer comes after the epoch events sent before it.
	 */
	async snapshot(epoch: number): Promise<Parameters | undefined> {
		const {worker} = this;
		if (worker === undefined || this.stopped) {
			return undefined;
		}

		return this.requests.ask(epoch, () => {
			worker.postMessage({type: 'snapshot', epoch} satisfies TrainingCommand);
		});
	}

	/** Stop training (an unfinished epoch is dropped) and end the worker; resolves when it has ended. */
	async stop(timeoutMs = 3000): Promise<void> {
		const worker = this.worker;
		if (worker === undefined) {
			return;
		}

		this.stopped ??= new Promise<void>(resolve => {
			// Keep the process alive until the worker has ended (it is unref'd while it runs).
			worker.ref();
			const timer = setTimeout(() => {
				void worker.terminate();
				resolve();
			}, timeoutMs);
			worker.once('exit', () => {
				clearTimeout(timer);
				resolve();
			});
			worker.postMessage({type: 'stop'} satisfies TrainingCommand);
		});
		return this.stopped;
	}

	private post(message: TrainingCommand): void {
		if (this.stopped) {
			return;
		}

		this.ensureWorker().postMessage(message);
	}

	private ensureWorker(): Worker {
		if (this.worker) {
			return this.worker;
		}

		const init: WorkerInit = {
			modelBytes: encodeModel(this.model),
			dataset: this.dataset,
			savePath: this.savePath,
			savePathExisted: this.savePathExisted,
			epochs: this.epochs,
			kernels: this.kernels,
			publishMs: this.publishMs,
		};
		const worker = new Worker(new URL('worker.js', import.meta.url), {workerData: init});
		worker.on('message', (event: WorkerMessage) => {
			this.batcher.receive(event);
		});
		worker.once('exit', () => {
			this.requests.cancelAll();
		});
		worker.on('error', error => {
			this.batcher.receive({type: 'failed', message: `training stopped: ${error.message}`});
		});
		worker.unref();
		this.worker = worker;
		return worker;
	}
}
