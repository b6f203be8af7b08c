/**
 * Gunzip a gzipped IDX file without trusting the stream's length: the IDX header at the start of the
 * decompressed data says how long the whole must be, so the first bytes are inflated alone, checked,
 * and the rest is inflated into one buffer of exactly that size. A stream that gives more stops as soon
 * as it passes the declared size, so a small file that inflates to gigabytes (a "gzip bomb") fails in
 * milliseconds with memory near the declared size. Pure: bytes in, bytes out, no I/O.
 */
import {constants, gunzipSync, inflateRawSync} from 'node:zlib';
import {DatasetFormatError, describeIoError} from '../errors.js';

/** Largest decompressed size accepted from a gzipped IDX file (the MNIST training images are 47 MB). */
export const maxGunzippedBytes = 1024 * 1024 * 1024;

/** Deflate's largest expansion: a 258-byte match coded in 2 bits, 1032 bytes out per byte in. */
const maxDeflateRatio = 1032;

/** Compressed bytes inflated to find the header (at most 1,024 bytes out): one try, then a longer one. */
const headerProbes = [256, 4096] as const;

const maxDimension = 0x7F_FF_FF_FF;
const flagHeaderCrc = 0x02;
const flagExtra = 0x04;
const flagName = 0x08;
const flagComment = 0x10;

/** Whether `bytes` start with the gzip magic 0x1f 0x8b. */
export function isGzip(bytes: Uint8Array): boolean {
	return bytes.length >= 2 && bytes[0] === 0x1F && bytes[1] === 0x8B;
}

/**
 * Gunzip an IDX file's bytes, never inflating more than its header declares. When the header is
 * incomplete or not an IDX header of unsigned bytes, the inflated start is returned as it is, for the
 * IDX parser to name the problem. Throws a DatasetFormatError naming `source` for corrupt gzip data, a
 * declared size no gzip file of this size can hold, or a stream longer than declared.
 */
export function gunzipIdx(bytes: Uint8Array, source: string): Uint8Array {
	const head = inflateHead(bytes, deflateStart(bytes, source), source);
	const declared = declaredSize(head);
	if (declared === undefined) {
		return head;
	}

	const {total, headerLength, shape} = declared;
	const bound = Math.min(maxGunzippedBytes, maxDeflateRatio * bytes.length);
	if (total > bound) {
		const what = total > maxGunzippedBytes ? 'the 1 GiB a dataset file may have' : `what a gzip file of ${bytes.length} bytes can hold (${bound})`;
		throw new DatasetFormatError(
			`${source}: byte 4: the header declares ${describeCount(total)} bytes (${shape} after a ${headerLength}-byte header), more than ${what}`,
		);
	}

	try {
		// One output buffer one byte longer than declared: a longer stream overflows it and stops there.
		const output = gunzipSync(bytes, {chunkSize: Math.max(64, total + 1), maxOutputLength: total});
		return new Uint8Array(output.buffer, output.byteOffset, output.byteLength);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
			throw new DatasetFormatError(
				`${source}: byte ${total}: expected the end of the data after ${total - headerLength} data bytes (${shape}) as the header declares, found more; stopped inflating there`,
				{cause: error},
			);
		}

		if ((error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR') {
			throw truncated(bytes, source, total, error);
		}

		throw corrupt(source, error);
	}
}

/**
 * The stream ends before gzip's end (zlib's "unexpected end of file"): say so, where, and how much of
 * the declared data came out before it (inflated again, flushing what there is, to count it).
 */
function truncated(bytes: Uint8Array, source: string, total: number, error: unknown): DatasetFormatError {
	let got = 0;
	try {
		got = gunzipSync(bytes, {finishFlush: constants.Z_SYNC_FLUSH, chunkSize: Math.max(64, total + 1), maxOutputLength: total}).length;
	} catch {
		// Counting is a courtesy: the message below holds without the figure.
	}

	const missing = got >= total
		? 'the gzip trailer (its CRC and size) after all the data'
		: `the rest of the gzip stream (inflated ${got} of the ${total} bytes the IDX header declares)`;
	return new DatasetFormatError(`${source}: byte ${bytes.length}: the file is truncated: expected ${missing}, found the end of the file`, {cause: error});
}

/** The first inflated bytes: enough for the longest IDX header (1,024 bytes) unless the data is shorter. */
function inflateHead(bytes: Uint8Array, start: number, source: string): Uint8Array {
	let head = new Uint8Array(0);
	for (const probe of headerProbes) {
		const end = Math.min(bytes.length, start + probe);
		try {
			const output = inflateRawSync(bytes.subarray(start, end), {finishFlush: constants.Z_SYNC_FLUSH});
			head = new Uint8Array(output.buffer, output.byteOffset, output.byteLength);
		} catch (error) {
			throw corrupt(source, error);
		}

		if (head.length >= 4 + (4 * 255) || end === bytes.length || hasWholeHeader(head)) {
			return head;
		}
	}

	throw new DatasetFormatError(
		`${source}: expected the IDX header in the first ${headerProbes.at(-1)} compressed bytes, found only ${head.length} bytes inflated from them`,
	);
}

function hasWholeHeader(head: Uint8Array): boolean {
	return head.length >= 4 && head.length >= 4 + (4 * head[3]);
}

/** The whole decompressed size the header declares, or undefined when it is not a complete valid header. */
function declaredSize(head: Uint8Array): {total: number; headerLength: number; shape: string} | undefined {
	if (!hasWholeHeader(head) || head[0] !== 0 || head[1] !== 0 || head[2] !== 0x08 || head[3] < 1) {
		return undefined;
	}

	const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
	const dims: number[] = [];
	for (let i = 0; i < head[3]; i++) {
		const size = view.getUint32(4 + (4 * i));
		if (size > maxDimension) {
			return undefined;
		}

		dims.push(size);
	}

	const headerLength = 4 + (4 * dims.length);
	const total = dims.reduce((product, size) => product * size, 1) + headerLength;
	return {total, headerLength, shape: dims.join(' x ')};
}

/** Offset of the deflate data after the gzip member header (RFC 1952: fixed 10 bytes, then optional fields). */
function deflateStart(bytes: Uint8Array, source: string): number {
	if (bytes.length < 10) {
		throw truncatedHeader(bytes, source);
	}

	if (bytes[2] !== 8) {
		throw corrupt(source, new Error(`compression method ${bytes[2]}, expected 8 (deflate)`));
	}

	const flags = bytes[3];
	let offset = 10;
	if ((flags & flagExtra) !== 0) {
		offset += 2 + (bytes[offset] | (bytes[offset + 1] << 8));
	}

	for (const flag of [flagName, flagComment]) {
		if ((flags & flag) !== 0) {
			const end = bytes.indexOf(0, offset);
			offset = end < 0 ? bytes.length + 1 : end + 1;
		}
	}

	if ((flags & flagHeaderCrc) !== 0) {
		offset += 2;
	}

	if (offset > bytes.length) {
		throw truncatedHeader(bytes, source);
	}

	return offset;
}

function truncatedHeader(bytes: Uint8Array, source: string): DatasetFormatError {
	return new DatasetFormatError(`${source}: byte ${bytes.length}: the file is truncated: expected the rest of the gzip header, found the end of the file`);
}

function corrupt(source: string, error: unknown): DatasetFormatError {
	return new DatasetFormatError(
		`${source}: byte 0: expected a valid gzip stream (it starts with the gzip magic 1f 8b), found corrupt data: ${describeIoError(error)}`,
		{cause: error},
	);
}

function describeCount(count: number): string {
	return Number.isSafeInteger(count) ? String(count) : `about ${count.toPrecision(3)}`;
}
