/**
 * A model and the dataset it is trained on: a new model for a dataset, what a model file records of
 * its dataset, and whether a dataset fits a network or is the one a model was trained on.
 */
import {createHash} from 'node:crypto';
import type {Dataset} from '../data/dataset.js';
import {DatasetsDifferError, LayersDoNotFitError} from '../errors.js';
import type {TrainConfig} from '../nn/config.js';
import {cloneParameters, initParameters} from '../nn/network.js';
import {Random} from '../nn/random.js';
import type {DatasetInfo, Model} from './model.js';

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
