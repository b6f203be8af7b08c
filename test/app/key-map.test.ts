import {describe, expect, it} from 'vitest';
import {activeScopes, bindings, type Command, type CommandKeys, commandFor, helpEntries, helpLines, helpNotes, hintOf, keyMap, keyOf, type KeyScope, keysLabel, showKey} from '../../src/app/key-map.js';
import {sidePaneColumns} from '../../src/app/layout.js';
import type {TabId} from '../../src/app/state.js';

const focuses = ['tabs', 'content'] as const;
const tabIds: readonly TabId[] = ['examples', 'weights', 'maps', 'confusion', 'draw'];
const scopeSets = focuses.flatMap(focus => tabIds.map(tab => ({focus, tab, scopes: activeScopes(focus, tab)})));


describe('activeScopes', () => {
	it('puts the tab bar first, then the tab, then the timeline and keys that work everywhere, while the tab bar has the focus', () => {
		expect(activeScopes('tabs', 'examples')).toEqual(['tab bar', 'examples', 'timeline', 'everywhere']);
		expect(activeScopes('tabs', 'maps')).toEqual(['tab bar', 'generalized images', 'timeline', 'everywhere']);
	});

	it('puts the tab first, then moving inside a tab, then the timeline and keys that work everywhere, inside a tab', () => {
		expect(activeScopes('content', 'weights')).toEqual(['weights', 'in a tab', 'timeline', 'everywhere']);
		expect(activeScopes('content', 'maps')).toEqual(['generalized images', 'in a tab', 'timeline', 'everywhere']);
	});
});

describe('commandFor', () => {
	it('switches tabs and goes into a tab from the tab bar', () => {
		const scopes = activeScopes('tabs', 'examples');
		expect(commandFor('left', scopes)).toBe('left');
		expect(commandFor('right', scopes)).toBe('right');
		expect(commandFor('down', scopes)).toBe('enter');
		expect(commandFor('enter', scopes)).toBe('enter');
		expect(commandFor('tab', scopes)).toBe('nextTab');
		expect(commandFor('shift+tab', scopes)).toBe('previousTab');
		expect(commandFor('2', scopes)).toBe('tab2');
		expect(commandFor('q', scopes)).toBe('quit');
		expect(commandFor('ctrl+c', scopes)).toBe('quit');
	});

	it('does not move a selection from the tab bar', () => {
		const scopes = activeScopes('tabs', 'weights');
		expect(commandFor('up', scopes)).toBeUndefined();
		expect(commandFor('pagedown', scopes)).toBeUndefined();
		expect(commandFor('home', scopes)).toBeUndefined();
	});

	it('moves the selection in the examples tab and offers n, N, g and a (the attribution) there', () => {
		const scopes = activeScopes('content', 'examples');
		expect(commandFor('down', scopes)).toBe('down');
		expect(commandFor('j', scopes)).toBe('down');
		expect(commandFor('k', scopes)).toBe('up');
		expect(commandFor('pageup', scopes)).toBe('pageUp');
		expect(commandFor('end', scopes)).toBe('last');
		expect(commandFor('n', scopes)).toBe('nextWrong');
		expect(commandFor('N', scopes)).toBe('previousWrong');
		expect(commandFor('g', scopes)).toBe('goto');
		expect(commandFor('u', scopes)).toBeUndefined();
		expect(commandFor('a', scopes)).toBe('toggleAttribution');
		expect(commandFor('enter', scopes)).toBe('select');
	});

	it('moves the brush in the draw tab and offers the pen, the eraser, clearing, the brush size, copying and the attribution', () => {
		const scopes = activeScopes('content', 'draw');
		expect(activeScopes('tabs', 'draw')).toEqual(['tab bar', 'draw', 'timeline', 'everywhere']);
		expect(commandFor('left', scopes)).toBe('left');
		expect(commandFor('k', scopes)).toBe('up');
		expect(commandFor(' ', scopes)).toBe('penPaint');
		expect(commandFor('x', scopes)).toBe('penErase');
		expect(commandFor('c', scopes)).toBe('clearCanvas');
		expect(commandFor('b', scopes)).toBe('brushSize');
		expect(commandFor('e', scopes)).toBe('copyExample');
		expect(commandFor('a', scopes)).toBe('toggleAttribution');
		expect(commandFor('5', scopes)).toBe('tab5');
		// The draw keys are the draw tab's only.
		for (const key of [' ', 'x', 'c', 'b', 'e']) {
			expect(commandFor(key, activeScopes('content', 'examples')), key).toBeUndefined();
		}
	});

	it('offers u, d and a in the weights tab, and not the examples keys', () => {
		const scopes = activeScopes('content', 'weights');
		expect(commandFor('u', scopes)).toBe('toggleUntrained');
		expect(commandFor('d', scopes)).toBe('toggleChange');
		expect(commandFor('a', scopes)).toBe('toggleScale');
		expect(commandFor('n', scopes)).toBeUndefined();
		expect(commandFor('g', scopes)).toBeUndefined();
		expect(commandFor('left', scopes)).toBe('left');
	});

	it('offers u and d in the generalized-images tab, but no shared scale', () => {
		const scopes = activeScopes('content', 'maps');
		expect(commandFor('u', scopes)).toBe('toggleUntrained');
		expect(commandFor('d', scopes)).toBe('toggleChange');
		expect(commandFor('a', scopes)).toBeUndefined();
	});

	it('keeps the keys that work everywhere working in every tab and focus', () => {
		for (const {scopes} of scopeSets) {
			expect(commandFor('t', scopes)).toBe('toggleTraining');
			expect(commandFor('s', scopes)).toBe('save');
			expect(commandFor('p', scopes)).toBe('togglePane');
			expect(commandFor('?', scopes)).toBe('help');
			expect(commandFor('escape', scopes)).toBe('back');
			expect(commandFor('3', scopes)).toBe('tab3');
		}
	});

	it('answers undefined for a key that nothing is bound to', () => {
		expect(commandFor('z', activeScopes('content', 'examples'))).toBeUndefined();
		expect(commandFor('ctrl+x', activeScopes('tabs', 'maps'))).toBeUndefined();
	});
});

describe('the key map', () => {
	it('binds no key twice in the same scope', () => {
		const scopes = new Set<KeyScope>(bindings.map(b => b.scope));
		for (const scope of scopes) {
			const keys = bindings.filter(b => b.scope === scope).flatMap(b => b.keys);
			expect(keys, scope).toEqual([...new Set(keys)]);
		}
	});

	it('lets every key of every binding reach its command in every focus and tab where its scope is active', () => {
		let checked = 0;
		const withPrompt = [...scopeSets, {focus: 'prompt', tab: 'any', scopes: ['in a prompt'] as KeyScope[]}];
		for (const binding of bindings) {
			const where = withPrompt.filter(s => s.scopes.includes(binding.scope));
			expect(where.length, `${binding.command} (${binding.scope}) is never active`).toBeGreaterThan(0);
			for (const {focus, tab, scopes} of where) {
				for (const key of binding.keys) {
					expect(commandFor(key, scopes), `${key} with focus ${focus} in ${tab}`).toBe(binding.command);
					checked++;
				}
			}
		}

		expect(checked).toBeGreaterThan(bindings.length);
	});

	it('gives every command keys, a scope and help text (the Record over Command makes the compiler ask for them)', () => {
		for (const [command, entry] of Object.entries(keyMap)) {
			expect(entry.keys.length, command).toBeGreaterThan(0);
			expect(entry.scopes.length, command).toBeGreaterThan(0);
			expect(entry.help.trim(), command).not.toBe('');
		}
	});

	it('gives every binding a label and help text', () => {
		for (const binding of bindings) {
			expect(binding.label.trim(), binding.command).not.toBe('');
			expect(binding.help.trim(), binding.command).not.toBe('');
		}
	});

	it('names every key of a binding in its help label', () => {
		const shown: Record<string, string> = {
			up: '↑', down: '↓', left: '←', right: '→', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
			enter: 'Enter', escape: 'Esc', tab: 'Tab', 'shift+tab': 'Shift-Tab', 'ctrl+c': 'Ctrl-C', backspace: 'Backspace', 'ctrl+u': 'Ctrl-U', 'ctrl+w': 'Ctrl-W',
			' ': 'Space',
		};
		for (const binding of bindings) {
			const words = binding.label.split(' ');
			for (const key of binding.keys) {
				expect(words, `${binding.command} in ${binding.scope}`).toContain(shown[key] ?? key);
			}
		}
	});
});

describe('the key text the screen shows', () => {
	it('shows keys the way help names them', () => {
		expect(showKey('pagedown')).toBe('PgDn');
		expect(showKey('ctrl+u')).toBe('Ctrl-U');
		expect(showKey('shift+tab')).toBe('Shift-Tab');
		expect(showKey('N')).toBe('N');
	});

	it('names the first key of a command in hints, and all of them in help', () => {
		expect(keyOf('toggleTraining')).toBe('t');
		expect(keyOf('enter')).toBe('↓');
		expect(keyOf('accept')).toBe('Enter');
		expect(keysLabel('quit')).toBe('q Ctrl-C');
		expect(keysLabel('enter')).toBe('↓ Enter j');
	});

	it('puts commands with the same help on one line of help, and keeps the rest one a line', () => {
		const everywhere = helpLines('everywhere');
		expect(everywhere).toContainEqual({label: '1 2 3 4 5', help: 'go to that tab'});
		expect(everywhere).toContainEqual({label: 'q Ctrl-C', help: keyMap.quit.help});
		// Tab and Shift-Tab share a line, and 1 2 3 4 5 another.
		expect(everywhere).toHaveLength(bindings.filter(b => b.scope === 'everywhere').length - 5);
		expect(helpLines('tab bar').map(l => l.help)).toEqual(['previous / next tab', 'go into the tab']);
		// The draw tab's keys in two lines: the pen and the eraser, then clearing, the brush and copying.
		expect(helpLines('draw')).toEqual([{label: 'Space x', help: 'pen / eraser down, up'}, {label: 'c b e', help: 'clear / brush / example'}]);
		expect(helpLines('in a prompt')[0]).toEqual({label: 'Enter Esc', help: 'go or save / cancel'});
	});
});

describe('help and hints from the key map', () => {
	it('lists every command in help, in the scopes it is bound in unless it says where it acts', () => {
		for (const [command, entry] of Object.entries(keyMap) as Array<[Command, CommandKeys]>) {
			const scopes = helpEntries.filter(e => e.command === command).map(e => e.scope);
			expect(scopes, command).toEqual([...(entry.listedIn ?? entry.scopes)]);
		}
	});

	it('lists Enter under the confusion tab, where it acts, and Esc there as closing the list, without binding either anew', () => {
		expect(helpLines('confusion')).toEqual([{label: 'Enter', help: keyMap.select.help}, {label: 'Esc', help: 'close the list'}]);
		expect(helpLines('in a tab').map(line => line.label)).not.toContain('Enter');
		// The keys still reach the same commands as before, from the tab and from the tab bar.
		expect(commandFor('enter', activeScopes('content', 'confusion'))).toBe('select');
		expect(commandFor('escape', activeScopes('content', 'confusion'))).toBe('back');
		expect(commandFor('enter', activeScopes('tabs', 'confusion'))).toBe('enter');
		expect(bindings.filter(b => b.scope === 'confusion')).toEqual([]);
	});

	it('names a command in a hint by its first key and its hint words, or the words given', () => {
		expect(hintOf('toggleTraining')).toBe('t train');
		expect(hintOf('select')).toBe('Enter lists the cell');
		expect(hintOf('back', 'back to the matrix')).toBe('Esc back to the matrix');
		expect(hintOf('first')).toBe(`Home ${keyMap.first.help}`);
	});

	it('adds below the keys that p shows the dashboard in the tab\'s place below the side pane\'s width, naming p as the key map does', () => {
		expect(helpNotes()).toEqual([`${keyOf('togglePane')} below ${sidePaneColumns} columns: in the tab's place`]);
	});
});
