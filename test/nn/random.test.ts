import {describe, expect, it} from 'vitest';
import {Random} from '../../src/nn/random.js';

describe('Random', () => {
	it('gives the same sequence for the same seed and a different one for another seed', () => {
		const a = Random.fromSeed(7);
		const b = Random.fromSeed(7);
		const c = Random.fromSeed(8);
		const sa = Array.from({length: 20}, () => a.nextUint32());
		const sb = Array.from({length: 20}, () => b.nextUint32());
		const sc = Array.from({length: 20}, () => c.nextUint32());
		expect(sa).toEqual(sb);
		expect(sa).not.toEqual(sc);
	});

	it('continues exactly from a saved state', () => {
		const a = Random.fromSeed(3);
		for (let i = 0; i < 1000; i++) {
			a.nextNormal();
		}

		const b = Random.fromState(a.getState());
		expect(Array.from({length: 50}, () => a.nextFloat())).toEqual(Array.from({length: 50}, () => b.nextFloat()));
	});

	it('draws normals with mean 0 and variance 1', () => {
		const rng = Random.fromSeed(1);
		const n = 200_000;
		let sum = 0;
		let sumSq = 0;
		for (let i = 0; i < n; i++) {
			const x = rng.nextNormal();
			sum += x;
			sumSq += x * x;
		}

		const mean = sum / n;
		expect(Math.abs(mean)).toBeLessThan(0.01);
		expect(Math.abs((sumSq / n) - (mean * mean) - 1)).toBeLessThan(0.01);
	});

	it('draws integers uniformly below the bound', () => {
		const rng = Random.fromSeed(5);
		const counts = new Array(7).fill(0);
		for (let i = 0; i < 70_000; i++) {
			counts[rng.nextInt(7)]++;
		}

		for (const c of counts) {
			expect(Math.abs(c - 10_000)).toBeLessThan(400);
		}
	});

	it('shuffles into a permutation', () => {
		const rng = Random.fromSeed(9);
		const a = Uint32Array.from({length: 100}, (_, i) => i);
		rng.shuffle(a);
		expect([...a].sort((x, y) => x - y)).toEqual(Array.from({length: 100}, (_, i) => i));
		expect([...a]).not.toEqual(Array.from({length: 100}, (_, i) => i));
	});

	it('rejects a state that is not four uint32 values', () => {
		expect(() => Random.fromState([1, 2, 3])).toThrow(/4 uint32/);
		expect(() => Random.fromState([0, 0, 0, 0])).toThrow(/not all zero/);
		expect(() => Random.fromState([1, 2, 3, 2 ** 32])).toThrow(/4 uint32/);
	});
});
