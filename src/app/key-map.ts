/**
 * The one key map: for every command, its keys, where they work and the help text. It is a Record
 * over Command, so the compiler demands an entry (keys, scope, help) for each command. The input
 * hook, the help overlay and every hint on screen read this table: a key is spelled here only.
 */
import {sidePaneColumns} from './layout.js';

export type Command =
	| 'quit' | 'help' | 'nextTab' | 'previousTab' | 'tab1' | 'tab2' | 'tab3' | 'tab4' | 'tab5'
	| 'epochBack' | 'epochForward' | 'epochFirst' | 'epochLatest' | 'select'
	| 'left' | 'right' | 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last'
	| 'enter' | 'back' | 'nextWrong' | 'previousWrong' | 'goto'
	| 'toggleTraining' | 'save' | 'toggleUntrained' | 'toggleChange' | 'toggleScale' | 'togglePane'
	| 'toggleAttribution' | 'penPaint' | 'penErase' | 'clearCanvas' | 'brushSize' | 'copyExample'
	| 'accept' | 'cancel' | 'deleteBack' | 'clearLine' | 'deleteWord';

export type KeyScope = 'everywhere' | 'timeline' | 'tab bar' | 'in a tab' | 'examples' | 'weights' | 'generalized images' | 'confusion' | 'draw' | 'in a prompt';

export type CommandKeys = {
	/** Key names as keysOf() produces them; hints name the first. */
	readonly keys: readonly [string, ...string[]];
	/** Where the keys work. */
	readonly scopes: readonly [KeyScope, ...KeyScope[]];
	readonly help: string;
	/** The help text in a scope where the command means something else (← on the tab bar: previous tab). */
	readonly helpIn?: Partial<Record<KeyScope, string>>;
	/**
	 * The scopes whose help lists the command, when not those it is bound in: Enter is bound in every
	 * tab but acts only in the confusion tab, and Esc, bound everywhere, closes the confusion tab's list.
	 */
	readonly listedIn?: readonly [KeyScope, ...KeyScope[]];
	/** What the status line's hint says after the key ('train'), for the commands hints name. */
	readonly hint?: string;
	/** A sentence help adds below the keys, for what a line has no room for; {key} stands for the first key. */
	readonly more?: string;
};

const move = (help: string, keys: readonly [string, ...string[]]): CommandKeys => ({keys, scopes: ['in a tab'], help});
const imageTabs: readonly ['weights', 'generalized images'] = ['weights', 'generalized images'];

export const keyMap: Readonly<Record<Command, CommandKeys>> = {
	nextTab: {keys: ['tab'], scopes: ['everywhere'], help: 'next / previous tab'},
	previousTab: {keys: ['shift+tab'], scopes: ['everywhere'], help: 'next / previous tab'},
	// The same help text puts the five on one line of the help overlay.
	tab1: {keys: ['1'], scopes: ['everywhere'], help: 'go to that tab'},
	tab2: {keys: ['2'], scopes: ['everywhere'], help: 'go to that tab'},
	tab3: {keys: ['3'], scopes: ['everywhere'], help: 'go to that tab'},
	tab4: {keys: ['4'], scopes: ['everywhere'], help: 'go to that tab'},
	tab5: {keys: ['5'], scopes: ['everywhere'], help: 'go to that tab'},
	epochBack: {keys: ['['], scopes: ['timeline'], help: 'epoch before / after', hint: 'epochs'},
	epochForward: {keys: [']'], scopes: ['timeline'], help: 'epoch before / after', hint: 'epochs'},
	epochFirst: {keys: ['{'], scopes: ['timeline'], help: 'untrained network / live'},
	epochLatest: {keys: ['}'], scopes: ['timeline'], help: 'untrained network / live'},
	toggleTraining: {keys: ['t'], scopes: ['everywhere'], help: 'start / pause training', hint: 'train'},
	save: {keys: ['s'], scopes: ['everywhere'], help: 'save the model', hint: 'save'},
	togglePane: {
		keys: ['p'], scopes: ['everywhere'], help: 'training dashboard', hint: 'dashboard',
		more: `{key} below ${sidePaneColumns} columns: in the tab's place`,
	},
	help: {keys: ['?'], scopes: ['everywhere'], help: 'this help', hint: 'help'},
	// Bound in every tab (Enter does nothing elsewhere), so help lists it where it acts.
	select: {keys: ['enter'], scopes: ['in a tab'], listedIn: ['confusion'], help: 'list images / open one', hint: 'lists the cell'},
	back: {keys: ['escape'], scopes: ['everywhere'], listedIn: ['everywhere', 'confusion'], help: 'back to the tab bar', helpIn: {confusion: 'close the list'}, hint: 'tab bar'},
	quit: {keys: ['q', 'ctrl+c'], scopes: ['everywhere'], help: 'quit (asks if unsaved)', hint: 'quit'},
	left: {keys: ['left', 'h'], scopes: ['tab bar', 'in a tab'], help: 'previous / next', helpIn: {'tab bar': 'previous / next tab'}},
	right: {keys: ['right', 'l'], scopes: ['tab bar', 'in a tab'], help: 'previous / next', helpIn: {'tab bar': 'previous / next tab'}},
	enter: {keys: ['down', 'enter', 'j'], scopes: ['tab bar'], help: 'go into the tab', hint: 'into the tab'},
	up: move('up / down (examples ±10)', ['up', 'k']),
	down: move('up / down (examples ±10)', ['down', 'j']),
	pageUp: move('a page back / on', ['pageup']),
	pageDown: move('a page back / on', ['pagedown']),
	first: move('first / last', ['home']),
	last: move('first / last', ['end']),
	nextWrong: {keys: ['n'], scopes: ['examples'], help: 'next / previous wrong', hint: 'misclassified'},
	previousWrong: {keys: ['N'], scopes: ['examples'], help: 'next / previous wrong', hint: 'misclassified'},
	goto: {keys: ['g'], scopes: ['examples'], help: 'go to example number', hint: 'go to'},
	toggleUntrained: {keys: ['u'], scopes: imageTabs, help: 'trained / untrained', hint: 'untrained'},
	toggleChange: {keys: ['d'], scopes: imageTabs, help: 'what training changed', hint: 'change'},
	toggleScale: {keys: ['a'], scopes: ['weights'], help: 'scale per tile / shared', hint: 'scale'},
		// Listed once, under the examples tab, so help still fits 80x24.
	toggleAttribution: {keys: ['a'], scopes: ['examples', 'draw'], listedIn: ['examples'], help: 'attribution (also in 5)', hint: 'attribution'},
	// The same help text puts the two on one line of help; the tab says how the mouse draws.
	penPaint: {keys: [' '], scopes: ['draw'], help: 'pen / eraser down, up', hint: 'pen'},
	penErase: {keys: ['x'], scopes: ['draw'], help: 'pen / eraser down, up', hint: 'eraser'},
	// The same help text puts the three on one line of help, so it still fits 80x24.
	clearCanvas: {keys: ['c'], scopes: ['draw'], help: 'clear / brush / example', hint: 'clear'},
	brushSize: {keys: ['b'], scopes: ['draw'], help: 'clear / brush / example', hint: 'brush size'},
	copyExample: {keys: ['e'], scopes: ['draw'], help: 'clear / brush / example', hint: 'copy the example'},
	// One line of help for the two.
	accept: {keys: ['enter'], scopes: ['in a prompt'], help: 'go or save / cancel'},
	cancel: {keys: ['escape'], scopes: ['in a prompt'], help: 'go or save / cancel'},
	deleteBack: {keys: ['backspace'], scopes: ['in a prompt'], help: 'delete a character'},
	clearLine: {keys: ['ctrl+u'], scopes: ['in a prompt'], help: 'clear the line'},
	deleteWord: {keys: ['ctrl+w'], scopes: ['in a prompt'], help: 'delete a word'},
};

/** One command's keys in one scope, with its help there: a row of the key map as help shows it. */
export type Binding = {
	readonly command: Command;
	readonly scope: KeyScope;
	readonly keys: readonly string[];
	/** The keys as help shows them: '← h'. */
	readonly label: string;
	readonly help: string;
};

const shownKeys: Readonly<Record<string, string>> = {
	up: '↑', down: '↓', left: '←', right: '→', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
	enter: 'Enter', escape: 'Esc', tab: 'Tab', 'shift+tab': 'Shift-Tab', backspace: 'Backspace', ' ': 'Space',
};

/** How a key name is shown: 'pageup' as PgUp, 'ctrl+u' as Ctrl-U, a character as itself. */
export function showKey(name: string): string {
	if (name.startsWith('ctrl+')) {
		return `Ctrl-${name.slice(5).toUpperCase()}`;
	}

	return shownKeys[name] ?? name;
}

/** The key a hint names for a command: its first key, as shown ('t', '←', 'PgDn', 'Enter'). */
export function keyOf(command: Command): string {
	return showKey(keyMap[command].keys[0]);
}

/** All the keys of a command, as shown and separated by spaces ('q Ctrl-C'). */
export function keysLabel(command: Command): string {
	return keyMap[command].keys.map(showKey).join(' ');
}

const commands = Object.keys(keyMap) as Command[];

/** Every command in every scope where it works, in the order of the table. */
export const bindings: readonly Binding[] = commands.flatMap(command => {
	const {keys, scopes, help, helpIn} = keyMap[command];
	return scopes.map(scope => ({command, scope, keys, label: keysLabel(command), help: helpIn?.[scope] ?? help}));
});

/** What help lists: every command in every scope its help names it in (listedIn, else where it is bound). */
export const helpEntries: readonly Binding[] = commands.flatMap(command => {
	const {keys, scopes, listedIn, help, helpIn} = keyMap[command];
	return (listedIn ?? scopes).map(scope => ({command, scope, keys, label: keysLabel(command), help: helpIn?.[scope] ?? help}));
});

/** The lines of help for a scope: commands with the same help text share a line ('1 2 3 4  go to that tab'). */
export function helpLines(scope: KeyScope): Array<{readonly label: string; readonly help: string}> {
	const lines: Array<{label: string; help: string}> = [];
	for (const entry of helpEntries.filter(b => b.scope === scope)) {
		const same = lines.find(line => line.help === entry.help);
		if (same) {
			same.label = `${same.label} ${entry.label}`;
		} else {
			lines.push({label: entry.label, help: entry.help});
		}
	}

	return lines;
}

/** The sentences help adds below the keys (what p does below the width for the side dashboard). */
export function helpNotes(): string[] {
	return commands.flatMap(command => keyMap[command].more?.replaceAll('{key}', keyOf(command)) ?? []);
}

/** A hint for the status line: a command's first key and its hint words ('t train'), or given words. */
export function hintOf(command: Command, words = keyMap[command].hint ?? keyMap[command].help): string {
	return `${keyOf(command)} ${words}`;
}

/** Which scopes apply, most specific first, when the tab bar or a tab has the focus. */
export function activeScopes(focus: 'tabs' | 'content', tab: 'examples' | 'weights' | 'maps' | 'confusion' | 'draw'): KeyScope[] {
	const tabScope: KeyScope = tab === 'maps' ? 'generalized images' : tab;
	return focus === 'tabs' ? ['tab bar', tabScope, 'timeline', 'everywhere'] : [tabScope, 'in a tab', 'timeline', 'everywhere'];
}

/** The command a key triggers in the given scopes, or undefined. */
export function commandFor(name: string, scopes: readonly KeyScope[]): Command | undefined {
	for (const scope of scopes) {
		const binding = bindings.find(b => b.scope === scope && b.keys.includes(name));
		if (binding) {
			return binding.command;
		}
	}

	return undefined;
}
