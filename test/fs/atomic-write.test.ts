import * as fs from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, dirname, join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {ModelFormatError} from '../../src/errors.js';
import {temporaryPathFor, writeFileAtomic} from '../../src/model/atomic-write.js';
import {writeModelFile} from '../../src/model/model-file.js';
import {buildModel, expectError} from './model-fixture.js';

// Wrap the file-system calls the writer makes, so a test can make one of them fail.
vi.mock('node:fs', async importOriginal => {
	const actual = await importOriginal<typeof import('node:fs')>();
	return {
		...actual,
		writeSync: vi.fn(actual.writeSync),
		fsyncSync: vi.fn(actual.fsyncSync),
		renameSync: vi.fn(actual.renameSync),
	};
});

function ioError(code: string, message: string): NodeJS.ErrnoException {
	return Object.assign(new Error(message), {code});
}

describe('writeFileAtomic', () => {
	let folder: string;
	let path: string;
	beforeEach(() => {
		folder = fs.mkdtempSync(join(tmpdir(), 'nnviz-atomic-'));
		path = join(folder, 'm.safetensors');
		fs.writeFileSync(path, 'old content');
	});
	afterEach(() => {
		vi.mocked(fs.renameSync).mockClear();
		fs.rmSync(folder, {recursive: true, force: true});
	});

	it('writes a hidden temporary file in the same folder and renames it over the target', () => {
		writeFileAtomic(path, new TextEncoder().encode('new content'));
		const [from, to] = vi.mocked(fs.renameSync).mock.calls[0];
		expect(dirname(String(from))).toBe(folder);
		expect(basename(String(from))).toMatch(new RegExp(`^\\.m\\.safetensors\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`));
		expect(to).toBe(path);
		expect(fs.readFileSync(path, 'utf8')).toBe('new content');
		expect(fs.readdirSync(folder)).toEqual(['m.safetensors']);
	});

	it('picks a different temporary name each time', () => {
		expect(temporaryPathFor(path)).not.toBe(temporaryPathFor(path));
	});

	it('keeps the old file and removes the temporary one when the disk fills up mid-write', () => {
		vi.mocked(fs.writeSync).mockImplementationOnce(() => {
			throw ioError('ENOSPC', 'ENOSPC: no space left on device, write');
		});
		expectError(() => writeModelFile(path, buildModel()), ModelFormatError, `${path}: cannot write: no space left on the device`);
		expect(fs.readFileSync(path, 'utf8')).toBe('old content');
		expect(fs.readdirSync(folder)).toEqual(['m.safetensors']);
	});

	it('writes everything even when the system writes only part at a time', () => {
		const actual = vi.mocked(fs.writeSync).getMockImplementation() as unknown as (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
		const calls: number[] = [];
		vi.mocked(fs.writeSync).mockImplementation(((fd: number, buffer: Uint8Array, offset: number) => {
			calls.push(offset);
			return actual(fd, buffer, offset, Math.min(3, buffer.length - offset));
		}) as typeof fs.writeSync);
		try {
			writeFileAtomic(path, new TextEncoder().encode('new content'));
		} finally {
			vi.mocked(fs.writeSync).mockImplementation(actual as unknown as typeof fs.writeSync);
		}

		expect(calls).toEqual([0, 3, 6, 9]);
		expect(fs.readFileSync(path, 'utf8')).toBe('new content');
	});

	it('keeps the old file and removes the temporary one when fsync fails', () => {
		vi.mocked(fs.fsyncSync).mockImplementationOnce(() => {
			throw ioError('EIO', 'EIO: i/o error, fsync');
		});
		expectError(() => writeFileAtomic(path, new Uint8Array(8)), ModelFormatError, `${path}: cannot write: EIO: i/o error, fsync`);
		expect(fs.readFileSync(path, 'utf8')).toBe('old content');
		expect(fs.readdirSync(folder)).toEqual(['m.safetensors']);
	});

	it('keeps the old file and removes the fully written temporary one when the rename fails', () => {
		let temporaryExisted = false;
		vi.mocked(fs.renameSync).mockImplementationOnce(from => {
			temporaryExisted = fs.readFileSync(from).length === 8;
			throw ioError('EXDEV', 'EXDEV: cross-device link not permitted, rename');
		});
		expectError(() => writeFileAtomic(path, new Uint8Array(8)), ModelFormatError, `${path}: cannot write: EXDEV: cross-device link not permitted, rename`);
		expect(temporaryExisted).toBe(true);
		expect(fs.readFileSync(path, 'utf8')).toBe('old content');
		expect(fs.readdirSync(folder)).toEqual(['m.safetensors']);
	});

	it('does not fail when the folder cannot be synced after the rename', () => {
		vi.mocked(fs.fsyncSync)
			.mockImplementationOnce(vi.mocked(fs.fsyncSync).getMockImplementation()!)
			.mockImplementationOnce(() => {
				throw ioError('EINVAL', 'EINVAL: invalid argument, fsync');
			});
		writeFileAtomic(path, new TextEncoder().encode('new content'));
		expect(fs.readFileSync(path, 'utf8')).toBe('new content');
	});
});
