import {useState, useSyncExternalStore} from 'react';

/**
 * A reducer's state held outside React: dispatch applies the reducer at once, so the next key of the
 * same read, handled before React renders again, already sees what the previous key did.
 */
export type Store<S, A> = {
	readonly get: () => S;
	readonly dispatch: (action: A) => void;
	readonly subscribe: (listener: () => void) => () => void;
};

export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
	let state = initial;
	const listeners = new Set<() => void>();
	return {
		get: () => state,
		dispatch(action) {
			const next = reducer(state, action);
			if (next !== state) {
				state = next;
				for (const listener of listeners) {
					listener();
				}
			}
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
}

/** A store made once for the component's life, and its state, re-rendered when it changes. */
export function useStore<S, A>(create: () => Store<S, A>): [S, Store<S, A>] {
	const [store] = useState(create);
	return [useSyncExternalStore(store.subscribe, store.get), store];
}
