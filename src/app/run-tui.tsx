/**
 * Start the terminal UI for `nnviz-tui` without a subcommand: load or create the model, then either
 * run the Ink app (stdout is a terminal) or print a static snapshot of the three views (it is not).
 */
import {existsSync} from 'node:fs';
import {resolve} from 'node:path';
import chalk from 'chalk';
import {render} from 'ink';
import type {TuiCommand} from '../commands/command-types.js';
import {chooseDataset, datasetsDifferWords} from '../commands/choose-dataset.js';
import type {CommandIo} from '../commands/io.js';
import type {Dataset} from '../data/dataset.js';
import {DatasetsDifferError, UsageError, errorMessage} from '../errors.js';
import {checkSaveTarget} from '../fs/save-target.js';
import {readModelFile} from '../model/model-file.js';
import type {Model} from '../model/model.js';
import {checkDatasetFits, checkSameDataset, createModel} from '../model/model-dataset.js';
import {newConfig} from '../nn/config.js';
import {resolveKernels} from '../commands/kernels.js';
import {type ColorDepth, detectColorDepth} from '../render/color-depth.js';
import {enterAlternateScreen, leaveAlternateScreen, showCursor} from '../render/escape-codes.js';
import {PixelLayerContext} from '../components/PixelImage.js';
import {sharedDataset, TrainingClient} from '../training/client.js';
import {App} from './App.js';
import {speedUpInkOutput} from './ink-output.js';
import {disableMouse, enableMouse} from './mouse.js';
import {PixelLayer} from './pixel-layer.js';
import {ScreenWriter} from './screen-writer.js';
import {staticSnapshot} from './snapshot.js';
import {setThemeColours} from './theme.js';

const chalkLevels: Record<ColorDepth, 0 | 1 | 2 | 3> = {none: 0, ansi16: 1, ansi256: 2, truecolor: 3};

type Prepared = {model: Model; dataset: Dataset; savePath?: string; trainingBlocked?: string};

export function prepare(command: TuiCommand, env: NodeJS.ProcessEnv): Prepared {
	const {save, force} = command;
	const same = (a?: string, b?: string): boolean => a !== undefined && b !== undefined && resolve(a) === resolve(b);
	if (save !== undefined) {
		checkSaveTarget(save, `--save ${save}`);
	}

	if (save !== undefined && !force && existsSync(save) && !same(save, command.model)) {
		throw new UsageError(`--save ${save}: the file exists; open it with --model ${save}, or replace it with --force`);
	}

	if (command.model !== undefined) {
		const model = readModelFile(command.model);
		const dataset = chooseDataset(command.data, model, env, command.model);
		checkDatasetFits(model.config.layers, dataset);
		return {model, dataset, savePath: save ?? command.model, trainingBlocked: trainingBlockedOn(model, dataset, command.model)};
	}

	const dataset = chooseDataset(command.data, undefined, env);
	return {model: createModel(newConfig(command.preset, command.overrides), dataset), dataset, savePath: save};
}

/**
 * Why `model` (opened from `file`) cannot train on `dataset`, in the command line's words, or undefined
 * when it can: looking at a model on other data of the same shape is fine; training it there is not.
 */
export function trainingBlockedOn(model: Model, dataset: Dataset, file: string): string | undefined {
	try {
		checkSameDataset(model, dataset, file);
		return undefined;
	} catch (error) {
		if (error instanceof DatasetsDifferError) {
			return `cannot train here: ${datasetsDifferWords(error)}`;
		}

		throw error;
	}
}

/** Run the terminal UI, or print the static snapshot when stdout is not a terminal. Returns the exit code. */
export async function runTui(command: TuiCommand, io: CommandIo): Promise<number> {
	const stdout = io.terminal?.stdout;
	const isTty = stdout?.isTTY === true;
	const depth = detectColorDepth(command.color, io.env, isTty);
	chalk.level = chalkLevels[depth];
	const {model, dataset, savePath, trainingBlocked} = prepare(command, io.env);
	if (!isTty || stdout === undefined || io.terminal === undefined) {
		io.stdout.write(staticSnapshot(model, dataset, depth, stdout?.columns || 120));
		io.stderr.write('nnviz-tui: stdout is not a terminal, so this is a snapshot; for scripts use nnviz-tui train, eval or info (--json)\n');
		return 0;
	}

	if (depth === 'none') {
		// No colour, but bold, underline and inverse, so the focus and the selection still show.
		chalk.level = 1;
		setThemeColours(false);
	}

	const {stdin} = io.terminal;
	const shared = sharedDataset(dataset);
	const client = new TrainingClient(model, shared, savePath, command.epochs, resolveKernels(command.kernels));
	const layer = new PixelLayer();
	const screen = new ScreenWriter(stdout, layer);
	// Mouse reporting off on every way out (q, Ctrl-C, SIGTERM, SIGHUP, a crash): a terminal left
	// reporting would type escape codes into the shell at every click.
	const restore = (): void => {
		stdout.write(disableMouse + showCursor + leaveAlternateScreen);
	};

	const setMouse = (on: boolean): void => {
		stdout.write(on ? enableMouse : disableMouse);
	};

	// Something to read until the first frame (a large network takes seconds to evaluate); the first
	// frame clears the screen.
	stdout.write(`${enterAlternateScreen}nnviz-tui: starting…`);
	process.once('exit', restore);
	await speedUpInkOutput();
	const instance = render(
		<PixelLayerContext.Provider value={layer}>
			<App model={model} dataset={shared} client={client} depth={depth} savePath={savePath} trainingBlocked={trainingBlocked} setMouse={setMouse}/>
		</PixelLayerContext.Provider>,
		// Debug mode: Ink writes every update as a whole frame, and the screen writer sends only the changes.
		// The screen writer has what Ink uses of a WriteStream (write, columns, rows, resize events).
		{stdout: screen as unknown as NodeJS.WriteStream, stdin, exitOnCtrlC: false, patchConsole: false, debug: true},
	);
	const onAbort = (): void => {
		instance.unmount();
	};

	// An error thrown outside React's rendering (say, in a key handler) must not leave the terminal in
	// raw mode on the alternate screen: restore it, say what happened in one line, and exit.
	const onCrash = (error: unknown): void => {
		instance.unmount();
		restore();
		if (stdin.isTTY) {
			stdin.setRawMode(false);
		}

		io.stderr.write(`nnviz-tui: internal error: ${errorMessage(error)}\n`);
		process.exit(70);
	};

	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	// The terminal hung up (its window closed, an SSH link dropped): leave as q does, so the terminal
	// is restored if it is still there, and exit 129 (128 + SIGHUP).
	let hungUp = false;
	const onHangup = (): void => {
		hungUp = true;
		restore();
		instance.unmount();
	};

	process.on('SIGHUP', onHangup);

	io.signal.addEventListener('abort', onAbort, {once: true});
	try {
		await instance.waitUntilExit();
	} finally {
		io.signal.removeEventListener('abort', onAbort);
		await client.stop();
		restore();
		process.off('exit', restore);
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		process.off('SIGHUP', onHangup);
	}

	if (hungUp) {
		return 129;
	}

	if (io.signal.aborted) {
		const reason = io.signal.reason as {exitCode?: number} | undefined;
		return reason?.exitCode ?? 130;
	}

	return 0;
}
