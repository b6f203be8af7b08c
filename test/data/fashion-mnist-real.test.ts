/** The real Fashion-MNIST files of Debian's dataset-fashion-mnist package, where installed. */
import {existsSync} from 'node:fs';
import {beforeAll, describe, expect, it} from 'vitest';
import type {Dataset, DatasetSplit} from '../../src/data/dataset.js';
import {defaultFashionMnistDir, loadFashionMnist} from '../../src/data/fashion-mnist.js';

function classCounts(...splits: DatasetSplit[]): number[] {
	const counts = Array.from({length: 10}, () => 0);
	for (const split of splits) {
		for (const label of split.labels) {
			counts[label]++;
		}
	}

	return counts;
}

describe.runIf(existsSync(defaultFashionMnistDir))(`the real Fashion-MNIST files in ${defaultFashionMnistDir}`, () => {
	let dataset: Dataset;
	beforeAll(() => {
		dataset = loadFashionMnist();
	});

	it('load from the default folder and split 50,000 / 10,000 / 10,000', () => {
		expect(dataset).toMatchObject({name: 'fashion-mnist', source: defaultFashionMnistDir, rows: 28, cols: 28});
		expect([dataset.train.count, dataset.validation.count, dataset.test.count]).toEqual([50_000, 10_000, 10_000]);
	});

	it('have 6,000 training and 1,000 test images of every class', () => {
		expect(classCounts(dataset.train, dataset.validation)).toEqual(Array.from({length: 10}, () => 6000));
		expect(classCounts(dataset.test)).toEqual(Array.from({length: 10}, () => 1000));
	});

	it('hold the labels Debian ships at both ends of each split, an ankle boot first', () => {
		expect(dataset.classNames[dataset.train.labels[0]]).toBe('Ankle boot');
		expect([...dataset.train.labels.subarray(0, 10)]).toEqual([9, 0, 0, 3, 0, 2, 7, 2, 5, 5]);
		expect([...dataset.validation.labels.subarray(-5)]).toEqual([5, 1, 3, 0, 5]);
		expect([...dataset.test.labels.subarray(0, 10)]).toEqual([9, 2, 1, 1, 6, 1, 4, 6, 5, 7]);
		expect([...dataset.test.labels.subarray(-5)]).toEqual([9, 1, 8, 1, 5]);
	});

	it('have a mean training pixel near the usual 0.2860 of 255', () => {
		let sum = 0;
		for (const split of [dataset.train, dataset.validation]) {
			for (const pixel of split.images) {
				sum += pixel;
			}
		}

		expect(sum / (60_000 * 784) / 255).toBeCloseTo(0.286, 3);
	});
});
