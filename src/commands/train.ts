import {existsSync} from 'node:fs';
import {resolve} from 'node:path';
import type {NetworkChoice, TrainCommand} from './command-types.js';
import type {Dataset} from '../data/dataset.js';
import {DivergenceError, TrainingDivergedError, UsageError} from '../errors.js';
import {checkSaveTarget} from '../fs/save-target.js';
import {newConfig, presets, type TrainConfig} from '../nn/config.js';
import type {KernelFamily} from '../nn/engine.js';
import {resolveKernels} from './kernels.js';
import type {Warning} from '../nn/diagnostics.js';
import type {EpochRecord, Model} from '../model/model.js';
import {readModelFile, writeModelFile} from '../model/model-file.js';
import {checkSameDataset, createModel} from '../model/model-dataset.js';
import {Trainer} from '../training/trainer.js';
import {chooseDataset} from './choose-dataset.js';
import {count, percent, shown} from './format.js';
import type {CommandIo} from './io.js';

/** `nnviz-tui train`: train a new model or resume one, one line per epoch. Returns the exit code. */
export async function runTrain(command: TrainCommand, io: CommandIo): Promise<number> {
	const {model, dataset, savePath} = prepare(command, io);
	const trainer = new Trainer(model, dataset, {kernels: resolveKernels(command.kernels)});
	const first = model.position.epoch + 1;
	const last = model.position.epoch + command.epochs;
	if (savePath !== undefined) {
		// Before any work: the untrained network (or the resumed state, unchanged), and a check that the
		// file can be written, so a bad target costs one line and no training.
		writeModelFile(savePath, model);
	}

	io.stderr.write(shown(`${describeStart(model, dataset, savePath, first, last, trainer.kernels)}\n`));

	const started = performance.now();
	let warned = new Set<string>();
	for (let epoch = first; epoch <= last; epoch++) {
		let record: EpochRecord;
		try {
			// eslint-disable-next-line no-await-in-loop
			record = await trainer.runEpoch({signal: io.signal});
		} catch (error) {
			const kept = savePath === undefined ? 'nothing was saved (no --save)' : `${savePath} holds epoch ${model.position.epoch}`;
			if (error instanceof TrainingDivergedError) {
				const lambda = error.lambda > 0 ? ` or --lambda than ${error.lambda}` : '';
				throw new DivergenceError(`epoch ${error.epoch}: training diverged (${error.what}); try a smaller --eta than ${error.eta}${lambda}; ${kept}`);
			}

			if (error instanceof DivergenceError) {
				throw new DivergenceError(`${error.message}; ${kept}`);
			}

			if (io.signal.aborted && error === io.signal.reason) {
				io.stderr.write(shown(`stopped during epoch ${epoch}; ${kept}\n`));
			}

			throw error;
		}

		if (savePath !== undefined) {
			writeModelFile(savePath, model);
		}

		io.stdout.write(shown(command.json ? `${JSON.stringify({...record, kernels: trainer.kernels})}\n` : `${describeEpoch(record, last)}\n`));
		// A warning is told when it appears, not again every epoch while it holds (its figures may change).
		const warnings = trainer.warnings();
		const key = (w: Warning): string => (w.kind === 'never-predicted' ? w.message : w.kind);
		for (const w of warnings.filter(w => !warned.has(key(w)))) {
			io.stderr.write(shown(`warning: epoch ${record.epoch}: ${w.message}\n`));
		}

		warned = new Set(warnings.map(w => key(w)));
	}

	io.stderr.write(shown(`${describeEnd(model, command.epochs, (performance.now() - started) / 1000, savePath)}\n`));
	return 0;
}

function prepare(command: TrainCommand, io: CommandIo): {model: Model; dataset: Dataset; savePath?: string} {
	const {resume, save, force} = command;
	if (save !== undefined) {
		// A directory, a dangling link, a missing or unwritable folder: said before the exists check's advice.
		checkSaveTarget(save, `--save ${save}`);
	}

	if (save !== undefined && !force && existsSync(save) && (resume === undefined || resolve(save) !== resolve(resume))) {
		throw new UsageError(`--save ${save}: the file exists; continue it with --resume ${save}, or replace it with --force`);
	}

	if (resume === undefined) {
		const config = newConfig(command.preset, command.overrides);
		const dataset = chooseDataset(command.data, undefined, io.env);
		return {model: createModel(config, dataset), dataset, savePath: save};
	}

	const model = readModelFile(resume);
	checkNoContradiction(command, model.config, resume);
	const dataset = chooseDataset(command.data, model, io.env, resume);
	checkSameDataset(model, dataset, resume);
	return {model, dataset, savePath: save ?? resume};
}

/**
 * Hyperparameter flags given with --resume must agree with the file's; so must a --preset, in every
 * value that no flag of its own sets.
 */
function checkNoContradiction({preset, overrides}: NetworkChoice, config: TrainConfig, file: string): void {
	const show = (v: unknown): string => (Array.isArray(v) ? v.join(',') : String(v));
	const differs = (key: keyof TrainConfig, value: unknown): boolean => show(value) !== show(config[key]);
	if (preset !== undefined) {
		for (const [key, value] of Object.entries(presets[preset]) as Array<[keyof TrainConfig, unknown]>) {
			if (!(key in overrides) && differs(key, value)) {
				throw new UsageError(`--preset ${preset} contradicts ${file}, which was trained with --${key} ${show(config[key])} (the preset has ${show(value)}); leave the flag out to resume`);
			}
		}
	}

	for (const [key, value] of Object.entries(overrides) as Array<[keyof TrainConfig, unknown]>) {
		if (differs(key, value)) {
			throw new UsageError(`--${key} ${show(value)} contradicts ${file}, which was trained with --${key} ${show(config[key])}; leave the flag out to resume`);
		}
	}
}

function describeStart(model: Model, dataset: Dataset, savePath: string | undefined, first: number, last: number, kernels: KernelFamily): string {
	const c = model.config;
	const net = `[${c.layers.join(',')}] ${c.activation}/${c.output}, ${c.cost} cost, ${c.init} init`;
	const sgd = `batch ${c.batch}, eta ${c.eta}${c.lambda > 0 ? `, lambda ${c.lambda}` : ''}${c.momentum > 0 ? `, momentum ${c.momentum}` : ''}, seed ${c.seed}`;
	const data = `${dataset.name} from ${dataset.source} (${count(dataset.train.count)} train, ${count(dataset.validation.count)} validation, ${count(dataset.test.count)} test)`;
	const epochs = first > last ? 'no epochs' : `epochs ${first}-${last}`;
	return `training ${net}; ${sgd}; ${kernelWords[kernels]}; ${data}; ${epochs}; ${savePath === undefined ? 'not saving (no --save)' : `saving to ${savePath}`}`;
}

const kernelWords: Readonly<Record<KernelFamily, string>> = {wasm: 'WebAssembly SIMD kernels', js: 'JavaScript kernels'};

function describeEpoch(r: EpochRecord, last: number): string {
	const width = String(last).length;
	return `epoch ${String(r.epoch).padStart(width)}/${last}  ${r.seconds.toFixed(2).padStart(6)} s  loss ${r.trainLoss.toFixed(5)}  validation ${percent(r.validationAccuracy)}  test ${percent(r.testAccuracy)}`;
}

function describeEnd(model: Model, epochs: number, seconds: number, savePath: string | undefined): string {
	const best = model.history.reduce<EpochRecord | undefined>((b, r) => (b === undefined || r.validationAccuracy > b.validationAccuracy ? r : b), undefined);
	const bestText = best === undefined ? '' : `; best validation accuracy ${percent(best.validationAccuracy)} at epoch ${best.epoch}`;
	return `trained ${epochs} epoch${epochs === 1 ? '' : 's'} in ${seconds.toFixed(1)} s${bestText}; ${savePath === undefined ? 'not saved (no --save)' : `saved to ${savePath}`}`;
}
