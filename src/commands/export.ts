/**
 * `nnviz-tui export` and `nnviz-tui show`: a view of a model file as a figure. export writes a PNG
 * (-o FILE), show prints it on the terminal at the colour depth the terminal UI would use (--color,
 * NO_COLOR, FORCE_COLOR, TERM) through the renderer it is given, or in shades without colour, and --json
 * prints the numbers behind the view instead (export --json without -o; show --json).
 */
import {existsSync} from 'node:fs';
import {UsageError} from '../errors.js';
import {writeFileAtomic} from '../fs/atomic-write.js';
import {buildFigure, encodePng, type FigureSource, viewNeedsTestSet} from '../figures/figure.js';
import {shadeText} from '../figures/shade-text.js';
import type {Model} from '../model/model.js';
import {readModelFile} from '../model/model-file.js';
import {checkDatasetFits} from '../model/model-dataset.js';
import type {Parameters} from '../nn/network.js';
import {type ColorDepth, detectColorDepth} from '../render/color-depth.js';
import type {ExportCommand} from './command-types.js';
import {chooseDataset} from './choose-dataset.js';
import {shown} from './format.js';
import type {CommandIo} from './io.js';

/** The weights at `epoch`: 0 the untrained network, the latest epoch's, or a kept snapshot's. */
export function parametersAt(model: Model, epoch: number, file: string): Parameters {
	if (epoch === 0) {
		return model.initial;
	}

	if (epoch === model.position.epoch) {
		return model.current;
	}

	const snapshot = model.snapshots.find(s => s.epoch === epoch);
	if (snapshot === undefined) {
		const kept = [...new Set([0, ...model.snapshots.map(s => s.epoch), model.position.epoch])].sort((a, b) => a - b);
		throw new UsageError(`--epoch ${epoch}: ${file} keeps the weights of epochs ${listed(kept)}`);
	}

	return snapshot.parameters;
}

function listed(epochs: readonly number[]): string {
	return epochs.length === 1 ? String(epochs[0]) : `${epochs.slice(0, -1).join(', ')} and ${epochs.at(-1)}`;
}

/** What the figure is drawn from: the model at the epoch asked for, and the test set when the view needs it. */
export function figureSource(command: ExportCommand, io: CommandIo): FigureSource {
	const model = readModelFile(command.model);
	const epoch = command.epoch ?? model.position.epoch;
	const parameters = parametersAt(model, epoch, command.model);
	let test;
	if (viewNeedsTestSet(command.view)) {
		const dataset = chooseDataset(command.data, model, io.env, command.model);
		checkDatasetFits(model.config.layers, dataset);
		test = dataset.test;
	} else if (command.index !== undefined) {
		throw new UsageError(`--index applies to --view example, not ${command.view}`);
	}

	return {
		config: model.config, parameters, epoch, rows: model.dataset.rows, cols: model.dataset.cols,
		classNames: model.dataset.classNames, history: model.history,
		...(test !== undefined && {test}), ...(command.index !== undefined && {index: command.index}),
		...(command.attribution !== undefined && {attribution: command.attribution}),
	};
}

/** `nnviz-tui export`: write the view as a PNG (-o), or print its numbers (--json). */
export function runExport(command: ExportCommand, io: CommandIo): number {
	if (command.output === undefined && !command.json) {
		throw new UsageError('export needs -o FILE.png (or --json for the numbers)');
	}

	if (command.output !== undefined && !command.force && existsSync(command.output)) {
		throw new UsageError(`-o ${command.output}: the file exists; replace it with --force`);
	}

	const figure = buildFigure(command.view, figureSource(command, io));
	if (command.output !== undefined) {
		const png = encodePng(figure.canvas);
		writeFileAtomic(command.output, png);

		if (!command.json) {
			io.stderr.write(shown(`wrote ${command.output} (${figure.canvas.width}x${figure.canvas.height} pixels, ${command.view})\n`));
		}
	}

	if (command.json) {
		io.stdout.write(shown(`${JSON.stringify({model: command.model, ...figure.numbers as object})}\n`));
	}

	return 0;
}

/**
 * What show needs from the terminal: whether stdout is one, its width in columns (default: the real
 * stdout's, else 80; 0 counts as unknown), and a way to turn PNG bytes into its text at a colour depth (the command line
 * gives terminal-image's, src/cli/show-image.ts).
 */
export type ShowTerminal = {
	readonly isTerminal: boolean;
	readonly columns?: number;
	readonly render: (png: Uint8Array, depth: Exclude<ColorDepth, 'none'>) => Promise<string>;
};

/** Said on stderr under a figure drawn without colour. */
export const shadesNote = 'no colour here (NO_COLOR, --color none, FORCE_COLOR=0 or TERM), so the figure is drawn in shades '
	+ '(blue as . - = #); nnviz-tui export ... -o FILE.png has it in full';

/**
 * `nnviz-tui show`: print the view on the terminal (refused when stdout is not one), or its numbers
 * (--json). The colour depth is decided as for the terminal UI; without colour the figure is drawn
 * in shade characters as wide as the terminal, with a line on stderr saying so.
 */
export async function runShow(command: ExportCommand, io: CommandIo, terminal: ShowTerminal): Promise<number> {
	if (command.json) {
		return runExport({...command, output: undefined}, io);
	}

	if (!terminal.isTerminal) {
		throw new UsageError('show draws on a terminal and stdout is not one: use nnviz-tui export ... -o FILE.png');
	}

	const figure = buildFigure(command.view, figureSource(command, io));
	const depth = detectColorDepth(command.color ?? 'auto', io.env, true);
	if (depth === 'none') {
		// A pty nobody sized (script(1), some CI runners) says 0 columns.
		const columns = [terminal.columns, io.terminal?.stdout.columns].find(c => c !== undefined && c > 0) ?? 80;
		io.stdout.write(`${shadeText(figure.canvas, columns).join('\n')}\n`);
		io.stderr.write(`nnviz-tui: ${shadesNote}\n`);
		return 0;
	}

	io.stdout.write(`${await terminal.render(encodePng(figure.canvas), depth)}\n`);
	return 0;
}
