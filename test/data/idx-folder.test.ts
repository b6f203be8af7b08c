import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {DatasetFormatError} from '../../src/errors.js';
import {fashionMnistClassNames, loadFashionMnist} from '../../src/data/fashion-mnist.js';
import {encodeIdx} from '../../src/data/idx.js';
import {loadIdxFolder, validationCountFor} from '../../src/data/idx-folder.js';
import {loadMnist} from '../../src/data/mnist.js';
import {
	type FolderSpec, removeFolder, syntheticLabels, syntheticPixels, thrown, writeIdxFolder,
} from './idx-fixtures.js';

const folders: string[] = [];

function folder(spec?: FolderSpec): string {
	const dir = writeIdxFolder(spec);
	folders.push(dir);
	return dir;
}

afterEach(() => {
	for (const dir of folders.splice(0)) {
		removeFolder(dir);
	}
});

describe('validationCountFor', () => {
	it('takes the last 10,000 of the 60,000 MNIST training images, and a sixth of a small set', () => {
		expect(validationCountFor(60_000)).toBe(10_000);
		expect(validationCountFor(100_000)).toBe(10_000);
		expect(validationCountFor(12_000)).toBe(2000);
		expect(validationCountFor(12)).toBe(2);
		expect(validationCountFor(5)).toBe(0);
	});
});

describe('loadMnist on a folder of small synthetic files', () => {
	it('splits 12 training images into 10 for training and the last 2 for validation, t10k for testing', () => {
		const dir = folder({trainCount: 12, testCount: 5});
		const dataset = loadMnist(dir);
		expect(dataset).toMatchObject({name: 'mnist', source: dir, rows: 28, cols: 28});
		expect(dataset.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
		expect([dataset.train.count, dataset.validation.count, dataset.test.count]).toEqual([10, 2, 5]);

		const all = syntheticPixels(12);
		expect(dataset.train.images).toEqual(all.subarray(0, 10 * 784));
		expect(dataset.validation.images).toEqual(all.subarray(10 * 784));
		expect([...dataset.train.labels]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect([...dataset.validation.labels]).toEqual([0, 1]);
		expect([...dataset.test.labels]).toEqual([0, 1, 2, 3, 4]);
		expect(dataset.test.images).toEqual(syntheticPixels(5));
	});

	it('makes the training and validation splits views of one buffer, not copies', () => {
		const dataset = loadMnist(folder());
		expect(dataset.validation.images.buffer).toBe(dataset.train.images.buffer);
		expect(dataset.validation.images.byteOffset).toBe(dataset.train.images.byteOffset + (10 * 784));
		expect(dataset.validation.labels.buffer).toBe(dataset.train.labels.buffer);
	});

	it('reads gzipped files the same as raw ones', () => {
		const raw = loadMnist(folder());
		const gzipped = loadMnist(folder({gzip: true}));
		expect(gzipped.train.images).toEqual(raw.train.images);
		expect(gzipped.validation.labels).toEqual(raw.validation.labels);
		expect(gzipped.test.images).toEqual(raw.test.images);
	});

	it('prefers the raw file when both the raw and the gzipped one are present', () => {
		const dir = folder({trainCount: 12});
		writeFileSync(join(dir, 't10k-labels-idx1-ubyte.gz'), new Uint8Array([1, 2, 3]));
		expect(loadMnist(dir).test.count).toBe(5);
	});

	it('names the folder and every missing file', () => {
		const dir = folder({omit: ['train-images-idx3-ubyte', 't10k-labels-idx1-ubyte']});
		const error = thrown(() => loadMnist(dir));
		expect(error).toBeInstanceOf(DatasetFormatError);
		expect(error.message).toBe(`mnist folder ${dir}: missing train-images-idx3-ubyte(.gz), t10k-labels-idx1-ubyte(.gz)`);
	});

	it('says so when the folder does not exist', () => {
		const dir = join(folder(), 'nowhere');
		const error = thrown(() => loadMnist(dir));
		expect(error).toBeInstanceOf(DatasetFormatError);
		expect(error.message).toBe(`mnist folder ${dir}: no such file or directory`);
	});

	it('says so when the folder is a file', () => {
		const file = join(folder(), 'train-images-idx3-ubyte');
		expect(() => loadMnist(file)).toThrow(`mnist folder ${file}: is a file, expected a folder`);
	});

	it('names both files and both counts when the images and labels disagree', () => {
		const dir = folder({trainCount: 12, trainLabelCount: 11});
		const error = thrown(() => loadMnist(dir));
		expect(error).toBeInstanceOf(DatasetFormatError);
		expect(error.message).toBe(
			`${join(dir, 'train-labels-idx1-ubyte')}: byte 4: expected one label per image, 12 as in ${join(dir, 'train-images-idx3-ubyte')}, found 11 labels`,
		);
	});

	it('rejects images that are not 28 x 28, naming the file', () => {
		const dir = folder({rows: 32, cols: 32, gzip: true});
		expect(() => loadMnist(dir)).toThrow(`${join(dir, 'train-images-idx3-ubyte.gz')}: byte 8: expected 28 x 28 images, found 32 x 32`);
	});

	it('refuses a training file of 0 images instead of training on nothing', () => {
		const dir = folder({trainCount: 0});
		const error = thrown(() => loadMnist(dir));
		expect(error).toBeInstanceOf(DatasetFormatError);
		expect(error.message).toBe(`${join(dir, 'train-images-idx3-ubyte')}: byte 4: expected at least 1 image to train on, found 0`);
	});

	it('refuses a test file of 0 images, gzipped or not', () => {
		const dir = folder({testCount: 0, gzip: true});
		expect(() => loadMnist(dir)).toThrow(`${join(dir, 't10k-images-idx3-ubyte.gz')}: byte 4: expected at least 1 image to test on, found 0`);
	});

	it('passes on a format error of one file with that file path in the message', () => {
		const dir = folder();
		writeFileSync(join(dir, 't10k-labels-idx1-ubyte'), encodeIdx([5], Uint8Array.from([0, 1, 2, 10, 4])));
		expect(() => loadMnist(dir)).toThrow(
			`${join(dir, 't10k-labels-idx1-ubyte')}: byte 11: expected a label from 0 to 9, found 10 (label index 3)`,
		);
	});
});

describe('loadIdxFolder', () => {
	it('loads other image sizes and class counts when told to', () => {
		const dir = folder({rows: 3, cols: 2});
		writeFileSync(join(dir, 'train-labels-idx1-ubyte'), encodeIdx([12], syntheticLabels(12, 3)));
		writeFileSync(join(dir, 't10k-labels-idx1-ubyte'), encodeIdx([5], syntheticLabels(5, 3)));
		const dataset = loadIdxFolder(dir, {name: 'tiny', classNames: ['a', 'b', 'c'], rows: 3, cols: 2});
		expect(dataset).toMatchObject({name: 'tiny', rows: 3, cols: 2});
		expect(dataset.train.images).toEqual(syntheticPixels(10, 3, 2));
		expect(() => loadIdxFolder(dir, {name: 'tiny', classNames: ['a', 'b']})).toThrow('expected 28 x 28 images, found 3 x 2');
	});
});

describe('loadFashionMnist on a folder of small synthetic files', () => {
	it('uses the Fashion-MNIST name and class names with the same split as MNIST', () => {
		const dir = folder({gzip: true});
		const dataset = loadFashionMnist(dir);
		expect(dataset).toMatchObject({name: 'fashion-mnist', source: dir});
		expect(dataset.classNames).toEqual(fashionMnistClassNames);
		expect(dataset.classNames[0]).toBe('T-shirt/top');
		expect(dataset.classNames[9]).toBe('Ankle boot');
		expect([dataset.train.count, dataset.validation.count, dataset.test.count]).toEqual([10, 2, 5]);
	});

	it('starts its messages with fashion-mnist', () => {
		const dir = folder({omit: ['t10k-images-idx3-ubyte']});
		expect(() => loadFashionMnist(dir)).toThrow(`fashion-mnist folder ${dir}: missing t10k-images-idx3-ubyte(.gz)`);
	});
});
