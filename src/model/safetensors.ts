/**
 * A byte-level codec for the safetensors format (https://github.com/huggingface/safetensors):
 *
 *   bytes 0..8      header length N, unsigned 64-bit little-endian
 *   bytes 8..8+N    UTF-8 JSON object: {"__metadata__": {string: string}, name: {dtype, shape, data_offsets}}
 *   bytes 8+N..     data section; data_offsets [begin, end] are relative to its start, data is little-endian
 *
 * F32 and F64 tensors are written and read. The encoder pads the header with spaces so the data section
 * starts at a multiple of 8 bytes, as Python's safetensors does. Pure: bytes in, values out, no I/O.
 */
import {ModelFormatError, ShapeError, errorMessage} from '../errors.js';
import {oneLine, quoted, showValue as show} from './describe-value.js';
import {isNonNegativeInteger, isRecord} from './json-guards.js';
import {checkJsonShape} from './json-scan.js';

/** A tensor to encode: row-major values with their shape; a Float64Array is written as F64, else F32. */
export type TensorInput = {
	readonly shape: readonly number[];
	readonly data: Float32Array | Float64Array; // product(shape) values, row-major
};

/** A decoded tensor; `data` is a fresh, aligned copy that owns its buffer. */
export type Tensor = {
	readonly dtype: 'F32';
	readonly shape: number[];
	readonly data: Float32Array;
} | {
	readonly dtype: 'F64';
	readonly shape: number[];
	readonly data: Float64Array;
};

export type Safetensors = {
	readonly tensors: Map<string, Tensor>;
	readonly metadata: Record<string, string>;
};

/** The largest header accepted (and written), as in Python's safetensors. */
export const maxHeaderLength = 100_000_000;

const headerStart = 8;
const alignment = 8;
const float32Bytes = 4;
const float64Bytes = 8;
const metadataKey = '__metadata__';
const headerDepth = 3;

/** Every dtype the safetensors specification names; only F32 and F64 are supported here. */
const knownDtypes = new Set([
	'BOOL', 'U8', 'I8', 'U16', 'I16', 'U32', 'I32', 'U64', 'I64', 'F16', 'BF16', 'F32', 'F64', 'C64',
	'F8_E5M2', 'F8_E4M3', 'F8_E8M0', 'F6_E2M3', 'F6_E3M2', 'F4',
]);

const littleEndianHost = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Encode float32 tensors, in the map's order, and string metadata into safetensors bytes.
 * Throws ShapeError when a tensor's data length does not match its shape, ModelFormatError for a
 * name or metadata value the format cannot hold.
 */
export function encodeSafetensors(
	tensors: ReadonlyMap<string, TensorInput>,
	metadata: Readonly<Record<string, string>> = {},
): Uint8Array {
	const parts = encodeSafetensorsParts(tensors, metadata);
	const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		bytes.set(part, offset);
		offset += part.length;
	}

	return bytes;
}

/**
 * The same bytes as encodeSafetensors, in pieces: the header, then each tensor's data (on a
 * little-endian host a view of the tensor itself, not a copy), for writing a file without building
 * it whole in memory. The pieces share the tensors' buffers: write them before changing the tensors.
 */
export function encodeSafetensorsParts(
	tensors: ReadonlyMap<string, TensorInput>,
	metadata: Readonly<Record<string, string>> = {},
): Uint8Array[] {
	const entries: Array<[string, unknown]> = [];
	if (Object.keys(metadata).length > 0) {
		entries.push([metadataKey, checkedMetadata(metadata)]);
	}

	let dataLength = 0;
	for (const [name, tensor] of tensors) {
		checkTensorInput(name, tensor);
		const end = dataLength + tensor.data.byteLength;
		entries.push([name, {dtype: tensor.data instanceof Float64Array ? 'F64' : 'F32', shape: [...tensor.shape], data_offsets: [dataLength, end]}]);
		dataLength = end;
	}

	const json = new TextEncoder().encode(JSON.stringify(Object.fromEntries(entries)));
	const headerLength = Math.ceil(json.length / alignment) * alignment;
	if (headerLength > maxHeaderLength) {
		throw new ModelFormatError(`safetensors header would be ${headerLength} bytes, over the ${maxHeaderLength}-byte limit`);
	}

	const header = new Uint8Array(headerStart + headerLength);
	new DataView(header.buffer).setBigUint64(0, BigInt(headerLength), true);
	header.set(json, headerStart);
	header.fill(0x20, headerStart + json.length);
	return [header, ...[...tensors.values()].map(tensor => littleEndianBytes(tensor.data))];
}

/**
 * Decode safetensors bytes. Every length, offset, dtype and shape is checked before anything is
 * allocated or copied; any problem is a one-line ModelFormatError naming `source`.
 */
export function decodeSafetensors(bytes: Uint8Array, source: string, headerLimit = maxHeaderLength): Safetensors {
	const headerLength = readHeaderLength(bytes, source, headerLimit);
	const dataStart = headerStart + headerLength;
	const dataLength = bytes.length - dataStart;
	const header = parseHeader(bytes.subarray(headerStart, dataStart), source);
	const metadata = readMetadata(header[metadataKey], source);
	const entries = Object.entries(header)
		.filter(([name]) => name !== metadataKey)
		.map(([name, value]) => readEntry(name, value, dataLength, source));
	checkCoverage(entries, dataStart, dataLength, source);

	const tensors = new Map<string, Tensor>();
	for (const entry of entries) {
		const offset = dataStart + entry.begin;
		tensors.set(entry.name, entry.dtype === 'F64'
			? {dtype: 'F64', shape: entry.shape, data: new Float64Array(readFloats(bytes, offset, (entry.end - entry.begin) / float64Bytes, float64Bytes))}
			: {dtype: 'F32', shape: entry.shape, data: new Float32Array(readFloats(bytes, offset, (entry.end - entry.begin) / float32Bytes, float32Bytes))});
	}

	return {tensors, metadata};
}

type Entry = {name: string; dtype: 'F32' | 'F64'; shape: number[]; begin: number; end: number};

function checkedMetadata(metadata: Readonly<Record<string, string>>): Record<string, string> {
	for (const [key, value] of Object.entries(metadata)) {
		if (typeof value !== 'string') {
			throw new ModelFormatError(`safetensors metadata "${key}" must be a string, got ${typeof value}`);
		}
	}

	return {...metadata};
}

function checkTensorInput(name: string, tensor: TensorInput): void {
	if (name === '' || name === metadataKey) {
		throw new ModelFormatError(`safetensors tensor name ${quoted(name)} is reserved or empty`);
	}

	if (!isShape(tensor.shape)) {
		throw new ShapeError(`tensor "${name}": shape must be non-negative integers, got ${show(tensor.shape)}`);
	}

	const count = product(tensor.shape);
	if (count !== tensor.data.length) {
		throw new ShapeError(`tensor "${name}": shape ${show(tensor.shape)} needs ${count} values, data has ${tensor.data.length}`);
	}
}

function readHeaderLength(bytes: Uint8Array, source: string, limit: number): number {
	if (bytes.length < headerStart) {
		throw new ModelFormatError(`${source}: file is ${bytes.length} bytes, too short for the 8-byte safetensors header length; not a safetensors file`);
	}

	const length = new DataView(bytes.buffer, bytes.byteOffset, headerStart).getBigUint64(0, true);
	if (length > BigInt(maxHeaderLength)) {
		throw new ModelFormatError(`${source}: byte 0: header length ${length} is over the ${maxHeaderLength}-byte limit; not a safetensors file`);
	}

	if (length > BigInt(limit)) {
		throw new ModelFormatError(`${source}: byte 0: header length ${length} is over the ${limit}-byte limit; longer than any model file nnviz-tui writes`);
	}

	if (length > BigInt(bytes.length - headerStart)) {
		throw new ModelFormatError(`${source}: byte 0: header length ${length} runs past the end of the ${bytes.length}-byte file (at most ${bytes.length - headerStart} fit)`);
	}

	return Number(length);
}

function parseHeader(headerBytes: Uint8Array, source: string): Record<string, unknown> {
	const where = `${source}: header (bytes 8..${headerStart + headerBytes.length})`;
	let text: string;
	try {
		text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(headerBytes);
	} catch {
		throw new ModelFormatError(`${where} is not valid UTF-8`);
	}

	// The header is an object of objects holding a shape array: three levels.
	checkJsonShape(text, where, headerDepth);
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw new ModelFormatError(`${where} is not valid JSON: ${oneLine(errorMessage(error))}`);
	}

	if (!isRecord(value)) {
		throw new ModelFormatError(`${where} is ${kindOf(value)}, expected a JSON object`);
	}

	return value;
}

function readMetadata(value: unknown, source: string): Record<string, string> {
	if (value === undefined) {
		return {};
	}

	if (!isRecord(value)) {
		throw new ModelFormatError(`${source}: "${metadataKey}" is ${kindOf(value)}, expected an object of strings`);
	}

	for (const [key, item] of Object.entries(value)) {
		if (typeof item !== 'string') {
			throw new ModelFormatError(`${source}: "${metadataKey}" entry ${quoted(key)} is ${kindOf(item)}, expected a string`);
		}
	}

	return Object.fromEntries(Object.entries(value as Record<string, string>));
}

function readEntry(name: string, value: unknown, dataLength: number, source: string): Entry {
	const where = `${source}: tensor ${quoted(name)}`;
	if (!isRecord(value)) {
		throw new ModelFormatError(`${where}: entry is ${kindOf(value)}, expected an object with dtype, shape and data_offsets`);
	}

	const {dtype, shape, data_offsets: offsets} = value;
	const type = checkDtype(dtype, where);
	if (!isShape(shape)) {
		throw new ModelFormatError(`${where}: shape must be an array of non-negative integers, got ${show(shape)}`);
	}

	if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isNonNegativeInteger)) {
		throw new ModelFormatError(`${where}: data_offsets must be two non-negative integers [begin, end], got ${show(offsets)}`);
	}

	const [begin, end] = offsets as [number, number];
	if (begin > end) {
		throw new ModelFormatError(`${where}: data_offsets [${begin}, ${end}] begin after they end`);
	}

	if (end > dataLength) {
		throw new ModelFormatError(`${where}: data_offsets [${begin}, ${end}] end past the ${dataLength}-byte data section`);
	}

	const needed = product(shape) * (type === 'F64' ? float64Bytes : float32Bytes);
	if (end - begin !== needed) {
		throw new ModelFormatError(`${where}: data_offsets [${begin}, ${end}] hold ${end - begin} bytes, shape ${show(shape)} needs ${needed}`);
	}

	return {name, dtype: type, shape: [...shape], begin, end};
}

/** Only F32 and F64 are decoded; other dtypes the format knows are reported as unsupported by name. */
function checkDtype(dtype: unknown, where: string): 'F32' | 'F64' {
	if (typeof dtype !== 'string') {
		throw new ModelFormatError(`${where}: dtype is ${kindOf(dtype)}, expected a string such as "F32"`);
	}

	if (!knownDtypes.has(dtype)) {
		throw new ModelFormatError(`${where}: unknown dtype ${show(dtype)}, expected "F32"`);
	}

	if (dtype !== 'F32' && dtype !== 'F64') {
		throw new ModelFormatError(`${where}: dtype "${dtype}" is not supported, expected "F32" or "F64"`);
	}

	return dtype;
}

/** Tensors, sorted by offset, must tile the data section exactly: no overlap, no gap, nothing after. */
function checkCoverage(entries: readonly Entry[], dataStart: number, dataLength: number, source: string): void {
	const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
	let covered = 0;
	let previous: Entry | undefined;
	for (const entry of sorted) {
		if (previous && entry.begin < covered) {
			throw new ModelFormatError(`${source}: tensors ${quoted(previous.name)} [${previous.begin}, ${previous.end}] and ${quoted(entry.name)} [${entry.begin}, ${entry.end}] overlap`);
		}

		if (entry.begin > covered) {
			throw new ModelFormatError(`${source}: bytes ${dataStart + covered}..${dataStart + entry.begin} (data offsets [${covered}, ${entry.begin}]) belong to no tensor, expected tensor ${quoted(entry.name)} to start at ${covered}`);
		}

		covered = entry.end;
		previous = entry;
	}

	if (covered !== dataLength) {
		throw new ModelFormatError(`${source}: bytes ${dataStart + covered}..${dataStart + dataLength} after the last tensor belong to no tensor, expected the file to end at byte ${dataStart + covered}`);
	}
}

/** Float values as little-endian bytes, bit for bit: a view on a little-endian host, else a swapped copy. */
function littleEndianBytes(data: Float32Array | Float64Array): Uint8Array {
	const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
	return littleEndianHost ? bytes : swapEachValue(new Uint8Array(bytes), data.BYTES_PER_ELEMENT);
}

/** Copy `count` little-endian values of `width` bytes at `offset` (maybe unaligned) into a fresh, aligned buffer in host order. */
function readFloats(bytes: Uint8Array, offset: number, count: number, width: number): ArrayBuffer {
	// A copy (Buffer's own slice would only be a view), with an offset of 0, so it aligns.
	const copy = new Uint8Array(bytes.subarray(offset, offset + (count * width)));
	return (littleEndianHost ? copy : swapEachValue(copy, width)).buffer as ArrayBuffer;
}

/** Reverse the bytes of each `width`-byte value in place (little- to big-endian and back). */
function swapEachValue(bytes: Uint8Array, width: number): Uint8Array {
	for (let start = 0; start < bytes.length; start += width) {
		bytes.subarray(start, start + width).reverse();
	}

	return bytes;
}

function isShape(value: unknown): value is number[] {
	return Array.isArray(value) && value.every(isNonNegativeInteger);
}

/** Number of elements of a shape; [] is a scalar with one element. */
function product(shape: readonly number[]): number {
	let count = 1;
	for (const size of shape) {
		count *= size;
	}

	return count;
}

function kindOf(value: unknown): string {
	if (value === undefined) {
		return 'missing';
	}

	if (value === null) {
		return 'null';
	}

	if (Array.isArray(value)) {
		return 'an array';
	}

	return typeof value === 'object' ? 'an object' : `a ${typeof value} (${show(value)})`;
}
