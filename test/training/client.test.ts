import {
	afterEach, beforeEach, describe, expect, it, vi,
} from 'vitest';
import type {EpochRecord} from '../../src/model/model.js';
import {EventBatcher, SnapshotRequests, TrainingClient} from '../../src/training/client.js';
import type {TrainingEvent} from '../../src/training/protocol.js';
import type {Dataset} from '../../src/data/dataset.js';
import {createModel} from '../../src/model/model-dataset.js';
import {zeroParameters} from '../../src/nn/network.js';
import {tinyClassNames, tinyConfig, tinySplit} from '../app/tiny-classifier.js';

function epoch(n: number): TrainingEvent {
	const record: EpochRecord = {epoch: n, seconds: 0.01, trainLoss: 1, validationAccuracy: 0.5, testAccuracy: 0.5};
	return {type: 'epoch', record};
}

describe('EventBatcher (how the client passes the worker\'s events on)', () => {
	beforeEach(() => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'performance']});
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('delivers progress and epoch events at most every batchMs, those held back together and in order', () => {
		const seen: number[] = [];
		const batcher = new EventBatcher(event => seen.push(event.type === 'epoch' ? event.record.epoch : -1), 100);
		batcher.receive(epoch(1));
		expect(seen).toEqual([1]);
		for (let n = 2; n <= 6; n++) {
			vi.advanceTimersByTime(10);
			batcher.receive(epoch(n));
		}

		expect(seen).toEqual([1]);
		vi.advanceTimersByTime(49);
		expect(seen).toEqual([1]);
		vi.advanceTimersByTime(1);
		expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('delivers a snapshot answer at once, after the epoch events held back (the screen knows those epochs first)', () => {
		const types: string[] = [];
		const batcher = new EventBatcher(event => types.push(event.type === 'epoch' ? `epoch ${event.record.epoch}` : event.type), 100);
		batcher.receive(epoch(1));
		batcher.receive(epoch(2));
		batcher.receive({type: 'snapshot', epoch: 2});
		expect(types).toEqual(['epoch 1', 'epoch 2', 'snapshot']);
	});

	it('delivers any other event at once, after the events held back', () => {
		const types: string[] = [];
		const batcher = new EventBatcher(event => types.push(event.type === 'epoch' ? `epoch ${event.record.epoch}` : event.type), 100);
		batcher.receive(epoch(1));
		batcher.receive(epoch(2));
		expect(types).toEqual(['epoch 1']);
		batcher.receive({type: 'done', epoch: 2});
		expect(types).toEqual(['epoch 1', 'epoch 2', 'done']);
		batcher.receive({type: 'running', until: 4});
		expect(types).toEqual(['epoch 1', 'epoch 2', 'done', 'running']);
		vi.advanceTimersByTime(1000);
		expect(types).toHaveLength(4);
	});
	it('holds progress back while keys arrive (quietFor), and delivers it when they stop', () => {
		const seen: number[] = [];
		const batcher = new EventBatcher(event => seen.push(event.type === 'epoch' ? event.record.epoch : -1), 100, 1000);
		batcher.receive(epoch(1));
		vi.advanceTimersByTime(150);
		batcher.quietFor(200);
		batcher.receive(epoch(2));
		vi.advanceTimersByTime(199);
		expect(seen).toEqual([1]);
		vi.advanceTimersByTime(1);
		expect(seen).toEqual([1, 2]);
	});

	it('never holds progress longer than maxHoldMs after the oldest event held', () => {
		const seen: number[] = [];
		const batcher = new EventBatcher(event => seen.push(event.type === 'epoch' ? event.record.epoch : -1), 100, 1000);
		batcher.receive(epoch(1));
		batcher.quietFor(5000);
		vi.advanceTimersByTime(200);
		batcher.receive(epoch(2));
		for (let k = 0; k < 9; k++) {
			vi.advanceTimersByTime(100);
			batcher.quietFor(500); // keys keep coming
		}

		vi.advanceTimersByTime(99);
		expect(seen).toEqual([1]);
		vi.advanceTimersByTime(1);
		expect(seen).toEqual([1, 2]);
	});

	it('delivers other events at once while keys hold progress back', () => {
		const types: string[] = [];
		const batcher = new EventBatcher(event => types.push(event.type === 'epoch' ? `epoch ${event.record.epoch}` : event.type), 100, 1000);
		batcher.receive(epoch(1));
		batcher.quietFor(300);
		vi.advanceTimersByTime(150);
		batcher.receive(epoch(2));
		batcher.receive({type: 'paused'});
		expect(types).toEqual(['epoch 1', 'epoch 2', 'paused']);
	});
});

describe('SnapshotRequests (the client\'s requests for a kept epoch\'s weights)', () => {
	it('posts one request per epoch however many ask, and gives each asker the answer for its epoch', async () => {
		const requests = new SnapshotRequests();
		const posted: number[] = [];
		const first = requests.ask(3, () => posted.push(3));
		const second = requests.ask(3, () => posted.push(3));
		const other = requests.ask(5, () => posted.push(5));
		expect(posted).toEqual([3, 5]);
		const weights = zeroParameters([2, 1]);
		requests.answer({type: 'snapshot', epoch: 3, parameters: weights});
		await expect(first).resolves.toBe(weights);
		await expect(second).resolves.toBe(weights);
		requests.answer({type: 'snapshot', epoch: 5});
		await expect(other).resolves.toBeUndefined();
		void requests.ask(3, () => posted.push(3));
		expect(posted).toEqual([3, 5, 3]); // answered, so asked again
	});

	it('answers every waiting request with nothing once the worker has ended', async () => {
		const requests = new SnapshotRequests();
		const waiting = [requests.ask(1, () => undefined), requests.ask(2, () => undefined)];
		requests.cancelAll();
		await expect(Promise.all(waiting)).resolves.toEqual([undefined, undefined]);
	});
});

describe('TrainingClient.snapshot', () => {
	it('answers nothing, and starts no worker, before training ever started', async () => {
		const data: Dataset = {name: 'mnist', source: 'memory', rows: 2, cols: 2, classNames: [...tinyClassNames], train: tinySplit, validation: tinySplit, test: tinySplit};
		const client = new TrainingClient(createModel(tinyConfig, data), data, undefined, 1);
		await expect(client.snapshot(1)).resolves.toBeUndefined();
		await client.stop(); // resolves at once: there is no worker to end
	});
});
