import type {Parameters} from './network.js';

/**
 * The generalized image of every class: the product of all weight matrices, output layer first,
 * M = W[L-1] x ... x W[1] x W[0], an [outputs x inputs] matrix whose row i is class i's map over the
 * input pixels. For [784,30,10]: map_i[p] = sum_j W1[i,j] * W0[j,p]. Biases and activations are
 * ignored: it shows which pixels push each class up or down through the weights alone.
 */
export function classMaps(p: Parameters): Float32Array[] {
	const {layers, weights} = p;
	const depth = weights.length;
	let rows = layers[depth];
	let product = Float64Array.from(weights[depth - 1]); // rows x layers[depth-1]
	for (let l = depth - 2; l >= 0; l--) {
		const inner = layers[l + 1];
		const cols = layers[l];
		const w = weights[l]; // inner x cols
		const next = new Float64Array(rows * cols);
		for (let i = 0; i < rows; i++) {
			for (let k = 0; k < inner; k++) {
				const a = product[(i * inner) + k];
				if (a === 0) {
					continue;
				}

				const wRow = k * cols;
				const outRow = i * cols;
				for (let c = 0; c < cols; c++) {
					next[outRow + c] += a * w[wRow + c];
				}
			}
		}

		product = next;
	}

	rows = layers[depth];
	const inputs = layers[0];
	return Array.from({length: rows}, (_, i) => Float32Array.from(product.subarray(i * inputs, (i + 1) * inputs)));
}

/** The largest absolute value in `values` (0 for none), for symmetric colour scales. */
export function maxAbs(values: ArrayLike<number>): number {
	let m = 0;
	for (let i = 0; i < values.length; i++) {
		const a = Math.abs(values[i]);
		if (a > m) {
			m = a;
		}
	}

	return m;
}

/** Mean of `values` (the seed's "influence" I of a neuron is the mean of its incoming weights). */
export function mean(values: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < values.length; i++) {
		s += values[i];
	}

	return values.length > 0 ? s / values.length : 0;
}
