#!/usr/bin/env node
/**
 * The command line: the one place that reads argv, decides exit codes and installs signal handlers.
 * It parses with meow into a typed command and hands it on.
 */
import {realpathSync} from 'node:fs';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import meow from 'meow';
import {withExportHelp} from './cli/export-help.js';
import {exportValueFlags, isExportCommand, parseExportCommandLine, refuseExportFlags} from './cli/export-options.js';
import {helpDescription, helpText} from './cli/help.js';
import {renderWithTerminalImage} from './cli/show-image.js';
import {type Command, parseCommandLine, switchFlags, valueFlags} from './cli/options.js';
import {datasetsDifferWords} from './commands/choose-dataset.js';
import {runEval} from './commands/eval.js';
import {runExport, runShow} from './commands/export.js';
import {runInfo} from './commands/info.js';
import {type CommandIo, Interrupted} from './commands/io.js';
import {runTrain} from './commands/train.js';
import {
	DatasetsDifferError, LayersDoNotFitError, NnvizError, UsageError, errorMessage, printable,
} from './errors.js';

const flagTypes = Object.fromEntries([
	...valueFlags.map(name => [name, {type: 'string' as const}]),
	...exportValueFlags.map(name => [name, {type: 'string' as const, ...(name === 'outFile' && {shortFlag: 'o'})}]),
	...switchFlags.map(name => [name, {type: 'boolean' as const, ...(name === 'help' && {shortFlag: 'h'}), ...(name === 'version' && {shortFlag: 'v'})}]),
]);

/** Run the command line `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
	const debug = argv.includes('--debug');
	let command: Command | undefined;
	try {
		const cli = parseArgv(argv);
		command = parseCommands(cli.input, cli.flags);
		return await dispatch(command, io, cli.help, cli.pkg.version ?? 'unknown');
	} catch (error) {
		if (error instanceof Interrupted) {
			return error.exitCode;
		}

		if (error instanceof NnvizError) {
			io.stderr.write(`nnviz-tui: ${printable(worded(error, command))}\n`);
			if (debug && error.stack) {
				io.stderr.write(`${error.stack}\n`);
			}

			return error.exitCode;
		}

		io.stderr.write(`nnviz-tui: internal error: ${printable(errorMessage(error))}${debug ? '' : ' (run with --debug to see where)'}\n`);
		if (debug && error instanceof Error && error.stack) {
			io.stderr.write(`${error.stack}\n`);
		}

		return 70;
	}
}

/** The engine's messages name no flag: say here where the facts came from (a flag or a model file). */
function worded(error: NnvizError, command: Command | undefined): string {
	if (error instanceof LayersDoNotFitError) {
		const file = command?.kind === 'train' ? command.resume : (command !== undefined && 'model' in command ? command.model : undefined);
		return file === undefined ? `--layers: ${error.message}` : `${file}: ${error.message}`;
	}

	if (error instanceof DatasetsDifferError) {
		return datasetsDifferWords(error);
	}

	return error.message;
}

/** export and show go to their own parser; the other commands may not take their flags. */
function parseCommands(input: readonly string[], flags: Readonly<Record<string, unknown>>): Command {
	if (flags.help === true || flags.version === true) {
		return parseCommandLine([], Object.fromEntries(Object.entries(flags).filter(([name]) => !(exportValueFlags as readonly string[]).includes(name))));
	}

	if (isExportCommand(input)) {
		return parseExportCommandLine(input, flags);
	}

	if (input[0] !== undefined && !['train', 'eval', 'info', 'tui'].includes(input[0])) {
		throw new UsageError(`unknown command "${input[0]}": expected train, eval, info, export or show (see nnviz-tui --help)`);
	}

	refuseExportFlags(input[0] ?? 'tui', flags);
	return parseCommandLine(input, flags);
}

function parseArgv(argv: readonly string[]) {
	try {
		return meow(withExportHelp(helpText), {
			importMeta: import.meta,
			description: helpDescription,
			argv: [...argv],
			flags: flagTypes,
			autoHelp: false,
			autoVersion: false,
			allowUnknownFlags: true,
			booleanDefault: undefined,
		});
	} catch (error) {
		// Meow throws plain Errors for flags it cannot take, such as a flag given twice.
		const message = errorMessage(error);
		const twice = /^The flag --(\S+) can only be set once/.exec(message);
		throw new UsageError(twice ? `--${twice[1]} is given more than once` : message);
	}
}

async function dispatch(command: Command, io: CommandIo, help: string, version: string): Promise<number> {
	switch (command.kind) {
		case 'help': {
			io.stdout.write(help);
			return 0;
		}

		case 'version': {
			io.stdout.write(`${version}\n`);
			return 0;
		}

		case 'tui': {
			io.listenForSignals?.();
			// React's production build: several times faster than its development build, which it
			// picks when NODE_ENV is unset. Set before react is first imported.
			if (!process.env['NODE_ENV']) {
				process.env['NODE_ENV'] = 'production';
			}
			const {runTui} = await import('./app/run-tui.js');
			return runTui(command, io);
		}

		case 'train': {
			io.listenForSignals?.();
			return runTrain(command, io);
		}

		case 'eval': {
			return runEval(command, io);
		}

		case 'info': {
			return runInfo(command, io);
		}

		case 'export': {
			return runExport(command, io);
		}

		case 'show': {
			return runShow(command, io, {isTerminal: io.terminal?.stdout.isTTY === true, render: renderWithTerminalImage});
		}
	}
}

function isEntryPoint(): boolean {
	try {
		return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
	} catch {
		return false;
	}
}

if (isEntryPoint()) {
	const controller = new AbortController();
	const stop = (signalName: 'SIGINT' | 'SIGTERM'): void => {
		if (controller.signal.aborted) {
			process.exit(new Interrupted(signalName).exitCode); // a second Ctrl-C: stop now (files are written atomically)
		}

		controller.abort(new Interrupted(signalName));
	};

	process.stdout.on('error', error => {
		if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
			process.exit(0); // the reader went away (e.g. `| head`)
		}
	});
	const io: CommandIo = {
		stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal,
		terminal: {stdout: process.stdout, stdin: process.stdin},
		// Only commands that write files as they go take over Ctrl-C and SIGTERM; the others keep the
		// default, which stops them at once.
		listenForSignals() {
			process.on('SIGINT', () => {
				stop('SIGINT');
			});
			process.on('SIGTERM', () => {
				stop('SIGTERM');
			});
		},
	};
	process.exitCode = await main(process.argv.slice(2), io);
}
