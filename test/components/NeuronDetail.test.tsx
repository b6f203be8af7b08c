import {renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {fixed, neuronSources} from '../../src/app/tile-sources.js';
import {figuresText, NeuronDetail} from '../../src/components/NeuronDetail.js';
import {maxAbs} from '../../src/nn/class-maps.js';
import type {Parameters} from '../../src/nn/network.js';
import {digitNames, fashionNames, plain} from './fixtures.js';
import {analysis, image, network, split} from './tile-tab-fixtures.js';

/** Neuron 0's outgoing weights: 4 classes pushed up, 6 down. */
const outgoing = Float32Array.of(-1.45, -1.01, -0.48, 0.98, 1.03, 1.85, -1.27, 0.13, -1.33, -0.01);

function drawn(p: Parameters, width: number, height: number, names: readonly string[] = digitNames): string[] {
	const source = neuronSources(p)[0];
	const element = (
		<NeuronDetail
			id='weights' width={width} height={height} index={0} source={source} what='' scale={maxAbs(source.values)} depth='none'
			image={image} classNames={names} outgoing={outgoing} split={split} analysis={analysis()} progress={1}
		/>
	);
	return plain(renderToString(element, {columns: width})).split('\n');
}

/** The detail panels' sizes at the screens the review looks at (80x24 to 200x60), and the sizes between. */
const sizes = [
	{width: 38, height: 17}, {width: 40, height: 19}, {width: 42, height: 21}, {width: 52, height: 32},
	{width: 58, height: 42}, {width: 72, height: 52}, {width: 46, height: 24}, {width: 50, height: 28},
];

describe('NeuronDetail', () => {
	it('says B and I with what they are in the longest wording that fits, never cut', () => {
		expect(figuresText(1.66, 0.002, 60)).toBe('B 1.66 · I 0.002  (B bias, I influence: mean weight)');
		expect(figuresText(1.66, 0.002, 48)).toBe('B 1.66 · I 0.002  (bias, influence: mean weight)');
		expect(figuresText(1.66, 0.002, 37)).toBe('B 1.66 · I 0.002  (bias, mean weight)');
		expect(figuresText(1.66, 0.002, 36)).toBe('B 1.66 · I 0.002 (bias, mean weight)');
		expect(figuresText(-2.19, -0.004, 20)).toBe('B -2.19 · I -0.004');
	});

	it('cuts no word inside the panel at any of the screens\' sizes', () => {
		const p = network();
		for (const {width, height} of sizes) {
			const lines = drawn(p, width, height, fashionNames);
			for (const line of lines.slice(1)) {
				expect(line, `${width}x${height}`).not.toContain('…');
			}
		}
	});

	it('shows the classes it pushes up and down whole or not at all: with a heading, at least one class of each side', () => {
		const p = network();
		for (let height = 16; height <= 40; height++) {
			for (const width of [38, 40, 46, 52]) {
				const text = drawn(p, width, height).join('\n');
				const up = /\+1\.85/.test(text);
				const down = /-1\.45/.test(text);
				expect(up, `${width}x${height}`).toBe(down);
				if (text.includes('pushes up')) {
					expect(up, `${width}x${height}`).toBe(true);
				}
			}
		}
	});

	it('in two rows says both sides in words (90x26), where it had room for a heading and one bar', () => {
		const lines = drawn(network(), 38, 19);
		const at = lines.findIndex(line => line.includes('pushes up'));
		expect(at).toBeGreaterThan(0);
		expect(lines[at]).toMatch(/│pushes up +5 \+1\.85 · 4 \+1\.03/);
		expect(lines[at + 1]).toMatch(/│pushes down 0 -1\.45 · 8 -1\.33/);
	});

	it('puts B and I in the title when there is no line for them', () => {
		const p = network();
		const source = neuronSources(p)[0];
		const lines = drawn(p, 38, 16);
		expect(lines[0]).toContain(`Neuron 0 · B ${fixed(source.figures[0], 2)}`);
	});
});
