/**
 * The UI state and its reducer: tagged-union actions, an exhaustive switch, no side effects. What can
 * be derived (layout, predictions, pages) is computed where it is needed instead of stored.
 */
import type {AttributionKind} from '../nn/explain.js';
import {
	blankCanvas, type BrushSize, type CanvasImage, nextBrushSize, type Point, pixelCentre, stroke, type StrokeMode,
} from './canvas.js';
import {type Command, commandFor} from './key-map.js';
import {isText} from './keystrokes.js';
import {computeLayout, type Size} from './layout.js';
import {type TileLayout, tileLayout} from './tile-layout.js';

export type TabId = 'examples' | 'weights' | 'maps' | 'confusion' | 'draw';
/** The tabs in order, each with the command that jumps to it. */
export const tabs: ReadonlyArray<{id: TabId; title: string; command: Command}> = [
	{id: 'examples', title: 'Examples', command: 'tab1'},
	{id: 'weights', title: 'Weights', command: 'tab2'},
	{id: 'maps', title: 'Generalized images', command: 'tab3'},
	{id: 'confusion', title: 'Confusion', command: 'tab4'},
	{id: 'draw', title: 'Draw', command: 'tab5'},
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

/** The draw tab: the canvas, the brush and how it is moving. */
export type DrawState = {
	readonly canvas: CanvasImage;
	/** The pixel the keyboard's brush is on (the mouse moves it too). */
	readonly cursor: {readonly x: number; readonly y: number};
	readonly brush: BrushSize;
	/** Space puts the pen down to paint as the arrows move, x to erase; up, the arrows only move. */
	readonly pen: 'up' | StrokeMode;
	/** A mouse stroke under way: its last point and what its button does; null with no button held. */
	readonly drag: {readonly point: Point; readonly mode: StrokeMode} | null;
	/** The canvas holds test example n as copied, untouched (its true class is known); null once drawn on. */
	readonly copiedFrom: number | null;
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
	/** Which attribution maps the examples and draw tabs show: gradient x input (the default) or the plain gradient. */
	readonly attribution: AttributionKind;
	/** The generalized-images tab shows each class's model (gradient ascent) in the untrained maps' place. */
	readonly classModels: boolean;
	readonly draw: DrawState;
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
	/** The generalized-images tab's second set: the untrained maps or the class models (u while both sets show). */
	| {readonly type: 'toggleClassModels'}
	/** Ask for a file to save to, `suggestion` offered (selected). `g` opens the index prompt as a command. */
	| {readonly type: 'askSavePath'; readonly suggestion: string}
	/** A key typed at the open prompt (Enter is the app's to carry out: it closes the prompt with closePrompt). */
	| {readonly type: 'promptKey'; readonly key: string}
	| {readonly type: 'closePrompt'}
	| {readonly type: 'askQuit'}
	/** Any key but quit after askQuit: the question is withdrawn. */
	| {readonly type: 'keepRunning'}
	/**
	 * The mouse on the canvas: a press starts a stroke (paint or erase) at `point`, a drag continues it
	 * from the last point, a release ends it. The point is in canvas pixels (see canvas.ts).
	 */
	| {readonly type: 'pointer'; readonly kind: 'press' | 'drag' | 'release'; readonly point: Point; readonly mode: StrokeMode}
	/** Put a test image on the canvas (`e`): the image and its index. */
	| {readonly type: 'copyImage'; readonly image: CanvasImage; readonly index: number};

export function initialDraw(image: {rows: number; cols: number} = {rows: 28, cols: 28}): DrawState {
	return {
		canvas: blankCanvas(image.rows, image.cols), cursor: {x: Math.floor(image.cols / 2), y: Math.floor(image.rows / 2)},
		brush: 2, pen: 'up', drag: null, copiedFrom: null,
	};
}

/** The state a session starts in; `image` is the dataset's image size (the canvas's). */
export function initialState(size: Size, image?: {rows: number; cols: number}): UiState {
	return {
		tab: 'examples', focus: 'tabs', help: false, paneOpen: undefined, size,
		example: 0, prompt: null, quitAsked: false, tile: 0, map: 0, sharedScale: false, untrained: false, change: false,
		shownEpoch: 'live', confusion: {row: 0, col: 0, open: false, item: 0}, attribution: 'gradient-times-input', classModels: false, draw: initialDraw(image),
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

		case 'toggleClassModels': {
			return {...state, classModels: !state.classModels};
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

		case 'pointer': {
			return {...state, focus: 'content', draw: pointer(state.draw, action)};
		}

		case 'copyImage': {
			return {...state, draw: {...state.draw, canvas: action.image, pen: 'up', drag: null, copiedFrom: action.index}};
		}
	}
}

/** A mouse press, drag or release on the canvas; the keyboard's brush follows the pointer. */
function pointer(draw: DrawState, {kind, point, mode}: {kind: 'press' | 'drag' | 'release'; point: Point; mode: StrokeMode}): DrawState {
	const cursor = {x: Math.min(draw.canvas.cols - 1, Math.floor(point.x)), y: Math.min(draw.canvas.rows - 1, Math.floor(point.y))};
	switch (kind) {
		case 'press': {
			return {...draw, cursor, canvas: stroke(draw.canvas, point, point, draw.brush, mode), drag: {point, mode}, copiedFrom: null};
		}

		case 'drag': {
			// A drag whose press was not seen (it began off the canvas) starts here.
			const from = draw.drag?.point ?? point;
			const strokeMode = draw.drag?.mode ?? mode;
			return {...draw, cursor, canvas: stroke(draw.canvas, from, point, draw.brush, strokeMode), drag: {point, mode: strokeMode}, copiedFrom: null};
		}

		case 'release': {
			return draw.drag === null ? draw : {...draw, drag: null};
		}
	}
}

/** The draw tab's own keys: the pen and the eraser (down with a dot at the brush, or up), clearing, the brush size. */
function drawCommand(draw: DrawState, command: 'penPaint' | 'penErase' | 'clearCanvas' | 'brushSize'): DrawState {
	switch (command) {
		case 'penPaint':
		case 'penErase': {
			const mode: StrokeMode = command === 'penPaint' ? 'paint' : 'erase';
			if (draw.pen === mode) {
				return {...draw, pen: 'up'};
			}

			const at = pixelCentre(draw.cursor.x, draw.cursor.y);
			return {...draw, pen: mode, canvas: stroke(draw.canvas, at, at, draw.brush, mode), copiedFrom: null};
		}

		case 'clearCanvas': {
			return {...draw, canvas: blankCanvas(draw.canvas.rows, draw.canvas.cols), pen: 'up', drag: null, copiedFrom: null};
		}

		case 'brushSize': {
			return {...draw, brush: nextBrushSize(draw.brush)};
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
		case 'tab4':
		case 'tab5': {
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

		case 'toggleAttribution': {
			return {...state, attribution: state.attribution === 'gradient' ? 'gradient-times-input' : 'gradient'};
		}

		case 'penPaint':
		case 'penErase':
		case 'clearCanvas':
		case 'brushSize': {
			return {...state, draw: drawCommand(state.draw, command)};
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
		case 'epochLatest':
		case 'copyExample': {
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

	if (state.tab === 'draw') {
		return moveBrush(state, direction);
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

/**
 * The arrows move the brush a pixel (PgUp / PgDn 7 rows, Home / End to the row's ends); with the pen
 * or the eraser down, the way from the old place to the new is painted or erased. Up from the top row
 * goes back to the tab bar, as in the other tabs.
 */
function moveBrush(state: UiState, direction: Move): UiState {
	const {draw} = state;
	const {rows, cols} = draw.canvas;
	const {x, y} = draw.cursor;
	if (direction === 'up' && y === 0) {
		return {...state, focus: 'tabs'};
	}

	const targets: Record<Move, {x: number; y: number}> = {
		left: {x: x - 1, y}, right: {x: x + 1, y}, up: {x, y: y - 1}, down: {x, y: y + 1},
		pageUp: {x, y: y - 7}, pageDown: {x, y: y + 7}, first: {x: 0, y}, last: {x: cols - 1, y},
	};
	const cursor = {x: clamp(targets[direction].x, cols), y: clamp(targets[direction].y, rows)};
	if (cursor.x === x && cursor.y === y) {
		return state;
	}

	const canvas = draw.pen === 'up' ? draw.canvas : stroke(draw.canvas, pixelCentre(x, y), pixelCentre(cursor.x, cursor.y), draw.brush, draw.pen);
	return {...state, draw: {...draw, cursor, canvas, copiedFrom: draw.pen === 'up' ? draw.copiedFrom : null}};
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
