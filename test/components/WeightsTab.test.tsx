import chalk from 'chalk';
import {renderToString} from 'ink';
import {afterEach, describe, expect, it} from 'vitest';
import {PixelLayer} from '../../src/app/pixel-layer.js';
import {tileLayout} from '../../src/app/tile-layout.js';
import {fixed} from '../../src/app/tile-sources.js';
import {PixelLayerContext} from '../../src/components/PixelImage.js';
import type {DetailAnalysis} from '../../src/components/TileDetail.js';
import {WeightsTab} from '../../src/components/WeightsTab.js';
import type {ColorDepth} from '../../src/render/color-depth.js';
import {initParameters, type Parameters} from '../../src/nn/network.js';
import {Random} from '../../src/nn/random.js';
import {digitNames, fashionNames, handWeights, meanOf, plain, testTree} from './fixtures.js';
import {analysis, areas, emptyShare, image, network, split} from './tile-tab-fixtures.js';

type Options = {
	epoch?: number; version?: number; width?: number; height?: number; selected?: number; untrained?: boolean; change?: boolean;
	sharedScale?: boolean; initial?: Parameters; depth?: ColorDepth; names?: readonly string[]; analysis?: DetailAnalysis | null; progress?: number;
};

function tab(current: Parameters, options: Options = {}) {
	return (
		<WeightsTab
			current={current} initial={options.initial ?? current} version={options.version ?? 0} epoch={options.epoch ?? 4}
			width={options.width ?? 119} height={options.height ?? 32} selected={options.selected ?? 0} sharedScale={options.sharedScale ?? false}
			untrained={options.untrained ?? false} change={options.change ?? false} depth={options.depth ?? 'none'} image={image}
			classNames={options.names ?? digitNames} split={split} analysis={options.analysis === null ? undefined : (options.analysis ?? analysis())}
			progress={options.progress} focused
		/>
	);
}

function draw(current: Parameters, options: Options = {}): string {
	return plain(renderToString(tab(current, options), {columns: options.width ?? 119}));
}

/** The overview's label of neuron j in a tile `width` cells wide: j, its bias and influence, as many as fit. */
function label(p: Parameters, j: number, width: number): string {
	const withBias = `${j} B ${fixed(p.biases[0][j], 2)}`;
	const full = `${withBias} I ${fixed(meanOf(p.weights[0].subarray(j * 784, (j + 1) * 784)), 3)}`;
	return [full, withBias].find(text => text.length <= width) ?? String(j);
}

/** Layers [784,30,10] with neuron 0's outgoing weights (column 0 of W1) hand-picked. */
function withOutgoing(): Parameters {
	const p = network();
	const column = [0.1, -0.9, 0.5, 0.3, -0.2, 0.8, 0, -0.4, 0.2, -0.6];
	column.forEach((w, c) => {
		p.weights[1][c * 30] = w;
	});
	return p;
}

afterEach(() => {
	chalk.level = 0;
});

describe('WeightsTab', () => {
	it('shows all 30 neurons 0-29 at once at 119x32, each labelled with its index and bias', () => {
		const p = network();
		const out = draw(p);
		expect(out).toContain('neurons 0-29 of 30');
		for (let j = 0; j < 30; j++) {
			expect(out, `neuron ${j}`).toContain(label(p, j, 10));
		}
	});

	it('pages through the neurons at 79x16, the page that holds the selected one', () => {
		const p = network();
		const first = draw(p, {width: 79, height: 16, selected: 0});
		const match = /Neurons 0-(\d+) /.exec(first);
		expect(match).not.toBeNull();
		const perPage = Number(match![1]) + 1;
		expect(perPage).toBeGreaterThanOrEqual(8);
		const next = draw(p, {width: 79, height: 16, selected: perPage});
		expect(next).toContain(`Neurons ${perPage}-`);
		expect(next).toContain(`Neuron ${perPage} ·`);
	});

	it('shows the selected neuron in the detail panel with its bias B and influence I (the mean incoming weight)', () => {
		const p = handWeights();
		const out = draw(p, {selected: 2});
		expect(out).toContain('Neuron 2');
		const mean = fixed(meanOf(p.weights[0].subarray(2 * 784, 3 * 784)), 3);
		expect(mean).not.toBe('0.000');
		expect(out).toContain(`B 0.33 · I ${mean}`);
	});

	it('keeps the full-resolution image and puts B and I in the detail\'s title at 79x16', () => {
		const out = draw(handWeights(), {width: 79, height: 16, selected: 1}).split('\n');
		expect(out[0]).toContain('Neuron 1 · B -0.75 · I -0.500');
		// Neuron 1 is -0.5 everywhere: 14 rows of 28 full negative shades in the detail.
		expect(out.filter(line => line.includes(`│${'#'.repeat(28)} `))).toHaveLength(14);
	});

	it('shows the colour scale with its values at both ends and at 0, the tile\'s own or the layer\'s', () => {
		const own = draw(handWeights(), {selected: 0}).split('\n');
		expect(own.find(line => line.includes('+0.25'))).toBeDefined();
		expect(own.find(line => line.includes('-0.25'))).toBeDefined();
		expect(own.some(line => / 0 +│$/.test(line))).toBe(true);
		const shared = draw(handWeights(), {selected: 0, sharedScale: true});
		expect(shared).toContain('+0.50');
		expect(shared).toContain('-0.50');
		expect(shared).not.toContain('+0.25');
	});

	it('says which colour scale is in use when the border has room', () => {
		expect(draw(network(), {width: 150, height: 56})).toContain('a scale per tile');
		expect(draw(network(), {width: 150, height: 56, sharedScale: true})).toContain('a shared scale');
	});

	/** The bar rows of the detail panel: the text inside its border, on rows with a bar's axis. */
	function barRows(out: string, width: number, height: number): string[] {
		const {overview} = tileLayout({width, height, count: 30, twoSets: false, image});
		return out.split('\n').map(line => [...line].slice(overview.width + 1, -1).join('')).filter(line => line.includes('│'));
	}

	const values = (row: string): string[] => [...row.matchAll(/([+-]?\d\.\d\d)/g)].map(m => m[1]);

	it('lists the classes the neuron pushes up and down most, from its column of the next weight matrix, the most first', () => {
		const rows = barRows(draw(withOutgoing(), {selected: 0}), 119, 32);
		// Two columns at 119x32: the 3 most up on the left, the 3 most down on the right, each the strongest first.
		expect(rows.map(values)).toEqual([['+0.80', '-0.90'], ['+0.50', '-0.60'], ['+0.30', '-0.40']]);
		expect(rows.map(row => [...row.matchAll(/(?:^| )(\d) /g)].map(m => m[1]))).toEqual([['5', '1'], ['2', '9'], ['3', '7']]);
	});

	it('with room for every class lists all that push up and all that push down, and a weight of 0 under neither', () => {
		const out = draw(withOutgoing(), {width: 150, height: 56, selected: 0});
		expect(out).toMatch(/pushes up +pushes down +│/);
		const rows = barRows(out, 150, 56).map(values);
		expect(rows.map(row => row[0])).toEqual(['+0.80', '+0.50', '+0.30', '+0.20', '+0.10']);
		expect(rows.map(row => row[1])).toEqual(['-0.90', '-0.60', '-0.40', '-0.20', undefined]);
		expect(out).toContain('only 4 push down');
		expect(rows.flat()).not.toContain('0.00');
	});

	it('shows the test images that excite the neuron most, captioned with their class names', () => {
		const out = draw(network(), {width: 150, height: 56, selected: 7, names: fashionNames});
		expect(out).toContain('test images that excite it most');
		// Neuron 7's images are 49, 0, 1, ..., 6 (see the fixture): classes 9, 0, 1, ..., 6, in that order, after the bars.
		const places = [9, 0, 1, 2, 3, 4, 5, 6].map(c => out.lastIndexOf(fashionNames[c]));
		expect(places.every(i => i > out.indexOf('test images that excite it most'))).toBe(true);
		expect(places).toEqual([...places].sort((a, b) => a - b));
	});

	it('says how far it is while the test images are being searched', () => {
		const out = draw(network(), {selected: 3, analysis: null, progress: 0.42});
		expect(out).toContain('finding the test images that excite it most… 42%');
	});

	it('calls a network at epoch 0 not trained yet, until its first epoch is under way', () => {
		const initial = network(4);
		expect(draw(network(), {epoch: 0, initial})).toContain('not trained yet (t trains)');
		expect(draw(network(), {epoch: 0, initial, change: true})).toContain('change by training: none yet');
		const live = draw(network(), {epoch: 0, version: 3, initial});
		expect(live).toContain('trained (epoch 0)');
		expect(live).not.toContain('not trained yet');
	});

	it('calls the initial weights themselves (the timeline at epoch 0) untrained, without a key hint to train', () => {
		const initial = network();
		const out = draw(initial, {epoch: 0, version: 1, initial});
		expect(out).toContain('untrained (epoch 0)');
		expect(out).not.toMatch(/(?<!un)trained \(epoch 0\)/u);
		expect(out).not.toContain('t trains');
	});

	it('shows the untrained weights in the overview and the detail when asked', () => {
		const current = handWeights();
		const initial = handWeights();
		initial.biases[0][0] = -2.5;
		initial.weights[0].fill(0.125, 0, 784);
		const out = draw(current, {initial, untrained: true});
		expect(out).toContain('untrained (initial)');
		expect(out).toContain('0 B -2.50');
		expect(out).toContain('Neuron 0 · untrained');
		expect(out).toContain('B -2.50 · I 0.125');
	});

	it('shows what training changed, B and I of trained minus untrained, when asked', () => {
		const current = handWeights();
		const initial = handWeights();
		initial.biases[0][0] = 1;
		initial.weights[0].fill(0.125, 0, 784);
		const out = draw(current, {initial, change: true});
		expect(out).toContain('Neuron 0 · change by training');
		expect(out).toContain('B 0.50 · I 0.125');
		expect(out).toContain('1 B 0.00');
	});

	it('highlights the label of the selected tile only', () => {
		chalk.level = 3;
		const inverse = '\u001B[7m';
		const out = renderToString(tab(network(), {selected: 8}), {columns: 119});
		const marked = out.split('\n').filter(line => line.includes(inverse));
		expect(marked).toHaveLength(1);
		expect(plain(marked[0].split(inverse)[1]).startsWith('8')).toBe(true);
	});

	it('puts a rule between the tiles without colour, where a blank cell is a zero weight', () => {
		const out = draw(handWeights(), {width: 79, height: 16}).split('\n');
		// Tiles of 10 x 5 cells inside a cell of margin: neuron 0 (all positive) beside neuron 1 (all negative), a rule between.
		expect(out.filter(line => line.startsWith(`│ ${'█'.repeat(10)}│${'#'.repeat(10)} │`))).toHaveLength(5);
	});

	it('never draws wider or taller than its area, from 79x14 to 300x90', () => {
		for (const {width, height} of [...areas, {width: 79, height: 14}, {width: 300, height: 90}]) {
			for (const selected of [0, 29]) {
				const lines = draw(network(), {width, height, selected}).split('\n');
				expect(lines.length, `${width}x${height}`).toBeLessThanOrEqual(height);
				for (const line of lines) {
					expect([...line].length, `${width}x${height}`).toBeLessThanOrEqual(width);
				}
			}
		}
	});

	it('leaves at most a quarter of its area empty at 80x24, 120x40 and 200x60', () => {
		for (const {width, height} of areas) {
			const share = emptyShare(tab(network(), {width, height, selected: 7, names: fashionNames, depth: 'truecolor'}), width, height);
			expect(share, `${width}x${height}`).toBeLessThanOrEqual(0.25);
		}
	});

	it('draws its tiles and the detail through the pixel layer, each image in a place of its own', () => {
		const layer = new PixelLayer();
		const p = initParameters({layers: [784, 100, 10], init: 'scaled'}, Random.fromSeed(1));
		const out = renderToString(
			<PixelLayerContext.Provider value={layer}>{tab(p, {width: 300, height: 90, depth: 'ansi256'})}</PixelLayerContext.Provider>,
			{columns: 300},
		);
		const shown = /neurons 0-(\d+) of 100/.exec(plain(out));
		expect(shown).not.toBeNull();
		// Each image row is one anchor of its own: a row of tiles is one image, the detail another.
		const anchors = [...out.matchAll(/[\uE000-\uF8FF]/g)].map(m => m[0]);
		expect(new Set(anchors).size).toBe(anchors.length);
		expect(anchors.length).toBeGreaterThan(20);
		// Swapped in, every tile is drawn: no anchor is left, and each label sits under its drawn tile.
		const swapped = plain(layer.substitute(out));
		expect(swapped).not.toMatch(/[\uE000-\uF8FF]/);
		for (let k = 0; k <= Number(shown![1]); k++) {
			expect(swapped).toMatch(new RegExp(`(^|[ │])${k} B -?\\d`, 'm'));
		}
	});

	describe('drawn again from what it is given', () => {
		const tree = testTree();
		const show = (current: Parameters, initial: Parameters, change = false): void => {
			// The same version throughout: the tiles must follow the parameters, not a counter beside them.
			tree.show(<WeightsTab current={current} initial={initial} version={5} epoch={1} width={119} height={32} selected={0} sharedScale={false} untrained={false} change={change} depth='none' image={image}/>);
		};

		it('shows the weights of new parameters given with the same version', () => {
			const first = handWeights();
			show(first, first);
			expect(tree.frame()).toContain('B 1.50 · I 0.250');
			const second = handWeights();
			second.biases[0][0] = -1.25;
			second.weights[0].fill(0.5, 0, 784);
			show(second, first);
			expect(tree.frame()).toContain('B -1.25 · I 0.500');
			expect(tree.frame()).not.toContain('B 1.50');
		});

		it('shows the change against new initial parameters given with the same version', () => {
			const current = handWeights();
			show(current, handWeights(), true);
			expect(tree.frame()).toContain('B 0.00 · I 0.000');
			const initial = handWeights();
			initial.biases[0][0] = 1;
			show(current, initial, true);
			expect(tree.frame()).toContain('B 0.50 · I 0.000');
		});
	});
});
