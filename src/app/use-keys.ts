import {useInput} from 'ink';
import {activeScopes, type Command, commandFor, type InkKey, keyName} from './key-map.js';
import type {UiState} from './state.js';

/**
 * The input hook: turns key presses into key names, and key names into commands through the one key
 * map. While an index is being typed after `g`, or a file name after `s`, keys go to that prompt instead.
 */
export function useKeys(state: UiState, handlers: {onCommand: (command: Command) => void; onGotoKey: (key: string) => void; onSavePathKey: (key: string) => void}): void {
	useInput((input, key) => {
		// Keys typed while the app was busy (or key repeat, or a slow SSH link) can arrive in one read:
		// plain characters then come as one string, and each is a key of its own.
		const chars = [...input];
		if (chars.length > 1 && !key.ctrl && !key.meta && !key.escape && chars.every(c => c >= ' ')) {
			for (const char of chars) {
				handle(char, {});
			}

			return;
		}

		handle(input, key);
	});

	function handle(input: string, key: InkKey): void {
		const name = keyName(input, key);
		if (name === 'ctrl+c') {
			handlers.onCommand('quit');
			return;
		}

		if (state.goto !== null) {
			handlers.onGotoKey(name);
			return;
		}

		if (state.savePrompt !== null) {
			handlers.onSavePathKey(name);
			return;
		}

		if (state.help) {
			if (name === 'escape' || name === '?' || name === 'q') {
				handlers.onCommand(name === 'q' ? 'quit' : 'back');
			}

			return;
		}

		const command = commandFor(name, activeScopes(state.focus, state.tab));
		if (command !== undefined) {
			handlers.onCommand(command);
		}
	}
}
