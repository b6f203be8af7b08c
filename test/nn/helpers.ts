import type {DatasetSplit} from '../../src/data/dataset.js';
import {Random} from '../../src/nn/random.js';

/**
 * A small synthetic dataset: `classes` classes of side x side images, class c drawn as a bright
 * horizontal bar on row c (or column c - side for c >= side), with random noise, so it can be learned.
 */
export function barsSplit(count: number, side: number, classes: number, seed: number): DatasetSplit {
	const rng = Random.fromSeed(seed);
	const images = new Uint8Array(count * side * side);
	const labels = new Uint8Array(count);
	for (let i = 0; i < count; i++) {
		const c = i % classes;
		labels[i] = c;
		for (let p = 0; p < side * side; p++) {
			const row = Math.floor(p / side);
			const col = p % side;
			const on = c < side ? row === c : col === c - side;
			images[(i * side * side) + p] = on ? 200 + rng.nextInt(56) : (rng.nextInt(4) === 0 ? rng.nextInt(80) : 0);
		}
	}

	return {count, images, labels};
}
