/**
 * Reading a dataset file: only a regular file is read, never a pipe or a device (a FIFO would block
 * forever and /dev/zero would fill memory), whether it is named directly or through symlinks.
 */
import {closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats} from 'node:fs';
import {DatasetFormatError, describeIoError} from '../errors.js';

/** Largest dataset file read: 1 GiB (the MNIST training images are 47 MB). */
export const maxDatasetFileBytes = 1024 * 1024 * 1024;

/**
 * Read a dataset file's bytes. Every problem is a one-line DatasetFormatError naming `path`: a missing
 * or unreadable file, a directory, anything but a regular file (checked before opening, and again on
 * the opened file in case it was swapped in between), or a file over 1 GiB.
 */
export function readDatasetFile(path: string): Uint8Array {
	let bytes: Buffer;
	try {
		checkRegular(statSync(path), path);
		// O_NONBLOCK: should a pipe take the file's place after the check, opening it cannot hang.
		const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
		try {
			checkRegular(fstatSync(fd), path);
			bytes = readFileSync(fd);
		} finally {
			closeSync(fd);
		}
	} catch (error) {
		if (error instanceof DatasetFormatError) {
			throw error;
		}

		throw new DatasetFormatError(`${path}: ${describeIoError(error)}`, {cause: error});
	}

	// A plain Uint8Array view, so that callers and tests never see Buffer's different methods.
	return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function checkRegular(stats: Stats, path: string): void {
	if (stats.isDirectory()) {
		throw new DatasetFormatError(`${path}: is a directory, expected a dataset file`);
	}

	if (!stats.isFile()) {
		throw new DatasetFormatError(`${path}: not a regular file (a device or a pipe?), expected a dataset file`);
	}

	if (stats.size > maxDatasetFileBytes) {
		throw new DatasetFormatError(`${path}: ${stats.size} bytes, more than the 1 GiB a dataset file may have`);
	}
}
