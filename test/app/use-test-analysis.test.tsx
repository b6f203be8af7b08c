import {Text} from 'ink';
import {afterEach, describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {analyse} from '../../src/app/test-analysis.js';
import {type TestAnalysisState, useTestAnalysis} from '../../src/app/use-test-analysis.js';
import type {DatasetSplit} from '../../src/data/dataset.js';
import {defaultConfig, type TrainConfig} from '../../src/nn/config.js';
import {cloneParameters, initParameters, type Parameters} from '../../src/nn/network.js';
import {Random} from '../../src/nn/random.js';
import {syntheticSplit, waitFor} from '../components/fixtures.js';
import {tinyConfig, tinyParameters, tinySplit} from './tiny-classifier.js';

type Seen = {readonly parameters: Parameters; readonly state: TestAnalysisState};

/** Every state the hook returned, render by render, with the parameters it was given. */
function probe(seen: Seen[]) {
	return function Probe({parameters, config, split}: {readonly parameters: Parameters; readonly config: TrainConfig; readonly split: DatasetSplit}) {
		const state = useTestAnalysis(parameters, config, split);
		seen.push({parameters, state});
		return <Text>{state.analysis ? `accuracy ${state.analysis.accuracy}` : 'pending'}</Text>;
	};
}

const rendered: Array<ReturnType<typeof render>> = [];
afterEach(() => {
	for (const instance of rendered.splice(0)) {
		instance.unmount();
	}
});

function since(seen: readonly Seen[], start: number, parameters: Parameters): TestAnalysisState[] {
	return seen.slice(start).filter(s => s.parameters === parameters).map(s => s.state);
}

describe('useTestAnalysis', () => {
	it('renders first with nothing, then with the analysis of the parameters', async () => {
		const seen: Seen[] = [];
		const Probe = probe(seen);
		const parameters = cloneParameters(tinyParameters);
		const instance = render(<Probe parameters={parameters} config={tinyConfig} split={tinySplit}/>);
		rendered.push(instance);
		expect(seen[0].state).toEqual({analysis: undefined, progress: 0, stale: undefined});
		await waitFor(() => instance.lastFrame() === 'accuracy 0.75', 'the analysis');
		const last = seen.at(-1)!.state;
		expect(last.analysis).toEqual(analyse(parameters, tinyConfig, tinySplit));
		expect(last.progress).toBe(1);
		expect(last.stale).toBeUndefined();
	});

	it('keeps the last analysis as stale while new parameters are analysed, and has an analysed epoch at once when it comes back', async () => {
		const seen: Seen[] = [];
		const Probe = probe(seen);
		const first = cloneParameters(tinyParameters);
		const second = cloneParameters(tinyParameters);
		second.biases[1][2] = -100; // never says 'blank': 2 of 4 right
		const instance = render(<Probe parameters={first} config={tinyConfig} split={tinySplit}/>);
		rendered.push(instance);
		await waitFor(() => instance.lastFrame() === 'accuracy 0.75', 'the first analysis');
		const firstAnalysis = seen.at(-1)!.state.analysis!;

		let start = seen.length;
		instance.rerender(<Probe parameters={second} config={tinyConfig} split={tinySplit}/>);
		expect(since(seen, start, second)[0]).toEqual({analysis: undefined, progress: 0, stale: firstAnalysis});
		expect(since(seen, start, second)[0].stale).toBe(firstAnalysis);
		await waitFor(() => instance.lastFrame() === 'accuracy 0.5', 'the second analysis');
		const secondAnalysis = seen.at(-1)!.state.analysis!;
		expect(secondAnalysis.neverPredicted).toEqual([2]);
		expect(seen.at(-1)!.state.stale).toBeUndefined();

		start = seen.length;
		instance.rerender(<Probe parameters={first} config={tinyConfig} split={tinySplit}/>);
		expect(since(seen, start, first)[0].analysis).toBe(firstAnalysis);
		start = seen.length;
		instance.rerender(<Probe parameters={second} config={tinyConfig} split={tinySplit}/>);
		expect(since(seen, start, second)[0].analysis).toBe(secondAnalysis);
	});

	it('stops an analysis under way when other parameters come, analyses those, and keeps no stale one of another split', async () => {
		const config: TrainConfig = {...defaultConfig, layers: [784, 200, 10]};
		const split = syntheticSplit(1500);
		const slow = initParameters(config, Random.fromSeed(1));
		const next = initParameters(config, Random.fromSeed(2));
		const seen: Seen[] = [];
		const Probe = probe(seen);
		const instance = render(<Probe parameters={slow} config={config} split={split}/>);
		rendered.push(instance);
		instance.rerender(<Probe parameters={next} config={config} split={split}/>);
		await waitFor(() => seen.at(-1)!.state.analysis !== undefined, 'the analysis of the next parameters');
		expect(seen.at(-1)!.parameters).toBe(next);
		expect(seen.some(s => s.parameters === slow && s.state.analysis !== undefined)).toBe(false);

		// Back to the first parameters: their analysis was stopped, so it starts again, with the other as stale.
		let start = seen.length;
		instance.rerender(<Probe parameters={slow} config={config} split={split}/>);
		const back = since(seen, start, slow)[0];
		expect(back.analysis).toBeUndefined();
		expect(back.stale).toBe(seen[start - 1].state.analysis);

		start = seen.length;
		const otherSplit = syntheticSplit(30);
		instance.rerender(<Probe parameters={next} config={config} split={otherSplit}/>);
		expect(since(seen, start, next)[0]).toEqual({analysis: undefined, progress: 0, stale: undefined});
		await waitFor(() => seen.at(-1)!.state.analysis?.count === 30, 'the analysis of the other split');
	});
});
