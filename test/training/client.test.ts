import {
	afterEach, beforeEach, describe, expect, it, vi,
} from 'vitest';
import type {EpochRecord} from '../../src/model/model.js';
import {EventBatcher} from '../../src/training/client.js';
import type {TrainingEvent} from '../../src/training/protocol.js';

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
});
