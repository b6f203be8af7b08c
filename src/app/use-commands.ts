import {existsSync} from 'node:fs';
import {homedir} from 'node:os';
import {resolve} from 'node:path';
import {type Dispatch, useRef} from 'react';
import type {Dataset} from '../data/dataset.js';
import type {Model} from '../model/model.js';
import type {Command} from './key-map.js';
import {computeLayout} from './layout.js';
import {misclassified, nextIndex} from './model-view.js';
import type {Action, Counts, UiState} from './state.js';
import type {TrainingRunner} from './training-runner.js';
import type {TrainingAction, TrainingView} from './training-state.js';

type Handlers = {
	readonly onCommand: (command: Command) => void;
	/** A key typed at the prompt `s` opens when no file is set; Enter saves there. */
	readonly onSavePathKey: (key: string) => void;
};

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

/** The file name offered when `s` asks where to save. */
export const suggestedSaveName = 'nnviz-model.safetensors';

/**
 * The file a typed name stands for: relative to the working folder, with a leading ~ for the home
 * folder; undefined for an empty name.
 */
export function savePathFrom(typed: string, cwd = process.cwd(), home = homedir()): string | undefined {
	const name = typed.trim();
	if (name === '') {
		return undefined;
	}

	return name === '~' || name.startsWith('~/') ? resolve(home, name.slice(2)) : resolve(cwd, name);
}

/**
 * What each command does: the ones with effects (quit, training, saving, finding misclassified
 * examples) here, the rest as reducer actions.
 */
export function useCommands({model, dataset, runner, savePath, trainingBlocked, ui, training, dispatch, send, counts, exit}: Context): Handlers {
	const wrongCache = useRef<{version: number; wrong: Int32Array} | undefined>(undefined);
	const onSavePathKey = (key: string): void => {
		if (key !== 'enter') {
			dispatch({type: 'savePathKey', key});
			return;
		}

		dispatch({type: 'closeSavePrompt'});
		const path = savePathFrom(ui.savePrompt ?? '');
		if (path === undefined) {
			return;
		}

		if (existsSync(path)) {
			send({type: 'message', message: `${path} exists; nothing was written (s again for another name)`});
			return;
		}

		runner.save(path);
	};

	const onCommand = (command: Command): void => {
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
				if (training.epoch === 0 && training.history.length === 0) {
					send({type: 'message', message: 'nothing to save yet: train an epoch first (t)'});
				} else if ((savePath ?? training.savedTo) === undefined) {
					dispatch({type: 'askSavePath', suggestion: suggestedSaveName});
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

	return {onCommand, onSavePathKey};
}
