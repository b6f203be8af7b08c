/** A model file trained for some epochs on the tiny classifier, and its weights as the file's tensors hold them. */
import type {Dataset} from '../../src/data/dataset.js';
import {createModel} from '../../src/model/model-dataset.js';
import {decodeModel, encodeModel} from '../../src/model/model-file.js';
import type {Model} from '../../src/model/model.js';
import {decodeSafetensors} from '../../src/model/safetensors.js';
import type {Parameters} from '../../src/nn/network.js';
import {Trainer} from '../../src/training/trainer.js';
import {tinyClassNames, tinyConfig, tinySplit} from './tiny-classifier.js';

export const tinyData: Dataset = {name: 'mnist', source: 'memory', rows: 2, cols: 2, classNames: [...tinyClassNames], train: tinySplit, validation: tinySplit, test: tinySplit};

export type ModelFile = {
	/** The model as read back from the file. */
	readonly model: Model;
	/** The weights stored under `prefix` ('initial.', 'epoch.3.', '' for the current ones), read straight from the file's tensors. */
	readonly tensors: (prefix: string) => Parameters | undefined;
};

/** Train the tiny classifier for `epochs` epochs, encode it as a model file and read it back. */
export async function trainedModelFile(epochs: number): Promise<ModelFile> {
	const trainer = new Trainer(createModel(tinyConfig, tinyData), tinyData);
	for (let i = 0; i < epochs; i++) {
		// eslint-disable-next-line no-await-in-loop -- epochs run one after another
		await trainer.runEpoch();
	}

	const bytes = encodeModel(trainer.model);
	const {tensors} = decodeSafetensors(bytes, 'm.safetensors');
	const layers = tinyConfig.layers;
	return {
		model: decodeModel(bytes, 'm.safetensors'),
		tensors(prefix) {
			const weights = layers.slice(1).map((_, l) => tensors.get(`${prefix}layers.${l}.weight`)?.data);
			const biases = layers.slice(1).map((_, l) => tensors.get(`${prefix}layers.${l}.bias`)?.data);
			if ([...weights, ...biases].some(data => !(data instanceof Float32Array))) {
				return undefined;
			}

			return {layers: [...layers], weights: weights as Float32Array[], biases: biases as Float32Array[]};
		},
	};
}
