/** Small synthetic IDX data for the data tests, built in memory or written to a temporary folder. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {encodeIdx} from '../../src/data/idx.js';

/** count x rows x cols pixels where image i has every pixel equal to (i * 7 + pixel) % 256. */
export function syntheticPixels(count: number, rows = 28, cols = 28): Uint8Array {
	const size = rows * cols;
	const pixels = new Uint8Array(count * size);
	for (let i = 0; i < count; i++) {
		for (let p = 0; p < size; p++) {
			pixels[(i * size) + p] = ((i * 7) + p) % 256;
		}
	}

	return pixels;
}

/** Labels 0, 1, ..., classCount - 1, 0, 1, ... */
export function syntheticLabels(count: number, classCount = 10): Uint8Array {
	return Uint8Array.from({length: count}, (_, i) => i % classCount);
}

export function gzip(bytes: Uint8Array): Uint8Array {
	return new Uint8Array(gzipSync(bytes));
}

export type FolderSpec = {
	readonly trainCount?: number;
	readonly testCount?: number;
	/** Override the number of training labels (to make a mismatch). */
	readonly trainLabelCount?: number;
	readonly rows?: number;
	readonly cols?: number;
	readonly gzip?: boolean;
	/** Base names (without .gz) to leave out. */
	readonly omit?: readonly string[];
};

/** Write the four IDX files to a new temporary folder and return its path. */
export function writeIdxFolder(spec: FolderSpec = {}): string {
	const dir = mkdtempSync(join(tmpdir(), 'nnviz-idx-'));
	const trainCount = spec.trainCount ?? 12;
	const testCount = spec.testCount ?? 5;
	const rows = spec.rows ?? 28;
	const cols = spec.cols ?? 28;
	const files: Record<string, Uint8Array> = {
		'train-images-idx3-ubyte': encodeIdx([trainCount, rows, cols], syntheticPixels(trainCount, rows, cols)),
		'train-labels-idx1-ubyte': encodeIdx([spec.trainLabelCount ?? trainCount], syntheticLabels(spec.trainLabelCount ?? trainCount)),
		't10k-images-idx3-ubyte': encodeIdx([testCount, rows, cols], syntheticPixels(testCount, rows, cols)),
		't10k-labels-idx1-ubyte': encodeIdx([testCount], syntheticLabels(testCount)),
	};
	for (const [name, bytes] of Object.entries(files)) {
		if (!spec.omit?.includes(name)) {
			writeFileSync(join(dir, spec.gzip ? `${name}.gz` : name), spec.gzip ? gzip(bytes) : bytes);
		}
	}

	return dir;
}

export function removeFolder(dir: string): void {
	rmSync(dir, {recursive: true, force: true});
}

/** The error `run` throws, for asserting on its class and message. */
export function thrown(run: () => unknown): Error {
	try {
		run();
	} catch (error) {
		if (error instanceof Error) {
			return error;
		}

		throw new Error(`expected an Error to be thrown, got ${String(error)}`, {cause: error});
	}

	throw new Error('expected an error to be thrown, none was');
}

/** Whether two byte arrays are equal; fast on millions of bytes, unlike a deep toEqual. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
