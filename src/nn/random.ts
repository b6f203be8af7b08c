/**
 * The engine's one source of randomness: xoshiro128** (Blackman and Vigna), 32-bit output, 128-bit
 * state that can be saved and restored exactly, seeded through a murmur3-style mixer. The same seed
 * gives the same sequence on every machine.
 */
export class Random {
	/** Create a generator from an integer seed. */
	static fromSeed(seed: number): Random {
		const state = new Uint32Array(4);
		let x = seed >>> 0;
		for (let i = 0; i < 4; i++) {
			x = (x + 0x9E_37_79_B9) >>> 0;
			let z = x;
			z = Math.imul(z ^ (z >>> 16), 0x85_EB_CA_6B);
			z = Math.imul(z ^ (z >>> 13), 0xC2_B2_AE_35);
			state[i] = (z ^ (z >>> 16)) >>> 0;
		}

		if (state.every(v => v === 0)) {
			state[0] = 1;
		}

		return new Random(state);
	}

	/** Restore a generator from `getState()`. */
	static fromState(words: readonly number[]): Random {
		if (words.length !== 4 || words.some(w => !Number.isInteger(w) || w < 0 || w > 0xFF_FF_FF_FF)
			|| words.every(w => w === 0)) {
			throw new RangeError(`generator state must be 4 uint32 values, not all zero, got [${words.join(',')}]`);
		}

		return new Random(Uint32Array.from(words));
	}

	private readonly s: Uint32Array;

	private constructor(state: Uint32Array) {
		this.s = state;
	}

	/** The state as 4 uint32 values, for saving. */
	getState(): number[] {
		return [...this.s];
	}

	/** A uniformly distributed uint32. */
	nextUint32(): number {
		const s = this.s;
		const s0 = s[0];
		const s1 = s[1];
		const s2 = s[2];
		const s3 = s[3];
		const m = Math.imul(s1, 5);
		const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
		const t = s1 << 9;
		const n2 = s2 ^ s0;
		const n3 = s3 ^ s1;
		s[1] = s1 ^ n2;
		s[0] = s0 ^ n3;
		s[2] = n2 ^ t;
		s[3] = (n3 << 11) | (n3 >>> 21);
		return result;
	}

	/** A uniform double in [0, 1) with 53 random bits. */
	nextFloat(): number {
		const high = this.nextUint32() >>> 5; // 27 bits
		const low = this.nextUint32() >>> 6; // 26 bits
		return ((high * 67_108_864) + low) / 9_007_199_254_740_992;
	}

	/** A uniform integer in [0, n), without modulo bias. */
	nextInt(n: number): number {
		if (!Number.isInteger(n) || n <= 0 || n > 0x1_00_00_00_00) {
			throw new RangeError(`nextInt needs an integer 1..2^32, got ${n}`);
		}

		const limit = 0x1_00_00_00_00 - (0x1_00_00_00_00 % n);
		for (;;) {
			const x = this.nextUint32();
			if (x < limit) {
				return x % n;
			}
		}
	}

	/** A standard normal sample (Box-Muller, one value per call). */
	nextNormal(): number {
		const u1 = 1 - this.nextFloat(); // (0, 1]
		const u2 = this.nextFloat();
		return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
	}

	/** Fisher-Yates shuffle of `array` in place. */
	shuffle(array: Uint32Array | Int32Array | number[]): void {
		for (let i = array.length - 1; i > 0; i--) {
			const j = this.nextInt(i + 1);
			const t = array[i];
			array[i] = array[j];
			array[j] = t;
		}
	}
}
