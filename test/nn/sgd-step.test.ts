import {describe, expect, it} from 'vitest';
import {defaultConfig, type TrainConfig} from '../../src/nn/config.js';
import {initParameters, type Parameters} from '../../src/nn/network.js';
import {Random} from '../../src/nn/random.js';
import {WasmWorkspace} from '../../src/nn/wasm/wasm-workspace.js';
import {Workspace} from '../../src/nn/workspace.js';
import {barsSplit} from './helpers.js';

// An independent float64 implementation of one step of Nielsen's mini-batch SGD, written the plain
// way ([out x in] weights, dense loops), to check the engine's optimised float32 kernels against.
type Ref = {w: Float64Array[]; b: Float64Array[]};

function act(kind: string, z: number): number {
	if (kind === 'sigmoid') {
		return 1 / (1 + Math.exp(-z));
	}

	return kind === 'tanh' ? Math.tanh(z) : Math.max(0, z);
}

function actPrime(kind: string, z: number): number {
	if (kind === 'sigmoid') {
		const s = act('sigmoid', z);
		return s * (1 - s);
	}

	return kind === 'tanh' ? 1 - (Math.tanh(z) ** 2) : (z > 0 ? 1 : 0);
}

function referenceStep(
	config: TrainConfig, p: Ref, samples: Array<{x: number[]; y: number}>, n: number, velocity: Ref,
): void {
	const L = config.layers.length - 1;
	const gw = p.w.map(w => new Float64Array(w.length));
	const gb = p.b.map(b => new Float64Array(b.length));
	for (const {x, y} of samples) {
		const as: number[][] = [x];
		const zs: number[][] = [];
		for (let l = 0; l < L; l++) {
			const nIn = config.layers[l];
			const nOut = config.layers[l + 1];
			const z = Array.from({length: nOut}, (_, j) => {
				let s = p.b[l][j];
				for (let i = 0; i < nIn; i++) {
					s += p.w[l][(j * nIn) + i] * as[l][i];
				}

				return s;
			});
			zs.push(z);
			if (l === L - 1 && config.output === 'softmax') {
				const m = Math.max(...z);
				const e = z.map(v => Math.exp(v - m));
				const sum = e.reduce((s, v) => s + v, 0);
				as.push(e.map(v => v / sum));
			} else {
				as.push(z.map(v => act(l === L - 1 ? 'sigmoid' : config.activation, v)));
			}
		}

		const a = as[L];
		const target = a.map((_, i) => (i === y ? 1 : 0));
		let delta: number[];
		if (config.cost === 'cross-entropy') {
			delta = a.map((v, i) => v - target[i]);
		} else if (config.output === 'sigmoid') {
			delta = a.map((v, i) => (v - target[i]) * actPrime('sigmoid', zs[L - 1][i]));
		} else {
			const e = a.map((v, i) => v - target[i]);
			const s = e.reduce((t, v, i) => t + (v * a[i]), 0);
			delta = a.map((v, k) => v * (e[k] - s));
		}

		for (let l = L - 1; l >= 0; l--) {
			const nIn = config.layers[l];
			const nOut = config.layers[l + 1];
			for (let j = 0; j < nOut; j++) {
				gb[l][j] += delta[j];
				for (let i = 0; i < nIn; i++) {
					gw[l][(j * nIn) + i] += delta[j] * as[l][i];
				}
			}

			if (l > 0) {
				delta = Array.from({length: nIn}, (_, i) => {
					let s = 0;
					for (let j = 0; j < nOut; j++) {
						s += p.w[l][(j * nIn) + i] * delta[j];
					}

					return s * actPrime(config.activation, zs[l - 1][i]);
				});
			}
		}
	}

	const m = samples.length;
	const {eta, lambda, momentum: mu} = config;
	for (let l = 0; l < L; l++) {
		for (let i = 0; i < p.w[l].length; i++) {
			if (mu > 0) {
				velocity.w[l][i] = (mu * velocity.w[l][i]) - ((eta / m) * gw[l][i]) - ((eta * lambda / n) * p.w[l][i]);
				p.w[l][i] += velocity.w[l][i];
			} else {
				p.w[l][i] = ((1 - (eta * lambda / n)) * p.w[l][i]) - ((eta / m) * gw[l][i]);
			}
		}

		for (let j = 0; j < p.b[l].length; j++) {
			if (mu > 0) {
				velocity.b[l][j] = (mu * velocity.b[l][j]) - ((eta / m) * gb[l][j]);
				p.b[l][j] += velocity.b[l][j];
			} else {
				p.b[l][j] -= (eta / m) * gb[l][j];
			}
		}
	}
}

function toRef(p: Parameters): Ref {
	return {w: p.weights.map(w => Float64Array.from(w)), b: p.biases.map(b => Float64Array.from(b))};
}

function expectClose(actual: Float32Array, expected: Float64Array, before: Float32Array): void {
	let moved = 0;
	for (let i = 0; i < expected.length; i++) {
		expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual((1e-5 * Math.abs(expected[i])) + 1e-7);
		moved = Math.max(moved, Math.abs(expected[i] - before[i]));
	}

	expect(moved).toBeGreaterThan(1e-3); // the step is large enough for a wrong update to show
}

const variants: Array<[string, Partial<TrainConfig>]> = [
	['Nielsen\'s chapter-1 network', {}],
	['cross-entropy, softmax, tanh, scaled init and L2', {cost: 'cross-entropy', output: 'softmax', activation: 'tanh', init: 'scaled', lambda: 5, eta: 0.5}],
	['relu with momentum and L2', {activation: 'relu', momentum: 0.9, lambda: 1, eta: 0.2, init: 'scaled'}],
	['quadratic cost on softmax', {output: 'softmax', eta: 1}],
];

/** One step of the engine on `data` (one mini-batch of all its samples), on either family of kernels. */
type Stepper = {step(data: ReturnType<typeof barsSplit>, n: number): void; exportParameters(): Parameters};

const families: ReadonlyArray<[string, (config: TrainConfig, start: Parameters) => Stepper]> = [
	['js', (config, start) => {
		const ws = Workspace.create(config, start);
		return {
			step(data, n) {
				for (let i = 0; i < data.count; i++) {
					ws.setInput(data.images, i);
					ws.forward();
					ws.backward(data.labels[i]);
				}

				ws.update(data.count, n);
			},
			exportParameters: () => ws.exportParameters(),
		};
	}],
	['wasm', (config, start) => {
		const ws = WasmWorkspace.create(config, start);
		return {
			step(data, n) {
				ws.trainSlice(data, Uint32Array.from({length: data.count}, (_, i) => i), 0, data.count, n);
			},
			exportParameters: () => ws.exportParameters(),
		};
	}],
];

describe.each(families)('one SGD step on the %s kernels', (_family, create) => {
	it.each(variants)('equals a float64 reference within 1e-5 relative: %s', (_, overrides) => {
		const config: TrainConfig = {...defaultConfig, layers: [16, 7, 5, 4], batch: 5, ...overrides};
		const data = barsSplit(5, 4, 4, 2);
		const start = initParameters(config, Random.fromSeed(4));
		const engine = create(config, start);
		const ref = toRef(start);
		const velocity: Ref = {w: ref.w.map(w => new Float64Array(w.length)), b: ref.b.map(b => new Float64Array(b.length))};
		const n = 1000;
		const samples = Array.from({length: data.count}, (_, i) => ({x: [...data.images.subarray(i * 16, (i + 1) * 16)].map(v => Math.fround(v / 255)), y: data.labels[i]}));
		for (let step = 0; step < 2; step++) { // two steps, so momentum buffers matter
			engine.step(data, n);
			referenceStep(config, ref, samples, n, velocity);
		}

		const after = engine.exportParameters();
		for (let l = 0; l < 3; l++) {
			expectClose(after.weights[l], ref.w[l], start.weights[l]);
			expectClose(after.biases[l], ref.b[l], start.biases[l]);
		}
	});
});
