import {describe, expect, it} from 'vitest';
import {keepsSnapshot, keptEpochs, thinSnapshots} from '../../src/model/snapshot-thinning.js';
import {makeParameters} from './model-fixture.js';

const range = (from: number, to: number): number[] => Array.from({length: to - from + 1}, (_, i) => from + i);

describe('the snapshot thinning rule', () => {
	it('keeps every epoch up to 64', () => {
		expect(keptEpochs(0)).toEqual([]);
		expect(keptEpochs(1)).toEqual([1]);
		expect(keptEpochs(64)).toEqual(range(1, 64));
	});

	it('past 64 keeps the last 32 and, of the older ones, the multiples of the smallest power of two leaving at most 32', () => {
		expect(keptEpochs(65)).toEqual([...range(1, 16).map(e => e * 2), ...range(34, 65)]);
		expect(keptEpochs(96)).toEqual([...range(1, 32).map(e => e * 2), ...range(65, 96)]);
		expect(keptEpochs(97)).toEqual([...range(1, 32).map(e => e * 2), ...range(66, 97)]);
		expect(keptEpochs(98)).toEqual([...range(1, 16).map(e => e * 4), ...range(67, 98)]);
		expect(keptEpochs(1000)).toEqual([...range(1, 30).map(e => e * 32), ...range(969, 1000)]);
	});

	it('never keeps more than 64 snapshots, however long training runs', () => {
		for (let completed = 0; completed <= 20_000; completed++) {
			expect(keptEpochs(completed).length).toBeLessThanOrEqual(64);
		}
	});

	it('never needs back an epoch it dropped: what it keeps after E+1 was kept after E, or is E+1', () => {
		let previous = new Set(keptEpochs(0));
		for (let completed = 1; completed <= 5000; completed++) {
			const kept = keptEpochs(completed);
			for (const epoch of kept) {
				if (epoch !== completed && !previous.has(epoch)) {
					throw new Error(`after epoch ${completed} the rule keeps epoch ${epoch}, dropped after epoch ${completed - 1}`);
				}
			}

			previous = new Set(kept);
		}
	});

	it('agrees with keepsSnapshot, and thinSnapshots keeps exactly those', () => {
		for (const completed of [10, 64, 65, 200, 1000]) {
			expect(range(0, completed + 1).filter(e => keepsSnapshot(e, completed))).toEqual(keptEpochs(completed));
		}

		const snapshots = range(1, 65).map(epoch => ({epoch, parameters: makeParameters(epoch)}));
		expect(thinSnapshots(snapshots, 65).map(s => s.epoch)).toEqual(keptEpochs(65));
	});
});
