/**
 * Training a Model epoch by epoch: run epochs that update the model only when they complete with
 * finite numbers, evaluate each, and say what it calls for. Pure engine code with no UI, used by the
 * command line and by the terminal UI's training worker.
 */
import type {Dataset} from '../data/dataset.js';
import {TrainingDivergedError} from '../errors.js';
import {checkDatasetFits} from '../model/model-dataset.js';
import type {EpochRecord, EpochSnapshot, Model} from '../model/model.js';
import {thinSnapshots} from '../model/snapshot-thinning.js';
import {diagnose, type EpochCheck, hiddenHealth, predictionCounts, type Warning} from '../nn/diagnostics.js';
import {createEngine, type Engine, type KernelFamily} from '../nn/engine.js';
import {fractionCorrect} from '../nn/evaluate.js';
import {type Parameters, parametersFinite} from '../nn/network.js';
import {Random} from '../nn/random.js';
import type {EpochOptions} from '../nn/train-epoch.js';
import {Workspace} from '../nn/workspace.js';

/**
 * The Trainer: runs epochs of a model on a dataset. After each completed epoch the model holds the new weights, a
 * snapshot, the epoch's record and the generator state; an epoch that is aborted or diverges leaves
 * the model as it was and the trainer ready to try again from there.
 */
export class Trainer {
	readonly model: Model;
	readonly dataset: Dataset;
	/** The kernels it trains and evaluates with: the JavaScript ones unless asked (the command line and the UI ask for the fastest that works). */
	readonly kernels: KernelFamily;
	private engine: Engine;
	private rng: Random;
	/** A JavaScript workspace for the hidden units' health (it reads activations), loaded with each epoch's weights. */
	private diagnostics: Workspace | undefined;
	/** What the last epoch's evaluation found beyond accuracy, for warnings. */
	private check: EpochCheck | undefined;
	/** Weights this trainer exported that are still in use (the current ones, snapshots), so never written to. */
	private readonly exported = new WeakSet<Parameters>();
	/** The arrays of a dropped snapshot, written with the next epoch's weights instead of new ones. */
	private spare: Parameters | undefined;

	constructor(model: Model, dataset: Dataset, options: {readonly kernels?: KernelFamily} = {}) {
		checkDatasetFits(model.config.layers, dataset);
		this.model = model;
		this.dataset = dataset;
		this.kernels = options.kernels ?? 'js';
		this.engine = createEngine(this.kernels, model.config, model.current, model.position.velocity);
		this.rng = Random.fromState(model.position.rng);
	}

	/** Train one epoch, evaluate it on the validation and test sets, and record it in the model. */
	async runEpoch(options: EpochOptions = {}): Promise<EpochRecord> {
		const epoch = this.model.position.epoch + 1;
		const started = performance.now();
		let stats;
		try {
			stats = await this.engine.trainEpoch(this.dataset.train, this.rng, options);
		} catch (error) {
			this.reload();
			throw error;
		}

		const seconds = (performance.now() - started) / 1000;
		const current = this.engine.exportParameters(this.spare);
		this.spare = undefined;
		if (!Number.isFinite(stats.trainLoss) || !parametersFinite(current)) {
			this.reload();
			const what = Number.isFinite(stats.trainLoss) ? 'the weights became NaN or Infinity' : `the loss became ${stats.trainLoss}`;
			throw new TrainingDivergedError(epoch, what, this.model.config.eta, this.model.config.lambda);
		}

		const {test} = this.dataset;
		const predictions = this.engine.predict(test);
		const record: EpochRecord = {
			epoch,
			seconds,
			trainLoss: stats.trainLoss,
			validationAccuracy: fractionCorrect(this.engine.predict(this.dataset.validation), this.dataset.validation.labels),
			testAccuracy: fractionCorrect(predictions, test.labels),
		};
		this.check = {predicted: predictionCounts(predictions, this.dataset.classNames.length), hidden: hiddenHealth(this.diagnosticsWith(current), test)};
		const model = this.model;
		model.current = current;
		// The snapshot shares the current weights' arrays: neither is written to after this (the workspace
		// trains its own copy and exports fresh arrays), so a copy would only double each epoch's garbage.
		const snapshots = [...model.snapshots, {epoch, parameters: current}];
		model.snapshots = thinSnapshots(snapshots, epoch);
		this.keepSpare(snapshots, current);
		model.history.push(record);
		model.position = {epoch, rng: this.rng.getState(), velocity: this.engine.exportVelocity()};
		return record;
	}

	/**
	 * Keep the arrays of a snapshot the thinning just dropped, if this trainer exported them, for the next
	 * epoch's weights: long runs then allocate no weights per epoch (garbage that the worker's heap would
	 * hold for many epochs, since V8 frees it late).
	 */
	private keepSpare(before: readonly EpochSnapshot[], current: Parameters): void {
		this.exported.add(current);
		const kept = new Set(this.model.snapshots);
		for (const snapshot of before) {
			if (!kept.has(snapshot) && this.exported.delete(snapshot.parameters)) {
				this.spare = snapshot.parameters;
			}
		}
	}

	/**
	 * The weights after completed epoch `epoch` (0: the untrained network), if the model still keeps them
	 * (the thinning rule); the model's own arrays, which a later epoch may reuse: copy them to keep them.
	 */
	weightsAfter(epoch: number): Parameters | undefined {
		return epoch === 0 ? this.model.initial : this.model.snapshots.find(snapshot => snapshot.epoch === epoch)?.parameters;
	}

	/** Warnings about the last completed epoch (a class never predicted, saturated units, a rising loss). */
	warnings(): Warning[] {
		return diagnose(this.check, this.model.history.map(r => r.trainLoss), this.dataset.classNames);
	}

	/** The weights as training has them now, mid-epoch too, in fresh arrays. */
	liveParameters(): Parameters {
		return this.engine.exportParameters();
	}

	/** The diagnostics workspace with `parameters` in it (the JavaScript kernels' activations). */
	private diagnosticsWith(parameters: Parameters): Workspace {
		if (this.diagnostics === undefined) {
			this.diagnostics = Workspace.create(this.model.config, parameters);
		} else {
			this.diagnostics.importParameters(parameters, null);
		}

		return this.diagnostics;
	}

	private reload(): void {
		this.engine = createEngine(this.kernels, this.model.config, this.model.current, this.model.position.velocity);
		this.rng = Random.fromState(this.model.position.rng);
	}
}
