import {describe, expect, it} from 'vitest';
import {outputCostAndDelta} from '../../src/nn/activation.js';
import {
	type Activation, activations, type Cost, costs, defaultConfig, type OutputFunction, outputFunctions, type TrainConfig,
} from '../../src/nn/config.js';
import {initParameters} from '../../src/nn/network.js';
import {Random} from '../../src/nn/random.js';
import {Workspace} from '../../src/nn/workspace.js';

const combos: Array<[Activation, OutputFunction, Cost]> = [];
for (const a of activations) {
	for (const o of outputFunctions) {
		for (const c of costs) {
			combos.push([a, o, c]);
		}
	}
}

function costOf(ws: Workspace, label: number): number {
	const out = ws.forward();
	const n = ws.layers[ws.depth];
	return outputCostAndDelta(ws.config.output, ws.config.cost, out, n, label, new Float64Array(n));
}

describe('back-propagation', () => {
	it.each(combos)('matches a numerical gradient with %s hidden units, %s output and %s cost', (activation, output, cost) => {
		const config: TrainConfig = {...defaultConfig, layers: [12, 6, 5, 4], activation, output, cost, init: 'scaled'};
		const rng = Random.fromSeed(11);
		const ws = Workspace.create(config, initParameters(config, rng));
		const pixels = Uint8Array.from({length: 12}, (_, i) => (i % 3 === 0 ? 0 : 40 + (i * 17)));
		const label = 2;
		ws.setInput(pixels, 0);
		ws.forward();
		ws.backward(label);

		let checked = 0;
		for (let l = 0; l < ws.depth; l++) {
			for (const [params, grads] of [[ws.wt[l], ws.gwt[l]], [ws.b[l], ws.gb[l]]] as const) {
				for (let i = 0; i < params.length; i++) {
					const original = params[i];
					params[i] = Math.fround(original + 1e-2);
					const up = params[i];
					const costUp = costOf(ws, label);
					params[i] = Math.fround(original - 1e-2);
					const down = params[i];
					const costDown = costOf(ws, label);
					params[i] = original;
					const numeric = (costUp - costDown) / (up - down);
					const analytic = grads[i];
					expect(Math.abs(analytic - numeric)).toBeLessThanOrEqual((2e-3 * Math.max(Math.abs(numeric), Math.abs(analytic))) + 1e-5);
					checked++;
				}
			}
		}

		expect(checked).toBe((12 * 6) + 6 + (6 * 5) + 5 + (5 * 4) + 4);
	});

	it('gives no gradient to the weights of a zero input pixel', () => {
		const config: TrainConfig = {...defaultConfig, layers: [4, 3, 2]};
		const ws = Workspace.create(config, initParameters(config, Random.fromSeed(1)));
		ws.setInput(Uint8Array.from([0, 255, 0, 128]), 0);
		ws.forward();
		ws.backward(1);
		const g = ws.gwt[0]; // 4 x 3, transposed
		expect([...g.subarray(0, 3)]).toEqual([0, 0, 0]);
		expect([...g.subarray(6, 9)]).toEqual([0, 0, 0]);
		expect(g.subarray(3, 6).some(v => v !== 0)).toBe(true);
	});
});
