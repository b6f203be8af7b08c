/**
 * Reading and writing the embedded-digits cache file (format in `embedded-cache.ts`). The build writes
 * it beside the compiled loader, as dist/data/embedded-mnist.bin; the loader uses it only when it is
 * intact and was made from the JSON files installed now, and otherwise parses the JSON.
 */
import {mkdirSync, statSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {DatasetFormatError, describeIoError} from '../errors.js';
import {writeFileAtomic} from '../fs/atomic-write.js';
import {readDatasetFile} from './data-file.js';
import {
	type EmbeddedCache, type EmbeddedSourceStamp, decodeEmbeddedCache, describeStaleStamps, encodeEmbeddedCache,
} from './embedded-cache.js';

/** The cache file beside this module: dist/data/embedded-mnist.bin once built. */
export function embeddedCachePath(): string {
	return fileURLToPath(new URL('embedded-mnist.bin', import.meta.url));
}

/** Size and modification time of the package's 0.json .. (classCount - 1).json in `digitsDir`. */
export function statEmbeddedSources(digitsDir: string, classCount: number): EmbeddedSourceStamp[] {
	return Array.from({length: classCount}, (_, label) => {
		const path = join(digitsDir, `${label}.json`);
		try {
			const stats = statSync(path, {bigint: true});
			return {size: stats.size, mtimeNs: stats.mtimeNs};
		} catch (error) {
			throw new DatasetFormatError(`${path}: ${describeIoError(error)}`, {cause: error});
		}
	});
}

/**
 * Read the cache at `path` and return its per-class images (index = label, each k x rows x cols).
 * Throws a DatasetFormatError saying why when the file is missing, unreadable, damaged, of another
 * shape than rows x cols with `current.length` classes, or made from other source files than `current`.
 */
export function readEmbeddedCache(
	path: string, current: readonly EmbeddedSourceStamp[], shape: {rows: number; cols: number},
): Uint8Array[] {
	const cache = decodeEmbeddedCache(readDatasetFile(path), path);
	if (cache.rows !== shape.rows || cache.cols !== shape.cols) {
		throw new DatasetFormatError(`${path}: expected ${shape.rows} x ${shape.cols} images, found ${cache.rows} x ${cache.cols}`);
	}

	const stale = describeStaleStamps(cache.stamps, current);
	if (stale !== undefined) {
		throw new DatasetFormatError(`${path}: stale: ${stale}`);
	}

	return cache.classImages;
}

/** Encode `cache` and replace the file at `path` with it atomically (temporary file, fsync, rename). */
export function writeEmbeddedCache(path: string, cache: EmbeddedCache): number {
	const bytes = encodeEmbeddedCache(cache);
	mkdirSync(dirname(path), {recursive: true});
	writeFileAtomic(path, bytes);
	return bytes.length;
}
