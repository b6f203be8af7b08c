import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {useEffect} from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import type {Model} from '../../src/model/model.js';
import {stepEpoch} from '../../src/app/epoch-store.js';
import {misclassified} from '../../src/app/model-view.js';
import {analyse, type TestAnalysis} from '../../src/app/test-analysis.js';
import {defaultConfig} from '../../src/nn/config.js';
import {type Counts, initialState, reducer, type UiState} from '../../src/app/state.js';
import type {TrainingClient} from '../../src/training/client.js';
import {initialTraining, trainingReducer, type TrainingView} from '../../src/app/training-view.js';
import {useCommands} from '../../src/app/use-commands.js';
import {routeKey, useKeys} from '../../src/app/use-keys.js';
import {createStore, type Store, useStore} from '../../src/app/use-store.js';
import {handWeights, syntheticSplit, waitFor} from '../components/fixtures.js';

const counts: Counts = {examples: 250, neurons: 30, classes: 10, imageRows: 28, imageCols: 28, cellItems: 23, listPerRow: 5, listPerPage: 10};

/** The synthetic images, labelled for the hand network's two outputs. */
const twoClassSplit = (() => {
	const split = syntheticSplit(counts.examples);
	return {...split, labels: split.labels.map(label => label % 2)};
})();

/** What the harness saw: the state after each render, the client's calls, and whether the app exited. */
type Probe = {
	state: UiState | undefined;
	training: Store<TrainingView, Parameters<typeof trainingReducer>[1]> | undefined;
	question: string | undefined;
	client: string[];
	exited: boolean;
	/** The test-set analysis the commands see (undefined: still being worked out). */
	analysis: TestAnalysis | undefined;
	/** Reads of keys the hook told of (onInput), before routing them. */
	reads: number;
};

/** The stores, commands and input hook wired as the app wires them, around a client that records its calls. */
function Harness({probe}: {readonly probe: Probe}) {
	const parameters = handWeights();
	const model = {config: {layers: parameters.layers}, current: parameters, position: {epoch: 0}} as unknown as Model;
	const client = {
		start: () => probe.client.push('start'),
		pause: () => probe.client.push('pause'),
		save: (path?: string) => probe.client.push(`save ${path ?? ''}`),
	} as unknown as TrainingClient;
	const [state, ui] = useStore(() => createStore(reducer, initialState({columns: 120, rows: 40})));
	const [, training] = useStore(() => createStore(trainingReducer, initialTraining(parameters, [], 0, 100, 30)));
	const {onCommand, onPromptKey, question} = useCommands({
		model, client, savePath: undefined, trainingBlocked: undefined, ui, training, counts,
		stepEpoch: (from, delta) => stepEpoch([0, 1, 2, 3], from, delta, false),
		analysis: () => probe.analysis,
		exit() {
			probe.exited = true;
		},
	});
	useKeys(ui, {onCommand, onPromptKey, onInput() {
		probe.reads++;
	}});
	// Runs after useInput's own effect has subscribed the handler.
	useEffect(() => {
		probe.state = state;
		probe.training = training;
		probe.question = question;
	});
	return <Text>{state.tab}</Text>;
}

const keys = {
	up: '\u001B[A', down: '\u001B[B', right: '\u001B[C', left: '\u001B[D', pageDown: '\u001B[6~', tab: '\t', enter: '\r', escape: '\u001B', ctrlC: '\u0003', backspace: '\u007F',
};

let app: ReturnType<typeof render> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

async function start(): Promise<Probe> {
	const probe: Probe = {state: undefined, training: undefined, question: undefined, client: [], exited: false, analysis: undefined, reads: 0};
	app?.unmount();
	app = render(<Harness probe={probe}/>);
	await waitFor(() => probe.state !== undefined, 'the input hook');
	return probe;
}

/** Send bytes (one read, however many keys) and wait until the state they lead to is rendered. */
async function press(probe: Probe, bytes: string, until: (state: UiState) => boolean): Promise<UiState> {
	app?.stdin.write(bytes);
	await waitFor(() => probe.state !== undefined && until(probe.state), `the state after ${JSON.stringify(bytes)}`);
	return probe.state!;
}

/** Completed epochs as the client reports them, `saved` of them in a file. */
function trained(probe: Probe, epochs: number, saved?: number): void {
	const parameters = handWeights();
	for (let epoch = 1; epoch <= epochs; epoch++) {
		probe.training!.dispatch({type: 'event', event: {type: 'epoch', record: {epoch, seconds: 1, trainLoss: 0.1, validationAccuracy: 0.9, testAccuracy: 0.9}, parameters}});
	}

	if (saved !== undefined) {
		probe.training!.dispatch({type: 'event', event: {type: 'saved', path: '/tmp/m.safetensors', epoch: saved}});
	}
}

describe('useKeys, one key a read', () => {
	it('turns arrow keys into tab switches on the tab bar and into moves inside a tab', async () => {
		const probe = await start();
		await press(probe, keys.right, s => s.tab === 'weights');
		await press(probe, keys.left, s => s.tab === 'examples');
		await press(probe, keys.down, s => s.focus === 'content');
		const state = await press(probe, keys.right, s => s.example === 1);
		expect(state.tab).toBe('examples');
		await press(probe, keys.escape, s => s.focus === 'tabs');
	});

	it('tells of every read of keys before it routes them (the app then holds training\'s redraws back), even a key that does nothing', async () => {
		const probe = await start();
		await press(probe, keys.right, s => s.tab === 'weights');
		expect(probe.reads).toBe(1);
		app?.stdin.write('Z');
		await waitFor(() => probe.reads === 2, 'a second read');
		expect(probe.state!.tab).toBe('weights');
	});

	it('puts the class models in the untrained maps\' place with u when the generalized-images tab shows both sets, and back', async () => {
		const probe = await start();
		await press(probe, '3', s => s.tab === 'maps');
		await press(probe, 'u', s => s.classModels);
		expect(probe.state!.untrained).toBe(false);
		await press(probe, 'u', s => !s.classModels);
	});

	it('ignores other keys while help is open, and closes it on ? or Esc', async () => {
		const probe = await start();
		await press(probe, '?', s => s.help);
		app?.stdin.write(keys.tab);
		app?.stdin.write('2');
		await press(probe, '?', s => !s.help);
		expect(probe.state?.tab).toBe('examples');
		await press(probe, '?', s => s.help);
		await press(probe, keys.escape, s => !s.help);
	});

	it('sends keys to the index prompt after g, so q and digits are typed, not obeyed', async () => {
		const probe = await start();
		await press(probe, keys.down, s => s.focus === 'content');
		await press(probe, 'g', s => s.prompt?.text === '');
		await press(probe, '1', s => s.prompt?.text === '1');
		await press(probe, 'q', s => s.prompt?.text === '1');
		await press(probe, '2', s => s.prompt?.text === '12');
		const state = await press(probe, keys.enter, s => s.prompt === null);
		expect(state).toMatchObject({example: 12, tab: 'examples'});
		expect(probe.exited).toBe(false);
	});
});

describe('useKeys, several keys in one read (a paste, a busy app, a slow link)', () => {
	it('applies each key to the state the key before it left: Down PgDn from the tab bar goes to example 100', async () => {
		const probe = await start();
		const state = await press(probe, keys.down + keys.pageDown, s => s.example !== 0);
		expect(state).toMatchObject({focus: 'content', example: 100});
	});

	it('does the same on the generalized-images tab: 3, Down, Right in one read selects the second class map', async () => {
		const probe = await start();
		const state = await press(probe, `3${keys.down}${keys.right}`, s => s.map !== 0);
		expect(state).toMatchObject({tab: 'maps', focus: 'content', map: 1});
	});

	it('goes to the example typed after g when the digits come with Enter', async () => {
		const probe = await start();
		await press(probe, keys.down, s => s.focus === 'content');
		const state = await press(probe, `g70${keys.enter}`, s => s.example !== 0);
		expect(state).toMatchObject({example: 70, prompt: null});
	});

	it('says there is no such example, and stays, when the index typed is past the last', async () => {
		const probe = await start();
		await press(probe, `${keys.down}g9999${keys.enter}`, s => s.prompt === null && s.focus === 'content');
		await waitFor(() => probe.training?.get().message !== undefined, 'a message');
		expect(probe.training?.get().message).toBe('no example 9999; the last is 249');
		expect(probe.state?.example).toBe(0);
	});

	it('replaces the selected suggestion with the name typed, and saves there on Enter', async () => {
		const probe = await start();
		trained(probe, 1);
		await press(probe, 's', s => s.prompt?.kind === 'save');
		expect(probe.state?.prompt).toMatchObject({text: 'nnviz-model.safetensors', selected: true});
		await press(probe, `saved1.safetensors${keys.enter}`, s => s.prompt === null);
		expect(probe.client).toEqual([`save ${process.cwd()}/saved1.safetensors`]);
	});

	it('refuses a directory typed at the save prompt as a directory, not as a file that exists, and sends no save', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'nnviz-save-dir-'));
		try {
			const probe = await start();
			trained(probe, 1);
			await press(probe, 's', s => s.prompt?.kind === 'save');
			await press(probe, `${folder}${keys.enter}`, s => s.prompt === null);
			await waitFor(() => probe.training?.get().message !== undefined, 'a message');
			expect(probe.training?.get().message).toBe(`${folder}: is a directory, expected a file name (such as ${join(folder, 'model.safetensors')})`);
			expect(probe.client).toEqual([]);
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});

	it('types a pasted name whole at the save prompt, brackets included, and does not step the timeline', async () => {
		const probe = await start();
		trained(probe, 1);
		await press(probe, 's', s => s.prompt?.kind === 'save');
		const state = await press(probe, 'runs/[[a]]-{1}.st', s => s.prompt?.text.endsWith('.st') === true);
		expect(state.prompt?.text).toBe('runs/[[a]]-{1}.st');
		expect(state.shownEpoch).toBe('live');
	});

	it('deletes a character for each Backspace in a read, never typing the DEL byte', async () => {
		const probe = await start();
		trained(probe, 1);
		await press(probe, 's', s => s.prompt?.kind === 'save');
		const state = await press(probe, `abcd${keys.backspace}${keys.backspace}${keys.backspace}X`, s => s.prompt?.text.endsWith('X') === true);
		expect(state.prompt?.text).toBe('aX');
	});

	it('starts and pauses training on t t, each t seeing the request of the one before', async () => {
		const probe = await start();
		await press(probe, 'tt', () => probe.client.length === 2);
		expect(probe.client).toEqual(['start', 'pause']);
	});
});

describe('quitting', () => {
	it('quits at once on q, and on Ctrl-C, when no epoch is unsaved', async () => {
		const probe = await start();
		app?.stdin.write('q');
		await waitFor(() => probe.exited, 'exit');
		const again = await start();
		trained(again, 2, 2);
		app?.stdin.write(keys.ctrlC);
		await waitFor(() => again.exited, 'exit');
	});

	it('asks once when epochs are not in any file, and quits on q again', async () => {
		const probe = await start();
		trained(probe, 2);
		await press(probe, 'q', s => s.quitAsked);
		await waitFor(() => probe.question !== undefined, 'the question');
		expect(probe.question).toBe('2 epochs not saved: s saves, q quits anyway');
		expect(probe.exited).toBe(false);
		app?.stdin.write('q');
		await waitFor(() => probe.exited, 'exit');
	});

	it('counts the epochs after the last save, and withdraws the question on another key', async () => {
		const probe = await start();
		trained(probe, 3, 2);
		await press(probe, 'q', s => s.quitAsked);
		await waitFor(() => probe.question === '1 epoch not saved: s saves, q quits anyway', 'the question');
		await press(probe, keys.right, s => !s.quitAsked && s.tab === 'weights');
		await press(probe, 'q', s => s.quitAsked);
		expect(probe.exited).toBe(false);
	});

	it('drops the question when a save lands while it shows', async () => {
		const probe = await start();
		trained(probe, 2);
		await press(probe, 'q', s => s.quitAsked);
		await waitFor(() => probe.question !== undefined, 'the question');
		trained(probe, 0, 2);
		await waitFor(() => probe.question === undefined, 'the question to go');
	});

	it('quits on Ctrl-C twice, also from a prompt and from help', async () => {
		const probe = await start();
		trained(probe, 1);
		await press(probe, '?', s => s.help);
		await press(probe, keys.ctrlC, s => s.quitAsked && !s.help);
		app?.stdin.write(keys.ctrlC);
		await waitFor(() => probe.exited, 'exit');
		const again = await start();
		trained(again, 1);
		await press(again, `${keys.down}g`, s => s.prompt !== null);
		app?.stdin.write(keys.ctrlC + keys.ctrlC);
		await waitFor(() => again.exited, 'exit');
	});
});

describe('QA fixes', () => {
	it('closes the save prompt on Ctrl-C and asks about the unsaved epochs; Ctrl-C again quits', async () => {
		const probe = await start();
		trained(probe, 4);
		await press(probe, 's', s => s.prompt?.kind === 'save');
		await press(probe, keys.ctrlC, s => s.quitAsked);
		expect(probe.state?.prompt).toBeNull();
		await waitFor(() => probe.question === '4 epochs not saved: s saves, q quits anyway', 'the question');
		expect(probe.exited).toBe(false);
		app?.stdin.write(keys.ctrlC);
		await waitFor(() => probe.exited, 'exit');
	});

	it('types none of a DCS or OSC sequence into the save prompt, only the keys around it', async () => {
		const probe = await start();
		trained(probe, 1);
		await press(probe, 's', s => s.prompt?.kind === 'save');
		await press(probe, 'a\u001BP1$r\u001B\\b', s => s.prompt?.text.endsWith('b') === true);
		const state = await press(probe, 'c\u001B]0;title\u0007d', s => s.prompt?.text.endsWith('d') === true);
		expect(state.prompt?.text).toBe('abcd');
	});

	it('takes Esc then 3 in one read as Esc (to the tab bar) and 3 (the third tab)', async () => {
		const probe = await start();
		await press(probe, keys.down, s => s.focus === 'content');
		const state = await press(probe, `${keys.escape}3`, s => s.tab === 'maps');
		expect(state.focus).toBe('tabs');
		const back = await press(probe, `${keys.down}${keys.escape}${keys.right}`, s => s.tab !== 'maps');
		expect(back).toMatchObject({tab: 'confusion', focus: 'tabs'});
	});

	it('keeps up to 20 digits at the index prompt, says when more are typed, and names the number typed', async () => {
		const probe = await start();
		await press(probe, keys.down, s => s.focus === 'content');
		await press(probe, `g${'1234567890'.repeat(2)}12`, s => s.prompt?.text.length === 20);
		await waitFor(() => probe.training?.get().message !== undefined, 'a message');
		expect(probe.training?.get().message).toBe('too long: an example number has at most 20 digits');
		await press(probe, keys.enter, s => s.prompt === null);
		await waitFor(() => probe.training?.get().message?.startsWith('no example') === true, 'the message');
		expect(probe.training?.get().message).toBe('no example 123456…7890; the last is 249');
	});

	it('jumps through the misclassified examples of the test-set analysis, n n in one read going two on', async () => {
		const probe = await start();
		const parameters = handWeights();
		const config = {...defaultConfig, layers: parameters.layers};
		probe.analysis = analyse(parameters, config, twoClassSplit);
		const wrong = misclassified(parameters, config, twoClassSplit);
		expect(wrong.length).toBeGreaterThan(2);
		await press(probe, keys.down, s => s.focus === 'content');
		const state = await press(probe, 'nn', s => s.example === wrong[1]);
		expect(state.example).toBe(wrong[1]);
		const back = await press(probe, 'N', s => s.example !== state.example);
		expect(back.example).toBe(wrong[0]);
	});

	it('says the test set is being classified when n comes before its analysis', async () => {
		const probe = await start();
		await press(probe, keys.down, s => s.focus === 'content');
		await press(probe, 'n', () => probe.training?.get().message !== undefined);
		expect(probe.training?.get().message).toBe('classifying the test set; n again in a moment');
		expect(probe.state?.example).toBe(0);
	});

	it('steps the timeline with [ and ], and jumps with { and }, in any tab and focus', async () => {
		const probe = await start();
		expect(probe.state?.shownEpoch).toBe('live');
		await press(probe, '[', s => s.shownEpoch !== 'live');
		expect(probe.state?.shownEpoch).toBe(2);
		await press(probe, '[', s => s.shownEpoch === 1);
		await press(probe, '[', s => s.shownEpoch === 0);
		await press(probe, ']', s => s.shownEpoch === 1);
		await press(probe, '}', s => s.shownEpoch === 'live');
		await press(probe, `${keys.down}{`, s => s.shownEpoch === 0 && s.focus === 'content');
	});

	it('steps the timeline once for each [ or ] when several come in one read (typed fast, or pasted)', async () => {
		const probe = await start();
		await press(probe, '[[', s => s.shownEpoch !== 'live');
		expect(probe.state?.shownEpoch).toBe(1);
		await press(probe, '[', s => s.shownEpoch === 0);
		await press(probe, ']]', s => s.shownEpoch !== 0);
		expect(probe.state?.shownEpoch).toBe(2);
		await press(probe, '[[]', s => s.shownEpoch !== 2);
		expect(probe.state?.shownEpoch).toBe(1);
	});
});

describe('routeKey', () => {
	const state = initialState({columns: 120, rows: 40});
	it('sends every key but Ctrl-C to an open prompt, q included', () => {
		const open: UiState = {...state, prompt: {kind: 'save', text: '', selected: false}};
		expect(routeKey(open, 'q')).toEqual({to: 'prompt', key: 'q'});
		expect(routeKey(open, 'enter')).toEqual({to: 'prompt', key: 'enter'});
		expect(routeKey(open, 'ctrl+c')).toEqual({to: 'command', command: 'quit'});
	});

	it('lets only closing and quitting through while help is open', () => {
		const help: UiState = {...state, help: true};
		expect(routeKey(help, 'escape')).toEqual({to: 'command', command: 'back'});
		expect(routeKey(help, 'q')).toEqual({to: 'command', command: 'quit'});
		expect(routeKey(help, '2')).toEqual({to: 'nothing'});
	});
});
