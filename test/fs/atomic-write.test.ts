import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, dirname, join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {FileWriteError} from '../../src/errors.js';
import {temporaryOwner, temporaryPathFor, writeFileAtomic} from '../../src/fs/atomic-write.js';
import {writeModelFile} from '../../src/model/model-file.js';
import {buildModel, expectError} from '../model/model-fixture.js';

// Wrap the file-system calls the writer makes, so a test can make one of them fail.
vi.mock('node:fs', async importOriginal => {
	const actual = await importOriginal<typeof import('node:fs')>();
	return {
		...actual,
		writeSync: vi.fn(actual.writeSync),
		fsyncSync: vi.fn(actual.fsyncSync),
		renameSync: vi.fn(actual.renameSync),
		openSync: vi.fn(actual.openSync),
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
		expectError(() => writeModelFile(path, buildModel()), FileWriteError, `${path}: cannot write: no space left on the device`);
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
		expectError(() => writeFileAtomic(path, new Uint8Array(8)), FileWriteError, `${path}: cannot write: EIO: i/o error, fsync`);
		expect(fs.readFileSync(path, 'utf8')).toBe('old content');
		expect(fs.readdirSync(folder)).toEqual(['m.safetensors']);
	});

	it('keeps the old file and removes the fully written temporary one when the rename fails', () => {
		let temporaryExisted = false;
		vi.mocked(fs.renameSync).mockImplementationOnce(from => {
			temporaryExisted = fs.readFileSync(from).length === 8;
			throw ioError('EXDEV', 'EXDEV: cross-device link not permitted, rename');
		});
		expectError(() => writeFileAtomic(path, new Uint8Array(8)), FileWriteError, `${path}: cannot write: EXDEV: cross-device link not permitted, rename`);
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

	it('says a read-only file system in its own words, naming the target and not the temporary file', () => {
		vi.mocked(fs.openSync).mockImplementationOnce(file => {
			throw ioError('EROFS', `EROFS: read-only file system, open '${String(file)}'`);
		});
		expectError(() => writeFileAtomic(path, new Uint8Array(8)), FileWriteError, `${path}: cannot write: read-only file system`);
	});

	it('leaves the temporary name out of a system message it has no words for', () => {
		vi.mocked(fs.openSync).mockImplementationOnce(file => {
			throw ioError('EWEIRD', `EWEIRD: something odd, open '${String(file)}'`);
		});
		expectError(() => writeFileAtomic(path, new Uint8Array(8)), FileWriteError, `${path}: cannot write: EWEIRD: something odd, open`);
	});
});

describe('writeFileAtomic and symbolic links', () => {
	let folder: string;
	beforeEach(() => {
		folder = fs.mkdtempSync(join(tmpdir(), 'nnviz-atomic-'));
	});
	afterEach(() => {
		fs.rmSync(folder, {recursive: true, force: true});
	});

	it('writes through a link: the target gets the new content and the link stays a link', () => {
		const target = join(folder, 'real.safetensors');
		const link = join(folder, 'link.safetensors');
		fs.writeFileSync(target, 'old content');
		fs.symlinkSync('real.safetensors', link);
		writeFileAtomic(link, new TextEncoder().encode('new content'));
		expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
		expect(fs.readFileSync(target, 'utf8')).toBe('new content');
		expect(fs.readdirSync(folder).sort()).toEqual(['link.safetensors', 'real.safetensors']);
	});

	it('refuses a dangling link in one line and leaves it a link', () => {
		const link = join(folder, 'link.safetensors');
		fs.symlinkSync('gone.safetensors', link);
		expectError(() => writeFileAtomic(link, new Uint8Array(8)), FileWriteError,
			`${link}: cannot write: it is a symbolic link to gone.safetensors, which does not exist; create the target or save to another name`);
		expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
		expect(fs.readdirSync(folder)).toEqual(['link.safetensors']);
	});
});

describe('writeFileAtomic and temporary files left by a killed save', () => {
	let folder: string;
	beforeEach(() => {
		folder = fs.mkdtempSync(join(tmpdir(), 'nnviz-atomic-'));
	});
	afterEach(() => {
		fs.rmSync(folder, {recursive: true, force: true});
	});

	it('reads the writer\'s pid from its own temporary names only', () => {
		const target = join(folder, 'm.safetensors');
		expect(temporaryOwner(target, basename(temporaryPathFor(target)))).toBe(process.pid);
		expect(temporaryOwner(target, '.m.safetensors.12.0123456789ab.tmp')).toBe(12);
		expect(temporaryOwner(target, '.other.safetensors.12.0123456789ab.tmp')).toBeUndefined();
		expect(temporaryOwner(target, '.m.safetensors.12.0123456789ab.tmp.keep')).toBeUndefined();
		expect(temporaryOwner(target, 'm.safetensors')).toBeUndefined();
	});

	it('removes the target\'s temporary files whose process is gone, and keeps everything else', () => {
		const dead = spawnSync(process.execPath, ['-e', '']).pid!;
		const target = join(folder, 'm.safetensors');
		const stale = `.m.safetensors.${dead}.0123456789ab.tmp`;
		const live = `.m.safetensors.${process.ppid}.0123456789ab.tmp`; // a process that runs
		const otherTarget = `.n.safetensors.${dead}.0123456789ab.tmp`;
		const unrelated = `.m.safetensors.${dead}.notours.tmp`;
		for (const name of [stale, live, otherTarget, unrelated]) {
			fs.writeFileSync(join(folder, name), 'partial');
		}

		writeFileAtomic(target, new TextEncoder().encode('new content'));
		expect(fs.readdirSync(folder).sort()).toEqual([live, unrelated, otherTarget, 'm.safetensors'].sort());
	});
});

