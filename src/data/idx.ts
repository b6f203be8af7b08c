/**
 * The IDX file format of the MNIST database, parsed from bytes with no I/O.
 *
 * Layout: a big-endian int32 magic number 0x0000TTNN (two zero bytes, a data type byte TT, a
 * dimension count NN), then NN big-endian int32 dimension sizes, then the data, row-major. Only
 * type 0x08 (unsigned byte) is supported, which is what MNIST and Fashion-MNIST use.
 *
 * Input that starts with the gzip magic 0x1f 0x8b is gunzipped first. Byte offsets in error messages
 * count from the start of the decompressed bytes.
 */
import {DatasetFormatError, ShapeError} from '../errors.js';
import {gunzipIdx, isGzip} from './gunzip-idx.js';

/** An IDX array: its dimension sizes and its bytes, row-major. */
export type IdxArray = {
	readonly dims: number[];
	/** A view into the (decompressed) input, not a copy. */
	readonly data: Uint8Array;
};

/** An IDX file of images: count x rows x cols bytes. */
export type IdxImages = {
	readonly count: number;
	readonly rows: number;
	readonly cols: number;
	/** count x rows x cols, row-major; a view into the input. */
	readonly pixels: Uint8Array;
};

/** An IDX file of labels, one byte per item. */
export type IdxLabels = {
	readonly count: number;
	/** A view into the input. */
	readonly labels: Uint8Array;
};

/** The only IDX data type supported: unsigned byte. */
export const idxUnsignedByte = 0x08;

const maxDimension = 0x7F_FF_FF_FF;

const typeNames: Readonly<Record<number, string>> = {
	0x08: 'unsigned byte',
	0x09: 'signed byte',
	0x0B: '16-bit integer',
	0x0C: '32-bit integer',
	0x0D: '32-bit float',
	0x0E: '64-bit float',
};

/** Expectations the images and labels parsers add to the generic one. */
type IdxExpectation = {
	readonly ndim: number;
	/** Word for the file kind in messages: 'images', 'labels'. */
	readonly kind: string;
};

/**
 * If `bytes` start with the gzip magic 0x1f 0x8b, gunzip them, inflating no more than the IDX header
 * declares (see `gunzip-idx.ts`); otherwise return them unchanged.
 */
export function decompressIdx(bytes: Uint8Array, source: string): Uint8Array {
	return isGzip(bytes) ? gunzipIdx(bytes, source) : bytes;
}

/**
 * Parse an IDX file of unsigned bytes, with any number of dimensions. `source` (usually the file
 * path) starts every error message. The returned data is a view of the (decompressed) input.
 */
export function parseIdx(bytes: Uint8Array, source: string): IdxArray {
	return parseIdxWith(bytes, source, undefined);
}

/** Parse an IDX file of images: three dimensions (count, rows, cols), rows and cols at least 1. */
export function parseIdxImages(bytes: Uint8Array, source: string): IdxImages {
	const {dims, data} = parseIdxWith(bytes, source, {ndim: 3, kind: 'images'});
	const [count, rows, cols] = dims;
	if (rows < 1 || cols < 1) {
		const offset = rows < 1 ? 8 : 12;
		const what = rows < 1 ? 'row' : 'column';
		throw new DatasetFormatError(
			`${source}: byte ${offset}: expected an image ${what} count of at least 1, found ${rows < 1 ? rows : cols}`,
		);
	}

	return {count, rows, cols, pixels: data};
}

/**
 * Parse an IDX file of labels: one dimension, every label below `classCount`. The first label out of
 * range is reported with its index and byte offset.
 */
export function parseIdxLabels(bytes: Uint8Array, source: string, classCount: number): IdxLabels {
	if (!Number.isInteger(classCount) || classCount < 1 || classCount > 256) {
		throw new ShapeError(`parseIdxLabels: expected a class count from 1 to 256, got ${classCount}`);
	}

	const {dims, data} = parseIdxWith(bytes, source, {ndim: 1, kind: 'labels'});
	for (let i = 0; i < data.length; i++) {
		if (data[i] >= classCount) {
			throw new DatasetFormatError(
				`${source}: byte ${8 + i}: expected a label from 0 to ${classCount - 1}, found ${data[i]} (label index ${i})`,
			);
		}
	}

	return {count: dims[0], labels: data};
}

/**
 * Write an IDX file of unsigned bytes (uncompressed). `data` must hold exactly the product of `dims`
 * bytes. The inverse of `parseIdx`.
 */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
	if (dims.length < 1 || dims.length > 255) {
		throw new ShapeError(`encodeIdx: expected 1 to 255 dimensions, got ${dims.length}`);
	}

	let product = 1;
	for (const [i, size] of dims.entries()) {
		if (!Number.isInteger(size) || size < 0 || size > maxDimension) {
			throw new ShapeError(`encodeIdx: dimension ${i}: expected an integer from 0 to ${maxDimension}, got ${size}`);
		}

		product *= size;
	}

	if (product !== data.length) {
		throw new ShapeError(`encodeIdx: dimensions ${dims.join(' x ')} need ${product} bytes, got ${data.length}`);
	}

	const headerLength = 4 + (4 * dims.length);
	const output = new Uint8Array(headerLength + data.length);
	const view = new DataView(output.buffer);
	view.setUint32(0, (idxUnsignedByte << 8) | dims.length);
	for (const [i, size] of dims.entries()) {
		view.setUint32(4 + (4 * i), size);
	}

	output.set(data, headerLength);
	return output;
}

function parseIdxWith(input: Uint8Array, source: string, expected: IdxExpectation | undefined): IdxArray {
	const bytes = decompressIdx(input, source);
	const magicText = expected === undefined
		? 'IDX magic 0x000008NN (two zero bytes, type 0x08, dimension count NN)'
		: `IDX magic ${hex32((idxUnsignedByte << 8) | expected.ndim)} (${expected.kind})`;
	if (bytes.length < 4) {
		throw new DatasetFormatError(
			`${source}: byte ${bytes.length}: expected a 4-byte ${magicText}, found the end of the data after ${bytes.length} bytes`,
		);
	}

	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const magic = view.getUint32(0);
	if (bytes[0] !== 0 || bytes[1] !== 0) {
		throw new DatasetFormatError(`${source}: byte 0: expected ${magicText}, found ${hex32(magic)}`);
	}

	const type = bytes[2];
	if (type !== idxUnsignedByte) {
		const typeName = typeNames[type] ?? 'an unknown type';
		throw new DatasetFormatError(
			`${source}: byte 2: expected IDX data type 0x08 (unsigned byte), found ${hex8(type)} (${typeName})`,
		);
	}

	const ndim = bytes[3];
	if (expected !== undefined && ndim !== expected.ndim) {
		throw new DatasetFormatError(
			`${source}: byte 0: expected ${magicText}, found ${hex32(magic)} (${ndim} dimension${ndim === 1 ? '' : 's'})`,
		);
	}

	if (ndim < 1) {
		throw new DatasetFormatError(`${source}: byte 3: expected a dimension count of at least 1, found 0`);
	}

	const headerLength = 4 + (4 * ndim);
	if (bytes.length < headerLength) {
		throw new DatasetFormatError(
			`${source}: byte ${bytes.length}: expected a header of ${headerLength} bytes (magic and ${ndim} dimension sizes), found the end of the data`,
		);
	}

	const dims = readDims(view, ndim, source);
	return {dims, data: checkedPayload(bytes, headerLength, dims, source)};
}

function readDims(view: DataView, ndim: number, source: string): number[] {
	const dims: number[] = [];
	for (let i = 0; i < ndim; i++) {
		const offset = 4 + (4 * i);
		const size = view.getUint32(offset);
		if (size > maxDimension) {
			throw new DatasetFormatError(
				`${source}: byte ${offset}: expected dimension ${i} to be a size from 0 to ${maxDimension}, found ${hex32(size)} (negative as an int32)`,
			);
		}

		dims.push(size);
	}

	return dims;
}

/** The data after the header, once its length is checked against the dimensions. */
function checkedPayload(bytes: Uint8Array, headerLength: number, dims: number[], source: string): Uint8Array {
	// A double holds every product that could match a real length exactly; larger ones just mismatch.
	let product = 1;
	for (const size of dims) {
		product *= size;
	}

	const payload = bytes.length - headerLength;
	const shape = dims.join(' x ');
	if (payload < product) {
		const needed = Number.isSafeInteger(product) ? String(product) : `about ${product.toPrecision(3)}`;
		throw new DatasetFormatError(
			`${source}: byte ${bytes.length}: expected ${needed} data bytes (${shape}) after the ${headerLength}-byte header, found the data ends after ${payload}`,
		);
	}

	if (payload > product) {
		throw new DatasetFormatError(
			`${source}: byte ${headerLength + product}: expected the end of the data after ${product} data bytes (${shape}), found ${payload - product} more bytes`,
		);
	}

	return bytes.subarray(headerLength);
}

function hex32(value: number): string {
	return `0x${(value >>> 0).toString(16).padStart(8, '0')}`;
}

function hex8(value: number): string {
	return `0x${value.toString(16).padStart(2, '0')}`;
}
