/**
 * What the app knows of training, as a pure reducer over the runner's events and the user's requests:
 * the status line of the training pane and the model the views show.
 */
import type {EpochRecord} from '../model/model.js';
import type {Parameters} from '../nn/network.js';
import type {RunnerEvent} from './training-runner.js';

export type TrainingStatus = 'idle' | 'starting' | 'running' | 'pausing' | 'paused' | 'failed';

export type TrainingView = {
	readonly status: TrainingStatus;
	/** The weights the views show: the last completed epoch, or live ones during an epoch. */
	readonly current: Parameters;
	readonly version: number;
	readonly epoch: number;
	readonly history: readonly EpochRecord[];
	/** Progress of the epoch under way: samples done of total. */
	readonly done: number;
	readonly total: number;
	readonly samplesPerSecond: number;
	readonly savedEpoch: number | undefined;
	/** The latest thing worth telling the user (saved, failed, ...). */
	readonly message: string | undefined;
};

export type TrainingAction =
	| {readonly type: 'event'; readonly event: RunnerEvent}
	| {readonly type: 'requested'; readonly request: 'start' | 'pause'}
	| {readonly type: 'message'; readonly message: string};

export function initialTraining(current: Parameters, history: readonly EpochRecord[], epoch: number, total: number): TrainingView {
	return {
		status: 'idle', current, version: 0, epoch, history, done: 0, total, samplesPerSecond: 0,
		savedEpoch: undefined, message: undefined,
	};
}

export function trainingReducer(state: TrainingView, action: TrainingAction): TrainingView {
	switch (action.type) {
		case 'requested': {
			return {...state, status: action.request === 'start' ? 'starting' : 'pausing'};
		}

		case 'message': {
			return {...state, message: action.message};
		}

		case 'event': {
			return applyEvent(state, action.event);
		}
	}
}

function applyEvent(state: TrainingView, event: RunnerEvent): TrainingView {
	switch (event.type) {
		case 'running': {
			return {...state, status: 'running', message: undefined};
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
			return {
				...state,
				current: event.parameters, version: state.version + 1,
				epoch: event.record.epoch, history: [...state.history, event.record], done: 0,
			};
		}

		case 'saved': {
			return {...state, savedEpoch: event.epoch, message: `saved epoch ${event.epoch} to ${event.path}`};
		}

		case 'failed': {
			return {...state, status: 'failed', message: event.message};
		}

		case 'stopped': {
			return {...state, status: 'idle'};
		}
	}
}
