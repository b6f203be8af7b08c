/**
 * The UI state and its reducer: tagged-union actions, an exhaustive switch, no side effects. What can
 * be derived (layout, predictions, pages) is computed where it is needed instead of stored.
 */
import type {Command} from './key-map.js';
import {computeLayout, type Size} from './layout.js';

export type TabId = 'examples' | 'weights' | 'maps';
export const tabs: ReadonlyArray<{id: TabId; title: string}> = [
	{id: 'examples', title: 'Examples'},
	{id: 'weights', title: 'Weights'},
	{id: 'maps', title: 'Generalized images'},
];

export type UiState = {
	readonly tab: TabId;
	readonly focus: 'tabs' | 'content';
	readonly help: boolean;
	/** Training pane shown (true), hidden (false), or as the width decides (undefined). */
	readonly paneOpen: boolean | undefined;
	readonly size: Size;
	readonly example: number;
	/** Digits typed after `g`, or null when not typing an index. */
	readonly goto: string | null;
	/** The file name being typed after `s` (when no file is set yet), or null. */
	readonly savePrompt: string | null;
	readonly tile: number;
	readonly map: number;
	readonly sharedScale: boolean;
	readonly untrained: boolean;
	/** Show what training changed (trained minus untrained) in place of the trained weights. */
	readonly change: boolean;
};

/** How many things each tab has, and the image size: what moving a selection needs to know. */
export type Counts = {
	readonly examples: number;
	readonly neurons: number;
	readonly classes: number;
	readonly imageRows: number;
	readonly imageCols: number;
};

export type Action =
	| {readonly type: 'resize'; readonly size: Size}
	| {readonly type: 'command'; readonly command: Command; readonly counts: Counts}
	| {readonly type: 'selectExample'; readonly index: number; readonly counts: Counts}
	| {readonly type: 'gotoKey'; readonly key: string; readonly counts: Counts}
	/** Ask for a file to save to, `suggestion` typed in already. */
	| {readonly type: 'askSavePath'; readonly suggestion: string}
	/** A key typed at that prompt (Enter is the app's to carry out: it closes the prompt with closeSavePrompt). */
	| {readonly type: 'savePathKey'; readonly key: string}
	| {readonly type: 'closeSavePrompt'};

export function initialState(size: Size): UiState {
	return {
		tab: 'examples', focus: 'tabs', help: false, paneOpen: undefined, size,
		example: 0, goto: null, savePrompt: null, tile: 0, map: 0, sharedScale: false, untrained: false, change: false,
	};
}

export function reducer(state: UiState, action: Action): UiState {
	switch (action.type) {
		case 'resize': {
			return {...state, size: action.size};
		}

		case 'command': {
			return applyCommand(state, action.command, action.counts);
		}

		case 'selectExample': {
			return {...state, example: clamp(action.index, action.counts.examples)};
		}

		case 'gotoKey': {
			return applyGotoKey(state, action.key, action.counts);
		}

		case 'askSavePath': {
			return {...state, savePrompt: action.suggestion};
		}

		case 'savePathKey': {
			return applySavePathKey(state, action.key);
		}

		case 'closeSavePrompt': {
			return {...state, savePrompt: null};
		}
	}
}

function clamp(index: number, count: number): number {
	return Math.max(0, Math.min(count - 1, index));
}

function switchTab(state: UiState, delta: number): UiState {
	const i = tabs.findIndex(t => t.id === state.tab);
	return {...state, tab: tabs[(i + delta + tabs.length) % tabs.length].id};
}

function applyCommand(state: UiState, command: Command, counts: Counts): UiState {
	switch (command) {
		case 'nextTab': {
			return switchTab(state, 1);
		}

		case 'previousTab': {
			return switchTab(state, -1);
		}

		case 'tab1':
		case 'tab2':
		case 'tab3': {
			return {...state, tab: tabs[Number(command.at(-1)) - 1].id};
		}

		case 'help': {
			return {...state, help: !state.help};
		}

		case 'back': {
			if (state.help) {
				return {...state, help: false};
			}

			return {...state, focus: 'tabs'};
		}

		case 'enter': {
			return {...state, focus: 'content'};
		}

		case 'goto': {
			return {...state, goto: ''};
		}

		case 'togglePane': {
			const layout = computeLayout(state.size, state.paneOpen, {rows: counts.imageRows, cols: counts.imageCols});
			return {...state, paneOpen: !layout.pane};
		}

		case 'toggleUntrained': {
			return {...state, untrained: !state.untrained};
		}

		case 'toggleChange': {
			return {...state, change: !state.change};
		}

		case 'toggleScale': {
			return {...state, sharedScale: !state.sharedScale};
		}

		case 'left':
		case 'right': {
			if (state.focus === 'tabs') {
				return switchTab(state, command === 'left' ? -1 : 1);
			}

			return move(state, command, counts);
		}

		case 'up':
		case 'down':
		case 'pageUp':
		case 'pageDown':
		case 'first':
		case 'last': {
			return move(state, command, counts);
		}

		// Commands with effects are carried out by the app, not here.
		case 'quit':
		case 'toggleTraining':
		case 'save':
		case 'nextWrong':
		case 'previousWrong': {
			return state;
		}
	}
}

type Move = 'left' | 'right' | 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last';

function move(state: UiState, direction: Move, counts: Counts): UiState {
	if (state.tab === 'examples') {
		const steps: Record<Move, number> = {
			left: -1, right: 1, up: -10, down: 10, pageUp: -100, pageDown: 100, first: -Infinity, last: Infinity,
		};
		return {...state, example: clamp(state.example + steps[direction], counts.examples)};
	}

	const grid = computeLayout(state.size, state.paneOpen, {rows: counts.imageRows, cols: counts.imageCols}).grid;
	const steps: Record<Move, number> = {
		left: -1, right: 1, up: -grid.perRow, down: grid.perRow,
		pageUp: -grid.perPage, pageDown: grid.perPage, first: -Infinity, last: Infinity,
	};
	if (state.tab === 'weights') {
		const tile = clamp(state.tile + steps[direction], counts.neurons);
		// Up from the first row of tiles goes back to the tab bar.
		return direction === 'up' && state.tile < grid.perRow ? {...state, focus: 'tabs'} : {...state, tile};
	}

	const map = clamp(state.map + steps[direction], counts.classes);
	return direction === 'up' && state.map < grid.perRow ? {...state, focus: 'tabs'} : {...state, map};
}

function applyGotoKey(state: UiState, key: string, counts: Counts): UiState {
	const typed = state.goto ?? '';
	if (key === 'escape') {
		return {...state, goto: null};
	}

	if (key === 'enter') {
		return typed === '' ? {...state, goto: null} : {...state, goto: null, example: clamp(Number(typed), counts.examples)};
	}

	if (key === 'backspace') {
		return {...state, goto: typed.slice(0, -1)};
	}

	// A digit that would take the index past the last example is not taken.
	return /^\d$/.test(key) && Number(typed + key) < counts.examples ? {...state, goto: typed + key} : state;
}

function applySavePathKey(state: UiState, key: string): UiState {
	const typed = state.savePrompt ?? '';
	if (key === 'escape') {
		return {...state, savePrompt: null};
	}

	if (key === 'backspace') {
		return {...state, savePrompt: typed.slice(0, -1)};
	}

	// One printable character (key names of other keys are words such as 'left' or 'ctrl+u').
	return [...key].length === 1 && key >= ' ' && typed.length < 4096 ? {...state, savePrompt: typed + key} : state;
}
