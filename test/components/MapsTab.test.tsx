import chalk from 'chalk';
import {renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {tileLayout} from '../../src/app/tile-layout.js';
import {MapsTab} from '../../src/components/MapsTab.js';
import type {DetailAnalysis} from '../../src/components/TileDetail.js';
import type {Parameters} from '../../src/nn/network.js';
import {newConfig} from '../../src/nn/config.js';
import {fashionNames, plain, testTree, waitFor} from './fixtures.js';
import {analysis, areas, emptyShare, image, network, split} from './tile-tab-fixtures.js';

/**
 * Layers [784,2,3]: hidden neuron 0 weighs every pixel +1, neuron 1 every pixel -0.5; class 0 = 3 x
 * neuron 0, class 1 = 2 x neuron 1, class 2 = neuron 0 + neuron 1. Maps: +3, -1 and +0.5 everywhere.
 */
function handMaps(): Parameters {
	const w0 = new Float32Array(2 * 784); // 2 x 784
	w0.fill(1, 0, 784);
	w0.fill(-0.5, 784);
	return {
		layers: [784, 2, 3],
		weights: [w0, Float32Array.of(3, 0, 0, 2, 1, 1)], // 3 x 2
		biases: [new Float32Array(2), new Float32Array(3)],
	};
}

/** Other weights of the same shape: the network before training (not the same object, so the network counts as trained). */
function untrainedOf(current: Parameters): Parameters {
	return {...current, weights: current.weights.map(w => w.map(v => v / 50)), biases: current.biases.map(b => b.slice())};
}

type Options = {
	width?: number; height?: number; selected?: number; untrained?: boolean; change?: boolean; initial?: Parameters;
	analysis?: DetailAnalysis | null; depth?: 'none' | 'truecolor';
};

function tab(current: Parameters, classNames: readonly string[], options: Options = {}) {
	return (
		<MapsTab
			current={current} initial={options.initial ?? untrainedOf(current)} version={0} epoch={2} classNames={classNames}
			width={options.width ?? 119} height={options.height ?? 32} selected={options.selected ?? 0} untrained={options.untrained ?? false}
			change={options.change ?? false} depth={options.depth ?? 'none'} image={image} split={split}
			analysis={options.analysis === null ? undefined : (options.analysis ?? analysis())} progress={0.5}
		/>
	);
}

/**
 * ReLU hidden units for the class-model tests: a class whose score rises with every pixel (class 0 of
 * handMaps, 3 relu(sum x)) keeps its gradient as pixels fill, so its model is ink everywhere; through
 * a sigmoid the unit saturates after a few pixels and the L2 penalty keeps the model faint.
 */
const reluConfig = newConfig(undefined, {layers: [784, 2, 3], activation: 'relu'});

/** The hand-made maps with the network's config, so class models are computed; in the overview too when `overview`. */
function withClassModels(overview: boolean): ReturnType<typeof testTree> {
	const tree = testTree();
	const current = handMaps();
	tree.show(
		<MapsTab
			current={current} initial={untrainedOf(current)} version={1} epoch={2} classNames={['a', 'b', 'c']} width={119} height={32} selected={0}
			untrained={false} change={false} depth='none' image={image} split={split} analysis={analysis()} progress={1}
			config={reluConfig} classModels={overview}
		/>,
	);
	return tree;
}

function draw(current: Parameters, classNames: readonly string[], options: Options = {}): string {
	return plain(renderToString(tab(current, classNames, options), {columns: options.width ?? 119}));
}

describe('MapsTab', () => {
	it('shows all 10 classes trained and untrained together at 119x32', () => {
		const out = draw(network(), fashionNames);
		expect(out).toContain('classes 0-9 of 10');
		expect(out).toContain('trained (epoch 2)');
		expect(out).toContain('untrained (initial)');
		// The overview is the left panel: count the labels there, not the names in the detail.
		const {overview} = tileLayout({width: 119, height: 32, count: 10, twoSets: true, image});
		const left = out.split('\n').map(line => [...line].slice(0, overview.width).join('')).join('\n');
		for (let c = 0; c < 10; c++) {
			const label = `${c} ${fashionNames[c]}`.slice(0, 9);
			expect(left.split(label).length - 1, fashionNames[c]).toBe(2);
		}
	});

	it('shows one set at a time at 79x16, the one asked for', () => {
		const out = draw(network(), fashionNames, {width: 79, height: 16});
		expect(out).toContain('trained (epoch 2)');
		expect(out).not.toContain('untrained (initial)');
		expect(draw(network(), fashionNames, {width: 79, height: 16, untrained: true})).toContain('untrained (initial)');
	});

	it('draws the selected class\'s map at full resolution with its scale, positive and negative maps in their shades', () => {
		const positive = draw(handMaps(), ['a', 'b', 'c'], {selected: 0});
		expect(positive).toContain('a (class 0)');
		expect(positive.split('\n').filter(line => line.includes(`│${'█'.repeat(28)} `))).toHaveLength(14);
		expect(positive).toContain('+3.00');
		expect(positive).toContain('-3.00');
		const negative = draw(handMaps(), ['a', 'b', 'c'], {selected: 1});
		expect(negative.split('\n').filter(line => line.includes(`│${'#'.repeat(28)} `))).toHaveLength(14);
		expect(negative).toContain('+1.00');
	});

	it('shows the class\'s recall and precision, the classes its test images are taken for and those taken for it, most first', () => {
		// Class 3 is taken for class d (d != 3) (3 + d) mod 7 times, and class r for class 3 (r + 3) mod 7 times: see the fixture.
		const out = draw(network(), fashionNames, {selected: 3});
		expect(out).toContain('recall 93.0%');
		expect(out).toContain('precision 83.0%');
		const lines = out.split('\n');
		const heading = lines.findIndex(line => line.includes('Dress → predicted'));
		expect(heading).toBeGreaterThan(0);
		expect(lines[heading]).toContain('true class → Dress');
		const expected = new Map(fashionNames.map((name, d) => [name, (3 + d) % 7]));
		// Each line under the headings: a bar of the left list, a space, a bar of the right list.
		const bars = lines.slice(heading + 1).flatMap(line => [...line.matchAll(/([A-Za-z][A-Za-z/ -]*?) [▏▎▍▌▋▊▉█─]+ (\d+) of (\d+)/gu)])
			.map(match => ({name: match[1].trim(), count: Number(match[2]), whole: Number(match[3])}));
		expect(bars.length).toBeGreaterThanOrEqual(6);
		for (const {name, count} of bars) {
			expect(expected.get(name), name).toBe(count);
		}

		const rowTotal = 90 + [...expected.entries()].reduce((sum, [name, n]) => sum + (name === 'Dress' ? 0 : n), 0);
		expect(bars.filter(bar => bar.whole === rowTotal).length).toBeGreaterThanOrEqual(3);
		const counts = bars.map(bar => bar.count);
		const left = counts.filter((_, k) => k % 2 === 0);
		expect(left).toEqual([...left].sort((a, b) => b - a));
	});

	it('lists the class\'s misclassified test images and, in the rows left, its right ones least sure first', () => {
		// The fixture's predictions with a confusion matrix that agrees with them: every third image is taken for the next class.
		const fixture = analysis();
		const confusion = new Int32Array(100);
		for (let i = 0; i < split.count; i++) {
			confusion[(split.labels[i] * 10) + fixture.predictions[i]]++;
		}

		const out = draw(network(), fashionNames, {selected: 3, width: 150, height: 56, analysis: {...fixture, confusion}});
		const wrong = confusion.reduce((sum, n, k) => sum + (k !== 33 && (Math.floor(k / 10) === 3 || k % 10 === 3) ? n : 0), 0);
		expect(out).toContain(`${wrong} misclassified`);
		// Images of Dress taken for Coat, and of Pullover taken for Dress.
		expect(out).toContain('→ Coat');
		expect(out).toMatch(/← (Pullover|class 2|2) /u); // a name cut would be a word cut: its index instead
		expect(out).toContain('least sure first');
		const right = Array.from({length: split.count}, (_, i) => i).filter(i => split.labels[i] === 3 && i % 3 !== 0);
		const least = Math.min(...right.map(i => ((37 * i) % 100) / 100));
		expect(out).toContain(least.toFixed(2));
	});

	it('says the recall is being computed while the analysis runs', () => {
		expect(draw(network(), fashionNames, {selected: 3, analysis: null})).toContain('recall: testing… 50%');
	});

	it('shows the untrained map small beside the trained one when there is room, apart from the scale and with its own', () => {
		const initial = handMaps();
		initial.weights[1][0] = 0.5; // class 0 untrained: +0.5 everywhere
		const out = draw(handMaps(), ['a', 'b', 'c'], {width: 119, height: 32, initial});
		const line = out.split('\n').find(text => text.includes('+3.00'));
		expect(line).toMatch(/\+3\.00 {3,}untrained, scale ±0\.50/u);
	});

	it('shows the class model by gradient ascent in the untrained map\'s place when given the config, computing it after the frame', async () => {
		const tree = withClassModels(false);
		expect(tree.frame()).toContain('class model: computing…');
		expect(tree.frame()).not.toContain('untrained, scale');
		await waitFor(() => tree.frame().includes('class model (gradient ascent)'), 'the class model');
		// Class 0 scores every pixel +3 through a ReLU: its model is ink everywhere, the densest shade.
		const line = tree.frame().split('\n').find(text => text.includes('class model (gradient ascent)'));
		const below = tree.frame().split('\n')[tree.frame().split('\n').indexOf(line!) + 1]!;
		expect(below).toMatch(/█{14}/u);
	});

	it('shows every class\'s model in the untrained maps\' place when asked (u while both sets show), under its own caption', async () => {
		const tree = withClassModels(true);
		expect(tree.frame()).toContain('class models: computing…');
		expect(tree.frame()).not.toContain('untrained (initial)');
		await waitFor(() => tree.frame().includes('class models (gradient ascent)'), 'the class models');
		// Class 1 scores every pixel -1 through a ReLU: its model is blank; class 0's is ink everywhere.
		const lines = tree.frame().split('\n');
		const caption = lines.findIndex(line => line.includes('class models (gradient ascent)'));
		const [, first, second] = lines[caption + 1]!.split('│');
		expect(first).toMatch(/█{7}/u);
		expect(second).not.toMatch(/[█▓▒]/u);
	});

	it('keeps each class\'s last model while the models of new parameters are computed, then shows the new ones', async () => {
		const tree = testTree();
		const current = handMaps();
		const config = reluConfig;
		const show = (modelParameters: Parameters): void => {
			tree.show(
				<MapsTab
					current={current} initial={untrainedOf(current)} version={1} epoch={2} classNames={['a', 'b', 'c']} width={119} height={32} selected={0}
					untrained={false} change={false} depth='none' image={image} split={split} analysis={analysis()} progress={1}
					config={config} classModels modelParameters={modelParameters}
				/>,
			);
		};

		const firstTile = (): string => {
			// Class 0's tile in the row under the caption.
			const lines = tree.frame().split('\n');
			return lines[lines.findIndex(line => line.includes('class models')) + 1]!.split('│')[1]!;
		};

		show(current);
		await waitFor(() => tree.frame().includes('class models (gradient ascent)'), 'the first models');
		// Class 0 scores every pixel +3: ink everywhere.
		expect(firstTile()).toMatch(/█{7}/u);
		// New parameters in which class 0 scores every pixel -3: its model becomes blank, but not before it is computed.
		const next = handMaps();
		next.weights[1][0] = -3;
		show(next);
		expect(tree.frame()).toContain('class models: updating…');
		expect(firstTile()).toMatch(/█{7}/u);
		await waitFor(() => tree.frame().includes('class models (gradient ascent)'), 'the new models');
		expect(firstTile()).not.toMatch(/█/u);
	});

	it('shows an untrained network\'s maps once, said once, without an untrained map beside the detail', () => {
		for (const [options, words] of [[{epoch: 0}, 'not trained yet'], [{epoch: 0, version: 1, same: true}, 'untrained (epoch 0)']] as const) {
			const current = network();
			const out = plain(renderToString(
				<MapsTab
					current={current} initial={'same' in options ? current : network(4)} version={'version' in options ? options.version : 0} epoch={0}
					classNames={fashionNames} width={119} height={32} selected={0} untrained={false} change={false} depth='none' image={image} split={split}
					analysis={analysis()} progress={1}
				/>,
				{columns: 119},
			));
			expect(out.split(words).length - 1, words).toBe(1);
			expect(out).not.toContain('untrained (initial)');
			expect(out).not.toContain('untrained, scale');
			expect(out).not.toMatch(/(?<!un)trained \(epoch 0\)/u);
		}
	});

	it('says in words and in the warning colour that a class was never predicted', () => {
		const never = analysis();
		const confusion = never.confusion.slice();
		for (let r = 0; r < 10; r++) {
			confusion[(r * 10) + 5] = 0; // nothing predicted Sandal
		}

		const precision = never.precision.slice();
		precision[5] = Number.NaN;
		for (const [width, height] of [[119, 32], [79, 16], [150, 56]]) {
			const out = draw(network(), fashionNames, {selected: 5, width, height, analysis: {...never, confusion, precision}});
			expect(out, `${width}x${height}`).toContain('never predicted');
		}

		const level = chalk.level;
		chalk.level = 1;
		try {
			const coloured = renderToString(tab(network(), fashionNames, {selected: 5, analysis: {...never, confusion, precision}}), {columns: 119});
			expect(coloured).toMatch(/\u001B\[33m *never predicted/u);
		} finally {
			chalk.level = level;
		}
	});

	it('says the lists\' and images\' headings whole with Fashion-MNIST names at 119x32', () => {
		const lines = draw(network(), fashionNames, {selected: 9}).split('\n');
		const heading = lines.find(line => line.includes('Ankle boot → predicted'));
		expect(heading).toContain('true class → Ankle boot');
		// The detail panel (right of the overview): no word cut.
		const {overview} = tileLayout({width: 119, height: 32, count: 10, twoSets: true, image});
		const detail = lines.map(line => [...line].slice(overview.width).join('')).join('\n');
		expect(detail).not.toMatch(/[A-Za-z]…/u);
		// After an arrow a whole name's first word, 'class' (class N), an index or a heading's word.
		const words = new Set([...fashionNames.map(name => name.split(' ')[0]), 'class', 'predicted', 'taken', 'true', 'the', 'its']);
		for (const [, word] of detail.matchAll(/[→←] ([^ │]+)/gu)) {
			expect(words.has(word) || /^\d+$/u.test(word), word).toBe(true);
		}
	});

	it('shows trained minus untrained maps when asked for the change', () => {
		const initial = handMaps();
		initial.weights[1][0] = 5; // class 0 map +5 before, +3 now: changed by -2
		const out = draw(handMaps(), ['a', 'b', 'c'], {initial, change: true});
		expect(out).toContain('a (class 0) · change by training');
		expect(out).toContain('-2.00');
	});

	it('never draws wider or taller than its area, from 79x14 to 300x90', () => {
		for (const {width, height} of [...areas, {width: 79, height: 14}, {width: 300, height: 90}]) {
			const lines = draw(network(), fashionNames, {width, height, selected: 9}).split('\n');
			expect(lines.length, `${width}x${height}`).toBeLessThanOrEqual(height);
			for (const line of lines) {
				expect([...line].length, `${width}x${height}`).toBeLessThanOrEqual(width);
			}
		}
	});

	it('leaves at most a quarter of its area empty at 80x24, 120x40 and 200x60', () => {
		for (const {width, height} of areas) {
			const share = emptyShare(tab(network(), fashionNames, {width, height, selected: 3, depth: 'truecolor'}), width, height);
			expect(share, `${width}x${height}`).toBeLessThanOrEqual(0.25);
		}
	});

	describe('drawn again from what it is given', () => {
		const tree = testTree();
		const initial = handMaps();
		const show = (current: Parameters, classNames: readonly string[]): void => {
			// The same version and initial network throughout: the tiles must follow what they read.
			tree.show(<MapsTab current={current} initial={initial} version={5} epoch={2} classNames={classNames} width={119} height={32} selected={0} untrained={false} change={false} depth='none' image={image}/>);
		};

		it('shows the maps of new parameters given with the same version', () => {
			show(handMaps(), ['a', 'b', 'c']);
			expect(tree.frame()).toContain('+3.00');
			const second = handMaps();
			second.weights[1][0] = 4;
			show(second, ['a', 'b', 'c']);
			expect(tree.frame()).toContain('+4.00');
		});

		it('names the classes it is given now', () => {
			show(handMaps(), ['a', 'b', 'c']);
			expect(tree.frame()).toContain('a (class 0)');
			show(handMaps(), ['x', 'y', 'z']);
			expect(tree.frame()).toContain('x (class 0)');
			expect(tree.frame()).toContain('1 y');
		});
	});
});
