import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readDatasetFile} from '../../src/data/data-file.js';
import {loadMnist} from '../../src/data/mnist.js';
import {DatasetFormatError} from '../../src/errors.js';
import {removeFolder, thrown, writeIdxFolder} from './idx-fixtures.js';

const notRegular = (path: string) => `${path}: not a regular file (a device or a pipe?), expected a dataset file`;

function expectRefused(path: string, message: string): void {
	const error = thrown(() => readDatasetFile(path));
	expect(error).toBeInstanceOf(DatasetFormatError);
	expect(error.message).toBe(message);
}

describe('readDatasetFile', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'nnviz-data-file-'));
		execFileSync('mkfifo', [join(dir, 'fifo')]);
		symlinkSync(join(dir, 'fifo'), join(dir, 'link-to-fifo'));
		symlinkSync('/dev/zero', join(dir, 'link-to-zero'));
		symlinkSync(join(dir, 'link-to-zero'), join(dir, 'link-to-link'));
		writeFileSync(join(dir, 'plain'), Uint8Array.of(1, 2, 3));
		symlinkSync(join(dir, 'plain'), join(dir, 'link-to-plain'));
		mkdirSync(join(dir, 'folder'));
	});
	afterAll(() => {
		removeFolder(dir);
	});

	it('reads a regular file, also through a symlink', () => {
		expect([...readDatasetFile(join(dir, 'plain'))]).toEqual([1, 2, 3]);
		expect([...readDatasetFile(join(dir, 'link-to-plain'))]).toEqual([1, 2, 3]);
	});

	it('refuses a FIFO before opening it (opening one would block forever)', () => {
		expectRefused(join(dir, 'fifo'), notRegular(join(dir, 'fifo')));
	});

	it('refuses /dev/zero and other character devices (reading one would fill memory)', () => {
		expectRefused('/dev/zero', notRegular('/dev/zero'));
		expectRefused('/dev/null', notRegular('/dev/null'));
	});

	it('refuses a FIFO or a device reached through symlinks, naming the path given', () => {
		for (const name of ['link-to-fifo', 'link-to-zero', 'link-to-link']) {
			expectRefused(join(dir, name), notRegular(join(dir, name)));
		}
	});

	it('refuses a directory and a missing file in one line', () => {
		expectRefused(join(dir, 'folder'), `${join(dir, 'folder')}: is a directory, expected a dataset file`);
		expectRefused(join(dir, 'none'), `${join(dir, 'none')}: no such file or directory`);
	});
});

describe('an IDX folder whose file is a pipe or a device', () => {
	it('fails with the file named instead of hanging or reading forever', () => {
		const dir = writeIdxFolder({omit: ['t10k-labels-idx1-ubyte']});
		try {
			execFileSync('mkfifo', [join(dir, 't10k-labels-idx1-ubyte')]);
			expect(existsSync(join(dir, 't10k-labels-idx1-ubyte'))).toBe(true);
			expect(() => loadMnist(dir)).toThrow(notRegular(join(dir, 't10k-labels-idx1-ubyte')));
		} finally {
			removeFolder(dir);
		}
	});
});
