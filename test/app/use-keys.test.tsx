import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {useEffect, useReducer} from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import type {Command} from '../../src/app/key-map.js';
import {type Counts, initialState, reducer, type UiState} from '../../src/app/state.js';
import {useKeys} from '../../src/app/use-keys.js';
import {waitFor} from '../components/fixtures.js';

const counts: Counts = {examples: 250, neurons: 30, classes: 10, imageRows: 28, imageCols: 28};

type Probe = {state: UiState | undefined; commands: Command[]};

/** The reducer behind the input hook, as the app wires them; reports its state once keys reach it. */
function Harness({probe}: {readonly probe: Probe}) {
	const [state, dispatch] = useReducer(reducer, {columns: 120, rows: 40}, initialState);
	useKeys(state, {
		onCommand(command) {
			probe.commands.push(command);
			// The app opens the save prompt on s when no file is set; here s always does.
			dispatch(command === 'save' ? {type: 'askSavePath', suggestion: 'm.safetensors'} : {type: 'command', command, counts});
		},
		onGotoKey(key) {
			dispatch({type: 'gotoKey', key, counts});
		},
		onSavePathKey(key) {
			// As the app does, but Enter only closes the prompt here (the app saves first).
			dispatch(key === 'enter' ? {type: 'closeSavePrompt'} : {type: 'savePathKey', key});
		},
	});

	// Runs after useInput's own effect has subscribed the handler that sees this state.
	useEffect(() => {
		probe.state = state;
	});
	return <Text>{state.tab}</Text>;
}

const keys = {
	up: '\u001B[A', down: '\u001B[B', right: '\u001B[C', left: '\u001B[D', tab: '\t', enter: '\r', escape: '\u001B', ctrlC: '\u0003',
};

let app: ReturnType<typeof render> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

async function start(): Promise<Probe> {
	const probe: Probe = {state: undefined, commands: []};
	app = render(<Harness probe={probe}/>);
	await waitFor(() => probe.state !== undefined, 'the input hook');
	return probe;
}

/** Send a key and wait until the state it leads to is the one the next key will see. */
async function press(probe: Probe, bytes: string, until: (state: UiState) => boolean): Promise<UiState> {
	app?.stdin.write(bytes);
	await waitFor(() => probe.state !== undefined && until(probe.state), `the state after ${JSON.stringify(bytes)}`);
	return probe.state!;
}

describe('useKeys', () => {
	it('turns arrow keys into tab switches on the tab bar and into moves inside a tab', async () => {
		const probe = await start();
		await press(probe, keys.right, s => s.tab === 'weights');
		await press(probe, keys.left, s => s.tab === 'examples');
		await press(probe, keys.down, s => s.focus === 'content');
		const state = await press(probe, keys.right, s => s.example === 1);
		expect(state.tab).toBe('examples');
		await press(probe, keys.escape, s => s.focus === 'tabs');
	});

	it('ignores other keys while help is open, and closes it on ? or Esc', async () => {
		const probe = await start();
		await press(probe, '?', s => s.help);
		app?.stdin.write(keys.tab);
		app?.stdin.write('2');
		await press(probe, '?', s => !s.help);
		expect(probe.state?.tab).toBe('examples');
		expect(probe.commands).toEqual(['help', 'back']);
		await press(probe, '?', s => s.help);
		await press(probe, keys.escape, s => !s.help);
	});

	it('quits on q while help is open', async () => {
		const probe = await start();
		await press(probe, '?', s => s.help);
		app?.stdin.write('q');
		await waitFor(() => probe.commands.includes('quit'), 'quit');
	});

	it('sends keys to the index prompt after g, so q and digits are typed, not obeyed', async () => {
		const probe = await start();
		await press(probe, 'g', s => s.goto === '');
		await press(probe, '1', s => s.goto === '1');
		await press(probe, 'q', s => s.goto === '1');
		await press(probe, '2', s => s.goto === '12');
		const state = await press(probe, keys.enter, s => s.goto === null);
		expect(state.example).toBe(12);
		expect(state.tab).toBe('examples');
		expect(probe.commands).toEqual(['goto']);
	});

	it('quits on Ctrl-C even while an index is being typed', async () => {
		const probe = await start();
		await press(probe, 'g', s => s.goto === '');
		app?.stdin.write(keys.ctrlC);
		await waitFor(() => probe.commands.includes('quit'), 'quit');
	});

	it('sends keys to the save prompt while it is open: letters, Backspace, Esc; q types a q', async () => {
		const probe = await start();
		await press(probe, 's', s => s.savePrompt === 'm.safetensors');
		await press(probe, '\u007F', s => s.savePrompt === 'm.safetensor');
		await press(probe, 'q', s => s.savePrompt === 'm.safetensorq');
		await press(probe, '2', s => s.savePrompt === 'm.safetensorq2');
		expect(probe.state?.tab).toBe('examples');
		expect(probe.commands).toEqual(['save']);
		await press(probe, keys.escape, s => s.savePrompt === null);
	});
});

