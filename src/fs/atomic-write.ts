/**
 * Replace a file atomically: readers see either the old content or the new, never a mix, and a failed
 * write leaves the old file and no temporary file behind.
 */
import {randomBytes} from 'node:crypto';
import {
	closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync,
} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {ModelFormatError, describeIoError} from '../errors.js';

/** The temporary name used while writing `path`: a hidden file in the same folder. */
export function temporaryPathFor(path: string): string {
	const suffix = randomBytes(6).toString('hex');
	return join(dirname(path), `.${basename(path)}.${process.pid}.${suffix}.tmp`);
}

/**
 * Write `bytes` to a temporary file beside `path`, fsync it, rename it over `path`, then fsync the
 * folder (best effort). On failure the temporary file is removed and a ModelFormatError
 * `${path}: cannot write: ...` is thrown.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
	const temporary = temporaryPathFor(path);
	let fd: number | undefined;
	try {
		fd = openSync(temporary, 'wx', 0o644);
		writeAll(fd, bytes);
		fsyncSync(fd);
		closeSync(fd);
		fd = undefined;
		renameSync(temporary, path);
	} catch (error) {
		if (fd !== undefined) {
			closeQuietly(fd);
		}

		removeQuietly(temporary);
		throw new ModelFormatError(`${path}: cannot write: ${describeIoError(error)}`, {cause: error});
	}

	syncFolder(dirname(path));
}

function writeAll(fd: number, bytes: Uint8Array): void {
	let written = 0;
	while (written < bytes.length) {
		written += writeSync(fd, bytes, written, bytes.length - written);
	}
}

/** Make the rename durable. Some systems cannot open or fsync a folder; that is not an error. */
function syncFolder(folder: string): void {
	let fd: number | undefined;
	try {
		fd = openSync(folder, 'r');
		fsyncSync(fd);
	} catch {
		// Best effort.
	} finally {
		if (fd !== undefined) {
			closeQuietly(fd);
		}
	}
}

function closeQuietly(fd: number): void {
	try {
		closeSync(fd);
	} catch {
		// Already failing; the first error is the one to report.
	}
}

function removeQuietly(path: string): void {
	try {
		rmSync(path, {force: true});
	} catch {
		// Nothing more can be done; the first error is the one to report.
	}
}
