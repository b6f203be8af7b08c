import type {DataOptions} from './command-types.js';
import type {Dataset} from '../data/dataset.js';
import {loadDataset} from '../data/load.js';
import {
	DatasetFormatError, DatasetFromEnvironmentError, DatasetMismatchError, type DatasetsDifferError, UnknownDatasetError, UsageError,
} from '../errors.js';
import type {Model} from '../model/model.js';

/**
 * The dataset a command works on. Flags win; without --dataset and --data a model's own dataset is
 * used (the embedded digits for a model trained on them, even when NNVIZ_DATA is set; NNVIZ_DATA for a
 * model trained on a MNIST folder, never the embedded digits, which are MNIST training images); with
 * neither, MNIST from NNVIZ_DATA or else the embedded digits.
 */
export function chooseDataset(options: DataOptions, model: Model | undefined, env: NodeJS.ProcessEnv, modelFile = 'the model'): Dataset {
	try {
		return pickDataset(options, model, env, modelFile);
	} catch (error) {
		throw inCliWords(error);
	}
}

/** The data layer's typed errors, worded with the flag or variable the user set. */
function inCliWords(error: unknown): unknown {
	if (error instanceof UnknownDatasetError) {
		return new UsageError(`--dataset: expected ${error.expected.join(' or ')}, got ${JSON.stringify(error.dataset)}`, {cause: error});
	}

	if (error instanceof DatasetFromEnvironmentError) {
		return new DatasetFormatError(`NNVIZ_DATA: ${error.reason.message}`, {cause: error});
	}

	return error;
}

/**
 * A DatasetsDifferError in the command line's words: what the model was trained on and what this run
 * loads, then the flags that load the model's own data. The command line and the UI both say it so.
 */
export function datasetsDifferWords(error: DatasetsDifferError): string {
	return `${error.message}; ${ownDataHint(error.trainedOn)}`;
}

function ownDataHint(trainedOn: string): string {
	switch (trainedOn) {
		case 'mnist-embedded': {
			return 'give neither --data nor --dataset, and it loads the embedded digits it was trained on';
		}

		case 'mnist': {
			return 'give --data DIR or set NNVIZ_DATA to its folder';
		}

		case 'fashion-mnist': {
			return 'give --dataset fashion-mnist and the --data of the original';
		}

		default: {
			return 'give the --dataset and --data it was trained on';
		}
	}
}

function pickDataset(options: DataOptions, model: Model | undefined, env: NodeJS.ProcessEnv, modelFile: string): Dataset {
	if (options.dataset !== undefined || options.data !== undefined || model === undefined) {
		return loadDataset({dataset: options.dataset, data: options.data, env});
	}

	switch (model.dataset.name) {
		case 'mnist-embedded': {
			return loadDataset({dataset: 'mnist', env: {}});
		}

		case 'fashion-mnist': {
			return loadDataset({dataset: 'fashion-mnist', env});
		}

		default: {
			// Never fall back to the embedded digits here: they are MNIST training images.
			if (!env['NNVIZ_DATA']) {
				const count = model.dataset.trainCount.toLocaleString('en-US');
				throw new DatasetMismatchError(`${modelFile} was trained on MNIST from a folder (${count} training images); give --data DIR or set NNVIZ_DATA`);
			}

			return loadDataset({dataset: 'mnist', env});
		}
	}
}
