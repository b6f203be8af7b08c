import {ShapeError} from '../errors.js';
import type {TrainConfig} from './config.js';
import type {Random} from './random.js';

/**
 * A fully connected network's parameters. Layer l maps layers[l] inputs to layers[l+1] outputs:
 * weights[l] is row-major [out x in] (as PyTorch's nn.Linear; row j is neuron j's incoming weights),
 * biases[l] has length out.
 */
export type Parameters = {
	readonly layers: readonly number[];
	readonly weights: Float32Array[]; // weights[l]: layers[l+1] x layers[l]
	readonly biases: Float32Array[]; // biases[l]: layers[l+1]
};

/** Zero-filled parameters of the given layer sizes. */
export function zeroParameters(layers: readonly number[]): Parameters {
	const weights: Float32Array[] = [];
	const biases: Float32Array[] = [];
	for (let l = 0; l + 1 < layers.length; l++) {
		weights.push(new Float32Array(layers[l + 1] * layers[l]));
		biases.push(new Float32Array(layers[l + 1]));
	}

	return {layers: [...layers], weights, biases};
}

/**
 * Fresh parameters drawn from `rng`: biases N(0,1); weights N(0,1) ('large') or N(0,1/n_in) ('scaled').
 * Draw order: for each layer, its weights row by row, then its biases.
 */
export function initParameters(config: Pick<TrainConfig, 'layers' | 'init'>, rng: Random): Parameters {
	const parameters = zeroParameters(config.layers);
	for (let l = 0; l < parameters.weights.length; l++) {
		const scale = config.init === 'scaled' ? 1 / Math.sqrt(config.layers[l]) : 1;
		const w = parameters.weights[l];
		for (let i = 0; i < w.length; i++) {
			w[i] = rng.nextNormal() * scale;
		}

		const b = parameters.biases[l];
		for (let i = 0; i < b.length; i++) {
			b[i] = rng.nextNormal();
		}
	}

	return parameters;
}

/** A deep copy. */
export function cloneParameters(p: Parameters): Parameters {
	return {
		layers: [...p.layers],
		weights: p.weights.map(w => w.slice()),
		biases: p.biases.map(b => b.slice()),
	};
}

/** True when every weight and bias is a finite number. */
export function parametersFinite(p: Parameters): boolean {
	return [...p.weights, ...p.biases].every(array => indexOfNonFinite(array) === -1);
}

/** The index of the first NaN or Infinity in `array`, or -1 when every value is finite. */
export function indexOfNonFinite(array: ArrayLike<number>): number {
	for (let i = 0; i < array.length; i++) {
		if (!Number.isFinite(array[i])) {
			return i;
		}
	}

	return -1;
}

/** Throw a ShapeError unless the arrays have the lengths that `layers` implies. */
export function checkParameters(p: Parameters, layers: readonly number[], what = 'parameters'): void {
	const count = layers.length - 1;
	if (p.weights.length !== count || p.biases.length !== count) {
		throw new ShapeError(`${what}: expected ${count} layers of weights for [${layers.join(',')}], got ${p.weights.length}`);
	}

	for (let l = 0; l < count; l++) {
		const expectedW = layers[l + 1] * layers[l];
		if (p.weights[l].length !== expectedW) {
			throw new ShapeError(`${what}: layer ${l} weights hold ${p.weights[l].length} values, expected ${layers[l + 1]}x${layers[l]} = ${expectedW}`);
		}

		if (p.biases[l].length !== layers[l + 1]) {
			throw new ShapeError(`${what}: layer ${l} biases hold ${p.biases[l].length} values, expected ${layers[l + 1]}`);
		}
	}
}
