/**
 * The UI state and its reducer: tagged-union actions, an exhaustive switch, no side effects. What can
 * be derived (layout, predictions, pages) is computed where it is needed instead of stored.
 */
import {type Command, commandFor} from './key-map.js';
import {isText} from './keystrokes.js';
import {computeLayout, type Size} from './layout.js';
import {type TileLayout, tileLayout} from './tile-layout.js';

export type TabId = 'examples' | 'weights' | 'maps' | 'confusion';
/** The tabs in order, each with the command that jumps to it. */
export const tabs: ReadonlyArray<{id: TabId; title: string; command: Command}> = [
	{id: 'examples', title: 'Examples', command: 'tab1'},
	{id: 'weights', title: 'Weights', command: 'tab2'},
	{id: 'maps', title: 'Generalized images', command: 'tab3'},
	{id: 'confusion', title: 'Confusion', command: 'tab4'},
];

/** The epoch the views show: a completed epoch (0 = the untrained network), or 'live' (the weights training has now). */
export type ShownEpoch = number | 'live';

/** Where the confusion tab is: the cursor cell (row = true class, column = predicted) and its listed images. */
export type ConfusionCursor = {
	readonly row: number;
	readonly col: number;
	/** The cell's test images are listed, and the arrows move over them. */
	readonly open: boolean;
	/** The selected image in the list. */
	readonly item: number;
};

export type UiState = {
	readonly tab: TabId;
	readonly focus: 'tabs' | 'content';
	readonly help: boolean;
	/** Training pane shown (true), hidden (false), or as the width decides (undefined). */
	readonly paneOpen: boolean | undefined;
	readonly size: Size;
	readonly example: number;
	/** The line being typed (an index after `g`, a file name after `s`), or null. */
	readonly prompt: Prompt | null;
	/** `q` was pressed with epochs not saved: the status line asks, and `q` again quits. */
	readonly quitAsked: boolean;
	readonly tile: number;
	readonly map: number;
	readonly sharedScale: boolean;
	readonly untrained: boolean;
	/** Show what training changed (trained minus untrained) in place of the trained weights. */
	readonly change: boolean;
	readonly shownEpoch: ShownEpoch;
	readonly confusion: ConfusionCursor;
};

export type Prompt = {
	readonly kind: 'goto' | 'save';
	readonly text: string;
	/** The text is a suggestion, shown selected: the first character typed replaces it. */
	readonly selected: boolean;
};

/** The longest line a prompt takes: an index of 20 digits, a file name of 4096 characters. */
export const promptLimit: Record<Prompt['kind'], number> = {goto: 20, save: 4096};

/** How many things each tab has, and the image size: what moving a selection needs to know. */
export type Counts = {
	readonly examples: number;
	readonly neurons: number;
	readonly classes: number;
	readonly imageRows: number;
	readonly imageCols: number;
	/** Test images in the confusion cursor's cell. */
	readonly cellItems: number;
	/** Thumbnails a row and a page in the confusion tab's list. */
	readonly listPerRow: number;
	readonly listPerPage: number;
	/** The network shown is untrained: the generalized-images tab shows its maps once, not trained and untrained. */
	readonly untrainedNetwork?: boolean;
};

export type Action =
	| {readonly type: 'resize'; readonly size: Size}
	| {readonly type: 'command'; readonly command: Command; readonly counts: Counts}
	| {readonly type: 'selectExample'; readonly index: number; readonly counts: Counts}
	/** Open an example in the examples tab (from the confusion tab's list): the tab and the example. */
	| {readonly type: 'openExample'; readonly index: number; readonly counts: Counts}
	| {readonly type: 'showEpoch'; readonly epoch: ShownEpoch}
	/** Ask for a file to save to, `suggestion` offered (selected). `g` opens the index prompt as a command. */
	| {readonly type: 'askSavePath'; readonly suggestion: string}
	/** A key typed at the open prompt (Enter is the app's to carry out: it closes the prompt with closePrompt). */
	| {readonly type: 'promptKey'; readonly key: string}
	| {readonly type: 'closePrompt'}
	| {readonly type: 'askQuit'}
	/** Any key but quit after askQuit: the question is withdrawn. */
	| {readonly type: 'keepRunning'};

export function initialState(size: Size): UiState {
	return {
		tab: 'examples', focus: 'tabs', help: false, paneOpen: undefined, size,
		example: 0, prompt: null, quitAsked: false, tile: 0, map: 0, sharedScale: false, untrained: false, change: false,
		shownEpoch: 'live', confusion: {row: 0, col: 0, open: false, item: 0},
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

		case 'openExample': {
			return {...state, tab: 'examples', focus: 'content', example: clamp(action.index, action.counts.examples)};
		}

		case 'showEpoch': {
			return state.shownEpoch === action.epoch ? state : {...state, shownEpoch: action.epoch};
		}

		case 'askSavePath': {
			return {...state, prompt: {kind: 'save', text: action.suggestion, selected: true}};
		}

		case 'promptKey': {
			const prompt = state.prompt === null ? null : editPrompt(state.prompt, action.key);
			return prompt === state.prompt ? state : {...state, prompt};
		}

		case 'closePrompt': {
			return {...state, prompt: null};
		}

		case 'askQuit': {
			// The question is on the status line, which help and the save prompt cover: both close.
			return {...state, quitAsked: true, help: false, prompt: null};
		}

		case 'keepRunning': {
			return state.quitAsked ? {...state, quitAsked: false} : state;
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
		case 'tab3':
		case 'tab4': {
			return {...state, tab: tabs.find(t => t.command === command)!.id};
		}

		case 'help': {
			return {...state, help: !state.help};
		}

		case 'back': {
			if (state.help) {
				return {...state, help: false};
			}

			if (state.tab === 'confusion' && state.confusion.open) {
				return {...state, confusion: {...state.confusion, open: false}};
			}

			return {...state, focus: 'tabs'};
		}

		case 'enter': {
			return {...state, focus: 'content'};
		}

		case 'goto': {
			return {...state, prompt: {kind: 'goto', text: '', selected: false}};
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
		case 'previousWrong':
		case 'epochBack':
		case 'epochForward':
		case 'epochFirst':
		case 'epochLatest': {
			return state;
		}

		case 'select': {
			// Enter on a cell lists its images; Enter on a listed image is the app's (it opens the example).
			if (state.tab === 'confusion' && !state.confusion.open && counts.cellItems > 0) {
				return {...state, confusion: {...state.confusion, open: true, item: 0}};
			}

			return state;
		}

		// Prompt keys go to editPrompt.
		case 'accept':
		case 'cancel':
		case 'deleteBack':
		case 'clearLine':
		case 'deleteWord': {
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

	if (state.tab === 'confusion') {
		return moveInConfusion(state, direction, counts);
	}

	const grid = tileGridOf(state, counts);
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

/** The tile grid of the weights or generalized-images tab at this size (tileLayout, as the tab draws it). */
export function tileGridOf(state: Pick<UiState, 'size' | 'paneOpen' | 'tab'>, counts: Counts): TileLayout {
	const image = {rows: counts.imageRows, cols: counts.imageCols};
	const {contentWidth, contentHeight} = computeLayout(state.size, state.paneOpen, image);
	const maps = state.tab === 'maps';
	return tileLayout({width: contentWidth, height: contentHeight, count: maps ? counts.classes : counts.neurons, twoSets: maps && counts.untrainedNetwork !== true, image});
}

/** Arrows over the matrix's cells, or over the listed images of the open cell. */
function moveInConfusion(state: UiState, direction: Move, counts: Counts): UiState {
	const {confusion} = state;
	if (confusion.open) {
		const steps: Record<Move, number> = {
			left: -1, right: 1, up: -counts.listPerRow, down: counts.listPerRow,
			pageUp: -counts.listPerPage, pageDown: counts.listPerPage, first: -Infinity, last: Infinity,
		};
		return {...state, confusion: {...confusion, item: clamp(confusion.item + steps[direction], counts.cellItems)}};
	}

	const last = counts.classes - 1;
	switch (direction) {
		case 'left':
		case 'right': {
			return {...state, confusion: {...confusion, col: clamp(confusion.col + (direction === 'left' ? -1 : 1), counts.classes)}};
		}

		case 'up': {
			// Up from the first row goes back to the tab bar, as in the other tabs.
			return confusion.row === 0 ? {...state, focus: 'tabs'} : {...state, confusion: {...confusion, row: confusion.row - 1}};
		}

		case 'down': {
			return {...state, confusion: {...confusion, row: clamp(confusion.row + 1, counts.classes)}};
		}

		case 'pageUp':
		case 'first': {
			return {...state, confusion: {...confusion, row: 0, col: direction === 'first' ? 0 : confusion.col}};
		}

		case 'pageDown':
		case 'last': {
			return {...state, confusion: {...confusion, row: last, col: direction === 'last' ? last : confusion.col}};
		}
	}
}

/**
 * A key at a prompt, as in a shell: Backspace deletes a character (a selected suggestion as a whole),
 * Ctrl-U the line, Ctrl-W the last word (of a path: back to a '/'), Esc closes the prompt; a
 * character is typed, replacing a selected suggestion; the index prompt takes digits only. Control
 * keys and escape sequences never become text. Returns null when the prompt closes.
 */
function editPrompt(prompt: Prompt, key: string): Prompt | null {
	const {text, selected} = prompt;
	switch (commandFor(key, ['in a prompt'])) {
		case 'cancel': {
			return null;
		}

		case 'deleteBack': {
			return {...prompt, text: selected ? '' : [...text].slice(0, -1).join(''), selected: false};
		}

		case 'clearLine': {
			return {...prompt, text: '', selected: false};
		}

		case 'deleteWord': {
			return {...prompt, text: selected ? '' : text.replace(/[^\s/]*[\s/]*$/, ''), selected: false};
		}

		default: {
			break;
		}
	}

	const typed = isText(key) && (prompt.kind === 'save' || /^\d$/.test(key));
	if (!typed) {
		// Another key (an arrow, End) keeps the suggestion for more typing at its end.
		return selected ? {...prompt, selected: false} : prompt;
	}

	const next = selected ? key : text + key;
	return [...next].length > promptLimit[prompt.kind] ? prompt : {...prompt, text: next, selected: false};
}
