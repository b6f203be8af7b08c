import type {Activation, Cost, OutputFunction} from './config.js';

/** Apply a hidden activation to z[0..n) in place. */
export function activateHidden(kind: Activation, z: Float64Array, n: number): void {
	switch (kind) {
		case 'sigmoid': {
			for (let i = 0; i < n; i++) {
				z[i] = 1 / (1 + Math.exp(-z[i]));
			}

			break;
		}

		case 'tanh': {
			for (let i = 0; i < n; i++) {
				z[i] = Math.tanh(z[i]);
			}

			break;
		}

		case 'relu': {
			for (let i = 0; i < n; i++) {
				if (z[i] < 0) {
					z[i] = 0; // NaN stays NaN, so divergence is still seen
				}
			}

			break;
		}
	}
}

/** The activation's derivative at the point whose activation value is a. */
export function hiddenDerivative(kind: Activation, a: number): number {
	switch (kind) {
		case 'sigmoid': {
			return a * (1 - a);
		}

		case 'tanh': {
			return 1 - (a * a);
		}

		case 'relu': {
			return a > 0 ? 1 : 0;
		}
	}
}

/** Apply the output function to z[0..n) in place. Softmax subtracts the maximum first. */
export function activateOutput(kind: OutputFunction, z: Float64Array, n: number): void {
	if (kind === 'sigmoid') {
		activateHidden('sigmoid', z, n);
		return;
	}

	let max = -Infinity;
	for (let i = 0; i < n; i++) {
		if (z[i] > max) {
			max = z[i];
		}
	}

	let sum = 0;
	for (let i = 0; i < n; i++) {
		const e = Math.exp(z[i] - max);
		z[i] = e;
		sum += e;
	}

	for (let i = 0; i < n; i++) {
		z[i] /= sum;
	}
}

const tiny = Number.MIN_VALUE;

/**
 * The cost of output a[0..n) against the one-hot target of `label`, and its gradient with respect to
 * the output layer's weighted input z, written into delta. Logarithms are taken of at least the
 * smallest double, so a saturated wrong output costs a large finite amount instead of Infinity.
 */
export function outputCostAndDelta(
	output: OutputFunction, cost: Cost, a: Float64Array, n: number, label: number, delta: Float64Array,
): number {
	let c = 0;
	if (cost === 'cross-entropy') {
		// Sigmoid with cross-entropy and softmax with log-likelihood both give delta = a - y.
		for (let i = 0; i < n; i++) {
			const y = i === label ? 1 : 0;
			delta[i] = a[i] - y;
			if (output === 'sigmoid') {
				c -= Math.log(Math.max(y === 1 ? a[i] : 1 - a[i], tiny));
			}
		}

		if (output === 'softmax') {
			c = -Math.log(Math.max(a[label], tiny));
		}

		return c;
	}

	// Quadratic cost 0.5 * ||a - y||^2.
	for (let i = 0; i < n; i++) {
		const e = a[i] - (i === label ? 1 : 0);
		c += e * e;
		delta[i] = e;
	}

	if (output === 'sigmoid') {
		for (let i = 0; i < n; i++) {
			delta[i] *= a[i] * (1 - a[i]);
		}
	} else {
		// Softmax Jacobian: dC/dz_k = a_k * (e_k - sum_i e_i a_i).
		let s = 0;
		for (let i = 0; i < n; i++) {
			s += delta[i] * a[i];
		}

		for (let i = 0; i < n; i++) {
			delta[i] = a[i] * (delta[i] - s);
		}
	}

	return 0.5 * c;
}
