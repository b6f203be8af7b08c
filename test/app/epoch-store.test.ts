import {describe, expect, it} from 'vitest';
import {
	EpochStore, epochAtOrBefore, jumpEpoch, stepEpoch, type TimelinePosition,
} from '../../src/app/epoch-store.js';
import type {Model} from '../../src/model/model.js';
import {keptEpochs} from '../../src/model/snapshot-thinning.js';
import {zeroParameters, type Parameters} from '../../src/nn/network.js';
import {buildModel, makeParameters} from '../model/model-fixture.js';
import {trainedModelFile} from './epoch-store-fixture.js';

/** Parameters told apart by their first bias: `marked(7)` has 7 there. */
function marked(value: number): Parameters {
	const parameters = zeroParameters([2, 1]);
	parameters.biases[0][0] = value;
	return parameters;
}

/** A model with `epochs` completed and no snapshots in its file but the latest (the current weights). */
function bareModel(epochs: number): Pick<Model, 'initial' | 'current' | 'snapshots' | 'position'> {
	return {initial: marked(0), current: marked(epochs), snapshots: [], position: {epoch: epochs, rng: [1, 2, 3, 4], velocity: null}};
}

describe('stepEpoch (the timeline keys [ and ])', () => {
	const epochs = [0, 1, 2, 3, 4];

	it('goes from live to the latest epoch while the live weights are not its own (an epoch under way)', () => {
		expect(stepEpoch(epochs, 'live', -1, true)).toBe(4);
	});

	it('goes from live to the epoch before the latest when live shows the latest epoch\'s weights', () => {
		expect(stepEpoch(epochs, 'live', -1, false)).toBe(3);
	});

	it('steps back one listed epoch at a time down to the untrained network, and stays there', () => {
		const visited: TimelinePosition[] = [];
		let at: TimelinePosition = 'live';
		for (let i = 0; i < 7; i++) {
			at = stepEpoch(epochs, at, -1, true);
			visited.push(at);
		}

		expect(visited).toEqual([4, 3, 2, 1, 0, 0, 0]);
	});

	it('steps forward to the latest epoch, then back to live, and stays live', () => {
		const visited: TimelinePosition[] = [];
		let at: TimelinePosition = 0;
		for (let i = 0; i < 6; i++) {
			at = stepEpoch(epochs, at, 1, true);
			visited.push(at);
		}

		expect(visited).toEqual([1, 2, 3, 4, 'live', 'live']);
	});

	it('steps over the epochs the thinning dropped, and from a dropped one to its listed neighbours', () => {
		const thinned = [0, 8, 16, 40, 41];
		expect(stepEpoch(thinned, 16, -1, true)).toBe(8);
		expect(stepEpoch(thinned, 16, 1, true)).toBe(40);
		expect(stepEpoch(thinned, 12, -1, true)).toBe(8);
		expect(stepEpoch(thinned, 12, 1, true)).toBe(16);
	});

	it('with only the untrained network, [ goes to it and ] back to live', () => {
		expect(stepEpoch([0], 'live', -1, false)).toBe(0);
		expect(stepEpoch([0], 'live', -1, true)).toBe(0);
		expect(stepEpoch([0], 0, 1, false)).toBe('live');
	});

	it('{ jumps to the untrained network and } to live', () => {
		expect(jumpEpoch('first')).toBe(0);
		expect(jumpEpoch('latest')).toBe('live');
	});

	it('shows the listed epoch at or before a selected one', () => {
		expect(epochAtOrBefore([0, 8, 16, 40], 16)).toBe(16);
		expect(epochAtOrBefore([0, 8, 16, 40], 20)).toBe(16);
		expect(epochAtOrBefore([0, 8, 16, 40], 3)).toBe(0);
		expect(epochAtOrBefore([0, 8, 16, 40], 99)).toBe(40);
	});
});

describe('EpochStore from a model file', () => {
	it('lists the untrained network and every epoch of a 30-epoch file, each with the weights of the file\'s epoch.N tensors', async () => {
		const file = await trainedModelFile(30);
		const store = new EpochStore(file.model);
		expect(store.epochs()).toEqual(Array.from({length: 31}, (_, epoch) => epoch));
		expect(store.latest).toBe(30);
		expect(store.parameters(0)).toEqual(file.tensors('initial.'));
		for (let epoch = 1; epoch <= 30; epoch++) {
			expect(store.parameters(epoch)).toEqual(file.tensors(`epoch.${epoch}.`));
		}
	});

	it('steps from live back through the file\'s epochs, each step\'s weights those of the file\'s tensors, and forward to live again', async () => {
		const file = await trainedModelFile(6);
		const store = new EpochStore(file.model);
		const live = file.model.current;
		let at: TimelinePosition = 'live';
		const back: TimelinePosition[] = [];
		for (;;) {
			at = store.step(at, -1, live);
			back.push(at);
			if (at === 'live') {
				break; // [ never goes to live: the check below fails
			}

			expect(store.parameters(at)).toEqual(file.tensors(at === 0 ? 'initial.' : `epoch.${at}.`));
			if (at === 0) {
				break;
			}
		}

		// Live shows the latest epoch's weights (nothing trains), so [ skips to the one before.
		expect(back).toEqual([5, 4, 3, 2, 1, 0]);
		const forward: TimelinePosition[] = [];
		while (at !== 'live') {
			at = store.step(at, 1, live);
			forward.push(at);
		}

		expect(forward).toEqual([1, 2, 3, 4, 5, 6, 'live']);
	});

	it('steps from live to the latest epoch once the live weights are others (training under way)', async () => {
		const file = await trainedModelFile(3);
		const store = new EpochStore(file.model);
		expect(store.step('live', -1, file.model.current)).toBe(2);
		expect(store.step('live', -1, marked(1))).toBe(3);
	});

	it('lists the epochs a long run\'s file kept (the thinning rule) and the latest', async () => {
		const file = await trainedModelFile(100);
		const store = new EpochStore(file.model);
		expect(store.epochs()).toEqual([0, ...keptEpochs(100)]);
		expect(store.parameters(96)).toEqual(file.tensors('epoch.96.'));
		expect(store.parameters(3)).toBeUndefined();
	});

	it('takes the latest epoch\'s weights from the current ones when the file keeps no snapshot of it', () => {
		const model = buildModel();
		model.snapshots = [{epoch: 1, parameters: makeParameters(2)}];
		const store = new EpochStore(model);
		expect(store.epochs()).toEqual([0, 1, 2]);
		expect(store.parameters(2)).toBe(model.current);
		expect(store.parameters(0)).toBe(model.initial);
	});
});

describe('EpochStore with the session\'s epochs', () => {
	it('adds each completed epoch, with the weights that came with its event, and asks once for those that did not', () => {
		const store = new EpochStore(bareModel(2));
		store.complete(3, marked(3));
		store.complete(4);
		expect(store.epochs()).toEqual([0, 2, 3, 4]);
		expect(store.parameters(4)).toBeUndefined();
		expect(store.claimRequest(4)).toBe(true);
		expect(store.claimRequest(4)).toBe(false);
		expect(store.claimRequest(2)).toBe(false); // here already
		expect(store.claimRequest(1)).toBe(false); // not listed
		store.receive(4, marked(4));
		expect(store.parameters(4)).toEqual(marked(4));
	});

	it('takes the latest epoch\'s weights when they come after it was told of without them, and no other epoch\'s late', () => {
		const store = new EpochStore(bareModel(2));
		store.complete(3);
		store.complete(3, marked(3));
		expect(store.parameters(3)).toEqual(marked(3));
		store.complete(4);
		store.complete(3, marked(33));
		expect(store.parameters(3)).toBeUndefined();
	});

	it('lets go of the previous latest epoch\'s weights when the next completes, unless they were shown', () => {
		const store = new EpochStore(bareModel(0));
		store.complete(1, marked(1));
		store.complete(2, marked(2));
		store.hold(2);
		store.complete(3, marked(3));
		store.complete(4, marked(4));
		expect(store.epochs()).toEqual([0, 1, 2, 3, 4]);
		expect([1, 2, 3, 4].map(epoch => store.parameters(epoch)?.biases[0][0])).toEqual([undefined, 2, undefined, 4]);
		expect(store.claimRequest(1)).toBe(true);
	});

	it('drops an epoch the worker no longer keeps from the list, and ignores an answer for one thinned out meanwhile', () => {
		const store = new EpochStore(bareModel(0));
		for (let epoch = 1; epoch <= 70; epoch++) {
			store.complete(epoch);
		}

		expect(store.epochs()).toContain(6);
		store.receive(6, undefined);
		expect(store.epochs()).not.toContain(6);
		store.receive(3, marked(3)); // epoch 3 left the list at epoch 70
		expect(store.parameters(3)).toBeUndefined();
	});

	it('never drops the untrained network', () => {
		const store = new EpochStore(bareModel(1));
		store.receive(0, undefined);
		expect(store.epochs()).toEqual([0, 1]);
		expect(store.parameters(0)).toEqual(marked(0));
	});

	it('keeps at most 64 epochs and their weights through 1,000 epochs, the epochs the model file would keep, even with every epoch shown', () => {
		const store = new EpochStore(bareModel(0));
		const made = new Map<number, Parameters>();
		for (let epoch = 1; epoch <= 1000; epoch++) {
			const parameters = marked(epoch);
			made.set(epoch, parameters);
			store.complete(epoch, parameters);
			store.hold(epoch);
		}

		expect(store.epochs()).toEqual([0, ...keptEpochs(1000)]);
		expect(store.epochs().length).toBeLessThanOrEqual(65);
		const withWeights = Array.from({length: 1000}, (_, i) => i + 1).filter(epoch => store.parameters(epoch) !== undefined);
		expect(withWeights).toEqual(keptEpochs(1000));
		for (const epoch of withWeights) {
			expect(store.parameters(epoch)).toBe(made.get(epoch));
		}
	});

	it('keeps only the latest session epoch\'s weights when none was shown', () => {
		const store = new EpochStore(bareModel(0));
		for (let epoch = 1; epoch <= 1000; epoch++) {
			store.complete(epoch, marked(epoch));
		}

		const withWeights = Array.from({length: 1001}, (_, epoch) => epoch).filter(epoch => store.parameters(epoch) !== undefined);
		expect(withWeights).toEqual([0, 1000]);
	});

	it('thins the file\'s epochs by the same rule as training goes on', async () => {
		const file = await trainedModelFile(64);
		const store = new EpochStore(file.model);
		expect(store.epochs()).toHaveLength(65);
		store.complete(65);
		store.complete(66);
		expect(store.epochs()).toEqual([0, ...keptEpochs(66)]);
		expect(store.parameters(2)).toEqual(file.tensors('epoch.2.'));
		expect(store.parameters(1)).toBeUndefined();
	});

	it('tells its listeners when the list or the weights change, not when an epoch is only held', () => {
		const store = new EpochStore(bareModel(0));
		let calls = 0;
		const unsubscribe = store.subscribe(() => calls++);
		const before = store.version();
		store.complete(1);
		store.receive(1, marked(1));
		store.hold(1);
		expect(calls).toBe(2);
		expect(store.version()).not.toBe(before);
		unsubscribe();
		store.complete(2);
		expect(calls).toBe(2);
	});
});
