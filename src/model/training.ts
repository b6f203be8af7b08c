/**
 * Training a Model epoch by epoch: create a new one, check that a dataset fits it, and run epochs
 * that update the model only when they complete with finite numbers. Pure engine code with no UI, used
 * by the command line and by the terminal UI's training runner.
 */
import {createHash} from 'node:crypto';
import type {Dataset} from '../data/dataset.js';
import {DatasetsDifferError, LayersDoNotFitError, TrainingDivergedError} from '../errors.js';
import type {TrainConfig} from '../nn/config.js';
import {diagnose, type EpochCheck, hiddenHealth, predictionCounts, type Warning} from '../nn/diagnostics.js';
import {accuracy, fractionCorrect, predict} from '../nn/evaluate.js';
import {cloneParameters, initParameters, parametersFinite} from '../nn/network.js';
import {Random} from '../nn/random.js';
import {type EpochOptions, trainEpochAsync} from '../nn/train-epoch.js';
import {Workspace} from '../nn/workspace.js';
import type {DatasetInfo, EpochRecord, Model} from './model.js';
import {thinSnapshots} from './snapshot-thinning.js';

/** What a model file records of a dataset. */
export function datasetInfo(dataset: Dataset): DatasetInfo {
	return {
		name: dataset.name,
		classNames: [...dataset.classNames],
		rows: dataset.rows,
		cols: dataset.cols,
		trainCount: dataset.train.count,
		validationCount: dataset.validation.count,
		testCount: dataset.test.count,
		fingerprint: datasetFingerprint(dataset),
	};
}

/** sha256 (hex) of the labels of the three splits, in order. */
export function datasetFingerprint(dataset: Dataset): string {
	const hash = createHash('sha256');
	for (const split of [dataset.train, dataset.validation, dataset.test]) {
		hash.update(split.labels);
	}

	return hash.digest('hex');
}

/** Throw a LayersDoNotFitError unless the network's input and output layers fit the dataset's images and classes. */
export function checkDatasetFits(layers: readonly number[], dataset: Dataset): void {
	const pixels = dataset.rows * dataset.cols;
	const classes = dataset.classNames.length;
	if (layers[0] !== pixels) {
		throw new LayersDoNotFitError('first', pixels, layers[0], `${dataset.rows}x${dataset.cols} pixels of ${dataset.name}`);
	}

	if (layers.at(-1) !== classes) {
		throw new LayersDoNotFitError('last', classes, layers.at(-1)!, `the classes of ${dataset.name}`);
	}
}

/** Throw a DatasetsDifferError unless `dataset` is the one `model` was trained on, as resuming needs. */
export function checkSameDataset(model: Model, dataset: Dataset, file: string): void {
	const had = model.dataset;
	const now = datasetInfo(dataset);
	const same = had.name === now.name && had.trainCount === now.trainCount && had.validationCount === now.validationCount
		&& had.testCount === now.testCount && had.rows === now.rows && had.cols === now.cols
		&& (had.fingerprint === undefined || had.fingerprint === now.fingerprint);
	if (!same) {
		const describe = (d: DatasetInfo): string => `${d.name} (${d.trainCount.toLocaleString('en-US')} training images)`;
		const labels = had.name === now.name && had.trainCount === now.trainCount ? ' with other labels' : '';
		throw new DatasetsDifferError(`${file} was trained on ${describe(had)}, but this run loads ${describe(now)}${labels}`, file, had.name);
	}
}

/** A new, untrained model: initial weights drawn from the config's seed. */
export function createModel(config: TrainConfig, dataset: Dataset): Model {
	checkDatasetFits(config.layers, dataset);
	const rng = Random.fromSeed(config.seed);
	const initial = initParameters(config, rng);
	return {
		config,
		dataset: datasetInfo(dataset),
		current: cloneParameters(initial),
		initial,
		snapshots: [],
		history: [],
		position: {epoch: 0, rng: rng.getState(), velocity: null},
	};
}

/**
 * Runs epochs of a model on a dataset. After each completed epoch the model holds the new weights, a
 * snapshot, the epoch's record and the generator state; an epoch that is aborted or diverges leaves
 * the model as it was and the run ready to try again from there.
 */
export class TrainingRun {
	readonly model: Model;
	readonly dataset: Dataset;
	private ws: Workspace;
	private rng: Random;
	/** What the last epoch's evaluation found beyond accuracy, for warnings. */
	private check: EpochCheck | undefined;

	constructor(model: Model, dataset: Dataset) {
		checkDatasetFits(model.config.layers, dataset);
		this.model = model;
		this.dataset = dataset;
		this.ws = Workspace.create(model.config, model.current, model.position.velocity);
		this.rng = Random.fromState(model.position.rng);
	}

	/** Train one epoch, evaluate it on the validation and test sets, and record it in the model. */
	async runEpoch(options: EpochOptions = {}): Promise<EpochRecord> {
		const epoch = this.model.position.epoch + 1;
		const started = performance.now();
		let stats;
		try {
			stats = await trainEpochAsync(this.ws, this.dataset.train, this.rng, options);
		} catch (error) {
			this.reload();
			throw error;
		}

		const seconds = (performance.now() - started) / 1000;
		const current = this.ws.exportParameters();
		if (!Number.isFinite(stats.trainLoss) || !parametersFinite(current)) {
			this.reload();
			const what = Number.isFinite(stats.trainLoss) ? 'the weights became NaN or Infinity' : `the loss became ${stats.trainLoss}`;
			throw new TrainingDivergedError(epoch, what, this.model.config.eta, this.model.config.lambda);
		}

		const {test} = this.dataset;
		const predictions = predict(this.ws, test);
		const record: EpochRecord = {
			epoch,
			seconds,
			trainLoss: stats.trainLoss,
			validationAccuracy: accuracy(this.ws, this.dataset.validation),
			testAccuracy: fractionCorrect(predictions, test.labels),
		};
		this.check = {predicted: predictionCounts(predictions, this.dataset.classNames.length), hidden: hiddenHealth(this.ws, test)};
		const model = this.model;
		model.current = current;
		model.snapshots = thinSnapshots([...model.snapshots, {epoch, parameters: cloneParameters(current)}], epoch);
		model.history.push(record);
		model.position = {epoch, rng: this.rng.getState(), velocity: this.ws.exportVelocity()};
		return record;
	}

	/** Warnings about the last completed epoch (a class never predicted, saturated units, a rising loss). */
	warnings(): Warning[] {
		return diagnose(this.check, this.model.history.map(r => r.trainLoss), this.dataset.classNames);
	}

	/** The workspace, for evaluating the current weights (do not train with it). */
	get workspace(): Workspace {
		return this.ws;
	}

	private reload(): void {
		this.ws = Workspace.create(this.model.config, this.model.current, this.model.position.velocity);
		this.rng = Random.fromState(this.model.position.rng);
	}
}
