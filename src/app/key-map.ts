/**
 * The one key map: every command, the keys that trigger it and the help text. The input hook and the
 * help overlay both read this table, so help cannot drift from behaviour.
 */
export type Command =
	| 'quit' | 'help' | 'nextTab' | 'previousTab' | 'tab1' | 'tab2' | 'tab3'
	| 'left' | 'right' | 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last'
	| 'enter' | 'back' | 'nextWrong' | 'previousWrong' | 'goto'
	| 'toggleTraining' | 'save' | 'toggleUntrained' | 'toggleChange' | 'toggleScale' | 'togglePane';

export type KeyScope = 'everywhere' | 'tab bar' | 'in a tab' | 'examples' | 'weights' | 'generalized images';

export type Binding = {
	readonly command: Command;
	/** Key names as keyName() produces them. */
	readonly keys: readonly string[];
	/** How the keys are shown in help. */
	readonly label: string;
	readonly help: string;
	readonly scope: KeyScope;
};

export const keyMap: readonly Binding[] = [
	{command: 'nextTab', keys: ['tab'], label: 'Tab', help: 'next tab', scope: 'everywhere'},
	{command: 'previousTab', keys: ['shift+tab'], label: 'Shift-Tab', help: 'previous tab', scope: 'everywhere'},
	{command: 'tab1', keys: ['1'], label: '1', help: 'examples tab', scope: 'everywhere'},
	{command: 'tab2', keys: ['2'], label: '2', help: 'weights tab', scope: 'everywhere'},
	{command: 'tab3', keys: ['3'], label: '3', help: 'generalized images tab', scope: 'everywhere'},
	{command: 'toggleTraining', keys: ['t'], label: 't', help: 'start / pause training', scope: 'everywhere'},
	{command: 'save', keys: ['s'], label: 's', help: 'save (asks for a file once)', scope: 'everywhere'},
	{command: 'togglePane', keys: ['p'], label: 'p', help: 'show / hide training pane', scope: 'everywhere'},
	{command: 'help', keys: ['?'], label: '?', help: 'this help', scope: 'everywhere'},
	{command: 'back', keys: ['escape'], label: 'Esc', help: 'close help / to tab bar', scope: 'everywhere'},
	{command: 'quit', keys: ['q', 'ctrl+c'], label: 'q Ctrl-C', help: 'quit (keeps saved epochs)', scope: 'everywhere'},
	{command: 'left', keys: ['left', 'h'], label: '← h', help: 'previous tab', scope: 'tab bar'},
	{command: 'right', keys: ['right', 'l'], label: '→ l', help: 'next tab', scope: 'tab bar'},
	{command: 'enter', keys: ['down', 'enter', 'j'], label: '↓ j Enter', help: 'go into the tab', scope: 'tab bar'},
	{command: 'left', keys: ['left', 'h'], label: '← h', help: 'previous example / tile', scope: 'in a tab'},
	{command: 'right', keys: ['right', 'l'], label: '→ l', help: 'next example / tile', scope: 'in a tab'},
	{command: 'up', keys: ['up', 'k'], label: '↑ k', help: 'row up (examples: -10)', scope: 'in a tab'},
	{command: 'down', keys: ['down', 'j'], label: '↓ j', help: 'row down (examples: +10)', scope: 'in a tab'},
	{command: 'pageUp', keys: ['pageup'], label: 'PgUp', help: 'page back (examples: -100)', scope: 'in a tab'},
	{command: 'pageDown', keys: ['pagedown'], label: 'PgDn', help: 'page on (examples: +100)', scope: 'in a tab'},
	{command: 'first', keys: ['home'], label: 'Home', help: 'first', scope: 'in a tab'},
	{command: 'last', keys: ['end'], label: 'End', help: 'last', scope: 'in a tab'},
	{command: 'nextWrong', keys: ['n'], label: 'n', help: 'next misclassified', scope: 'examples'},
	{command: 'previousWrong', keys: ['N'], label: 'N', help: 'previous misclassified', scope: 'examples'},
	{command: 'goto', keys: ['g'], label: 'g', help: 'go to example by index', scope: 'examples'},
	{command: 'toggleUntrained', keys: ['u'], label: 'u', help: 'trained / untrained', scope: 'weights'},
	{command: 'toggleChange', keys: ['d'], label: 'd', help: 'what training changed', scope: 'weights'},
	{command: 'toggleScale', keys: ['a'], label: 'a', help: 'scale per tile / shared', scope: 'weights'},
	{command: 'toggleUntrained', keys: ['u'], label: 'u', help: 'trained / untrained', scope: 'generalized images'},
	{command: 'toggleChange', keys: ['d'], label: 'd', help: 'what training changed', scope: 'generalized images'},
];

/** Ink's key flags, as useInput passes them (only the fields we read). */
export type InkKey = {
	readonly upArrow?: boolean; readonly downArrow?: boolean; readonly leftArrow?: boolean; readonly rightArrow?: boolean;
	readonly pageUp?: boolean; readonly pageDown?: boolean; readonly home?: boolean; readonly end?: boolean;
	readonly return?: boolean; readonly escape?: boolean; readonly tab?: boolean; readonly shift?: boolean;
	readonly ctrl?: boolean; readonly backspace?: boolean; readonly delete?: boolean;
};

/** A stable name for a key press: 'up', 'pageup', 'shift+tab', 'ctrl+c', or the character typed. */
export function keyName(input: string, key: InkKey): string {
	const named: Array<[boolean | undefined, string]> = [
		[key.upArrow, 'up'], [key.downArrow, 'down'], [key.leftArrow, 'left'], [key.rightArrow, 'right'],
		[key.pageUp, 'pageup'], [key.pageDown, 'pagedown'], [key.home, 'home'], [key.end, 'end'],
		[key.return, 'enter'], [key.escape, 'escape'], [key.backspace || key.delete, 'backspace'],
	];
	for (const [on, name] of named) {
		if (on) {
			return name;
		}
	}

	if (key.tab) {
		return key.shift ? 'shift+tab' : 'tab';
	}

	if (key.ctrl) {
		return `ctrl+${input.toLowerCase()}`;
	}

	return input;
}

/** Which scopes apply, most specific first, when the tab bar or a tab has the focus. */
export function activeScopes(focus: 'tabs' | 'content', tab: 'examples' | 'weights' | 'maps'): KeyScope[] {
	const tabScope: KeyScope = tab === 'maps' ? 'generalized images' : tab;
	return focus === 'tabs' ? ['tab bar', tabScope, 'everywhere'] : [tabScope, 'in a tab', 'everywhere'];
}

/** The command a key triggers in the given scopes, or undefined. */
export function commandFor(name: string, scopes: readonly KeyScope[]): Command | undefined {
	for (const scope of scopes) {
		const binding = keyMap.find(b => b.scope === scope && b.keys.includes(name));
		if (binding) {
			return binding.command;
		}
	}

	return undefined;
}
