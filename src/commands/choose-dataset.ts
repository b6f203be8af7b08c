import type {DataOptions} from '../cli/options.js';
import type {Dataset} from '../data/dataset.js';
import {loadDataset} from '../data/load.js';
import type {Model} from '../model/model.js';

/**
 * The dataset a command works on. Flags win; without --dataset and --data a model's own dataset is
 * used (the embedded digits for a model trained on them, even when NNVIZ_DATA is set); with neither,
 * MNIST from NNVIZ_DATA or else the embedded digits.
 */
export function chooseDataset(options: DataOptions, model: Model | undefined, env: NodeJS.ProcessEnv): Dataset {
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
			return loadDataset({dataset: 'mnist', env});
		}
	}
}
