import {describe, expect, it} from 'vitest';
import type {Dataset} from '../../src/data/dataset.js';
import {createModel} from '../../src/model/model-dataset.js';
import {cloneParameters, type Parameters} from '../../src/nn/network.js';
import {Trainer} from '../../src/training/trainer.js';
import {tinyClassNames, tinyConfig, tinySplit} from '../app/tiny-classifier.js';

const data: Dataset = {name: 'tiny', source: 'memory', rows: 2, cols: 2, classNames: tinyClassNames, train: tinySplit, validation: tinySplit, test: tinySplit};

describe('Trainer', () => {
	it('writes each new epoch\'s weights into the arrays of a snapshot the thinning dropped, never into one still kept', async () => {
		const trainer = new Trainer(createModel(tinyConfig, data), data);
		const {model} = trainer;
		const weightsAfter = new Map<number, Parameters>();
		const earlier = new Set<ArrayBufferLike>();
		let reused = 0;
		for (let epoch = 1; epoch <= 150; epoch++) {
			// eslint-disable-next-line no-await-in-loop -- epochs run one after another
			await trainer.runEpoch();
			const buffer = model.current.weights[0].buffer;
			if (earlier.has(buffer)) {
				reused++;
			}

			earlier.add(buffer);

			weightsAfter.set(epoch, cloneParameters(model.current));
		}

		expect(model.snapshots.length).toBeLessThanOrEqual(64);
		// Past the first 64 epochs most epochs drop a snapshot (56 of the 86 here); without the reuse, none.
		expect(reused).toBeGreaterThan(40);
		for (const snapshot of model.snapshots) {
			expect(snapshot.parameters).toEqual(weightsAfter.get(snapshot.epoch));
		}

		expect(model.current).toEqual(weightsAfter.get(150));
	});
});
