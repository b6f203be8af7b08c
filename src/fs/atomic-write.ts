/**
 * Replace a file atomically: readers see either the old content or the new, never a mix, and a failed
 * write leaves the old file and no temporary file behind. A symbolic link is written through (its
 * target is replaced, the link stays a link); a link whose target does not exist is refused.
 */
import {randomBytes} from 'node:crypto';
import {
	closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync,
} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {FileWriteError, describeIoError} from '../errors.js';
import {danglingLinkMessage, fileBehind} from './save-target.js';

/** The temporary name used while writing `path`: a hidden file in the same folder. */
export function temporaryPathFor(path: string): string {
	const suffix = randomBytes(6).toString('hex');
	return join(dirname(path), `.${basename(path)}.${process.pid}.${suffix}.tmp`);
}

/**
 * Write `bytes` (one array, or pieces in order) to a temporary file beside `path` (beside a symbolic link's target), fsync it, rename
 * it over the file, then fsync the folder (best effort). Temporary files of the same target left by a
 * process that no longer runs (killed during a save) are removed. On failure the temporary file is
 * removed and a FileWriteError `${path}: cannot write: ...` is thrown, naming `path`, never the
 * temporary file.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array | readonly Uint8Array[]): void {
	const fail = (error: unknown): never => {
		throw new FileWriteError(`${path}: cannot write: ${describeIoError(error)}`, {cause: error});
	};

	let target = path;
	try {
		target = resolveTarget(path);
	} catch (error) {
		if (error instanceof FileWriteError) {
			throw error;
		}

		fail(error);
	}

	removeStaleTemporaries(target);
	const temporary = temporaryPathFor(target);
	let fd: number | undefined;
	try {
		fd = openSync(temporary, 'wx', 0o644);
		for (const part of bytes instanceof Uint8Array ? [bytes] : bytes) {
			writeAll(fd, part);
		}

		fsyncSync(fd);
		closeSync(fd);
		fd = undefined;
		renameSync(temporary, target);
	} catch (error) {
		if (fd !== undefined) {
			closeQuietly(fd);
		}

		removeQuietly(temporary);
		fail(error);
	}

	syncFolder(dirname(target));
}

/** The file to replace: `path` itself, or the file a symbolic link at `path` leads to (refused when that is missing). */
function resolveTarget(path: string): string {
	const file = fileBehind(path);
	if (file === undefined) {
		throw new FileWriteError(danglingLinkMessage(path));
	}

	return file;
}

/** The pid in a temporary name of `target` (see temporaryPathFor), or undefined for any other name. */
export function temporaryOwner(target: string, name: string): number | undefined {
	const prefix = `.${basename(target)}.`;
	if (!name.startsWith(prefix)) {
		return undefined;
	}

	const match = /^(\d+)\.[\da-f]{12}\.tmp$/.exec(name.slice(prefix.length));
	return match ? Number(match[1]) : undefined;
}

/** Remove temporary files of `target` whose writer no longer runs (a kill -9 during a save). Best effort. */
function removeStaleTemporaries(target: string): void {
	const folder = dirname(target);
	let names: string[];
	try {
		names = readdirSync(folder);
	} catch {
		return; // The write itself will say what is wrong with the folder.
	}

	for (const name of names) {
		const pid = temporaryOwner(target, name);
		if (pid !== undefined && pid !== process.pid && !processRuns(pid)) {
			removeQuietly(join(folder, name));
		}
	}
}

function processRuns(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code !== 'ESRCH'; // EPERM: it runs, as another user
	}
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
