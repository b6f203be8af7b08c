import {describe, expect, it} from 'vitest';
import {activeScopes, type Command, commandFor} from '../../src/app/key-map.js';
import {computeLayout, type Size} from '../../src/app/layout.js';
import {type Counts, initialState, reducer, tileGridOf, type UiState} from '../../src/app/state.js';

const counts: Counts = {examples: 250, neurons: 30, classes: 10, imageRows: 28, imageCols: 28, cellItems: 23, listPerRow: 5, listPerPage: 10};
const size80: Size = {columns: 80, rows: 24};
const size120: Size = {columns: 120, rows: 40};
const size200: Size = {columns: 200, rows: 60};

function command(state: UiState, name: Command): UiState {
	return reducer(state, {type: 'command', command: name, counts});
}

function commands(state: UiState, names: readonly Command[]): UiState {
	return names.reduce(command, state);
}

/** A key press as the app turns it into a command: through the key map, in the scopes of the focus. */
function press(state: UiState, key: string): UiState {
	const name = commandFor(key, activeScopes(state.focus, state.tab));
	if (name === undefined) {
		throw new Error(`no command for ${key} with focus ${state.focus} in ${state.tab}`);
	}

	return command(state, name);
}

/** Keys typed at the open prompt (Enter is the app's: see use-commands). */
function type(state: UiState, keys: readonly string[]): UiState {
	return keys.reduce((s, key) => reducer(s, {type: 'promptKey', key}), state);
}

function at(size: Size, changes: Partial<UiState> = {}): UiState {
	return {...initialState(size), ...changes};
}

describe('initial state', () => {
	it('starts on the examples tab with the tab bar focused, at the first example, help closed', () => {
		const state = initialState(size120);
		expect(state).toMatchObject({tab: 'examples', focus: 'tabs', help: false, example: 0, tile: 0, map: 0, prompt: null, quitAsked: false, paneOpen: undefined});
		expect(state.size).toEqual(size120);
	});
});

describe('switching tabs', () => {
	it('goes to the next tab on Tab and wraps from the last to the first', () => {
		const state = at(size120);
		expect(press(state, 'tab').tab).toBe('weights');
		expect(press(press(state, 'tab'), 'tab').tab).toBe('maps');
		expect(press(press(press(state, 'tab'), 'tab'), 'tab').tab).toBe('confusion');
		expect(press(press(press(press(state, 'tab'), 'tab'), 'tab'), 'tab').tab).toBe('draw');
		expect(press(press(press(press(press(state, 'tab'), 'tab'), 'tab'), 'tab'), 'tab').tab).toBe('examples');
	});

	it('goes to the previous tab on Shift-Tab and wraps from the first to the last', () => {
		const state = at(size120);
		expect(press(state, 'shift+tab').tab).toBe('draw');
		expect(press(press(state, 'shift+tab'), 'shift+tab').tab).toBe('confusion');
	});

	it('switches with Tab and Shift-Tab while a tab has the focus too, keeping the focus in the content', () => {
		const state = at(size120, {focus: 'content'});
		expect(press(state, 'tab')).toMatchObject({tab: 'weights', focus: 'content'});
		expect(press(state, 'shift+tab')).toMatchObject({tab: 'draw', focus: 'content'});
	});

	it('jumps to a tab with 1, 2, 3, 4 and 5 from any tab', () => {
		for (const tab of ['examples', 'weights', 'maps', 'confusion', 'draw'] as const) {
			const state = at(size120, {tab});
			expect(press(state, '1').tab).toBe('examples');
			expect(press(state, '2').tab).toBe('weights');
			expect(press(state, '3').tab).toBe('maps');
			expect(press(state, '4').tab).toBe('confusion');
			expect(press(state, '5').tab).toBe('draw');
		}
	});

	it('switches tabs with Left and Right (and h, l) while the tab bar has the focus, wrapping at both ends', () => {
		const state = at(size120);
		expect(press(state, 'right').tab).toBe('weights');
		expect(press(state, 'l').tab).toBe('weights');
		expect(press(state, 'left').tab).toBe('draw');
		expect(press(state, 'h').tab).toBe('draw');
		expect(press(at(size120, {tab: 'draw'}), 'right').tab).toBe('examples');
	});

	it('leaves the selections alone when Left and Right switch tabs on the tab bar', () => {
		const state = at(size120, {example: 5, tile: 3, map: 2});
		expect(press(state, 'right')).toMatchObject({example: 5, tile: 3, map: 2});
	});

	it('moves the selection with Left and Right inside a tab instead of switching tabs', () => {
		const examples = at(size120, {focus: 'content', example: 5});
		expect(press(examples, 'right')).toMatchObject({tab: 'examples', example: 6});
		expect(press(examples, 'left')).toMatchObject({tab: 'examples', example: 4});
		const weights = at(size120, {tab: 'weights', focus: 'content', tile: 4});
		expect(press(weights, 'right')).toMatchObject({tab: 'weights', tile: 5});
		expect(press(weights, 'l')).toMatchObject({tab: 'weights', tile: 5});
		expect(press(weights, 'left')).toMatchObject({tab: 'weights', tile: 3});
		const maps = at(size120, {tab: 'maps', focus: 'content', map: 4});
		expect(press(maps, 'right')).toMatchObject({tab: 'maps', map: 5});
		expect(press(maps, 'h')).toMatchObject({tab: 'maps', map: 3});
	});
});

describe('focus', () => {
	it('gives the focus to the tab content on Enter, Down or j from the tab bar', () => {
		for (const key of ['enter', 'down', 'j']) {
			expect(press(at(size120), key)).toMatchObject({focus: 'content', tab: 'examples', example: 0});
		}
	});

	it('returns the focus to the tab bar on Esc', () => {
		expect(press(at(size120, {focus: 'content', tab: 'weights'}), 'escape')).toMatchObject({focus: 'tabs', tab: 'weights'});
	});

	it('leaves the focus on the tab bar on Esc when it is already there', () => {
		expect(press(at(size120), 'escape').focus).toBe('tabs');
	});

	it('opens help on ? and closes it on ? again', () => {
		const open = press(at(size120), '?');
		expect(open.help).toBe(true);
		expect(command(open, 'help').help).toBe(false);
	});

	it('closes help on Esc without moving the focus', () => {
		const open = command(at(size120, {focus: 'content'}), 'help');
		const closed = press(open, 'escape');
		expect(closed).toMatchObject({help: false, focus: 'content'});
	});
});

describe('moving through examples', () => {
	const inside = (example: number): UiState => at(size120, {focus: 'content', example});

	it('moves by one on Left and Right, by ten on Up and Down, by a hundred on PgUp and PgDn', () => {
		expect(press(inside(120), 'right').example).toBe(121);
		expect(press(inside(120), 'left').example).toBe(119);
		expect(press(inside(120), 'down').example).toBe(130);
		expect(press(inside(120), 'j').example).toBe(130);
		expect(press(inside(120), 'up').example).toBe(110);
		expect(press(inside(120), 'k').example).toBe(110);
		expect(press(inside(120), 'pagedown').example).toBe(220);
		expect(press(inside(120), 'pageup').example).toBe(20);
	});

	it('goes to the first example on Home and the last on End', () => {
		expect(press(inside(120), 'home').example).toBe(0);
		expect(press(inside(120), 'end').example).toBe(249);
	});

	it('stops at the first example', () => {
		for (const key of ['left', 'up', 'pageup', 'home']) {
			expect(press(inside(0), key).example).toBe(0);
		}

		expect(press(inside(5), 'up').example).toBe(0);
		expect(press(inside(50), 'pageup').example).toBe(0);
	});

	it('stops at the last example', () => {
		for (const key of ['right', 'down', 'pagedown', 'end']) {
			expect(press(inside(249), key).example).toBe(249);
		}

		expect(press(inside(245), 'down').example).toBe(249);
		expect(press(inside(200), 'pagedown').example).toBe(249);
	});

	it('keeps the focus inside the tab on Up from the first examples', () => {
		expect(press(inside(3), 'up')).toMatchObject({focus: 'content', example: 0});
	});

	it('selects an example by index, clamped to the test set', () => {
		const select = (index: number): number => reducer(inside(10), {type: 'selectExample', index, counts}).example;
		expect(select(42)).toBe(42);
		expect(select(-3)).toBe(0);
		expect(select(1000)).toBe(249);
	});
});

describe('moving through the weight tiles', () => {
	const inside = (size: Size, tile: number): UiState => at(size, {tab: 'weights', focus: 'content', tile});

	it('moves by a row and a page of the grid at 120x40 (all 30 neurons on one page, 6 a row)', () => {
		const grid = tileGridOf(inside(size120, 0), counts);
		expect([grid.perRow, grid.perPage]).toEqual([6, 30]);
		expect(press(inside(size120, 8), 'down').tile).toBe(14);
		expect(press(inside(size120, 8), 'up').tile).toBe(2);
		expect(press(inside(size120, 4), 'pagedown').tile).toBe(29);
		expect(press(inside(size120, 10), 'pageup').tile).toBe(0);
		expect(press(inside(size120, 4), 'right').tile).toBe(5);
		expect(press(inside(size120, 4), 'left').tile).toBe(3);
	});

	it('moves by a row and a page of the grid at 80x24 (5 tiles a row, 15 a page)', () => {
		const grid = tileGridOf(inside(size80, 0), counts);
		expect([grid.perRow, grid.perPage]).toEqual([5, 15]);
		expect(press(inside(size80, 4), 'down').tile).toBe(9);
		expect(press(inside(size80, 9), 'up').tile).toBe(4);
		expect(press(inside(size80, 4), 'pagedown').tile).toBe(19);
		expect(press(inside(size80, 19), 'pageup').tile).toBe(4);
	});

	it('moves by a row of the grid beside the dashboard at 200x60 (5 a row, all 30 on a page)', () => {
		expect(tileGridOf(inside(size200, 0), counts).perPage).toBeGreaterThanOrEqual(30);
		expect(press(inside(size200, 4), 'down').tile).toBe(9);
		expect(press(inside(size200, 4), 'pagedown').tile).toBe(29);
	});

	it('uses the grid of the new size after a resize', () => {
		const resized = reducer(inside(size80, 4), {type: 'resize', size: size120});
		expect(resized.size).toEqual(size120);
		expect(press(resized, 'down').tile).toBe(10);
	});

	it('goes to the first and last tile on Home and End, and stops at the last tile', () => {
		expect(press(inside(size120, 13), 'home').tile).toBe(0);
		expect(press(inside(size120, 13), 'end').tile).toBe(29);
		expect(press(inside(size120, 28), 'down').tile).toBe(29);
		expect(press(inside(size120, 29), 'right').tile).toBe(29);
		expect(press(inside(size120, 27), 'pagedown').tile).toBe(29);
	});

	it('returns to the tab bar on Up from the first row of tiles, keeping the tile', () => {
		for (const tile of [0, 1, 5]) {
			expect(press(inside(size120, tile), 'up')).toMatchObject({focus: 'tabs', tile, tab: 'weights'});
		}

		expect(press(inside(size120, 6), 'up')).toMatchObject({focus: 'content', tile: 0});
	});

	it('stops at tile 0 on Left and PgUp without leaving the tab', () => {
		expect(press(inside(size120, 0), 'left')).toMatchObject({focus: 'content', tile: 0});
		expect(press(inside(size120, 2), 'pageup')).toMatchObject({focus: 'content', tile: 0});
	});

	it('moves through class maps in the generalized-images tab, stopping at the last class', () => {
		const maps = (map: number): UiState => at(size120, {tab: 'maps', focus: 'content', map});
		// Trained and untrained sets of 5 a row at 120x40.
		expect(tileGridOf(maps(0), counts)).toMatchObject({perRow: 5, twoSets: true});
		expect(press(maps(4), 'down').map).toBe(9);
		expect(press(maps(8), 'down').map).toBe(9);
		expect(press(maps(4), 'end').map).toBe(9);
		expect(press(maps(1), 'up')).toMatchObject({focus: 'tabs', map: 1});
		expect(press(maps(6), 'up')).toMatchObject({focus: 'content', map: 1});
	});

	it('lays out one set of class maps for an untrained network, as the tab draws it', () => {
		const maps = at(size120, {tab: 'maps', focus: 'content', map: 0});
		expect(tileGridOf(maps, {...counts, untrainedNetwork: true}).twoSets).toBe(false);
		expect(tileGridOf(maps, {...counts, untrainedNetwork: false}).twoSets).toBe(true);
	});

	it('moves the tile of the weights tab only, not the example or the class map', () => {
		const moved = press(at(size120, {tab: 'weights', focus: 'content', tile: 1, example: 7, map: 3}), 'right');
		expect(moved).toMatchObject({tile: 2, example: 7, map: 3});
	});
});

describe('the g index prompt', () => {
	const prompt = (): UiState => press(at(size120, {focus: 'content', example: 17}), 'g');
	const typed = (keys: readonly string[]): string | undefined => type(prompt(), keys).prompt?.text;

	it('opens an empty prompt on g', () => {
		expect(prompt().prompt).toEqual({kind: 'goto', text: '', selected: false});
	});

	it('collects digits and drops the last on Backspace', () => {
		expect(typed(['1', '2', '3'])).toBe('123');
		expect(typed(['1', '2', '3', 'backspace'])).toBe('12');
		expect(typed(['backspace'])).toBe('');
	});

	it('ignores keys that are not digits', () => {
		expect(typed(['4', 'x', 'q', 'left', '-', '2'])).toBe('42');
	});

	it('keeps the digits as typed, even past the last example (the app says there is no such example)', () => {
		expect(typed(['9', '9', '9', '9'])).toBe('9999');
		expect(typed(['5', '0', '0', '0'])).toBe('5000');
		expect(typed([...'1234567890'.repeat(2)])).toBe('1234567890'.repeat(2));
		expect(typed([...'1234567890'.repeat(2), '1', '2'])).toBe('1234567890'.repeat(2));
	});

	it('clears the line on Ctrl-U', () => {
		expect(typed(['4', '2', 'ctrl+u', '7'])).toBe('7');
	});

	it('cancels on Esc, keeping the example', () => {
		expect(type(prompt(), ['4', '2', 'escape'])).toMatchObject({prompt: null, example: 17});
	});
});

describe('toggles', () => {
	it('folds the dashboard that the width shows (200 columns) into the strip and shows it again', () => {
		const state = at(size200);
		expect(computeLayout(state.size, state.paneOpen, {rows: 28, cols: 28}).pane).toBe(true);
		const hidden = command(state, 'togglePane');
		expect(hidden.paneOpen).toBe(false);
		expect(computeLayout(hidden.size, hidden.paneOpen, {rows: 28, cols: 28}).pane).toBe(false);
		expect(command(hidden, 'togglePane').paneOpen).toBe(true);
	});

	it('shows the dashboard that the width folds (80 columns) and folds it again', () => {
		const shown = command(at(size80), 'togglePane');
		expect(shown.paneOpen).toBe(true);
		expect(computeLayout(shown.size, shown.paneOpen, {rows: 28, cols: 28}).pane).toBe(true);
		expect(command(shown, 'togglePane').paneOpen).toBe(false);
	});

	it('flips trained/untrained and the shared colour scale, each on its own', () => {
		const state = at(size120, {tab: 'weights', focus: 'content'});
		expect(press(state, 'u')).toMatchObject({untrained: true, sharedScale: false});
		expect(press(press(state, 'u'), 'u').untrained).toBe(false);
		expect(press(state, 'a')).toMatchObject({sharedScale: true, untrained: false});
		expect(press(press(state, 'a'), 'a').sharedScale).toBe(false);
	});

	it('flips between the trained weights and what training changed on d, in both image tabs', () => {
		const weights = at(size120, {tab: 'weights', focus: 'content'});
		expect(press(weights, 'd')).toMatchObject({change: true, untrained: false});
		expect(press(press(weights, 'd'), 'd').change).toBe(false);
		expect(press(at(size120, {tab: 'maps', focus: 'content'}), 'd').change).toBe(true);
	});

	it('flips trained/untrained from the generalized-images tab too', () => {
		expect(press(at(size120, {tab: 'maps', focus: 'content'}), 'u').untrained).toBe(true);
	});

	it('leaves the state as it is for commands the app carries out (quit, training, saving, misclassified)', () => {
		const state = at(size120, {focus: 'content', example: 9});
		for (const name of ['quit', 'toggleTraining', 'save', 'nextWrong', 'previousWrong'] as const) {
			expect(command(state, name)).toBe(state);
		}
	});

	it('changes nothing but the focus when going into a tab and back', () => {
		const state = at(size120, {example: 33});
		expect(commands(state, ['enter', 'back'])).toEqual(state);
	});
});

describe('the save prompt', () => {
	const open = (): UiState => reducer(initialState({columns: 120, rows: 40}), {type: 'askSavePath', suggestion: 'model.safetensors'});
	const typed = (keys: readonly string[]): string | undefined => type(open(), keys).prompt?.text;

	it('opens with the suggested name, selected', () => {
		expect(initialState({columns: 120, rows: 40}).prompt).toBeNull();
		expect(open().prompt).toEqual({kind: 'save', text: 'model.safetensors', selected: true});
	});

	it('replaces the selected suggestion with the first character typed', () => {
		expect(typed([...'saved1.safetensors'])).toBe('saved1.safetensors');
		expect(type(open(), ['x']).prompt?.selected).toBe(false);
	});

	it('clears the selected suggestion on Backspace, then deletes one character a press', () => {
		expect(typed(['backspace'])).toBe('');
		expect(typed(['a', 'b', 'c', 'backspace', 'backspace'])).toBe('a');
	});

	it('keeps the suggestion for more typing after another key (End, an arrow)', () => {
		expect(typed(['end', '2'])).toBe('model.safetensors2');
		expect(typed(['right', 'backspace'])).toBe('model.safetensor');
	});

	it('clears the line on Ctrl-U and deletes the last word or path part on Ctrl-W, as a shell does', () => {
		expect(typed(['end', 'ctrl+u'])).toBe('');
		expect(typed([...'runs/m.st', 'ctrl+w'])).toBe('runs/');
		expect(typed([...'runs/m.st', 'ctrl+w', 'ctrl+w'])).toBe('');
		expect(typed([...'a b', 'ctrl+w'])).toBe('a ');
	});

	it('takes printable characters, spaces included; never a control character or the name of another key', () => {
		expect(typed(['x', ' ', '/', '~', 'é'])).toBe('x /~é');
		expect(typed(['end', 'left', 'pageup', 'tab', 'ctrl+a', 'f5', '\u007F', '\u001B', '\u0085', '\u202E', 'meta+x', ''])).toBe('model.safetensors');
	});

	it('closes on Esc, or when the app has taken the name', () => {
		expect(type(open(), ['escape']).prompt).toBeNull();
		expect(reducer(open(), {type: 'closePrompt'}).prompt).toBeNull();
	});
});

describe('asking before quitting', () => {
	it('asks (closing help, which would hide the question) and withdraws the question on another key', () => {
		const asked = reducer(at(size120, {help: true}), {type: 'askQuit'});
		expect(asked).toMatchObject({quitAsked: true, help: false});
		expect(reducer(asked, {type: 'keepRunning'}).quitAsked).toBe(false);
		const state = at(size120);
		expect(reducer(state, {type: 'keepRunning'})).toBe(state);
	});

	it('closes an open prompt when it asks: the save prompt would hide the question', () => {
		const asked = reducer(at(size120, {prompt: {kind: 'save', text: 'm', selected: false}}), {type: 'askQuit'});
		expect(asked).toMatchObject({quitAsked: true, prompt: null});
	});
});

describe('the draw tab', () => {
	const inDraw = (): UiState => at(size120, {tab: 'draw', focus: 'content'});
	const ink = (state: UiState, x: number, y: number): number => state.draw.canvas.pixels[(y * state.draw.canvas.cols) + x];
	const total = (state: UiState): number => state.draw.canvas.pixels.reduce((a, b) => a + b, 0);

	it('starts with a blank 28x28 canvas, the brush in the middle, size 2, the pen up', () => {
		const {draw} = initialState(size120);
		expect(draw.canvas.pixels).toHaveLength(784);
		expect(draw.canvas.pixels.every(v => v === 0)).toBe(true);
		expect(draw).toMatchObject({cursor: {x: 14, y: 14}, brush: 2, pen: 'up', drag: null, copiedFrom: null});
		expect(initialState(size120).attribution).toBe('gradient-times-input');
	});

	it('moves the brush with the arrows without painting while the pen is up', () => {
		const state = commands(inDraw(), ['right', 'right', 'down']);
		expect(state.draw.cursor).toEqual({x: 16, y: 15});
		expect(total(state)).toBe(0);
	});

	it('paints a dot when Space puts the pen down, then the way the arrows go, until Space lifts it', () => {
		let state = press(inDraw(), ' ');
		expect(state.draw.pen).toBe('paint');
		expect(ink(state, 14, 14)).toBe(1);
		state = commands(state, ['down', 'down', 'down']);
		expect(ink(state, 14, 17)).toBe(1);
		state = press(state, ' ');
		expect(state.draw.pen).toBe('up');
		state = commands(state, ['right', 'right', 'right', 'right', 'right']);
		expect(ink(state, 19, 17)).toBe(0);
	});

	it('erases the way the arrows go with x down, clears with c, and cycles the brush with b', () => {
		let state = commands(press(inDraw(), ' '), ['down', 'down']);
		state = press(press(state, ' '), 'k');
		state = press(state, 'x');
		expect(state.draw.pen).toBe('erase');
		expect(ink(state, 14, 15)).toBe(0);
		state = press(state, 'c');
		expect(total(state)).toBe(0);
		expect(state.draw.pen).toBe('up');
		expect(press(press(state, 'b'), 'b').draw.brush).toBe(1);
	});

	it('goes back to the tab bar on Up from the top row, as the other tabs do', () => {
		const state = {...inDraw(), draw: {...inDraw().draw, cursor: {x: 3, y: 0}}};
		expect(press(state, 'up').focus).toBe('tabs');
	});

	it('draws with the mouse: a press paints a dot, a drag the segment from the last point, a release ends the stroke', () => {
		let state = reducer(at(size120, {tab: 'draw'}), {type: 'pointer', kind: 'press', point: {x: 5.5, y: 4.5}, mode: 'paint'});
		expect(state.focus).toBe('content');
		expect(ink(state, 5, 4)).toBe(1);
		state = reducer(state, {type: 'pointer', kind: 'drag', point: {x: 5.5, y: 20.5}, mode: 'paint'});
		for (let y = 4; y <= 20; y++) {
			expect(ink(state, 5, y), `row ${y}`).toBe(1);
		}

		expect(state.draw.cursor).toEqual({x: 5, y: 20});
		state = reducer(state, {type: 'pointer', kind: 'release', point: {x: 5.5, y: 20.5}, mode: 'paint'});
		expect(state.draw.drag).toBeNull();
		// The right button erases: a stroke across the line cuts it.
		state = reducer(state, {type: 'pointer', kind: 'press', point: {x: 1.5, y: 12.5}, mode: 'erase'});
		state = reducer(state, {type: 'pointer', kind: 'drag', point: {x: 9.5, y: 12.5}, mode: 'paint'});
		expect(ink(state, 5, 12)).toBe(0);
		expect(ink(state, 5, 4)).toBe(1);
	});

	it('puts a copied test image on the canvas, remembering which until it is drawn on', () => {
		const image = {rows: 28, cols: 28, pixels: new Float32Array(784).fill(0.5)};
		let state = reducer(inDraw(), {type: 'copyImage', image, index: 7});
		expect(state.draw.copiedFrom).toBe(7);
		expect(ink(state, 0, 0)).toBe(0.5);
		state = press(state, ' ');
		expect(state.draw.copiedFrom).toBeNull();
	});

	it('switches the attribution maps between gradient x input and the gradient with a, in the examples and draw tabs', () => {
		expect(press(inDraw(), 'a').attribution).toBe('gradient');
		expect(press(press(at(size120, {focus: 'content'}), 'a'), 'a').attribution).toBe('gradient-times-input');
	});
});
