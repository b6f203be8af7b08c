import {describe, expect, it} from 'vitest';
import {ModelFormatError, ShapeError} from '../../src/errors.js';
import {type TensorInput, decodeSafetensors, encodeSafetensors, maxHeaderLength} from '../../src/model/safetensors.js';
import {expectError} from './model-fixture.js';

const source = 'm.safetensors';

/** A safetensors file built by hand: length field, header text as given (no padding), data. */
function handMade(header: unknown, data: Uint8Array = new Uint8Array(0), headerLength?: bigint): Uint8Array {
	const text = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
	const bytes = new Uint8Array(8 + text.length + data.length);
	new DataView(bytes.buffer).setBigUint64(0, headerLength ?? BigInt(text.length), true);
	bytes.set(text, 8);
	bytes.set(data, 8 + text.length);
	return bytes;
}

function floatBytes(values: number[]): Uint8Array {
	const bytes = new Uint8Array(values.length * 4);
	const view = new DataView(bytes.buffer);
	for (const [i, value] of values.entries()) {
		view.setFloat32(i * 4, value, true);
	}

	return bytes;
}

function bits(array: Float32Array | Float64Array): Array<number | bigint> {
	return array instanceof Float64Array
		? [...new BigUint64Array(array.buffer, array.byteOffset, array.length)]
		: [...new Uint32Array(array.buffer, array.byteOffset, array.length)];
}

function headerOf(bytes: Uint8Array): {length: number; text: string} {
	const length = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
	return {length, text: new TextDecoder().decode(bytes.subarray(8, 8 + length))};
}

const special = Float32Array.from([0, -0, 1.4e-45, -1.1754942e-38, 1.1754944e-38, 3.4028235e38, -Infinity, Infinity, 1 / 3, -2.5]);

describe('encodeSafetensors and decodeSafetensors', () => {
	it('round-trips an F64 tensor bit for bit as dtype F64, beside F32 ones', () => {
		const wide = Float64Array.of(0.1, -0, 5e-324, Number.POSITIVE_INFINITY, 1 + Number.EPSILON, 12_345.678_901_234_5);
		const tensors = new Map<string, TensorInput>([
			['narrow', {shape: [1], data: Float32Array.of(0.5)}],
			['wide', {shape: [3, 2], data: wide}],
		]);
		const bytes = encodeSafetensors(tensors);
		expect(headerOf(bytes).text).toContain('"wide":{"dtype":"F64","shape":[3,2],"data_offsets":[4,52]}');
		const got = decodeSafetensors(bytes, source).tensors.get('wide')!;
		expect(got.dtype).toBe('F64');
		expect(got.shape).toEqual([3, 2]);
		expect(bits(got.data)).toEqual(bits(wide));
	});

	it('round-trips tensors and metadata bit for bit, including -0, denormals and infinities', () => {
		const nan = new Float32Array(new Uint32Array([0x7F_C0_00_01, 0xFF_80_00_02]).buffer);
		const tensors = new Map<string, TensorInput>([
			['special', {shape: [2, 5], data: special}],
			['scalar', {shape: [], data: Float32Array.of(7)}],
			['empty', {shape: [3, 0], data: new Float32Array(0)}],
			['nan payloads', {shape: [2], data: nan}],
			['ünïcode ✓', {shape: [1, 1, 1], data: Float32Array.of(-0)}],
		]);
		const metadata = {format: 'x', note: 'line one\nline two "quoted" ✓', empty: ''};
		const decoded = decodeSafetensors(encodeSafetensors(tensors, metadata), source);
		expect(decoded.metadata).toEqual(metadata);
		expect([...decoded.tensors.keys()]).toEqual([...tensors.keys()]);
		for (const [name, tensor] of tensors) {
			const got = decoded.tensors.get(name)!;
			expect(got.dtype).toBe('F32');
			expect(got.shape).toEqual(tensor.shape);
			expect(bits(got.data)).toEqual(bits(tensor.data));
		}
	});

	it('starts the data section at a multiple of 8 bytes, padding the header with spaces', () => {
		for (let nameLength = 1; nameLength <= 16; nameLength++) {
			const bytes = encodeSafetensors(new Map([['n'.repeat(nameLength), {shape: [1], data: Float32Array.of(1)}]]));
			const {length, text} = headerOf(bytes);
			expect((8 + length) % 8).toBe(0);
			expect(text).toMatch(/^\{.*\} *$/);
			expect(text.length - text.trimEnd().length).toBeLessThan(8);
			expect(bytes.length).toBe(8 + length + 4);
		}
	});

	it('writes the documented layout: contiguous offsets in map order and little-endian float32 data', () => {
		const bytes = encodeSafetensors(
			new Map([['a', {shape: [2], data: Float32Array.of(1.5, -2)}], ['b', {shape: [1, 1], data: Float32Array.of(0.25)}]]),
			{k: 'v'},
		);
		const {length, text} = headerOf(bytes);
		expect(JSON.parse(text)).toEqual({
			__metadata__: {k: 'v'},
			a: {dtype: 'F32', shape: [2], data_offsets: [0, 8]},
			b: {dtype: 'F32', shape: [1, 1], data_offsets: [8, 12]},
		});
		const view = new DataView(bytes.buffer, 8 + length);
		expect([view.getFloat32(0, true), view.getFloat32(4, true), view.getFloat32(8, true)]).toEqual([1.5, -2, 0.25]);
	});

	it('omits __metadata__ when there is no metadata', () => {
		const bytes = encodeSafetensors(new Map([['a', {shape: [1], data: Float32Array.of(1)}]]));
		expect(JSON.parse(headerOf(bytes).text)).not.toHaveProperty('__metadata__');
		expect(decodeSafetensors(bytes, source).metadata).toEqual({});
	});

	it('reads data at unaligned offsets and from a view into a larger buffer', () => {
		const file = handMade({x: {dtype: 'F32', shape: [3], data_offsets: [0, 12]}}, floatBytes([1, -0, 1.4e-45]));
		expect((file.length - 12) % 4).not.toBe(0);
		const outer = new Uint8Array(file.length + 3);
		outer.set(file, 3);
		const tensor = decodeSafetensors(outer.subarray(3), source).tensors.get('x')!;
		expect(bits(tensor.data)).toEqual(bits(Float32Array.of(1, -0, 1.4e-45)));
		expect(tensor.data.byteOffset).toBe(0);
		expect(tensor.data.buffer.byteLength).toBe(12);
	});

	it('returns copies that do not change when the input bytes do', () => {
		const bytes = encodeSafetensors(new Map([['a', {shape: [1], data: Float32Array.of(5)}]]));
		const tensor = decodeSafetensors(bytes, source).tensors.get('a')!;
		bytes.fill(0xFF, bytes.length - 4);
		expect(tensor.data[0]).toBe(5);
	});

	it('accepts tensors listed in any order as long as they tile the data section', () => {
		const file = handMade({
			b: {dtype: 'F32', shape: [1], data_offsets: [4, 8]},
			__metadata__: {},
			a: {dtype: 'F32', shape: [1], data_offsets: [0, 4]},
		}, floatBytes([1, 2]));
		const {tensors} = decodeSafetensors(file, source);
		expect(tensors.get('a')!.data[0]).toBe(1);
		expect(tensors.get('b')!.data[0]).toBe(2);
	});

	it('refuses to encode data whose length does not match the shape', () => {
		expectError(
			() => encodeSafetensors(new Map([['w', {shape: [2, 3], data: new Float32Array(5)}]])),
			ShapeError,
			'tensor "w": shape [2,3] needs 6 values, data has 5',
		);
	});

	it('refuses to encode a tensor named __metadata__', () => {
		expectError(
			() => encodeSafetensors(new Map([['__metadata__', {shape: [1], data: new Float32Array(1)}]])),
			ModelFormatError,
			'safetensors tensor name "__metadata__" is reserved or empty',
		);
	});
});

describe('decodeSafetensors rejects', () => {
	const f32 = (shape: number[], offsets: unknown): unknown => ({dtype: 'F32', shape, data_offsets: offsets});
	const cases: Array<[string, Uint8Array, string | RegExp]> = [
		['an empty file', new Uint8Array(0), 'm.safetensors: file is 0 bytes, too short for the 8-byte safetensors header length; not a safetensors file'],
		['a truncated length field', new Uint8Array(5), 'm.safetensors: file is 5 bytes, too short for the 8-byte safetensors header length; not a safetensors file'],
		['a header length beyond the file', handMade({}, new Uint8Array(0), 100n), 'm.safetensors: byte 0: header length 100 runs past the end of the 10-byte file (at most 2 fit)'],
		['a huge header length', handMade({}, new Uint8Array(0), (1n << 64n) - 1n), 'm.safetensors: byte 0: header length 18446744073709551615 is over the 100000000-byte limit; not a safetensors file'],
		['a header length just over the limit', handMade({}, new Uint8Array(0), BigInt(maxHeaderLength + 1)), 'm.safetensors: byte 0: header length 100000001 is over the 100000000-byte limit; not a safetensors file'],
		['a header that is not UTF-8', handMade('', Uint8Array.of(0x7B, 0xFF, 0x7D), 3n), 'm.safetensors: header (bytes 8..11) is not valid UTF-8'],
		['a header that is not JSON', handMade('{"a": \n'), /^m\.safetensors: header \(bytes 8\.\.15\) is not valid JSON: \S.*$/],
		['an empty header', handMade(''), /^m\.safetensors: header \(bytes 8\.\.8\) is not valid JSON: \S.*$/],
		['a header that is an array', handMade('[1, 2]'), 'm.safetensors: header (bytes 8..14) is an array, expected a JSON object'],
		['a header that is a string', handMade('"hi"'), 'm.safetensors: header (bytes 8..12) is a string ("hi"), expected a JSON object'],
		['a header that is null', handMade('null'), 'm.safetensors: header (bytes 8..12) is null, expected a JSON object'],
		['__metadata__ that is not an object', handMade({__metadata__: ['a']}), 'm.safetensors: "__metadata__" is an array, expected an object of strings'],
		['__metadata__ with a non-string value', handMade({__metadata__: {n: 1}}), 'm.safetensors: "__metadata__" entry "n" is a number (1), expected a string'],
		['a tensor entry that is not an object', handMade({t: 3}), 'm.safetensors: tensor "t": entry is a number (3), expected an object with dtype, shape and data_offsets'],
		['a missing dtype', handMade({t: {shape: [], data_offsets: [0, 4]}}, new Uint8Array(4)), 'm.safetensors: tensor "t": dtype is missing, expected a string such as "F32"'],
		['an unknown dtype', handMade({t: {dtype: 'Q7', shape: [1], data_offsets: [0, 4]}}, new Uint8Array(4)), 'm.safetensors: tensor "t": unknown dtype "Q7", expected "F32"'],
		['a known but unsupported dtype', handMade({t: {dtype: 'F16', shape: [2], data_offsets: [0, 4]}}, new Uint8Array(4)), 'm.safetensors: tensor "t": dtype "F16" is not supported, expected "F32" or "F64"'],
		['a negative dimension', handMade({t: f32([-1], [0, 4])}, new Uint8Array(4)), 'm.safetensors: tensor "t": shape must be an array of non-negative integers, got [-1]'],
		['a fractional dimension', handMade({t: f32([1.5], [0, 4])}, new Uint8Array(4)), 'm.safetensors: tensor "t": shape must be an array of non-negative integers, got [1.5]'],
		['a dimension beyond safe integers', handMade('{"t":{"dtype":"F32","shape":[1e300],"data_offsets":[0,4]}}', new Uint8Array(4)), 'm.safetensors: tensor "t": shape must be an array of non-negative integers, got [1e+300]'],
		['a shape that is not an array', handMade({t: {dtype: 'F32', shape: 4, data_offsets: [0, 16]}}, new Uint8Array(16)), 'm.safetensors: tensor "t": shape must be an array of non-negative integers, got 4'],
		['data_offsets with one number', handMade({t: f32([1], [4])}, new Uint8Array(4)), 'm.safetensors: tensor "t": data_offsets must be two non-negative integers [begin, end], got [4]'],
		['data_offsets with a string', handMade({t: f32([1], [0, '4'])}, new Uint8Array(4)), 'm.safetensors: tensor "t": data_offsets must be two non-negative integers [begin, end], got [0,"4"]'],
		['data_offsets that begin after they end', handMade({t: f32([0], [8, 4])}, new Uint8Array(8)), 'm.safetensors: tensor "t": data_offsets [8, 4] begin after they end'],
		['data_offsets past the data section', handMade({t: f32([1_000_000_000], [0, 4_000_000_000])}, new Uint8Array(4)), 'm.safetensors: tensor "t": data_offsets [0, 4000000000] end past the 4-byte data section'],
		['a size that does not match the shape', handMade({'layers.0.weight': f32([30, 784], [0, 100])}, new Uint8Array(100)), 'm.safetensors: tensor "layers.0.weight": data_offsets [0, 100] hold 100 bytes, shape [30,784] needs 94080'],
		['overlapping tensors', handMade({a: f32([4], [0, 16]), b: f32([4], [8, 24])}, new Uint8Array(24)), 'm.safetensors: tensors "a" [0, 16] and "b" [8, 24] overlap'],
		['a tensor inside an empty one\'s place', handMade({a: f32([4], [0, 16]), z: f32([0], [8, 8])}, new Uint8Array(16)), 'm.safetensors: tensors "a" [0, 16] and "z" [8, 8] overlap'],
		['a gap between tensors', handMade({a: f32([2], [0, 8]), b: f32([2], [12, 20])}, new Uint8Array(20)), 'm.safetensors: bytes 125..129 (data offsets [8, 12]) belong to no tensor, expected tensor "b" to start at 8'],
		['a gap before the first tensor', handMade({a: f32([1], [4, 8])}, new Uint8Array(8)), 'm.safetensors: bytes 62..66 (data offsets [0, 4]) belong to no tensor, expected tensor "a" to start at 0'],
		['trailing bytes after the last tensor', handMade({a: f32([2], [0, 8])}, new Uint8Array(12)), 'm.safetensors: bytes 70..74 after the last tensor belong to no tensor, expected the file to end at byte 70'],
		['data with no tensors at all', handMade({}, new Uint8Array(4)), 'm.safetensors: bytes 10..14 after the last tensor belong to no tensor, expected the file to end at byte 10'],
	];

	it.each(cases)('%s, with a one-line message', (_, bytes, message) => {
		expectError(() => decodeSafetensors(bytes, source), ModelFormatError, message);
	});
});
