import {Text} from 'ink';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {render} from 'ink-testing-library';
import {analyse, type analyseInSlices} from '../../src/app/test-analysis.js';
import {AnalysisRunner, patienceMs, type TestAnalysisState, useTestAnalysis} from '../../src/app/use-test-analysis.js';
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

describe('AnalysisRunner', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	/** An analysis that takes `ms` of (fake) time in 10 ms slices, stopping when aborted; its result is the tiny analysis. */
	function takes(ms: number): typeof analyseInSlices {
		return async (_p, _c, _s, options = {}) => {
			for (let spent = 0; spent < ms; spent += 10) {
				if (options.signal?.aborted) {
					return undefined;
				}

				// eslint-disable-next-line no-await-in-loop -- a slice of pretend work
				await new Promise(resolve => {
					setTimeout(resolve, 10);
				});
			}

			return options.signal?.aborted ? undefined : analyse(tinyParameters, tinyConfig, tinySplit);
		};
	}

	/** New parameters every `everyMs` for `forMs`, with a runner whose analyses take `analysisMs`; what finished, and when. */
	async function stream(everyMs: number, forMs: number, analysisMs: number) {
		vi.useFakeTimers({toFake: ['setTimeout', 'performance']});
		const finished: Array<{readonly parameters: Parameters; readonly at: number}> = [];
		const runner = new AnalysisRunner({
			onProgress() {/* not looked at */},
			onFinished(entry) {
				finished.push({parameters: entry.parameters, at: performance.now()});
			},
		}, takes(analysisMs));
		const asked: Parameters[] = [];
		const start = performance.now();
		for (let at = 0; at < forMs; at += everyMs) {
			const parameters = cloneParameters(tinyParameters);
			asked.push(parameters);
			runner.want({parameters, config: tinyConfig, split: tinySplit});
			// eslint-disable-next-line no-await-in-loop -- one request after another, as updates come
			await vi.advanceTimersByTimeAsync(everyMs);
		}

		const during = finished.length;
		await vi.advanceTimersByTimeAsync(2 * analysisMs);
		runner.stop();
		return {asked, finished: finished.map(f => ({...f, at: f.at - start})), during};
	}

	it('stops the analysis under way for newer parameters while the numbers shown are fresh', async () => {
		const {asked, finished} = await stream(50, 200, 100);
		// Parameters at 0, 50, 100 and 150 ms: each stops the one before; only the last is analysed.
		expect(finished.map(f => asked.indexOf(f.parameters))).toEqual([3]);
		expect(finished[0].at).toBeGreaterThanOrEqual(250);
	});

	it('finishes the analysis under way once the numbers have been stale for patienceMs, however often new parameters come', async () => {
		const {asked, finished, during} = await stream(30, 3000, 100);
		expect(during).toBeGreaterThan(3000 / (patienceMs + 100) - 1);
		// Never more than patience plus one analysis and one wait for a request between two results.
		const gaps = finished.slice(1).map((f, k) => f.at - finished[k].at);
		expect(Math.max(...gaps)).toBeLessThanOrEqual(patienceMs + 100 + 30 + 10);
		expect(during).toBeLessThan(asked.length / 3); // most were skipped, not queued
		expect(finished.at(-1)!.parameters).toBe(asked.at(-1));
		expect(new Set(finished.map(f => f.parameters)).size).toBe(finished.length);
	});
});
