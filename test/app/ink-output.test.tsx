import chalk from 'chalk';
import {Box, render, Text} from 'ink';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {App} from '../../src/app/App.js';
import {inkOutputCacheSizes, inkOutputGetters, maxEntries, speedUpInkOutput} from '../../src/app/ink-output.js';
import {createModel} from '../../src/model/model-dataset.js';
import {newConfig} from '../../src/nn/config.js';
import {syntheticDataset, waitFor} from '../components/fixtures.js';
import {fakeStdin, idleClient, Terminal} from './fake-terminal.js';

type Frame = {output: string; height: number};
type OutputLike = {get(): Frame; caches: {getStringWidth(text: string): number}};
type OutputClass = (new (options: {width: number; height: number}) => OutputLike) & {prototype: OutputLike};

describe("Ink's output stage, sped up", () => {
	let Output: OutputClass;
	let fastGet: () => Frame;
	const comparisons: Array<{same: boolean; ink: string; fast: string}> = [];
	const level = chalk.level;

	beforeAll(async () => {
		expect(await speedUpInkOutput()).toBe(true);
		Output = (await import(new URL('output.js', import.meta.resolve('ink')).href) as {default: OutputClass}).default;
		const getters = inkOutputGetters()!;
		fastGet = Output.prototype.get;
		// Every frame is made both ways; the test reads the comparisons, Ink draws the fast one.
		Output.prototype.get = function () {
			const ink = getters.ink.call(this);
			const fast = getters.fast.call(this);
			comparisons.push({same: ink.output === fast.output && ink.height === fast.height, ink: ink.output, fast: fast.output});
			return fast;
		};

		chalk.level = 3;
	});

	afterAll(() => {
		Output.prototype.get = fastGet;
		chalk.level = level;
	});

	for (const [columns, rows] of [[80, 24], [120, 40], [200, 60]] as const) {
		it(`draws every tab of the App at ${columns}x${rows} in truecolour exactly as Ink's own output stage does`, async () => {
			comparisons.length = 0;
			const dataset = syntheticDataset();
			const model = createModel(newConfig(undefined, {layers: [784, 30, 10]}), dataset);
			const terminal = new Terminal(columns, rows);
			const stdin = fakeStdin();
			const instance = render(<App model={model} dataset={dataset} client={idleClient} depth='truecolor' savePath={undefined}/>, {
				stdout: terminal as unknown as NodeJS.WriteStream, stdin, debug: true, exitOnCtrlC: false, patchConsole: false,
			});
			try {
				for (const key of ['1', '\u001B[C', '2', '\u001B[B', '3', '\u001B[C', '4', '\u001B[C', '?']) {
					const before = comparisons.length;
					stdin.write(key);
					// eslint-disable-next-line no-await-in-loop
					await waitFor(() => comparisons.length > before, `a frame after ${JSON.stringify(key)}`);
				}
			} finally {
				instance.unmount();
			}

			const different = comparisons.find(comparison => !comparison.same);
			expect(different && {ink: different.ink, fast: different.fast}).toBeUndefined();
			expect(comparisons.some(comparison => comparison.fast.includes('\u001B[38;2;'))).toBe(true);
		});
	}

	it('draws a box clipped on both axes, with wide characters and styles, exactly as Ink does', async () => {
		comparisons.length = 0;
		const terminal = new Terminal(30, 8);
		const instance = render(
			<Box flexDirection='column' width={30}>
				<Box width={12} height={3} overflow='hidden' borderStyle='round'>
					<Text color='red' backgroundColor='#102030' bold wrap='truncate'>漢字 wide text that runs past the edge</Text>
				</Box>
				<Text inverse>an inverse line · with a dot</Text>
			</Box>,
			{stdout: terminal as unknown as NodeJS.WriteStream, stdin: fakeStdin(), debug: true, exitOnCtrlC: false, patchConsole: false},
		);
		try {
			await waitFor(() => comparisons.length > 0, 'a frame');
		} finally {
			instance.unmount();
		}

		expect(comparisons.every(comparison => comparison.same)).toBe(true);
		expect(comparisons[0]!.fast).toContain('漢字');
	});

	it('keeps its shared caches below their bound however many lines it has seen', () => {
		const output = new Output({width: 10, height: 2});
		for (let k = 0; k < maxEntries + 100; k++) {
			expect(output.caches.getStringWidth(`line ${k} ·`)).toBe(`line ${k} ·`.length);
		}

		expect(inkOutputCacheSizes()!.widths).toBeLessThanOrEqual(maxEntries);
		expect(inkOutputCacheSizes()!.widths).toBeGreaterThan(0);
	});
});
