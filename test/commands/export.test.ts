import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {decode} from 'fast-png';
import {beforeAll, describe, expect, it} from 'vitest';
import {renderWithTerminalImage} from '../../src/cli/show-image.js';
import {type ExportCommand} from '../../src/commands/command-types.js';
import {figureSource, runShow, shadesNote} from '../../src/commands/export.js';
import type {CommandIo} from '../../src/commands/io.js';
import {exampleFigure} from '../../src/figures/example-figure.js';
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

function quietIo(env: NodeJS.ProcessEnv = {}): CommandIo & {out: () => string; err: () => string} {
	let out = '';
	let err = '';
	return {
		stdout: {write: (s: string) => (out += s)}, stderr: {write: (s: string) => (err += s)}, env, signal: new AbortController().signal,
		out: () => out, err: () => err,
	};
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

	it('gives a misclassified example\'s true-class and difference maps with --json, of the kind --attribution names', async () => {
		const source = figureSource(command({view: 'example'}), quietIo());
		const wrong = Array.from({length: source.test!.count}, (_, i) => i).find(i => exampleFigure({...source, index: i}).numbers.predicted !== source.test!.labels[i])!;
		expect(wrong).toBeDefined();
		type Example = {label: number; predicted: number; attribution: {kind: string; predicted: {gradient: number[]}; true: {classIndex: number; gradient: number[]}; difference: {predicted: number; true: number; gradient: number[]}}};
		const {stdout, code} = await runCli(['export', '--model', file, '--view', 'example', '--index', String(wrong), '--attribution', 'gradient', '--json']);
		expect(code).toBe(0);
		const json = JSON.parse(stdout) as Example;
		expect(json.attribution.kind).toBe('gradient');
		expect(json.attribution.true.classIndex).toBe(json.label);
		expect(json.attribution.difference).toMatchObject({predicted: json.predicted, true: json.label});
		expect(json.attribution.difference.gradient).toEqual(json.attribution.predicted.gradient.map((v, i) => v - json.attribution.true.gradient[i]));
		const png = join(folder, 'wrong.png');
		expect((await runCli(['export', '--model', file, '--view', 'example', '--index', String(wrong), '--attribution', 'gradient', '-o', png])).code).toBe(0);
		const expected = exampleFigure({...source, index: wrong, attribution: 'gradient'});
		expect(expected.layout.shown.map(m => m.role)).toEqual(['predicted', 'true', 'difference']);
		expect(Buffer.from(decode(readFileSync(png)).data).equals(Buffer.from(expected.canvas.rgb))).toBe(true);
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

	it('prints the figure with terminal-image on a terminal, in half blocks at the depth the terminal UI would use', async () => {
		const io = quietIo({TERM: 'xterm-256color'});
		expect(await runShow({...command({}), kind: 'show'}, io, {isTerminal: true, render: renderWithTerminalImage})).toBe(0);
		expect(io.out()).toContain('\u2584');
		expect(io.out().split('\n').length).toBeGreaterThan(5);
		// 256 colours (TERM), not the truecolor chalk would pick on its own: xterm colour numbers, no RGB.
		expect(io.out()).toMatch(/\u001B\[38;5;\d+m/);
		expect(io.out()).not.toMatch(/\u001B\[38;2;/);
	});

	it('hands the PNG of the view to the terminal\'s renderer with the colour depth of --color, FORCE_COLOR or TERM', async () => {
		const depths: string[] = [];
		let seen: Uint8Array | undefined;
		const terminal = {isTerminal: true, render: async (png: Uint8Array, depth: string) => {
			seen = png;
			depths.push(depth);
			return 'drawn';
		}};
		const io = quietIo({TERM: 'xterm-256color'});
		await runShow({...command({view: 'maps'}), kind: 'show'}, io, terminal);
		expect(io.out()).toBe('drawn\n');
		expect(decode(seen!).width).toBeGreaterThan(500);
		await runShow({...command({view: 'maps'}), kind: 'show', color: '16'}, quietIo({TERM: 'xterm-256color'}), terminal);
		await runShow({...command({view: 'maps'}), kind: 'show'}, quietIo({TERM: 'xterm', FORCE_COLOR: '3'}), terminal);
		await runShow({...command({view: 'maps'}), kind: 'show', color: 'truecolor'}, quietIo({NO_COLOR: '1'}), terminal);
		expect(depths).toEqual(['ansi256', 'ansi16', 'truecolor', 'truecolor']);
	});

	it('without colour (NO_COLOR, --color none, FORCE_COLOR=0) draws the figure in shade characters as wide as the terminal, and says so on stderr', async () => {
		const cases: Array<[NodeJS.ProcessEnv, Partial<ExportCommand>]> = [
			[{TERM: 'xterm-256color', COLORTERM: 'truecolor', NO_COLOR: '1'}, {}],
			[{TERM: 'xterm-256color'}, {color: 'none'}],
			[{TERM: 'xterm-256color', FORCE_COLOR: '0'}, {}],
		];
		for (const [env, flags] of cases) {
			const io = quietIo(env);
			let rendered = false;
			// eslint-disable-next-line no-await-in-loop -- one case after another
			expect(await runShow({...command({view: 'weights'}), kind: 'show', ...flags}, io, {isTerminal: true, columns: 60, render: async () => {
				rendered = true;
				return '';
			}})).toBe(0);
			expect(rendered).toBe(false);
			const lines = io.out().split('\n');
			expect(io.out()).not.toContain('\u001B');
			expect(Math.max(...lines.map(line => [...line].length))).toBeLessThanOrEqual(60);
			const canvas = weightsFigure(figureSource(command({}), quietIo())).canvas;
			expect(lines).toHaveLength(Math.round(canvas.height / (2 * canvas.width / 60)) + 1);
			expect(io.out()).toMatch(/[░▒▓█]/);
			expect(io.err()).toBe(`nnviz-tui: ${shadesNote}\n`);
			expect(io.err()).toContain('export ... -o FILE.png');
		}
	});

	it('draws the shades 80 columns wide on a terminal that says it has 0 columns (a pty nobody sized)', async () => {
		const shown = async (columns: number): Promise<string> => {
			const io = quietIo({NO_COLOR: '1'});
			await runShow({...command({}), kind: 'show'}, io, {isTerminal: true, columns, render: renderWithTerminalImage});
			return io.out();
		};

		const unsized = await shown(0);
		expect(unsized.split('\n').length).toBeGreaterThan(10);
		expect(unsized).toBe(await shown(80));
	});

	it('draws the weights\' tiles where they are in the figure, as dense blocks on a blank page', async () => {
		const io = quietIo({NO_COLOR: '1'});
		await runShow({...command({}), kind: 'show'}, io, {isTerminal: true, columns: 80, render: renderWithTerminalImage});
		const figure = weightsFigure(figureSource(command({}), quietIo()));
		const lines = io.out().replace(/\n$/, '').split('\n');
		const perColumn = figure.canvas.width / 80;
		expect(lines).toHaveLength(Math.round(figure.canvas.height / (2 * perColumn)));
		const rowStep = figure.canvas.height / lines.length;
		// Inside the first tile, near its corner, the weights stay near 0: the diverging map's dark neutral, a dense cell.
		const tile = figure.layout.tile(0);
		const at = {x: tile.x + 20, y: tile.y + 20};
		expect('▓█').toContain(lines[Math.floor(at.y / rowStep)][Math.floor(at.x / perColumn)]);
		expect(lines[0].trim()).toBe('');
	});

	it('prints the numbers with --json, terminal or not', async () => {
		const {code, stdout} = await runCli(['show', '--model', file, '--view', 'maps', '--json']);
		expect(code).toBe(0);
		expect((JSON.parse(stdout) as {maps: number[][]}).maps).toHaveLength(10);
	});
});
