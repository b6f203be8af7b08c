import {useInput} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {activeScopes, type Command, commandFor} from './key-map.js';
import {isText, KeyReader} from './keystrokes.js';
import type {MouseReport} from './mouse.js';
import type {Action, UiState} from './state.js';
import type {Store} from './use-store.js';

/** Where a key goes: a command, the open prompt, or nowhere. */
export type Route =
	| {readonly to: 'command'; readonly command: Command}
	| {readonly to: 'prompt'; readonly key: string}
	| {readonly to: 'nothing'};

const nothing: Route = {to: 'nothing'};

/**
 * What a key means in this state, through the one key map: while a prompt is open the keys are its
 * own (q is typed; Ctrl-C still quits); while help is open only closing it and quitting work.
 */
export function routeKey(state: UiState, name: string): Route {
	const everywhere = commandFor(name, ['everywhere']);
	if (state.prompt !== null) {
		return everywhere === 'quit' && !isText(name) ? {to: 'command', command: 'quit'} : {to: 'prompt', key: name};
	}

	if (state.help) {
		return everywhere === 'quit' || everywhere === 'help' || everywhere === 'back' ? {to: 'command', command: everywhere} : nothing;
	}

	const command = commandFor(name, activeScopes(state.focus, state.tab));
	return command === undefined ? nothing : {to: 'command', command};
}

type Handlers = {
	readonly onCommand: (command: Command) => void;
	/** A key for the open prompt (Enter included: the app carries it out). */
	readonly onPromptKey: (key: string) => void;
	/** Any read of keys, before they are routed. */
	readonly onInput?: () => void;
	/** A mouse report while the draw tab shows its canvas (no help, no prompt); others are dropped. */
	readonly onMouse?: (report: MouseReport) => void;
};

/** Mouse reports reach the draw tab's canvas only: not under help or a prompt, not in another tab. */
export function mouseGoesToCanvas(state: UiState): boolean {
	return state.tab === 'draw' && !state.help && state.prompt === null;
}

/**
 * The input hook. Several keys can arrive in one read (keys typed while the app was busy, a paste,
 * key repeat, a slow SSH link): each is routed by the state the one before it left, read from the
 * store at that moment, not by the state of the last render.
 */
export function useKeys(ui: Store<UiState, Action>, handlers: Handlers): void {
	const [reader] = useState(() => new KeyReader());
	const endOfRead = useRef<NodeJS.Immediate>(undefined);
	useEffect(() => () => {
		clearImmediate(endOfRead.current);
	}, []);
	const route = (inputs: ReadonlyArray<string | MouseReport>): void => {
		for (const name of inputs) {
			const state = ui.get();
			if (typeof name !== 'string') {
				if (mouseGoesToCanvas(state)) {
					handlers.onMouse?.(name);
				}

				continue;
			}

			const where = routeKey(state, name);
			const quits = where.to === 'command' && where.command === 'quit';
			if (state.quitAsked && !quits) {
				ui.dispatch({type: 'keepRunning'});
			}

			if (where.to === 'command') {
				handlers.onCommand(where.command);
			} else if (where.to === 'prompt') {
				handlers.onPromptKey(where.key);
			}
		}
	};

	useInput((input, key) => {
		handlers.onInput?.();
		route(reader.read(input, key));
		// A terminal string sequence is dropped up to its end, or to the end of this read at most.
		if (reader.waiting && endOfRead.current === undefined) {
			endOfRead.current = setImmediate(() => {
				endOfRead.current = undefined;
				route(reader.endOfRead());
			});
		}
	});
}
