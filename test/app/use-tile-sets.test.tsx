import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import * as tileSources from '../../src/app/tile-sources.js';
import {type TileSets, type TileSetsOptions, useTileSets} from '../../src/app/use-tile-sets.js';
import type {Parameters} from '../../src/nn/network.js';

vi.mock('../../src/app/tile-sources.js', async importOriginal => {
	const actual = await importOriginal<typeof import('../../src/app/tile-sources.js')>();
	return {...actual, sharedScaleOf: vi.fn(actual.sharedScaleOf)};
});

// Layers [4,3,2]: three first-layer neurons, each a 2 x 2 tile.
function parameters(offset: number): Parameters {
	return {
		layers: [4, 3, 2],
		weights: [Float32Array.from({length: 12}, (_, i) => (i - 6 + offset) / 4), new Float32Array(6)],
		biases: [Float32Array.of(0.25, -1.5, 3), new Float32Array(2)],
	};
}

const label = (_source: tileSources.TileSource, index: number) => `n${index}`;
const current = parameters(1);
const initial = parameters(0);
const base: TileSetsOptions = {
	id: 'weights', current, initial, sources: tileSources.neuronSources, label, perPage: 2, selected: 0,
	change: false, sharedScale: true, depth: 'truecolor', image: {rows: 2, cols: 2},
};

let latest: TileSets | undefined;
function Probe(props: {readonly options: TileSetsOptions}) {
	latest = useTileSets(props.options);
	return <Text>{latest.trained.map(tile => (tile.selected ? `[${tile.label}]` : tile.label)).join(' ')}</Text>;
}

const rendered: Array<ReturnType<typeof render>> = [];
afterEach(() => {
	for (const instance of rendered.splice(0)) {
		instance.unmount();
	}
});

function show(options: TileSetsOptions) {
	const instance = render(<Probe options={options}/>);
	rendered.push(instance);
	return (next: TileSetsOptions) => {
		instance.rerender(<Probe options={next}/>);
		return instance.lastFrame();
	};
}

function images(sets: TileSets | undefined) {
	return [...sets!.trained, ...sets!.untrained].map(tile => tile.lines);
}

describe('useTileSets', () => {
	it('moving the selection within a page marks another tile but keeps the page\'s images and does not rescan the set for the shared scale', () => {
		const update = show(base);
		const before = images(latest);
		const scans = vi.mocked(tileSources.sharedScaleOf).mock.calls.length;
		expect(update({...base, selected: 1})).toBe('n0 [n1]');
		expect(latest!.untrained.map(tile => tile.selected)).toEqual([false, true]);
		const after = images(latest);
		expect(after).toHaveLength(before.length);
		after.forEach((lines, k) => expect(lines).toBe(before[k]));
		expect(vi.mocked(tileSources.sharedScaleOf).mock.calls.length).toBe(scans);
	});

	it('draws the images again for another page and for new parameters', () => {
		const update = show(base);
		const first = images(latest);
		expect(update({...base, selected: 2})).toBe('[n2]');
		expect(images(latest)[0]).not.toBe(first[0]);
		const second = images(latest);
		const scans = vi.mocked(tileSources.sharedScaleOf).mock.calls.length;
		expect(update({...base, selected: 2, current: parameters(2)})).toBe('[n2]');
		expect(images(latest)[0]).not.toBe(second[0]);
		expect(images(latest)[1]).toBe(second[1]);
		expect(vi.mocked(tileSources.sharedScaleOf).mock.calls.length).toBe(scans + 1);
	});

	it('averages each tile factor x factor and names the places by set: one set at a time shares the first set\'s places', () => {
		show({...base, factor: 2});
		expect(latest!.trained.map(tile => tile.lines.length)).toEqual([1, 1]); // 2 x 2 pixels averaged into one
		expect(latest!.trained.map(tile => tile.id)).toEqual(['weights.0.0', 'weights.0.1']);
		expect(latest!.untrained.map(tile => tile.id)).toEqual(['weights.0.0', 'weights.0.1']);
		show({...base, twoSets: true});
		expect(latest!.untrained.map(tile => tile.id)).toEqual(['weights.1.0', 'weights.1.1']);
	});

	it('hands on the full-resolution tiles shown and their shared scale for the detail', () => {
		show({...base, change: true});
		expect([...latest!.shown[0].values]).toEqual([0.25, 0.25, 0.25, 0.25]);
		expect(latest!.shownScale).toBe(0.25);
		expect(latest!.initialScale).toBe(1.5);
	});
});

