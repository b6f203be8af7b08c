import {existsSync} from 'node:fs';
import {homedir} from 'node:os';
import {resolve} from 'node:path';
import {useRef} from 'react';
import type {DatasetSplit} from '../data/dataset.js';
import {checkSaveTarget, SaveTargetError} from '../fs/save-target.js';
import type {Model} from '../model/model.js';
import {canvasFromImage} from './canvas.js';
import {type Command, commandFor, keyOf} from './key-map.js';
import {misclassifiedOf, nextIndex} from './model-view.js';
import {type Action, type Counts, promptLimit, type ShownEpoch, tileGridOf, type UiState} from './state.js';
import {cellExamples, type TestAnalysis} from './test-analysis.js';
import type {TrainingClient} from '../training/client.js';
import type {TrainingAction, TrainingView} from './training-view.js';
import type {Store} from './use-store.js';

type Handlers = {
	readonly onCommand: (command: Command) => void;
	/** A key typed at the open prompt; Enter goes to the index, or saves to the file. */
	readonly onPromptKey: (key: string) => void;
	/** What the status line asks after q with epochs not saved, or undefined. */
	readonly question: string | undefined;
};

type Context = {
	readonly model: Model;
	readonly client: TrainingClient;
	readonly savePath: string | undefined;
	readonly trainingBlocked: string | undefined;
	/** Read at each key, so that keys arriving together each see what the one before did. */
	readonly ui: Store<UiState, Action>;
	readonly training: Store<TrainingView, TrainingAction>;
	readonly counts: Counts;
	readonly exit: () => void;
	/** Where `[` (-1) and `]` (+1) go from a timeline position (the epochs kept, live at the end). */
	readonly stepEpoch: (from: ShownEpoch, delta: -1 | 1) => ShownEpoch;
	/** The test-set analysis the confusion tab shows now, if there is one. */
	readonly analysis: () => TestAnalysis | undefined;
	/** The test set and its image size: `e` copies the example shown onto the canvas. */
	readonly test?: DatasetSplit;
	readonly image?: {readonly rows: number; readonly cols: number};
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
 * Completed epochs that are in no file: those since the last save, or since the epoch the model was
 * opened at (a model file holds its epochs; a new network has none to lose).
 */
export function unsavedEpochs(training: TrainingView, openedAt: number): number {
	return Math.max(0, training.epoch - (training.savedEpoch ?? openedAt));
}

/** What the status line asks when q would throw epochs away. */
export function quitQuestion(unsaved: number): string {
	return `${unsaved} ${unsaved === 1 ? 'epoch' : 'epochs'} not saved: ${keyOf('save')} saves, ${keyOf('quit')} quits anyway`;
}

/** A number as typed, its middle cut out when it is long. */
export function shortNumber(typed: string): string {
	return typed.length <= 12 ? typed : `${typed.slice(0, 6)}…${typed.slice(-4)}`;
}

/**
 * What each command does: the ones with effects (quit, training, saving, finding misclassified
 * examples) here, the rest as reducer actions.
 */
export function useCommands({model, client, savePath, trainingBlocked, ui, training, counts, exit, stepEpoch, analysis, test, image}: Context): Handlers {
	// The epoch the file held when the UI opened (training moves the model's position on).
	const openedAt = useRef(model.position.epoch).current;
	const {dispatch} = ui;
	const send = training.dispatch;
	const goTo = (typed: string): void => {
		if (typed === '') {
			return;
		}

		const index = Number(typed);
		if (index >= counts.examples) {
			send({type: 'message', message: `no example ${shortNumber(typed)}; the last is ${counts.examples - 1}`});
		} else {
			dispatch({type: 'selectExample', index, counts});
		}
	};

	const saveTo = (typed: string): void => {
		const path = savePathFrom(typed);
		if (path === undefined) {
			return;
		}

		try {
			checkSaveTarget(path);
		} catch (error) {
			if (!(error instanceof SaveTargetError)) {
				throw error;
			}

			send({type: 'message', message: error.message});
			return;
		}

		if (existsSync(path)) {
			send({type: 'message', message: `${path} exists; nothing was written (${keyOf('save')} again for another name)`});
			return;
		}

		client.save(path);
	};

	const onPromptKey = (key: string): void => {
		const {prompt} = ui.get();
		if (prompt === null) {
			return;
		}

		if (commandFor(key, ['in a prompt']) !== 'accept') {
			if (prompt.kind === 'goto' && /^\d$/.test(key) && !prompt.selected && prompt.text.length >= promptLimit.goto) {
				send({type: 'message', message: `too long: an example number has at most ${promptLimit.goto} digits`});
			}

			dispatch({type: 'promptKey', key});
			return;
		}

		dispatch({type: 'closePrompt'});
		if (prompt.kind === 'goto') {
			goTo(prompt.text);
		} else {
			saveTo(prompt.text);
		}
	};

	/** To the next (or previous) misclassified example from the one shown now. */
	const jumpToWrong = (wrong: Int32Array, direction: 1 | -1): void => {
		const target = nextIndex(wrong, ui.get().example, direction);
		if (target === undefined) {
			send({type: 'message', message: 'no misclassified test example'});
		} else {
			dispatch({type: 'selectExample', index: target, counts});
		}
	};

	const onCommand = (command: Command): void => {
		const state = ui.get();
		const now = training.get();
		switch (command) {
			case 'quit': {
				// Asks once when epochs would be lost; q (or Ctrl-C) again quits.
				if (state.quitAsked || unsavedEpochs(now, openedAt) === 0) {
					exit();
				} else {
					dispatch({type: 'askQuit'});
				}

				return;
			}

			case 'toggleTraining': {
				if (trainingBlocked !== undefined) {
					send({type: 'message', message: trainingBlocked});
					return;
				}

				const on = now.status === 'running' || now.status === 'starting';
				send({type: 'requested', request: on ? 'pause' : 'start'});
				if (on) {
					client.pause();
				} else {
					client.start();
				}

				return;
			}

			case 'save': {
				if (now.epoch === 0 && now.history.length === 0) {
					send({type: 'message', message: `nothing to save yet: train an epoch first (${keyOf('toggleTraining')})`});
				} else if ((savePath ?? now.savedTo) === undefined) {
					dispatch({type: 'askSavePath', suggestion: suggestedSaveName});
				} else {
					client.save();
				}

				return;
			}

			case 'toggleUntrained': {
				if (counts.untrainedNetwork === true && (state.tab === 'weights' || state.tab === 'maps')) {
					send({type: 'message', message: `the network shown is untrained: trained and untrained are the same (${keyOf('toggleTraining')} trains)`});
				} else if (tileGridOf(state, counts).twoSets && state.tab === 'maps') {
					// Both sets on screen: u puts the class models (gradient ascent) in the untrained maps' place, and back.
					dispatch({type: 'toggleClassModels'});
				} else if (tileGridOf(state, counts).twoSets) {
					send({type: 'message', message: `trained and untrained are both shown; ${keyOf('toggleUntrained')} switches between them when the terminal is narrower`});
				} else {
					dispatch({type: 'command', command, counts});
				}

				return;
			}

			case 'epochBack':
			case 'epochForward': {
				dispatch({type: 'showEpoch', epoch: stepEpoch(state.shownEpoch, command === 'epochBack' ? -1 : 1)});
				return;
			}

			case 'epochFirst':
			case 'epochLatest': {
				dispatch({type: 'showEpoch', epoch: command === 'epochFirst' ? 0 : 'live'});
				return;
			}

			case 'select': {
				const {confusion} = state;
				const shown = analysis();
				if (state.tab === 'confusion' && confusion.open && shown !== undefined) {
					// Enter on a listed image opens it in the examples tab.
					const index = cellExamples(shown, confusion.row, confusion.col)[confusion.item];
					if (index !== undefined) {
						dispatch({type: 'openExample', index, counts});
					}

					return;
				}

				dispatch({type: 'command', command, counts});
				return;
			}

			case 'copyExample': {
				if (test !== undefined && image !== undefined && state.example < test.count) {
					dispatch({type: 'copyImage', index: state.example, image: canvasFromImage(test.images, state.example, image.rows, image.cols)});
				}

				return;
			}

			case 'nextWrong':
			case 'previousWrong': {
				// The test set as the network shown classifies it; being worked out while training or the timeline moves on.
				const shown = analysis();
				if (shown === undefined) {
					send({type: 'message', message: `classifying the test set; ${keyOf(command)} again in a moment`});
				} else {
					jumpToWrong(misclassifiedOf(shown.predictions, shown.labels), command === 'nextWrong' ? 1 : -1);
				}

				return;
			}

			default: {
				dispatch({type: 'command', command, counts});
			}
		}
	};

	// A save that lands while the question shows answers it.
	const unsaved = unsavedEpochs(training.get(), openedAt);
	const question = ui.get().quitAsked && unsaved > 0 ? quitQuestion(unsaved) : undefined;
	return {onCommand, onPromptKey, question};
}
