import {type Dispatch, useRef} from 'react';
import type {Dataset} from '../data/dataset.js';
import type {Model} from '../model/model.js';
import type {Command} from './key-map.js';
import {computeLayout} from './layout.js';
import {misclassified, nextIndex} from './model-view.js';
import type {Action, Counts, UiState} from './state.js';
import type {TrainingRunner} from './training-runner.js';
import type {TrainingAction, TrainingView} from './training-state.js';

type Context = {
	readonly model: Model;
	readonly dataset: Dataset;
	readonly runner: TrainingRunner;
	readonly savePath: string | undefined;
	readonly trainingBlocked: string | undefined;
	readonly ui: UiState;
	readonly training: TrainingView;
	readonly dispatch: Dispatch<Action>;
	readonly send: Dispatch<TrainingAction>;
	readonly counts: Counts;
	readonly exit: () => void;
};

/**
 * What each command does: the ones with effects (quit, training, saving, finding misclassified
 * examples) here, the rest as reducer actions.
 */
export function useCommands({model, dataset, runner, savePath, trainingBlocked, ui, training, dispatch, send, counts, exit}: Context): (command: Command) => void {
	const wrongCache = useRef<{version: number; wrong: Int32Array} | undefined>(undefined);
	return (command: Command): void => {
		switch (command) {
			case 'quit': {
				exit();
				return;
			}

			case 'toggleTraining': {
				if (trainingBlocked !== undefined) {
					send({type: 'message', message: trainingBlocked});
					return;
				}

				const on = training.status === 'running' || training.status === 'starting';
				send({type: 'requested', request: on ? 'pause' : 'start'});
				if (on) {
					runner.pause();
				} else {
					runner.start();
				}

				return;
			}

			case 'save': {
				if (savePath === undefined) {
					send({type: 'message', message: 'no file to save to: start nnviz-tui with --save FILE'});
				} else if (training.epoch === 0 && training.history.length === 0) {
					send({type: 'message', message: 'nothing to save yet: train an epoch first (t)'});
				} else {
					runner.save();
				}

				return;
			}

			case 'toggleUntrained': {
				if (computeLayout(ui.size, ui.paneOpen, {rows: counts.imageRows, cols: counts.imageCols}).sideBySide) {
					send({type: 'message', message: 'trained and untrained are both shown; u switches between them when the terminal is narrower'});
				} else {
					dispatch({type: 'command', command, counts});
				}

				return;
			}

			case 'nextWrong':
			case 'previousWrong': {
				if (wrongCache.current?.version !== training.version) {
					wrongCache.current = {version: training.version, wrong: misclassified(training.current, model.config, dataset.test)};
				}

				const target = nextIndex(wrongCache.current.wrong, ui.example, command === 'nextWrong' ? 1 : -1);
				if (target === undefined) {
					send({type: 'message', message: 'no misclassified test example'});
				} else {
					dispatch({type: 'selectExample', index: target, counts});
				}

				return;
			}

			default: {
				dispatch({type: 'command', command, counts});
			}
		}
	};
}
