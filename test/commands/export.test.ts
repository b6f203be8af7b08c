import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {decode} from 'fast-png';
import {beforeAll, describe, expect, it} from 'vitest';
import {type ExportCommand} from '../../src/commands/command-types.js';
import {figureSource, runShow} from '../../src/commands/export.js';
import type {CommandIo} from '../../src/commands/io.js';
import {encodePng} from '../../src/figures/figure.js';
import {weightsFigure} from '../../src/figures/weights-figure.js';
import {readModelFile} from '../../src/model/model-file.js';
import {runCli, temporaryFolder} from '../cli/run-cli.js';

let file = '';
let folder = '';

beforeAll(async () => {
	folder = temporaryFolder();
	file = join(folder, 'm.safetensors');
	const result = await runCli(['train', '--layers', '784,8,10', '--epochs', '2', '--save', file]);
	expect(result.code).toBe(0);
}, 60_000);

function command(overrides: Partial<ExportCommand>): ExportCommand {
	return {kind: 'export', model: file, view: 'weights', data: {}, json: false, force: false, ...overrides};
}

function quietIo(): CommandIo & {out: () => string} {
	let out = '';
	return {stdout: {write: (s: string) => (out += s)}, stderr: {write: () => true}, env: {}, signal: new AbortController().signal, out: () => out};
}

describe('nnviz-tui export', () => {
	it('writes the weights of the latest epoch as a PNG, the figure the weights view draws', async () => {
		const png = join(folder, 'weights.png');
		const {code, stderr} = await runCli(['export', '--model', file, '--view', 'weights', '-o', png]);
		expect(code).toBe(0);
		expect(stderr).toMatch(/^wrote .*weights\.png \(\d+x\d+ pixels, weights\)\n$/);
		const bytes = readFileSync(png);
		const decoded = decode(bytes);
		const expected = weightsFigure(figureSource(command({}), quietIo())).canvas;
		expect([decoded.width, decoded.height]).toEqual([expected.width, expected.height]);
		expect(Buffer.from(decoded.data).equals(Buffer.from(expected.rgb))).toBe(true);
	});

	it('draws the weights of the saved epoch --epoch names, 0 being the untrained network', async () => {
		const model = readModelFile(file);
		const png = join(folder, 'epoch0.png');
		expect((await runCli(['export', '--model', file, '--view', 'weights', '--epoch', '0', '-o', png])).code).toBe(0);
		const untrained = weightsFigure({...figureSource(command({}), quietIo()), parameters: model.initial, epoch: 0}).canvas;
		expect(Buffer.from(readFileSync(png)).equals(Buffer.from(encodePng(untrained)))).toBe(true);
		const json = JSON.parse((await runCli(['export', '--model', file, '--view', 'weights', '--epoch', '1', '--json'])).stdout) as {epoch: number; neurons: Array<{weights: number[]}>};
		expect(json.epoch).toBe(1);
		expect(json.neurons[3].weights).toEqual(Array.from(model.snapshots.find(s => s.epoch === 1)!.parameters.weights[0].subarray(3 * 784, 4 * 784)));
	});

	it('prints the numbers behind a view with --json: weights, confusion, curves, example', async () => {
		const model = readModelFile(file);
		const weights = JSON.parse((await runCli(['export', '--model', file, '--view', 'weights', '--json'])).stdout) as {neurons: Array<{neuron: number; weights: number[]; bias: number; influence: number}>};
		expect(weights.neurons).toHaveLength(8);
		expect(weights.neurons[7].weights).toHaveLength(784);
		expect(weights.neurons[7].bias).toBe(model.current.biases[0][7]);
		const confusion = JSON.parse((await runCli(['export', '--model', file, '--view', 'confusion', '--json'])).stdout) as {matrix: number[][]; accuracy: number; recall: number[]};
		const evaluated = JSON.parse((await runCli(['eval', '--model', file, '--json'])).stdout) as {confusion: number[][]; accuracy: number};
		expect(confusion.matrix).toEqual(evaluated.confusion);
		expect(confusion.accuracy).toBe(evaluated.accuracy);
		const curves = JSON.parse((await runCli(['export', '--model', file, '--view', 'curves', '--json'])).stdout) as {epochs: number[]; trainLoss: number[]};
		expect(curves.epochs).toEqual([1, 2]);
		expect(curves.trainLoss).toEqual(model.history.map(r => r.trainLoss));
		const example = JSON.parse((await runCli(['export', '--model', file, '--view', 'example', '--index', '4', '--json'])).stdout) as {index: number; outputs: number[]; attribution: {predicted: {gradientTimesInput: number[]}}};
		expect(example.index).toBe(4);
		expect(example.outputs).toHaveLength(10);
		expect(example.attribution.predicted.gradientTimesInput).toHaveLength(784);
	});

	it('says in one line what is wrong: a missing model file, a bad view, an epoch not kept, an index out of range', async () => {
		const cases: Array<[string[], number, RegExp]> = [
			[['export', '--model', join(folder, 'none.safetensors'), '--view', 'weights', '--json'], 1, /none\.safetensors/],
			[['export', '--model', file, '--view', 'biases', '--json'], 2, /^nnviz-tui: --view: expected weights, maps, class-models, example, confusion, curves; got "biases"\n$/],
			[['export', '--model', file, '--view', 'weights', '--epoch', '7', '--json'], 2, /^nnviz-tui: --epoch 7: .*m\.safetensors keeps the weights of epochs 0, 1 and 2\n$/],
			[['export', '--model', file, '--view', 'example', '--index', '5000', '--json'], 2, /^nnviz-tui: --index 5000: the test set has 997 images \(0 to 996\)\n$/],
			[['export', '--model', file, '--view', 'weights'], 2, /^nnviz-tui: export needs -o FILE\.png \(or --json for the numbers\)\n$/],
			[['export', '--model', file, '--view', 'weights', '-o', join(folder, 'w.jpg')], 2, /expected a file name ending in \.png\n$/],
			[['export', '--view', 'weights', '--json'], 2, /^nnviz-tui: export needs --model FILE\n$/],
			[['train', '--view', 'weights'], 2, /^nnviz-tui: --view does not apply to train; it is for export and show/],
		];
		for (const [argv, exitCode, message] of cases) {
			// eslint-disable-next-line no-await-in-loop -- one command after another
			const {code, stderr, stdout} = await runCli(argv);
			expect(code, argv.join(' ')).toBe(exitCode);
			expect(stderr, argv.join(' ')).toMatch(message);
			expect(stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
			expect(stdout).toBe('');
		}
	});

	it('does not replace an existing file without --force', async () => {
		const png = join(folder, 'exists.png');
		writeFileSync(png, 'keep');
		const refused = await runCli(['export', '--model', file, '--view', 'curves', '-o', png]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/exists\.png: the file exists; replace it with --force\n$/);
		expect(readFileSync(png, 'utf8')).toBe('keep');
		expect((await runCli(['export', '--model', file, '--view', 'curves', '-o', png, '--force'])).code).toBe(0);
		expect(decode(readFileSync(png)).width).toBeGreaterThan(500);
	});
});

describe('nnviz-tui show', () => {
	it('refuses with a one-line hint to use export when stdout is not a terminal', async () => {
		const {code, stderr, stdout} = await runCli(['show', '--model', file, '--view', 'weights']);
		expect(code).toBe(2);
		expect(stderr).toBe('nnviz-tui: show draws on a terminal and stdout is not one: use nnviz-tui export ... -o FILE.png\n');
		expect(stdout).toBe('');
	});

	it('prints the figure with terminal-image on a terminal, in half blocks', async () => {
		const io = quietIo();
		expect(await runShow({...command({}), kind: 'show'}, io, {isTerminal: true})).toBe(0);
		// Colours follow chalk's look at the real stdout (none under the test runner); the blocks are always there.
		expect(io.out()).toContain('\u2584');
		expect(io.out().split('\n').length).toBeGreaterThan(5);
	});

	it('hands the PNG of the view to the terminal\'s renderer', async () => {
		const io = quietIo();
		let seen: Uint8Array | undefined;
		await runShow({...command({view: 'maps'}), kind: 'show'}, io, {isTerminal: true, render: async png => {
			seen = png;
			return 'drawn';
		}});
		expect(io.out()).toBe('drawn\n');
		expect(decode(seen!).width).toBeGreaterThan(500);
	});

	it('prints the numbers with --json, terminal or not', async () => {
		const {code, stdout} = await runCli(['show', '--model', file, '--view', 'maps', '--json']);
		expect(code).toBe(0);
		expect((JSON.parse(stdout) as {maps: number[][]}).maps).toHaveLength(10);
	});
});
