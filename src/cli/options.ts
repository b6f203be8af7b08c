import type {Command, DataOptions, NetworkChoice} from '../commands/command-types.js';
import {UsageError} from '../errors.js';
import {
	activations, costs, inits, outputFunctions, type PresetName, presetNames, type TrainConfig,
} from '../nn/config.js';
import {type KernelChoice, kernelChoices} from '../nn/engine.js';
import {colorFlags} from '../render/color-depth.js';

export type {Command} from '../commands/command-types.js';

/** Value flags (strings) and switches (booleans) that the command line knows, by meow's camelCase name. */
export const valueFlags = [
	'dataset', 'data', 'preset', 'layers', 'activation', 'output', 'cost', 'init', 'epochs', 'batch', 'eta', 'lambda',
	'momentum', 'seed', 'save', 'resume', 'model', 'color', 'kernels',
] as const;
export const switchFlags = ['json', 'force', 'debug', 'help', 'version'] as const;

type FlagName = typeof valueFlags[number] | typeof switchFlags[number];

const allowed: Record<'train' | 'eval' | 'info' | 'tui', readonly FlagName[]> = {
	tui: ['model', 'save', 'force', 'dataset', 'data', 'preset', 'layers', 'activation', 'output', 'cost', 'init', 'epochs', 'batch', 'eta', 'lambda', 'momentum', 'seed', 'color', 'kernels'],
	train: ['dataset', 'data', 'preset', 'layers', 'activation', 'output', 'cost', 'init', 'epochs', 'batch', 'eta', 'lambda', 'momentum', 'seed', 'save', 'resume', 'force', 'json', 'kernels'],
	eval: ['model', 'dataset', 'data', 'json', 'kernels'],
	info: ['model', 'json'],
};

const maxWeights = 100_000_000;

function kebab(name: string): string {
	return name.replaceAll(/[A-Z]/g, c => `-${c.toLowerCase()}`);
}

/** Turn meow's positional input and flags into a checked command, or throw a UsageError. */
export function parseCommandLine(input: readonly string[], flags: Readonly<Record<string, unknown>>): Command {
	const known = new Set<string>([...valueFlags, ...switchFlags]);
	for (const [name, value] of Object.entries(flags)) {
		if (value === undefined || name === '--') {
			continue;
		}

		if (!known.has(name)) {
			throw new UsageError(`unknown flag --${kebab(name)} (see nnviz-tui --help)`);
		}

		if (Array.isArray(value)) {
			throw new UsageError(`--${kebab(name)} is given more than once`);
		}
	}

	if (flags.help === true) {
		return {kind: 'help'};
	}

	if (flags.version === true) {
		return {kind: 'version'};
	}

	const [command = 'tui', ...rest] = input;
	if (command !== 'train' && command !== 'eval' && command !== 'info' && command !== 'tui') {
		throw new UsageError(`unknown command "${command}": expected train, eval or info (see nnviz-tui --help)`);
	}

	if (rest.length > 0) {
		throw new UsageError(`unexpected argument "${rest[0]}" after ${command}`);
	}

	for (const name of [...valueFlags, 'force', 'json'] as const) {
		if (flags[name] !== undefined && !allowed[command].includes(name)) {
			const where = command === 'tui' ? 'the terminal UI' : command;
			throw new UsageError(`--${name} does not apply to ${where} (see nnviz-tui --help)`);
		}
	}

	const json = flags.json === true;
	if (command === 'info') {
		return {kind: 'info', model: requiredPath(flags, 'model', command), json};
	}

	const data = parseDataOptions(flags);
	if (command === 'tui') {
		const model = flagValue(flags, 'model', v => parsePath(v, 'model'));
		const network = parseNetworkChoice(flags);
		const given = [...(network.preset === undefined ? [] : ['preset']), ...Object.keys(network.overrides)];
		if (model !== undefined && given.length > 0) {
			throw new UsageError(`--${given[0]} cannot change a saved model: leave it out with --model`);
		}

		return {
			kind: 'tui',
			...(model !== undefined && {model}),
			save: flagValue(flags, 'save', v => parsePath(v, 'save')),
			force: flags.force === true,
			data,
			...network,
			// Each press of t trains this many: 0 would train nothing, so the UI needs 1 or more.
			epochs: parseEpochs(flags, 1),
			color: flagValue(flags, 'color', v => oneOf(v, 'color', colorFlags)) ?? 'auto',
			kernels: parseKernels(flags),
		};
	}

	if (command === 'eval') {
		return {kind: 'eval', model: requiredPath(flags, 'model', command), data, json, kernels: parseKernels(flags)};
	}

	return {
		kind: 'train',
		data,
		...parseNetworkChoice(flags),
		epochs: parseEpochs(flags, 0),
		save: flagValue(flags, 'save', v => parsePath(v, 'save')),
		resume: flagValue(flags, 'resume', v => parsePath(v, 'resume')),
		force: flags.force === true,
		json,
		kernels: parseKernels(flags),
	};
}

function parseKernels(flags: Readonly<Record<string, unknown>>): KernelChoice {
	return flagValue(flags, 'kernels', v => oneOf(v, 'kernels', kernelChoices)) ?? 'auto';
}

function parseEpochs(flags: Readonly<Record<string, unknown>>, min: number): number {
	return flagValue(flags, 'epochs', v => parseInteger(v, 'epochs', min)) ?? 30;
}

function parseDataOptions(flags: Readonly<Record<string, unknown>>): DataOptions {
	const dataset = flagValue(flags, 'dataset', v => oneOf(v, 'dataset', ['mnist', 'fashion-mnist'] as const));
	const data = flagValue(flags, 'data', v => parsePath(v, 'data'));
	return {...(dataset && {dataset}), ...(data && {data})};
}

/** --preset and the hyperparameter flags; the flags win over the preset's values. */
function parseNetworkChoice(flags: Readonly<Record<string, unknown>>): NetworkChoice {
	const preset = flagValue(flags, 'preset', v => oneOf<PresetName>(v, 'preset', presetNames));
	return {...(preset !== undefined && {preset}), overrides: parseOverrides(flags)};
}

function parseOverrides(flags: Readonly<Record<string, unknown>>): Partial<TrainConfig> {
	const overrides: Record<string, unknown> = {
		layers: flagValue(flags, 'layers', parseLayers),
		activation: flagValue(flags, 'activation', v => oneOf(v, 'activation', activations)),
		output: flagValue(flags, 'output', v => oneOf(v, 'output', outputFunctions)),
		cost: flagValue(flags, 'cost', v => oneOf(v, 'cost', costs)),
		init: flagValue(flags, 'init', v => oneOf(v, 'init', inits)),
		batch: flagValue(flags, 'batch', v => parseInteger(v, 'batch', 1)),
		eta: flagValue(flags, 'eta', v => parseNumber(v, 'eta', x => x > 0, 'a number above 0')),
		lambda: flagValue(flags, 'lambda', v => parseNumber(v, 'lambda', x => x >= 0, 'a number, 0 or more')),
		momentum: flagValue(flags, 'momentum', v => parseNumber(v, 'momentum', x => x >= 0 && x < 1, 'a number from 0 up to (not including) 1')),
		seed: flagValue(flags, 'seed', v => parseInteger(v, 'seed', 0, 0xFF_FF_FF_FF)),
	};
	return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<TrainConfig>;
}

function flagValue<T>(flags: Readonly<Record<string, unknown>>, name: string, parse: (value: string) => T): T | undefined {
	const value = flags[name];
	if (value === undefined) {
		return undefined;
	}

	if (typeof value !== 'string' || value === '') {
		throw new UsageError(`--${name} needs a value`);
	}

	return parse(value);
}

function requiredPath(flags: Readonly<Record<string, unknown>>, name: string, command: string): string {
	const value = flagValue(flags, name, v => parsePath(v, name));
	if (value === undefined) {
		throw new UsageError(`${command} needs --${name} FILE`);
	}

	return value;
}

function parsePath(value: string, name: string): string {
	if (value.includes('\0')) {
		throw new UsageError(`--${name}: the path contains a NUL character`);
	}

	return value;
}

function oneOf<T extends string>(value: string, name: string, choices: readonly T[]): T {
	if (!(choices as readonly string[]).includes(value)) {
		throw new UsageError(`--${name}: expected ${choices.join(', ')}; got "${value}"`);
	}

	return value as T;
}

const numberPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function parseNumber(value: string, name: string, ok: (x: number) => boolean, expected: string): number {
	const x = Number(value);
	if (!numberPattern.test(value.trim()) || !Number.isFinite(x) || !ok(x)) {
		throw new UsageError(`--${name}: expected ${expected}; got "${value}"`);
	}

	return x;
}

function parseInteger(value: string, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
	const x = Number(value);
	if (!/^\d+$/.test(value.trim()) || x < min || x > max) {
		const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `${min} to ${max}`;
		throw new UsageError(`--${name}: expected a whole number, ${range}; got "${value}"`);
	}

	return x;
}

function parseLayers(value: string): number[] {
	const parts = value.split(',').map(s => s.trim());
	if (parts.length < 2 || parts.some(p => !/^\d+$/.test(p) || Number(p) < 1)) {
		throw new UsageError(`--layers: expected at least two sizes above 0 separated by commas, such as 784,30,10; got "${value}"`);
	}

	const layers = parts.map(Number);
	let weights = 0;
	for (let l = 0; l + 1 < layers.length; l++) {
		weights += layers[l] * layers[l + 1];
	}

	if (weights > maxWeights) {
		throw new UsageError(`--layers: at most ${maxWeights.toLocaleString('en-US')} weights, got ${weights.toLocaleString('en-US')} for ${value}`);
	}

	return layers;
}
