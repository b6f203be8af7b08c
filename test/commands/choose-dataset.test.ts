import {describe, expect, it} from 'vitest';
import {datasetsDifferWords} from '../../src/commands/choose-dataset.js';
import {DatasetsDifferError} from '../../src/errors.js';

describe('datasetsDifferWords', () => {
	const differ = (trainedOn: string): DatasetsDifferError => new DatasetsDifferError('m.safetensors was trained on X, but this run loads Y', 'm.safetensors', trainedOn);

	it.each([
		['mnist', 'give --data DIR or set NNVIZ_DATA to its folder'],
		['fashion-mnist', 'give --dataset fashion-mnist and the --data of the original'],
		['mnist-embedded', 'give neither --data nor --dataset, and it loads the embedded digits it was trained on'],
		['something-else', 'give the --dataset and --data it was trained on'],
	])('follows the facts with the flags that load the data a model trained on %s was trained on', (trainedOn, hint) => {
		expect(datasetsDifferWords(differ(trainedOn))).toBe(`m.safetensors was trained on X, but this run loads Y; ${hint}`);
	});
});
