/**
 * The epoch timeline's data: which epochs one can step to with `[` and `]` (0 = the untrained network,
 * then the completed epochs whose weights the model keeps), their weights where the main thread has
 * them, and the stepping rules. The epochs are the model file's snapshots and the session's own epochs,
 * thinned by the model's rule (model/snapshot-thinning.ts), so the list stays at most 64 epochs (plus
 * 0) however long training runs, and the training worker, which thins by the same rule, keeps the
 * weights of every epoch listed. Pure: no React, no worker; use-epoch-parameters.ts wires it up.
 */
import type {Model} from '../model/model.js';
import {keepsSnapshot} from '../model/snapshot-thinning.js';
import type {Parameters} from '../nn/network.js';

/** A place on the timeline: a completed epoch (0 = the untrained network), or 'live' (the weights training has now). */
export type TimelinePosition = number | 'live';

/**
 * Where `[` (delta -1) or `]` (+1) goes from `from`, over `epochs` (ascending, 0 first). From live, `[`
 * goes to the latest epoch when the live weights are not its weights (`liveDiffers`: an epoch under way),
 * else to the one before it; `]` from the latest epoch goes back to live. From an epoch no longer listed
 * (thinned out), the nearest listed one on that side.
 */
export function stepEpoch(epochs: readonly number[], from: TimelinePosition, delta: -1 | 1, liveDiffers: boolean): TimelinePosition {
	const latest = epochs.at(-1) ?? 0;
	if (delta === 1) {
		return from === 'live' || from >= latest ? 'live' : (epochs.find(epoch => epoch > from) ?? 'live');
	}

	if (from === 'live') {
		return liveDiffers ? latest : epochBefore(epochs, latest);
	}

	return epochBefore(epochs, from);
}

/** Where `{` ('first': the untrained network) and `}` ('latest': live, following training) go. */
export function jumpEpoch(end: 'first' | 'latest'): TimelinePosition {
	return end === 'first' ? 0 : 'live';
}

/** The listed epoch at or before `epoch` (a selected epoch that was thinned out shows the one before it). */
export function epochAtOrBefore(epochs: readonly number[], epoch: number): number {
	return epochs.findLast(listed => listed <= epoch) ?? 0;
}

/** The listed epoch before `epoch`, or 0 (the untrained network has none before it). */
function epochBefore(epochs: readonly number[], epoch: number): number {
	return epochs.findLast(listed => listed < epoch) ?? 0;
}

/**
 * The timeline's epochs and the weights the main thread has for them: epoch 0 and the model file's
 * epochs always; of the session's epochs, the latest's if they came with its 'epoch' event, and those
 * shown (asked for from the worker, or held with `hold`), until the thinning drops them. So the main
 * thread keeps few copies of the weights: the worker has every listed epoch's, to ask for.
 */
export class EpochStore {
	private list: readonly number[];
	private readonly weights = new Map<number, Parameters>();
	/** Epochs whose weights stay while listed: 0, the file's, and the session's that were shown. */
	private readonly held = new Set<number>();
	private readonly asked = new Set<number>();
	private readonly listeners = new Set<() => void>();
	private changes = 0;

	constructor(model: Pick<Model, 'initial' | 'current' | 'snapshots' | 'position'>) {
		const latest = model.position.epoch;
		this.weights.set(0, model.initial);
		for (const snapshot of model.snapshots) {
			this.weights.set(snapshot.epoch, snapshot.parameters);
		}

		// The latest epoch's weights are the model's current ones, the very object the live view starts
		// with, so the timeline can tell that live is that epoch (and the file may not keep a snapshot of it).
		this.weights.set(latest, model.current);
		this.list = [...this.weights.keys()].sort((a, b) => a - b);
		for (const epoch of this.list) {
			this.held.add(epoch);
		}
	}

	/** The epochs one can step to, ascending, 0 first: those kept and the latest completed one. */
	epochs(): readonly number[] {
		return this.list;
	}

	/** The latest completed epoch. */
	get latest(): number {
		return this.list.at(-1) ?? 0;
	}

	/** The weights after `epoch`, or undefined: not listed, or listed but only the worker has them (ask with `claimRequest`). */
	parameters(epoch: number): Parameters | undefined {
		return this.weights.get(epoch);
	}

	/** Where `[` or `]` goes from `from`, `live` being the weights the views show live. */
	step(from: TimelinePosition, delta: -1 | 1, live: Parameters): TimelinePosition {
		return stepEpoch(this.list, from, delta, this.weights.get(this.latest) !== live);
	}

	/** Epoch `epoch` is complete, with its weights if they came with its event; the list is thinned as the model is. */
	complete(epoch: number, parameters?: Parameters): void {
		const previous = this.latest;
		if (epoch === previous && parameters !== undefined && !this.weights.has(epoch)) {
			// The training view told of the epoch before its event came with the weights.
			this.weights.set(epoch, parameters);
			this.changed();
			return;
		}

		if (epoch <= previous) {
			return;
		}

		if (!this.held.has(previous)) {
			this.weights.delete(previous);
		}

		this.list = [...this.list.filter(listed => listed === 0 || keepsSnapshot(listed, epoch)), epoch];
		const listed = new Set(this.list);
		for (const known of [...this.weights.keys(), ...this.held]) {
			if (!listed.has(known)) {
				this.weights.delete(known);
				this.held.delete(known);
			}
		}

		if (parameters !== undefined) {
			this.weights.set(epoch, parameters);
		}

		this.changed();
	}

	/** Keep `epoch`'s weights while it is listed (it is shown). */
	hold(epoch: number): void {
		if (this.weights.has(epoch)) {
			this.held.add(epoch);
		}
	}

	/** Whether to ask the worker for `epoch`'s weights: listed, missing here and not asked for yet (then it counts as asked). */
	claimRequest(epoch: number): boolean {
		if (!this.list.includes(epoch) || this.weights.has(epoch) || this.asked.has(epoch)) {
			return false;
		}

		this.asked.add(epoch);
		return true;
	}

	/**
	 * The worker's answer for `epoch`: its weights, held while listed. None means the worker no longer
	 * keeps them (or has ended), so the epoch leaves the list: it is not asked for again.
	 */
	receive(epoch: number, parameters: Parameters | undefined): void {
		this.asked.delete(epoch);
		if (epoch === 0 || !this.list.includes(epoch)) {
			return;
		}

		if (parameters === undefined) {
			this.list = this.list.filter(listed => listed !== epoch);
		} else {
			this.weights.set(epoch, parameters);
			this.held.add(epoch);
		}

		this.changed();
	}

	/** Listen to changes of the list or of the weights here (for useSyncExternalStore). */
	readonly subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	/** A number that changes whenever the store does. */
	readonly version = (): number => this.changes;

	private changed(): void {
		this.changes++;
		for (const listener of this.listeners) {
			listener();
		}
	}
}
