import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {TimelinePosition} from '../../src/app/epoch-store.js';
import {
	type EpochParameters, type EpochParametersInput, type EpochSource, useEpochParameters,
} from '../../src/app/use-epoch-parameters.js';
import type {EpochRecord} from '../../src/model/model.js';
import {zeroParameters, type Parameters} from '../../src/nn/network.js';
import type {TrainingEvent} from '../../src/training/protocol.js';
import {waitFor} from '../components/fixtures.js';
import {trainedModelFile} from './epoch-store-fixture.js';

/** A stand-in for the TrainingClient: events sent by the test, snapshot requests recorded and answered by it. */
function fakeClient() {
	const listeners = new Set<(event: TrainingEvent) => void>();
	const asked: number[] = [];
	const pending = new Map<number, (parameters: Parameters | undefined) => void>();
	const client: EpochSource = {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async snapshot(epoch) {
			asked.push(epoch);
			return new Promise(resolve => {
				pending.set(epoch, resolve);
			});
		},
	};
	return {
		client,
		asked,
		emit(event: TrainingEvent) {
			for (const listener of listeners) {
				listener(event);
			}
		},
		answer(epoch: number, parameters: Parameters | undefined) {
			pending.get(epoch)?.(parameters);
		},
	};
}

function record(epoch: number): EpochRecord {
	return {epoch, seconds: 0.01, trainLoss: 1, validationAccuracy: 0.5, testAccuracy: 0.5};
}

/** Weights told apart by their first bias. */
function marked(value: number): Parameters {
	const parameters = zeroParameters([4, 3, 3]);
	parameters.biases[0][0] = value;
	return parameters;
}

let latest: EpochParameters | undefined;
/** How long each call of the hook took, ms. */
const hookTimes: number[] = [];
function Probe({input}: {readonly input: EpochParametersInput}) {
	const started = performance.now();
	latest = useEpochParameters(input);
	hookTimes.push(performance.now() - started);
	return <Text>{`${latest.epoch}${latest.loading ? ' loading' : ''}`}</Text>;
}

const rendered: Array<ReturnType<typeof render>> = [];
afterEach(() => {
	for (const instance of rendered.splice(0)) {
		instance.unmount();
	}
});

/** Render the hook with `input`; returns a function that renders it with changes and gives the frame. */
function show(input: EpochParametersInput) {
	const instance = render(<Probe input={input}/>);
	rendered.push(instance);
	let now = input;
	return {
		update(change: Partial<EpochParametersInput>) {
			now = {...now, ...change};
			instance.rerender(<Probe input={now}/>);
			return instance.lastFrame();
		},
		frame: () => instance.lastFrame(),
	};
}

describe('useEpochParameters', () => {
	it('steps a 30-epoch model from live back to the untrained network and forward to live, each step\'s weights the file\'s epoch.N tensors, the hook taking well under a millisecond a step', async () => {
		const file = await trainedModelFile(30);
		const {model} = file;
		const fake = fakeClient();
		const view = show({model, client: fake.client, training: {current: model.current, epoch: 30}, selected: 'live'});
		hookTimes.length = 0;
		expect(view.frame()).toBe('live');
		expect(latest!.parameters).toBe(model.current);
		expect(latest!.epochs).toHaveLength(31);
		let at: TimelinePosition = 'live';
		const visited: TimelinePosition[] = [];
		for (const delta of [...Array.from({length: 30}, () => -1 as const), ...Array.from({length: 31}, () => 1 as const)]) {
			at = latest!.step(at, delta);
			visited.push(at);
			expect(view.update({selected: at})).toBe(String(at));
			expect(latest!.loading).toBe(false);
			if (at !== 'live') {
				expect(latest!.parameters).toEqual(file.tensors(at === 0 ? 'initial.' : `epoch.${at}.`));
			}
		}

		expect(visited.slice(0, 30)).toEqual(Array.from({length: 30}, (_, i) => 29 - i));
		expect(visited.at(-1)).toBe('live');
		expect(latest!.parameters).toBe(model.current);
		expect(fake.asked).toEqual([]);
		// A step is a lookup: no copy, no computation (the frame's cost is the views').
		hookTimes.sort((a, b) => a - b);
		expect(hookTimes.length).toBeGreaterThanOrEqual(61);
		expect(hookTimes[Math.floor(hookTimes.length / 2)]).toBeLessThan(1);
		expect(hookTimes.at(-1)).toBeLessThan(20);
	});

	it('keeps an epoch\'s weights that came with its event, and steps from live past them when live shows them', async () => {
		const {model} = await trainedModelFile(3);
		const fake = fakeClient();
		const view = show({model, client: fake.client, training: {current: model.current, epoch: 3}, selected: 'live'});
		const fourth = marked(4);
		fake.emit({type: 'epoch', record: record(4), parameters: fourth});
		view.update({training: {current: fourth, epoch: 4}});
		expect(latest!.epochs).toEqual([0, 1, 2, 3, 4]);
		expect(latest!.step('live', -1)).toBe(3);
		expect(view.update({selected: 4})).toBe('4');
		expect(latest!.parameters).toBe(fourth);
		expect(fake.asked).toEqual([]);
	});

	it('takes an epoch\'s weights from its event even when the training view told of the epoch first', async () => {
		const {model} = await trainedModelFile(3);
		const fake = fakeClient();
		const view = show({model, client: fake.client, training: {current: model.current, epoch: 3}, selected: 'live'});
		const fourth = marked(4);
		view.update({training: {current: fourth, epoch: 4}});
		await waitFor(() => latest!.epochs.length === 5, 'epoch 4 listed');
		fake.emit({type: 'epoch', record: record(4), parameters: fourth});
		expect(latest!.step('live', -1)).toBe(3);
		view.update({selected: 4});
		expect(latest!.parameters).toBe(fourth);
		expect(fake.asked).toEqual([]);
	});

	it('asks the worker once for an epoch whose weights did not come, shows the previous weights and says loading until they come', async () => {
		const {model} = await trainedModelFile(3);
		const fake = fakeClient();
		const view = show({model, client: fake.client, training: {current: model.current, epoch: 3}, selected: 'live'});
		const live = marked(40);
		fake.emit({type: 'epoch', record: record(4)});
		view.update({training: {current: live, epoch: 4}}); // progress weights of epoch 5 under way
		expect(latest!.step('live', -1)).toBe(4);

		expect(view.update({selected: 4})).toBe('live loading');
		expect(latest!.parameters).toBe(live);
		view.update({training: {current: marked(41), epoch: 4}});
		expect(latest!.parameters).toBe(live); // the weights shown before, not the newer live ones
		await waitFor(() => fake.asked.length === 1, 'the request');
		expect(fake.asked).toEqual([4]);

		const fourth = marked(4);
		fake.answer(4, fourth);
		await waitFor(() => view.frame() === '4', 'the answer shown');
		expect(latest!.parameters).toBe(fourth);
		expect(latest!.loading).toBe(false);
		view.update({selected: 3});
		view.update({selected: 4});
		expect(latest!.parameters).toBe(fourth);
		expect(fake.asked).toEqual([4]);
	});

	it('keeps the epoch shown before while another loads', async () => {
		const file = await trainedModelFile(3);
		const {model} = file;
		const fake = fakeClient();
		const view = show({model, client: fake.client, training: {current: model.current, epoch: 3}, selected: 2});
		fake.emit({type: 'epoch', record: record(4)});
		expect(view.update({training: {current: marked(40), epoch: 4}, selected: 4})).toBe('2 loading');
		expect(latest!.parameters).toEqual(file.tensors('epoch.2.'));
	});

	it('shows the epoch before one the worker no longer keeps, and does not ask again', async () => {
		const {model} = await trainedModelFile(3);
		const fake = fakeClient();
		const view = show({model, client: fake.client, training: {current: model.current, epoch: 3}, selected: 'live'});
		fake.emit({type: 'epoch', record: record(4)});
		view.update({training: {current: marked(40), epoch: 4}, selected: 4});
		await waitFor(() => fake.asked.length === 1, 'the request');
		fake.answer(4, undefined);
		await waitFor(() => view.frame() === '3', 'the epoch before shown');
		expect(latest!.epochs).toEqual([0, 1, 2, 3]);
		expect(latest!.parameters).toBe(model.current);
		expect(fake.asked).toEqual([4]);
	});

	it('lists epochs completed before it listened, from the training view, without weights', async () => {
		const {model} = await trainedModelFile(2);
		const fake = fakeClient();
		const view = show({model, client: fake.client, training: {current: model.current, epoch: 2}, selected: 'live'});
		view.update({training: {current: marked(30), epoch: 3}});
		await waitFor(() => latest!.epochs.length === 4, 'epoch 3 listed');
		expect(latest!.epochs).toEqual([0, 1, 2, 3]);
	});
});
