/**
 * The optimizer: mini-batch SGD as Nielsen writes it, as free functions over paired parameter and
 * gradient arrays. Each step also clears the gradient sums it used.
 *   plain:     w <- (1 - eta*lambda/n) * w - (eta/m) * g
 *   momentum:  v <- mu*v - (eta/m)*g - (eta*lambda/n)*w ;  w <- w + v   (biases: no decay)
 */

/** A parameter array and its gradient sum (and, with momentum, its velocity), all the same length. */
export type ParameterSlot = {
	readonly params: Float32Array;
	readonly grads: Float32Array;
	readonly velocity?: Float32Array;
	/** Whether L2 weight decay applies (weights yes, biases no). */
	readonly decays: boolean;
};

/** w <- decay*w - lr*g for every element, then g <- 0. */
export function stepDense(w: Float32Array, g: Float32Array, decay: number, lr: number): void {
	if (decay === 1) {
		for (let i = 0; i < w.length; i++) {
			w[i] -= lr * g[i];
			g[i] = 0;
		}
	} else {
		for (let i = 0; i < w.length; i++) {
			w[i] = (decay * w[i]) - (lr * g[i]);
			g[i] = 0;
		}
	}
}

/**
 * w <- w - lr*g on the listed rows of a row-major matrix with `rowLength` columns, then g <- 0 there.
 * Without decay or momentum, rows whose gradient is zero do not change, so this equals stepDense.
 */
export function stepRows(w: Float32Array, g: Float32Array, rows: Int32Array, rowCount: number, rowLength: number, lr: number): void {
	for (let k = 0; k < rowCount; k++) {
		const start = rows[k] * rowLength;
		for (let j = start, end = start + rowLength; j < end; j++) {
			w[j] -= lr * g[j];
			g[j] = 0;
		}
	}
}

/** v <- mu*v - lr*g - weightDecay*w ; w <- w + v ; g <- 0. */
export function stepMomentum(w: Float32Array, g: Float32Array, v: Float32Array, lr: number, weightDecay: number, mu: number): void {
	for (let i = 0; i < w.length; i++) {
		v[i] = (mu * v[i]) - (lr * g[i]) - (weightDecay * w[i]);
		w[i] += v[i];
		g[i] = 0;
	}
}

/**
 * One SGD step over every slot for a mini-batch of m samples out of n training samples.
 * `sparse` optionally names a slot (by index) whose only non-zero gradient rows are listed, so the
 * step can skip the others; it is used only when that is exact (no decay, no momentum).
 */
export function sgdStep(
	slots: readonly ParameterSlot[],
	hyper: {readonly eta: number; readonly lambda: number; readonly momentum: number; readonly m: number; readonly n: number},
	sparse?: {readonly slot: number; readonly rows: Int32Array; readonly rowCount: number; readonly rowLength: number},
): void {
	const {eta, lambda, momentum: mu, m, n} = hyper;
	const lr = eta / m;
	for (const [index, slot] of slots.entries()) {
		const decayTerm = slot.decays ? eta * lambda / n : 0;
		if (mu > 0) {
			stepMomentum(slot.params, slot.grads, slot.velocity!, lr, decayTerm, mu);
		} else if (sparse?.slot === index && decayTerm === 0) {
			stepRows(slot.params, slot.grads, sparse.rows, sparse.rowCount, sparse.rowLength, lr);
		} else {
			stepDense(slot.params, slot.grads, 1 - decayTerm, lr);
		}
	}
}
