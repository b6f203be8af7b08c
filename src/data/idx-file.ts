/** Thin file wrappers around the IDX parser: read the bytes, let `idx.ts` do the rest. */
import {readFileSync} from 'node:fs';
import {DatasetFormatError, describeIoError} from '../errors.js';
import {type IdxArray, parseIdx} from './idx.js';

/** Read a dataset file's bytes; a file-system error becomes a DatasetFormatError naming the path. */
export function readDatasetFile(path: string): Uint8Array {
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch (error) {
		throw new DatasetFormatError(`${path}: ${describeIoError(error)}`, {cause: error});
	}

	// A plain Uint8Array view, so that callers and tests never see Buffer's different methods.
	return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Read and parse an IDX file, gzipped or not. Messages name `path`. */
export function readIdxFile(path: string): IdxArray {
	return parseIdx(readDatasetFile(path), path);
}
