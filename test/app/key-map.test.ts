import {Text, useInput} from 'ink';
import {render} from 'ink-testing-library';
import {createElement} from 'react';
import {describe, expect, it} from 'vitest';
import {activeScopes, type Command, commandFor, keyMap, type KeyScope, keyName} from '../../src/app/key-map.js';
import type {TabId} from '../../src/app/state.js';
import {waitFor} from '../components/fixtures.js';

/** Every command; a Record so that the compiler insists on each member of the Command union. */
const allCommands: Record<Command, true> = {
	quit: true, help: true, nextTab: true, previousTab: true, tab1: true, tab2: true, tab3: true,
	left: true, right: true, up: true, down: true, pageUp: true, pageDown: true, first: true, last: true,
	enter: true, back: true, nextWrong: true, previousWrong: true, goto: true,
	toggleTraining: true, save: true, toggleUntrained: true, toggleChange: true, toggleScale: true, togglePane: true,
};

const focuses = ['tabs', 'content'] as const;
const tabIds: readonly TabId[] = ['examples', 'weights', 'maps'];
const scopeSets = focuses.flatMap(focus => tabIds.map(tab => ({focus, tab, scopes: activeScopes(focus, tab)})));


describe('keyName', () => {
	it('names arrows, paging, Home and End from Ink key flags', () => {
		expect(keyName('', {upArrow: true})).toBe('up');
		expect(keyName('', {downArrow: true})).toBe('down');
		expect(keyName('', {leftArrow: true})).toBe('left');
		expect(keyName('', {rightArrow: true})).toBe('right');
		expect(keyName('', {pageUp: true})).toBe('pageup');
		expect(keyName('', {pageDown: true})).toBe('pagedown');
		expect(keyName('', {home: true})).toBe('home');
		expect(keyName('', {end: true})).toBe('end');
	});

	it('names Enter, Esc, Backspace and Delete', () => {
		expect(keyName('\r', {return: true})).toBe('enter');
		expect(keyName('', {escape: true})).toBe('escape');
		expect(keyName('', {backspace: true})).toBe('backspace');
		expect(keyName('', {delete: true})).toBe('backspace');
	});

	it('tells Tab from Shift-Tab', () => {
		expect(keyName('', {tab: true})).toBe('tab');
		expect(keyName('', {tab: true, shift: true})).toBe('shift+tab');
	});

	it('names Ctrl with the lower-case letter', () => {
		expect(keyName('c', {ctrl: true})).toBe('ctrl+c');
		expect(keyName('C', {ctrl: true})).toBe('ctrl+c');
	});

	it('names a plain key by its character, upper case kept', () => {
		expect(keyName('q', {})).toBe('q');
		expect(keyName('?', {})).toBe('?');
		expect(keyName('N', {shift: true})).toBe('N');
		expect(keyName('7', {})).toBe('7');
	});

	it('names the bytes a terminal sends the way the key map spells them, through Ink itself', async () => {
		const seen: string[] = [];
		function Recorder() {
			useInput((input, key) => {
				seen.push(keyName(input, key));
			});
			return createElement(Text, null, 'keys');
		}

		const app = render(createElement(Recorder));
		const cases: Array<[string, string]> = [
			['\u001B[A', 'up'], ['\u001B[B', 'down'], ['\u001B[C', 'right'], ['\u001B[D', 'left'],
			['\u001B[5~', 'pageup'], ['\u001B[6~', 'pagedown'], ['\u001B[H', 'home'], ['\u001B[F', 'end'],
			['\t', 'tab'], ['\u001B[Z', 'shift+tab'], ['\u0003', 'ctrl+c'], ['\r', 'enter'], ['\u001B', 'escape'],
			['\u007F', 'backspace'], ['q', 'q'], ['N', 'N'], ['?', '?'],
		];
		try {
			// Ink subscribes to stdin in an effect: repeat the first key until it is heard.
			await waitFor(() => {
				if (seen.length === 0) {
					app.stdin.write('x');
				}

				return seen.length > 0;
			}, 'Ink to listen to stdin');
			for (const [bytes, name] of cases) {
				app.stdin.write(bytes);
				// eslint-disable-next-line no-await-in-loop
				await waitFor(() => seen.some(n => n !== 'x'), `a key for ${JSON.stringify(bytes)}`);
				expect(seen.filter(n => n !== 'x')).toEqual([name]);
				seen.length = 0;
			}
		} finally {
			app.unmount();
		}
	});
});

describe('activeScopes', () => {
	it('puts the tab bar first, then the tab, then keys that work everywhere, while the tab bar has the focus', () => {
		expect(activeScopes('tabs', 'examples')).toEqual(['tab bar', 'examples', 'everywhere']);
		expect(activeScopes('tabs', 'maps')).toEqual(['tab bar', 'generalized images', 'everywhere']);
	});

	it('puts the tab first, then moving inside a tab, then keys that work everywhere, inside a tab', () => {
		expect(activeScopes('content', 'weights')).toEqual(['weights', 'in a tab', 'everywhere']);
		expect(activeScopes('content', 'maps')).toEqual(['generalized images', 'in a tab', 'everywhere']);
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

	it('moves the selection in the examples tab and offers n, N and g there', () => {
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
		expect(commandFor('a', scopes)).toBeUndefined();
		expect(commandFor('enter', scopes)).toBeUndefined();
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
		const scopes = new Set<KeyScope>(keyMap.map(b => b.scope));
		for (const scope of scopes) {
			const keys = keyMap.filter(b => b.scope === scope).flatMap(b => b.keys);
			expect(keys, scope).toEqual([...new Set(keys)]);
		}
	});

	it('lets every key of every binding reach its command in every focus and tab where its scope is active', () => {
		let checked = 0;
		for (const binding of keyMap) {
			const where = scopeSets.filter(s => s.scopes.includes(binding.scope));
			expect(where.length, `${binding.command} (${binding.scope}) is never active`).toBeGreaterThan(0);
			for (const {focus, tab, scopes} of where) {
				for (const key of binding.keys) {
					expect(commandFor(key, scopes), `${key} with focus ${focus} in ${tab}`).toBe(binding.command);
					checked++;
				}
			}
		}

		expect(checked).toBeGreaterThan(keyMap.length);
	});

	it('has at least one binding for every command', () => {
		const bound = new Set(keyMap.map(b => b.command));
		for (const name of Object.keys(allCommands)) {
			expect(bound.has(name as Command), name).toBe(true);
		}
	});

	it('gives every binding a key, a label and help text', () => {
		for (const binding of keyMap) {
			expect(binding.keys.length, binding.command).toBeGreaterThan(0);
			expect(binding.label.trim(), binding.command).not.toBe('');
			expect(binding.help.trim(), binding.command).not.toBe('');
		}
	});

	it('names every key of a binding in its help label', () => {
		const shown: Record<string, string> = {
			up: '↑', down: '↓', left: '←', right: '→', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
			enter: 'Enter', escape: 'Esc', tab: 'Tab', 'shift+tab': 'Shift-Tab', 'ctrl+c': 'Ctrl-C',
		};
		for (const binding of keyMap) {
			const words = binding.label.split(' ');
			for (const key of binding.keys) {
				expect(words, `${binding.command} in ${binding.scope}`).toContain(shown[key] ?? key);
			}
		}
	});
});
