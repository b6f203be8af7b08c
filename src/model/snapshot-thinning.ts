/**
 * Which epochs' weights a model keeps, so that long training stays bounded in memory and on disk.
 * Every epoch is kept up to `keepAllUpTo` epochs. Past that, the last `recentCount` epochs are kept,
 * and of the older ones the multiples of the smallest power of two that leaves at most `olderCount`
 * of them: at most 64 snapshots (plus the initial network) however long training runs.
 *
 * The rule never needs back an epoch it dropped: the epochs kept after epoch E+1 are among those kept
 * after epoch E, plus E+1 (the stride only grows, and multiples of 2s are multiples of s).
 */
import type {EpochSnapshot} from './model.js';

export const keepAllUpTo = 64;
export const recentCount = 32;
export const olderCount = 32;

/** Whether the weights after `epoch` are kept once `completed` epochs are done. */
export function keepsSnapshot(epoch: number, completed: number): boolean {
	if (epoch < 1 || epoch > completed) {
		return false;
	}

	if (completed <= keepAllUpTo || epoch > completed - recentCount) {
		return true;
	}

	return epoch % olderStride(completed - recentCount) === 0;
}

/** The epochs kept once `completed` epochs are done, in order: those of 1..completed that keepsSnapshot keeps. */
export function keptEpochs(completed: number): number[] {
	const kept: number[] = [];
	for (let epoch = 1; epoch <= completed; epoch++) {
		if (keepsSnapshot(epoch, completed)) {
			kept.push(epoch);
		}
	}

	return kept;
}

/** The snapshots the rule keeps once `completed` epochs are done (a new array; the others are dropped). */
export function thinSnapshots(snapshots: readonly EpochSnapshot[], completed: number): EpochSnapshot[] {
	return snapshots.filter(snapshot => keepsSnapshot(snapshot.epoch, completed));
}

/** The smallest power of two s with at most olderCount multiples of s in 1..older. */
function olderStride(older: number): number {
	let stride = 1;
	while (Math.floor(older / stride) > olderCount) {
		stride *= 2;
	}

	return stride;
}
