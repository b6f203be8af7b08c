import {describe, expect, it} from 'vitest';
import type {Dataset} from '../../src/data/dataset.js';
import {decodeModel, encodeModel} from '../../src/model/model-file.js';
import {keptEpochs} from '../../src/model/snapshot-thinning.js';
import {createModel} from '../../src/model/model-dataset.js';
import {Trainer} from '../../src/training/trainer.js';
import {tinyClassNames, tinyConfig, tinySplit} from '../app/tiny-classifier.js';
import {parameterBits} from '../model/model-fixture.js';

const data: Dataset = {name: 'mnist', source: 'memory', rows: 2, cols: 2, classNames: [...tinyClassNames], train: tinySplit, validation: tinySplit, test: tinySplit};
const config = {...tinyConfig, momentum: 0.5, batch: 2};

async function train(trainer: Trainer, epochs: number): Promise<void> {
	for (let i = 0; i < epochs; i++) {
		// eslint-disable-next-line no-await-in-loop
		await trainer.runEpoch();
	}
}

describe('a model whose snapshots were thinned out', () => {
	it('loads from its file and resumes exactly as an uninterrupted run, thinning on as it goes', async () => {
		const straight = new Trainer(createModel(config, data), data);
		await train(straight, 110);

		const first = new Trainer(createModel(config, data), data);
		await train(first, 100);
		const loaded = decodeModel(encodeModel(first.model), 'm.safetensors');
		expect(loaded.snapshots.map(s => s.epoch)).toEqual(keptEpochs(100));
		const resumed = new Trainer(loaded, data);
		await train(resumed, 10);

		expect(resumed.model.snapshots.map(s => s.epoch)).toEqual(keptEpochs(110));
		expect(parameterBits(resumed.model.current)).toEqual(parameterBits(straight.model.current));
		const bits = (trainer: Trainer) => trainer.model.snapshots.map(s => ({epoch: s.epoch, bits: parameterBits(s.parameters)}));
		expect(bits(resumed)).toEqual(bits(straight));
		expect(resumed.model.history).toHaveLength(110);
	});
});
