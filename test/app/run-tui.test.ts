import {describe, expect, it} from 'vitest';
import {trainingBlockedOn} from '../../src/app/run-tui.js';
import {createModel} from '../../src/model/model-dataset.js';
import {newConfig} from '../../src/nn/config.js';
import {syntheticDataset} from '../components/fixtures.js';

describe('trainingBlockedOn', () => {
	const config = newConfig(undefined, {layers: [784, 4, 10]});

	it('says why a model opened on other data cannot train there, with the flags that load its own data', () => {
		const own = {...syntheticDataset(), name: 'mnist'};
		const other = {...syntheticDataset(), name: 'mnist-embedded'};
		expect(trainingBlockedOn(createModel(config, own), other, 'digits.safetensors')).toBe(
			'cannot train here: digits.safetensors was trained on mnist (20 training images), but this run loads mnist-embedded (20 training images);'
			+ ' give --data DIR or set NNVIZ_DATA to its folder',
		);
	});

	it('lets a model train on the data it was trained on', () => {
		const own = syntheticDataset();
		expect(trainingBlockedOn(createModel(config, own), own, 'digits.safetensors')).toBeUndefined();
	});
});
