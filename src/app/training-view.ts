/**
 * What the screen shows of training (the TrainingView), as a pure reducer over the training events
 * (training/protocol.ts) and the user's requests: the training pane's status and the weights the views show.
 */
import type {EpochRecord} from '../model/model.js';
import {divergenceWarning, type Warning} from '../nn/diagnostics.js';
import type {KernelFamily} from '../nn/engine.js';
import type {Parameters} from '../nn/network.js';
import type {TrainingEvent} from '../training/protocol.js';

/** `done`: a run of `epochsPerRun` epochs is complete and training waits for the next start. */
export type TrainingStatus = 'idle' | 'starting' | 'running' | 'pausing' | 'paused' | 'done' | 'failed';

export type TrainingView = {
	readonly status: TrainingStatus;
	/** The weights the views show: the last completed epoch, or live ones during an epoch. */
	readonly current: Parameters;
	readonly version: number;
	/** The last completed epoch. */
	readonly epoch: number;
	/** Epochs a run of training lasts (--epochs). */
	readonly epochsPerRun: number;
	/** The epoch at which the current (or next) run stops. */
	readonly until: number;
	readonly history: readonly EpochRecord[];
	/** Progress of the epoch under way: samples done of total (0 between epochs). */
	readonly done: number;
	readonly total: number;
	readonly samplesPerSecond: number;
	/** The kernels the worker trains with, said beside the speed. */
	readonly kernels: KernelFamily;
	readonly savedEpoch: number | undefined;
	/** The file the last save went to (--save, or one typed after `s`), once something was saved. */
	readonly savedTo: string | undefined;
	/** The latest thing worth telling the user (saved, failed, ...). */
	readonly message: string | undefined;
	/**
	 * What the last completed epoch calls for (a class never predicted, saturated units, a rising loss),
	 * first of all that training diverged, from the failure until training runs again.
	 */
	readonly warnings: readonly Warning[];
};

export type TrainingAction =
	| {readonly type: 'event'; readonly event: TrainingEvent}
	| {readonly type: 'requested'; readonly request: 'start' | 'pause'}
	| {readonly type: 'message'; readonly message: string};

export function initialTraining(
	current: Parameters, history: readonly EpochRecord[], epoch: number, total: number, epochsPerRun: number, kernels: KernelFamily = 'js',
): TrainingView {
	return {
		status: 'idle', current, version: 0, epoch, epochsPerRun, until: epoch + epochsPerRun, history, done: 0, total, samplesPerSecond: 0, kernels,
		savedEpoch: undefined, savedTo: undefined, message: undefined, warnings: [],
	};
}

export function trainingReducer(state: TrainingView, action: TrainingAction): TrainingView {
	switch (action.type) {
		case 'requested': {
			if (action.request === 'pause') {
				return {...state, status: 'pausing'};
			}

			// After a completed run the worker trains epochsPerRun more; say so before it answers.
			const until = state.epoch >= state.until ? state.epoch + state.epochsPerRun : state.until;
			return {...state, status: 'starting', until};
		}

		case 'message': {
			return {...state, message: action.message};
		}

		case 'event': {
			return applyEvent(state, action.event);
		}
	}
}

function applyEvent(state: TrainingView, event: TrainingEvent): TrainingView {
	switch (event.type) {
		case 'running': {
			return {...state, status: 'running', until: event.until, message: undefined, warnings: state.warnings.filter(w => w.kind !== 'diverged')};
		}

		case 'done': {
			return {...state, status: 'done', done: 0};
		}

		case 'paused': {
			return {...state, status: 'paused'};
		}

		case 'progress': {
			return {
				...state,
				status: state.status === 'pausing' || state.status === 'paused' ? state.status : 'running',
				current: event.parameters, version: state.version + 1,
				done: event.done, total: event.total, samplesPerSecond: event.samplesPerSecond,
			};
		}

		case 'epoch': {
			// An epoch without weights leaves the shown ones (the worker sends them at a bounded rate).
			const weights = event.parameters === undefined ? {} : {current: event.parameters, version: state.version + 1};
			return {
				...state,
				...weights,
				epoch: event.record.epoch, history: [...state.history, event.record], done: 0, warnings: event.warnings ?? [],
			};
		}

		case 'saved': {
			return {...state, savedEpoch: event.epoch, savedTo: event.path, message: `saved epoch ${event.epoch} to ${event.path}`};
		}

		case 'saveFailed': {
			return {...state, message: `not saved: ${event.message}`};
		}

		case 'failed': {
			// The epoch under way is dropped; the model is still at the last completed one.
			const warnings = event.diverged === undefined
				? state.warnings
				: [divergenceWarning(event.diverged.epoch, event.message), ...state.warnings.filter(w => w.kind !== 'diverged')];
			return {...state, status: 'failed', done: 0, message: event.message, warnings};
		}

		case 'stopped': {
			return {...state, status: 'idle', done: 0};
		}
	}
}

/** Whether an epoch is under way (running, or paused part way through), so its progress means something. */
export function epochUnderWay(state: TrainingView): boolean {
	switch (state.status) {
		case 'starting':
		case 'running':
		case 'pausing': {
			return true;
		}

		case 'paused': {
			return state.done > 0;
		}

		case 'idle':
		case 'done':
		case 'failed': {
			return false;
		}
	}
}

/** Epochs whose recorded time the estimates average: recent enough to follow a change of speed. */
const recentEpochs = 5;

/** Seconds an epoch takes: the mean of the last few recorded epochs, else from the speed; undefined when neither is known. */
export function secondsPerEpoch(state: TrainingView): number | undefined {
	const recent = state.history.slice(-recentEpochs).filter(r => r.seconds > 0);
	if (recent.length > 0) {
		return recent.reduce((s, r) => s + r.seconds, 0) / recent.length;
	}

	return state.samplesPerSecond > 0 && state.total > 0 ? state.total / state.samplesPerSecond : undefined;
}

/**
 * Time left, in seconds, while an epoch is under way: of that epoch (its samples left at the current
 * speed) and of the run (that, and the epochs after it up to `until` at secondsPerEpoch). Undefined
 * before the speed is known.
 */
export function timeLeft(state: TrainingView): {readonly epoch: number; readonly run: number} | undefined {
	const perEpoch = secondsPerEpoch(state);
	if (!epochUnderWay(state) || state.samplesPerSecond <= 0 || perEpoch === undefined) {
		return undefined;
	}

	const epoch = Math.max(0, state.total - state.done) / state.samplesPerSecond;
	return {epoch, run: epoch + (Math.max(0, state.until - state.epoch - 1) * perEpoch)};
}

/** Seconds as a short duration: `45s`, `3m 05s`, `2h 07m`; under a second `<1s`. */
export function formatDuration(seconds: number): string {
	if (!Number.isFinite(seconds)) {
		return '?';
	}

	const whole = Math.round(seconds);
	if (whole < 1) {
		return '<1s';
	}

	if (whole < 60) {
		return `${whole}s`;
	}

	const minutes = Math.floor(whole / 60);
	if (minutes < 60) {
		return `${minutes}m ${String(whole % 60).padStart(2, '0')}s`;
	}

	return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}
