import chalk from 'chalk';
import {afterEach, describe, expect, it} from 'vitest';
import {staticSnapshot} from '../../src/app/snapshot.js';
import {classify} from '../../src/app/model-view.js';
import {createModel} from '../../src/model/model-dataset.js';
import {classMaps, maxAbs} from '../../src/nn/class-maps.js';
import {defaultConfig} from '../../src/nn/config.js';
import {digitNames, meanOf, syntheticDataset} from '../components/fixtures.js';

const dataset = syntheticDataset(digitNames);
const model = createModel({...defaultConfig, layers: [784, 30, 10], seed: 5}, dataset);

afterEach(() => {
	chalk.level = 0;
});

function snapshot(): string {
	// The caller (run-tui) sets chalk to the depth; at depth none that is level 0.
	chalk.level = 0;
	return staticSnapshot(model, dataset, 'none', 120);
}

describe('staticSnapshot', () => {
	it('shows the first test example with its true and predicted labels', () => {
		const out = snapshot();
		const result = classify(model.current, model.config, dataset.test, 0);
		expect(out).toContain('Example 0 of 12');
		expect(out).toMatch(new RegExp(`true ${digitNames[result.label]} · predicted ${digitNames[result.predicted]} [✓✗] · untrained network`));
	});

	it('shows the confidence of every class for the example', () => {
		const out = snapshot();
		const result = classify(model.current, model.config, dataset.test, 0);
		for (let c = 0; c < 10; c++) {
			expect(out).toMatch(new RegExp(`${c} [█▏▎▍▌▋▊▉─]+ ${result.outputs[c].toFixed(3)}`));
		}
	});

	it('labels all 30 weight tiles with B and I computed from the weights', () => {
		const out = snapshot();
		for (let j = 0; j < 30; j++) {
			const weights = model.current.weights[0].subarray(j * 784, (j + 1) * 784);
			// A value that rounds to zero is shown without its minus sign (the scaled init's means are tiny).
			const shown = (v: number, digits: number): string => v.toFixed(digits).replace(/^-(0\.0+)$/, '$1');
			expect(out, `neuron ${j}`).toContain(`${j} B ${shown(model.current.biases[0][j], 2)} I ${shown(meanOf(weights), 3)}`);
		}

		expect(out).toContain('neurons 0-29 of 30');
	});

	it('shows the generalized image of every class with its name', () => {
		const out = snapshot();
		const maps = classMaps(model.current);
		for (let c = 0; c < 10; c++) {
			expect(out, `class ${c}`).toContain(`${digitNames[c]} ±${maxAbs(maps[c]).toFixed(1)}`);
		}

		expect(out).toContain('classes 0-9 of 10');
	});

	it('names no keys: a snapshot takes none', () => {
		const out = snapshot();
		for (const hint of ['g go to', 'd change', 'a scale', 'u untrained', '↓ to browse', 't trains']) {
			expect(out).not.toContain(hint);
		}

		expect(out).toContain('B bias, I influence (mean weight)');
	});

	it('has no escape character at all at depth none', () => {
		expect(snapshot()).not.toContain('\u001B');
	});

	it('stays within the width it is given', () => {
		for (const line of snapshot().split('\n')) {
			expect([...line].length).toBeLessThanOrEqual(120);
		}
	});

	it('draws images in 256 colours at depth ansi256', () => {
		chalk.level = 2;
		const out = staticSnapshot(model, dataset, 'ansi256', 120);
		expect(out).toMatch(/\u001B\[38;5;\d+/);
		expect(out).not.toMatch(/\u001B\[38;2;/);
	});
});
