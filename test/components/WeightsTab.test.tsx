import chalk from 'chalk';
import {Box, renderToString} from 'ink';
import {afterEach, describe, expect, it} from 'vitest';
import {computeLayout, type Size} from '../../src/app/layout.js';
import {PixelLayer} from '../../src/app/pixel-layer.js';
import {PixelLayerContext} from '../../src/components/PixelImage.js';
import {WeightsTab} from '../../src/components/WeightsTab.js';
import type {ColorDepth} from '../../src/render/color-depth.js';
import {initParameters, type Parameters} from '../../src/nn/network.js';
import {Random} from '../../src/nn/random.js';
import {handWeights, meanOf, plain, testTree} from './fixtures.js';

const image = {rows: 28, cols: 28};

type Options = {
	epoch?: number; version?: number; size?: Size; paneOpen?: boolean; selected?: number; untrained?: boolean; change?: boolean; sharedScale?: boolean;
	initial?: Parameters; depth?: ColorDepth;
};

/** The tab as the app lays it out in a terminal of `size`: inside the content area, clipped to it. */
function draw(current: Parameters, options: Options = {}): string {
	const size = options.size ?? {columns: 200, rows: 60};
	const layout = computeLayout(size, options.paneOpen, image);
	return renderToString(
		<Box flexDirection='column' width={layout.contentWidth} height={layout.contentHeight} overflow='hidden'>
			<WeightsTab
				current={current} initial={options.initial ?? current} version={options.version ?? 0} epoch={options.epoch ?? 4} layout={layout}
				selected={options.selected ?? 0} sharedScale={options.sharedScale ?? false} untrained={options.untrained ?? false}
				change={options.change ?? false} depth={options.depth ?? 'none'} image={image}
			/>
		</Box>,
		{columns: size.columns},
	);
}

function label(p: Parameters, j: number): string {
	const weights = p.weights[0].subarray(j * 784, (j + 1) * 784);
	// Rounded as shown: a value that rounds to zero has no minus sign.
	const fixed = (v: number, digits: number): string => (Number(v.toFixed(digits)) === 0 ? (0).toFixed(digits) : v.toFixed(digits));
	return `${j} B ${fixed(p.biases[0][j], 2)} I ${fixed(meanOf(weights), 3)}`;
}

afterEach(() => {
	chalk.level = 0;
});

describe('WeightsTab', () => {
	it('labels each tile with its neuron, bias B to 2 decimals and influence I to 3', () => {
		const out = plain(draw(handWeights()));
		expect(out).toContain('0 B 1.50 I 0.250');
		expect(out).toContain('1 B -0.75 I -0.500');
		expect(out).toContain('2 B 0.33 I ');
	});

	it('calls a network at epoch 0 not trained yet, until its first epoch is under way', () => {
		expect(plain(draw(handWeights(), {epoch: 0}))).toContain('not trained yet (t trains)');
		expect(plain(draw(handWeights(), {epoch: 0, change: true}))).toContain('change by training: none yet');
		const live = plain(draw(handWeights(), {epoch: 0, version: 3}));
		expect(live).toContain('trained (epoch 0)');
		expect(live).not.toContain('not trained yet');
		expect(plain(draw(handWeights(), {epoch: 4}))).toContain('trained (epoch 4)');
	});

	it('computes I as the mean of the incoming weights of the irregular neuron', () => {
		const p = handWeights();
		const expected = label(p, 2);
		expect(expected).not.toBe('2 B 0.33 I 0.000');
		expect(plain(draw(p))).toContain(expected);
	});

	it('shows every neuron of a [784,30,10] network, one page at a time, with B and I from its weights', () => {
		const p = initParameters({layers: [784, 30, 10], init: 'large'}, Random.fromSeed(7));
		const size = {columns: 80, rows: 24};
		const {perPage} = computeLayout(size, undefined, image).grid;
		for (let first = 0; first < 30; first += perPage) {
			const out = plain(draw(p, {size, selected: first}));
			for (let j = first; j < Math.min(30, first + perPage); j++) {
				expect(out, `neuron ${j}`).toContain(label(p, j));
			}

			expect(out).toContain(`neurons ${first}-${Math.min(30, first + perPage) - 1} of 30`);
			expect(out).not.toContain(label(p, (first + perPage) % 30));
		}
	});

	it('draws each tile as 28 columns of 14 half-block rows in the tile\'s own colour scale', () => {
		const out = plain(draw(handWeights(), {size: {columns: 80, rows: 24}})).split('\n');
		const imageRows = out.filter(line => line.startsWith('█'.repeat(28)));
		expect(imageRows).toHaveLength(14);
		for (const row of imageRows) {
			// Neuron 0 (all positive) beside neuron 1 (all negative), one column apart.
			expect(row.trimEnd()).toBe(`${'█'.repeat(28)}│${'#'.repeat(28)}`);
		}
	});

	it('shows the untrained weights with their own B and I when asked', () => {
		const current = handWeights();
		const initial = handWeights();
		initial.biases[0][0] = -2.5;
		initial.weights[0].fill(0.125, 0, 784);
		const out = plain(draw(current, {size: {columns: 80, rows: 24}, initial, untrained: true}));
		expect(out).toContain('0 B -2.50 I 0.125');
		expect(out).not.toContain('0 B 1.50 I 0.250');
		expect(out).toContain('untrained (initial)');
	});

	it('wraps the legend onto a second line rather than cut its keys off in a narrow terminal', () => {
		const out = plain(draw(handWeights(), {size: {columns: 80, rows: 24}}));
		expect(out).toMatch(/B bias, I influence\s+\(mean weight\)/);
		expect(out).toMatch(/d change · a\s+scale/);
	});

	it('shows trained and untrained side by side when the terminal is wide enough', () => {
		const current = handWeights();
		const initial = handWeights();
		initial.biases[0][1] = 0.5;
		const out = plain(draw(current, {size: {columns: 200, rows: 60}, initial}));
		const [trainedCaption, untrainedCaption] = [out.indexOf('trained (epoch 4)'), out.indexOf('untrained (initial)')];
		expect(trainedCaption).toBeGreaterThan(0);
		expect(untrainedCaption).toBeGreaterThan(trainedCaption);
		expect(out.split('\n').find(line => line.includes('trained (epoch 4)'))).toContain('untrained (initial)');
		expect(out).toContain('1 B -0.75 I -0.500');
		expect(out).toContain('1 B 0.50 I -0.500');
	});

	it('shows what training changed, B and I of trained minus untrained, when asked', () => {
		const current = handWeights();
		const initial = handWeights();
		initial.biases[0][0] = 1;
		initial.weights[0].fill(0.125, 0, 784);
		const out = plain(draw(current, {size: {columns: 80, rows: 24}, initial, change: true}));
		expect(out).toContain('0 B 0.50 I 0.125');
		expect(out).toContain('1 B 0.00 I 0.000');
	});

	it('pages to the selected tile', () => {
		const out = plain(draw(handWeights(), {size: {columns: 80, rows: 24}, selected: 2}));
		expect(out).toContain('neurons 2-2 of 3');
		expect(out).toContain('2 B 0.33');
		expect(out).not.toContain('0 B 1.50');
	});

	it('highlights the label of the selected tile only', () => {
		chalk.level = 3;
		const inverse = '\u001B[7m';
		const out = draw(handWeights(), {size: {columns: 120, rows: 40}, selected: 1});
		const labels = out.split('\n').find(line => plain(line).includes('1 B -0.75')) ?? '';
		expect(labels.split(inverse)).toHaveLength(2);
		expect(plain(labels.split(inverse)[1]).startsWith('1 B -0.75 I -0.500')).toBe(true);
	});

	it('says which colour scale is in use', () => {
		expect(plain(draw(handWeights()))).toContain('scale per tile');
		expect(plain(draw(handWeights(), {sharedScale: true}))).toContain('shared scale');
	});

	it('scales all tiles by the largest weight of the layer with one shared scale', () => {
		// Neuron 0 (+0.25) is drawn at half strength against neuron 1 (-0.5) on one scale.
		const perTile = plain(draw(handWeights(), {size: {columns: 80, rows: 24}})).split('\n');
		const shared = plain(draw(handWeights(), {size: {columns: 80, rows: 24}, sharedScale: true})).split('\n');
		const row = (lines: string[]): string => lines.find(l => l.includes('#'.repeat(28))) ?? '';
		expect(row(perTile).slice(0, 28)).toBe('█'.repeat(28));
		expect(row(shared).slice(0, 28)).not.toBe('█'.repeat(28));
		expect(row(shared).slice(29, 57)).toBe('#'.repeat(28));
	});

	it('keeps one column between the tiles of a row at 120x40 beside the pane: a rule without colour', () => {
		const p = handWeights();
		p.weights[0].fill(1, 2 * 784);
		const out = plain(draw(p, {size: {columns: 120, rows: 40}})).split('\n');
		const imageRows = out.filter(line => line.startsWith('█'.repeat(28)));
		expect(imageRows).toHaveLength(14);
		for (const row of imageRows) {
			expect(row.trimEnd()).toBe(`${'█'.repeat(28)}│${'#'.repeat(28)}│${'█'.repeat(28)}`);
		}
	});

	it('leaves the column between tiles blank in colour, where the tiles show their own edges', () => {
		chalk.level = 2;
		const out = plain(draw(handWeights(), {size: {columns: 120, rows: 40}, depth: 'ansi256'})).split('\n');
		expect(out[0]).toMatch(/^Weights · neurons/);
		expect(out[15]).toMatch(/^0 B 1\.50/); // the label line under 14 image rows
		const imageRows = out.slice(1, 15);
		for (const row of imageRows) {
			expect(row).not.toContain('│');
			expect(row[28]).toBe(' ');
		}
	});

	it('draws its tiles through the pixel layer when there is one', () => {
		const layer = new PixelLayer();
		const size = {columns: 80, rows: 24};
		const layout = computeLayout(size, undefined, image);
		const p = handWeights();
		const out = renderToString(
			<PixelLayerContext.Provider value={layer}>
				<WeightsTab current={p} initial={p} version={0} epoch={0} layout={layout} selected={0} sharedScale={false} untrained={false} change={false} depth='none' image={image}/>
			</PixelLayerContext.Provider>,
			{columns: size.columns},
		);
		expect(out.split('\n').filter(l => l.startsWith('█'))).toEqual([]);
		expect(out).toMatch(/[\uE000-\uF8FF]{28}/);
		expect(plain(layer.substitute(out)).split('\n').filter(l => l.startsWith(`${'█'.repeat(28)}│${'#'.repeat(28)}`))).toHaveLength(14);
	});

	it('draws a page of 56 tiles a grid through the pixel layer on a 450x130 terminal', () => {
		const p = initParameters({layers: [784, 100, 10], init: 'large'}, Random.fromSeed(1));
		const size = {columns: 450, rows: 130};
		const layout = computeLayout(size, undefined, image);
		expect(layout.grid.perPage).toBe(56);
		const layer = new PixelLayer();
		const out = renderToString(
			<PixelLayerContext.Provider value={layer}>
				<WeightsTab current={p} initial={p} version={0} epoch={0} layout={layout} selected={0} sharedScale={false} untrained={false} change={false} depth='ansi256' image={image}/>
			</PixelLayerContext.Provider>,
			{columns: size.columns},
		);
		expect(plain(out)).toContain('neurons 0-55 of 100');
	});

	it('puts a caption over each grid when trained and untrained are side by side, and none when not', () => {
		const wide = plain(draw(handWeights(), {size: {columns: 200, rows: 60}})).split('\n');
		const captions = wide.find(line => line.includes('untrained (initial)'));
		expect(captions).toMatch(/^trained \(epoch 4\) +untrained \(initial\)/);
		const narrow = plain(draw(handWeights(), {size: {columns: 120, rows: 40}}));
		expect(narrow).not.toContain('untrained (initial)');
	});

	it('fits the content width at 80x24, 120x40 and 200x60', () => {
		const p = initParameters({layers: [784, 30, 10], init: 'large'}, Random.fromSeed(3));
		for (const size of [{columns: 80, rows: 24}, {columns: 120, rows: 40}, {columns: 200, rows: 60}]) {
			const layout = computeLayout(size, undefined, image);
			const lines = plain(draw(p, {size})).split('\n');
			expect(lines.length).toBeLessThanOrEqual(layout.contentHeight);
			for (const line of lines) {
				expect([...line].length, `${size.columns}x${size.rows}`).toBeLessThanOrEqual(layout.contentWidth);
			}
		}
	});

	describe('drawn again from what it is given', () => {
		const tree = testTree();
		const layout = computeLayout({columns: 120, rows: 40}, undefined, image);
		const show = (current: Parameters, initial: Parameters, change = false): void => {
			// The same version throughout: the tiles must follow the parameters, not a counter beside them.
			tree.show(<WeightsTab current={current} initial={initial} version={5} epoch={1} layout={layout} selected={0} sharedScale={false} untrained={false} change={change} depth='none' image={image}/>);
		};

		it('shows the weights of new parameters given with the same version', () => {
			const first = handWeights();
			show(first, first);
			expect(tree.frame()).toContain('0 B 1.50 I 0.250');
			const second = handWeights();
			second.biases[0][0] = -1.25;
			second.weights[0].fill(0.5, 0, 784);
			show(second, first);
			expect(tree.frame()).toContain('0 B -1.25 I 0.500');
			expect(tree.frame()).not.toContain('0 B 1.50');
		});

		it('shows the change against new initial parameters given with the same version', () => {
			const current = handWeights();
			show(current, handWeights(), true);
			expect(tree.frame()).toContain('0 B 0.00 I 0.000');
			const initial = handWeights();
			initial.biases[0][0] = 1;
			show(current, initial, true);
			expect(tree.frame()).toContain('0 B 0.50 I 0.000');
		});
	});
});
