import {Box, renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {computeLayout, type Size} from '../../src/app/layout.js';
import {MapsTab} from '../../src/components/MapsTab.js';
import {classMaps, maxAbs} from '../../src/nn/class-maps.js';
import {initParameters, type Parameters} from '../../src/nn/network.js';
import {Random} from '../../src/nn/random.js';
import {fashionNames, plain, testTree} from './fixtures.js';

const image = {rows: 28, cols: 28};

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

type Options = {size?: Size; selected?: number; untrained?: boolean; change?: boolean; initial?: Parameters};

function draw(current: Parameters, classNames: readonly string[], options: Options = {}): string {
	const size = options.size ?? {columns: 80, rows: 24};
	const layout = computeLayout(size, undefined, image);
	return plain(renderToString(
		<Box flexDirection='column' width={layout.contentWidth} height={layout.contentHeight} overflow='hidden'>
			<MapsTab
				current={current} initial={options.initial ?? current} version={0} epoch={2} classNames={classNames}
				layout={layout} selected={options.selected ?? 0} untrained={options.untrained ?? false}
				change={options.change ?? false} depth='none' image={image}
			/>
		</Box>,
		{columns: size.columns},
	));
}

describe('MapsTab', () => {
	it('labels each class map with its class name and its largest absolute value', () => {
		const names = ['T-shirt/top', 'Trouser', 'Pullover'];
		const out = draw(handMaps(), names, {size: {columns: 200, rows: 60}});
		expect(out).toContain('T-shirt/top  max 3.0');
		expect(out).toContain('Trouser  max 1.0');
		expect(out).toContain('Pullover  max 0.5');
		expect(out).toContain('classes 0-2 of 3');
	});

	it('draws positive maps in the positive shades and negative maps in the negative ones', () => {
		const out = draw(handMaps(), ['a', 'b', 'c']).split('\n');
		const rows = out.filter(line => line.startsWith('█'.repeat(28)));
		expect(rows).toHaveLength(14);
		for (const row of rows) {
			expect(row.trimEnd()).toBe(`${'█'.repeat(28)}│${'#'.repeat(28)}`);
		}
	});

	it('pages to the selected class, showing only the names on that page', () => {
		const out = draw(handMaps(), ['T-shirt/top', 'Trouser', 'Pullover'], {selected: 2});
		expect(out).toContain('Pullover  max 0.5');
		expect(out).not.toContain('Trouser');
		expect(out).not.toContain('T-shirt/top');
	});

	it('shows which classes are on the page at 80x24', () => {
		const out = draw(handMaps(), ['T-shirt/top', 'Trouser', 'Pullover'], {selected: 2});
		expect(out).toContain('classes 2-2 of 3');
	});

	it('shows the Fashion-MNIST class names of a [784,30,10] network, with the maxima of its class maps', () => {
		const p = initParameters({layers: [784, 30, 10], init: 'large'}, Random.fromSeed(11));
		const maps = classMaps(p);
		const size = {columns: 200, rows: 60};
		const {perPage} = computeLayout(size, undefined, image).grid;
		for (let first = 0; first < 10; first += perPage) {
			const out = draw(p, fashionNames, {size, selected: first});
			for (let c = 0; c < 10; c++) {
				const text = `${fashionNames[c]}  max ${maxAbs(maps[c]).toFixed(1)}`;
				if (c >= first && c < first + perPage) {
					expect(out, fashionNames[c]).toContain(text);
				} else {
					expect(out, fashionNames[c]).not.toContain(`${fashionNames[c]}  max`);
				}
			}
		}
	});

	it('shows the untrained maps when asked', () => {
		const initial = handMaps();
		initial.weights[1][0] = 5;
		const out = draw(handMaps(), ['a', 'b', 'c'], {initial, untrained: true});
		expect(out).toContain('untrained (initial)');
		expect(out).toContain('a  max 5.0');
	});

	it('shows trained minus untrained maps when asked for the change', () => {
		const initial = handMaps();
		initial.weights[1][0] = 5; // class 0 map +5 before, +3 now: changed by -2
		const out = draw(handMaps(), ['a', 'b', 'c'], {initial, change: true});
		expect(out).toContain('a  max 2.0');
		expect(out).toContain('b  max 0.0');
	});

	describe('drawn again from what it is given', () => {
		const tree = testTree();
		const layout = computeLayout({columns: 80, rows: 24}, undefined, image);
		const initial = handMaps();
		const show = (current: Parameters, classNames: readonly string[], shown = image): void => {
			// The same version and initial network throughout: the tiles must follow what they read.
			tree.show(<MapsTab current={current} initial={initial} version={5} epoch={2} classNames={classNames} layout={layout} selected={0} untrained={false} change={false} depth='none' image={shown}/>);
		};

		it('shows the maps of new parameters given with the same version', () => {
			show(handMaps(), ['a', 'b', 'c']);
			expect(tree.frame()).toContain('a  max 3.0');
			const second = handMaps();
			second.weights[1][0] = 4;
			show(second, ['a', 'b', 'c']);
			expect(tree.frame()).toContain('a  max 4.0');
		});

		it('names the classes it is given now', () => {
			const current = handMaps();
			show(current, ['a', 'b', 'c']);
			show(current, ['cat', 'dog', 'eel']);
			expect(tree.frame()).toContain('cat  max 3.0');
			expect(tree.frame()).not.toContain('a  max 3.0');
		});

		it('draws the image at the size it is given now', () => {
			const rows = (frame: string): number => frame.split('\n').filter(line => line.startsWith('█'.repeat(28))).length;
			const current = handMaps();
			show(current, ['a', 'b', 'c']);
			expect(rows(tree.frame())).toBe(14);
			// The same 784 values read as 56 x 14: 28 text rows of 14 columns.
			show(current, ['a', 'b', 'c'], {rows: 56, cols: 14});
			expect(rows(tree.frame())).toBe(0);
			expect(tree.frame().split('\n').filter(line => line.startsWith(`${'█'.repeat(14)}│`))).toHaveLength(28);
		});
	});
});
