import {existsSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {embeddedSource} from '../../src/data/embedded.js';
import {defaultFashionMnistDir} from '../../src/data/fashion-mnist.js';
import {datasetNames, isDatasetName, loadDataset} from '../../src/data/load.js';
import {DatasetFormatError, DatasetFromEnvironmentError, UnknownDatasetError, UsageError} from '../../src/errors.js';
import {removeFolder, thrown, writeIdxFolder} from './idx-fixtures.js';

describe('loadDataset', () => {
	let mnistDir: string;
	let otherDir: string;
	beforeAll(() => {
		mnistDir = writeIdxFolder({trainCount: 12});
		otherDir = writeIdxFolder({trainCount: 24, gzip: true});
	});
	afterAll(() => {
		removeFolder(mnistDir);
		removeFolder(otherDir);
	});

	it('offers mnist and fashion-mnist', () => {
		expect(datasetNames).toEqual(['mnist', 'fashion-mnist']);
		expect(isDatasetName('mnist')).toBe(true);
		expect(isDatasetName('cifar')).toBe(false);
	});

	it('rejects an unknown dataset name with a typed usage error that carries the name and names no flag', () => {
		const error = thrown(() => loadDataset({dataset: 'cifar-10', env: {}}));
		expect(error).toBeInstanceOf(UnknownDatasetError);
		expect(error).toBeInstanceOf(UsageError);
		expect(error).toMatchObject({dataset: 'cifar-10', expected: ['mnist', 'fashion-mnist']});
		expect(error.message).toBe('unknown dataset "cifar-10", expected mnist or fashion-mnist');
		expect((error as UsageError).exitCode).toBe(2);
	});

	it('says a folder from the environment failed with a typed error that names no variable', () => {
		const error = thrown(() => loadDataset({env: {NNVIZ_DATA: '/nonexistent/mnist'}}));
		expect(error).toBeInstanceOf(DatasetFromEnvironmentError);
		expect(error).toBeInstanceOf(DatasetFormatError);
		expect((error as DatasetFromEnvironmentError).folder).toBe('/nonexistent/mnist');
		expect((error as DatasetFromEnvironmentError).reason.message).toBe('mnist folder /nonexistent/mnist: no such file or directory');
		expect(error.message).not.toMatch(/NNVIZ_DATA|--data/);
	});

	it('loads the embedded digits when neither a folder nor NNVIZ_DATA is given', () => {
		const dataset = loadDataset({env: {}});
		expect(dataset.name).toBe('mnist-embedded');
		expect(dataset.source).toBe(embeddedSource);
		expect(loadDataset({dataset: 'mnist', data: '', env: {NNVIZ_DATA: ''}}).name).toBe('mnist-embedded');
	});

	it('loads MNIST from the folder in NNVIZ_DATA when no folder is given', () => {
		const dataset = loadDataset({env: {NNVIZ_DATA: mnistDir}});
		expect(dataset).toMatchObject({name: 'mnist', source: mnistDir});
		expect(dataset.train.count).toBe(10);
	});

	it('prefers the given folder to NNVIZ_DATA', () => {
		const dataset = loadDataset({dataset: 'mnist', data: otherDir, env: {NNVIZ_DATA: mnistDir}});
		expect(dataset).toMatchObject({name: 'mnist', source: otherDir});
		expect(dataset.train.count).toBe(20);
	});

	it('reads NNVIZ_DATA from process.env when no env is passed', () => {
		const saved = process.env['NNVIZ_DATA'];
		process.env['NNVIZ_DATA'] = mnistDir;
		try {
			expect(loadDataset().source).toBe(mnistDir);
		} finally {
			if (saved === undefined) {
				delete process.env['NNVIZ_DATA'];
			} else {
				process.env['NNVIZ_DATA'] = saved;
			}
		}
	});

	it('loads Fashion-MNIST from the given folder', () => {
		const dataset = loadDataset({dataset: 'fashion-mnist', data: otherDir, env: {NNVIZ_DATA: mnistDir}});
		expect(dataset).toMatchObject({name: 'fashion-mnist', source: otherDir});
		expect(dataset.classNames[9]).toBe('Ankle boot');
	});

	it('loads Fashion-MNIST from Debian\'s folder otherwise, ignoring NNVIZ_DATA', () => {
		const load = () => loadDataset({dataset: 'fashion-mnist', env: {NNVIZ_DATA: mnistDir}});
		if (existsSync(defaultFashionMnistDir)) {
			expect(load()).toMatchObject({name: 'fashion-mnist', source: defaultFashionMnistDir});
		} else {
			const error = thrown(load);
			expect(error).toBeInstanceOf(DatasetFormatError);
			expect(error.message).toBe(`fashion-mnist folder ${defaultFashionMnistDir}: no such file or directory`);
		}
	});
});
