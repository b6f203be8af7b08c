/**
 * The flags of `export` and `show`, parsed into an ExportCommand. Kept beside options.ts, which
 * parses the other commands; the command line sends `export` and `show` here.
 */
import type {DataOptions, ExportCommand} from '../commands/command-types.js';
import {UsageError} from '../errors.js';
import {type FigureView, figureViews} from '../figures/source.js';
import type {AttributionKind} from '../nn/explain.js';
import {type ColorFlag, colorFlags} from '../render/color-depth.js';

/** The value flags only export and show take, by meow's name ('outFile' is -o; not 'output', which is the network's output layer). */
export const exportValueFlags = ['view', 'epoch', 'index', 'attribution', 'outFile'] as const;
/** Every flag export and show take ('color' only show). */
const exportFlags = new Set<string>([...exportValueFlags, 'model', 'dataset', 'data', 'color', 'json', 'force', 'debug', 'help', 'version']);

/** --attribution's values, as the examples tab words the two kinds of map its key a switches between. */
export const attributionFlags: Readonly<Record<string, AttributionKind>> = {'gradient-x-input': 'gradient-times-input', gradient: 'gradient'};

/** Whether `input` names export or show. */
export function isExportCommand(input: readonly string[]): boolean {
	return input[0] === 'export' || input[0] === 'show';
}

/** For the other commands: refuse the flags only export and show take. */
export function refuseExportFlags(command: string, flags: Readonly<Record<string, unknown>>): void {
	for (const name of exportValueFlags) {
		if (flags[name] !== undefined) {
			const where = command === 'tui' ? 'the terminal UI' : command;
			throw new UsageError(`${name === 'outFile' ? '-o' : `--${name}`} does not apply to ${where}; it is for export and show (see nnviz-tui --help)`);
		}
	}
}

/** `export` or `show` and their flags as a checked command, or a UsageError. */
export function parseExportCommandLine(input: readonly string[], flags: Readonly<Record<string, unknown>>): ExportCommand {
	const kind = input[0] === 'show' ? 'show' : 'export';
	if (input.length > 1) {
		throw new UsageError(`unexpected argument "${input[1]}" after ${kind}`);
	}

	for (const [name, value] of Object.entries(flags)) {
		if (value === undefined || name === '--') {
			continue;
		}

		if (!exportFlags.has(name)) {
			throw new UsageError(`--${name.replaceAll(/[A-Z]/g, c => `-${c.toLowerCase()}`)} does not apply to ${kind} (see nnviz-tui --help)`);
		}

		if (Array.isArray(value)) {
			throw new UsageError(`${name === 'outFile' ? '-o' : `--${name}`} is given more than once`);
		}
	}

	const model = text(flags, 'model');
	if (model === undefined) {
		throw new UsageError(`${kind} needs --model FILE`);
	}

	const view = text(flags, 'view');
	if (view === undefined || !(figureViews as readonly string[]).includes(view)) {
		throw new UsageError(`--view: expected ${figureViews.join(', ')}; ${view === undefined ? `${kind} needs one` : `got "${view}"`}`);
	}

	const output = text(flags, 'outFile', '-o');
	if (kind === 'show' && output !== undefined) {
		throw new UsageError('-o does not apply to show, which draws on the terminal; use export -o FILE.png');
	}

	if (output !== undefined && !output.toLowerCase().endsWith('.png')) {
		throw new UsageError(`-o ${output}: expected a file name ending in .png`);
	}

	const epoch = wholeNumber(flags, 'epoch');
	const index = wholeNumber(flags, 'index');
	if (index !== undefined && view !== 'example') {
		throw new UsageError(`--index applies to --view example, not ${view}`);
	}

	const attributionFlag = text(flags, 'attribution');
	if (attributionFlag !== undefined && view !== 'example') {
		throw new UsageError(`--attribution applies to --view example, not ${view}`);
	}

	if (attributionFlag !== undefined && !Object.hasOwn(attributionFlags, attributionFlag)) {
		throw new UsageError(`--attribution: expected ${Object.keys(attributionFlags).join(', ')}; got "${attributionFlag}"`);
	}

	const attribution = attributionFlag === undefined ? undefined : attributionFlags[attributionFlag];
	const color = text(flags, 'color');
	if (color !== undefined && kind === 'export') {
		throw new UsageError('--color does not apply to export, which writes a PNG; it is for show');
	}

	if (color !== undefined && !(colorFlags as readonly string[]).includes(color)) {
		throw new UsageError(`--color: expected ${colorFlags.join(', ')}; got "${color}"`);
	}

	const dataset = text(flags, 'dataset');
	if (dataset !== undefined && dataset !== 'mnist' && dataset !== 'fashion-mnist') {
		throw new UsageError(`--dataset: expected mnist, fashion-mnist; got "${dataset}"`);
	}

	const dataFolder = text(flags, 'data');
	const data: DataOptions = {...(dataset !== undefined && {dataset}), ...(dataFolder !== undefined && {data: dataFolder})};
	return {
		kind, model, view: view as FigureView, data, json: flags.json === true, force: flags.force === true,
		...(epoch !== undefined && {epoch}), ...(index !== undefined && {index}), ...(attribution !== undefined && {attribution}),
		...(color !== undefined && {color: color as ColorFlag}), ...(output !== undefined && {output}),
	};
}

function text(flags: Readonly<Record<string, unknown>>, name: string, spelled = `--${name}`): string | undefined {
	const value = flags[name];
	if (value === undefined) {
		return undefined;
	}

	if (typeof value !== 'string' || value === '') {
		throw new UsageError(`${spelled} needs a value`);
	}

	if (value.includes('\0')) {
		throw new UsageError(`${spelled}: the path contains a NUL character`);
	}

	return value;
}

function wholeNumber(flags: Readonly<Record<string, unknown>>, name: string): number | undefined {
	const value = text(flags, name);
	if (value === undefined) {
		return undefined;
	}

	if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value))) {
		throw new UsageError(`--${name}: expected a whole number, 0 or more; got "${value}"`);
	}

	return Number(value);
}
