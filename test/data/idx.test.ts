import {describe, expect, it} from 'vitest';
import {DatasetFormatError, ShapeError} from '../../src/errors.js';
import {decompressIdx, encodeIdx, parseIdx, parseIdxImages, parseIdxLabels} from '../../src/data/idx.js';
import {gzip, syntheticLabels, syntheticPixels, thrown} from './idx-fixtures.js';

/** Bytes from a list of numbers, for hand-written headers. */
function bytesOf(...values: number[]): Uint8Array {
	return Uint8Array.from(values);
}

/** Expect `run` to throw a one-line DatasetFormatError with exactly `message`. */
function expectFormatError(run: () => unknown, message: string): void {
	const error = thrown(run);
	expect(error).toBeInstanceOf(DatasetFormatError);
	expect(error.message).toBe(message);
	expect(error.message).not.toContain('\n');
}

describe('encodeIdx', () => {
	it('writes the magic, the big-endian dimension sizes and then the bytes', () => {
		expect([...encodeIdx([3], bytesOf(7, 8, 9))]).toEqual([0, 0, 8, 1, 0, 0, 0, 3, 7, 8, 9]);
		expect([...encodeIdx([1, 258, 1], new Uint8Array(258)).subarray(0, 16)])
			.toEqual([0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 1, 2, 0, 0, 0, 1]);
	});

	it('refuses data whose length is not the product of the dimensions', () => {
		const error = thrown(() => encodeIdx([2, 3], new Uint8Array(5)));
		expect(error).toBeInstanceOf(ShapeError);
		expect(error.message).toBe('encodeIdx: dimensions 2 x 3 need 6 bytes, got 5');
	});

	it('refuses negative, fractional and missing dimensions', () => {
		expect(() => encodeIdx([-1], new Uint8Array(0))).toThrow(ShapeError);
		expect(() => encodeIdx([1.5], new Uint8Array(1))).toThrow(ShapeError);
		expect(() => encodeIdx([], new Uint8Array(0))).toThrow(ShapeError);
	});
});

describe('parseIdx', () => {
	it('reads back what encodeIdx wrote, for any number of dimensions', () => {
		const data = Uint8Array.from({length: 2 * 3 * 4 * 5}, (_, i) => (i * 31) % 256);
		const parsed = parseIdx(encodeIdx([2, 3, 4, 5], data), 'a.idx');
		expect(parsed.dims).toEqual([2, 3, 4, 5]);
		expect(parsed.data).toEqual(data);
	});

	it('returns the data as a view of the input, not a copy', () => {
		const bytes = encodeIdx([4], bytesOf(1, 2, 3, 4));
		const {data} = parseIdx(bytes, 'a.idx');
		expect(data.buffer).toBe(bytes.buffer);
		expect(data.byteOffset).toBe(8);
		bytes[8] = 42;
		expect(data[0]).toBe(42);
	});

	it('gunzips input that starts with the gzip magic and parses the same values', () => {
		const data = syntheticPixels(3, 4, 5);
		const raw = parseIdx(encodeIdx([3, 4, 5], data), 'a.idx');
		const gzipped = parseIdx(gzip(encodeIdx([3, 4, 5], data)), 'a.idx.gz');
		expect(gzipped.dims).toEqual(raw.dims);
		expect(gzipped.data).toEqual(raw.data);
	});

	it('accepts a zero-length dimension with no data', () => {
		expect(parseIdx(encodeIdx([0, 28, 28], new Uint8Array(0)), 'a.idx').dims).toEqual([0, 28, 28]);
	});

	it('rejects a magic number whose first two bytes are not zero, naming the file and byte 0', () => {
		expectFormatError(
			() => parseIdx(bytesOf(0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0), 'digits.png'),
			'digits.png: byte 0: expected IDX magic 0x000008NN (two zero bytes, type 0x08, dimension count NN), found 0x89504e47',
		);
	});

	it('rejects data types other than unsigned byte, naming the type found at byte 2', () => {
		expectFormatError(
			() => parseIdx(bytesOf(0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0), 'floats.idx'),
			'floats.idx: byte 2: expected IDX data type 0x08 (unsigned byte), found 0x0d (32-bit float)',
		);
		expectFormatError(
			() => parseIdx(bytesOf(0, 0, 0x42, 1, 0, 0, 0, 0), 'odd.idx'),
			'odd.idx: byte 2: expected IDX data type 0x08 (unsigned byte), found 0x42 (an unknown type)',
		);
	});

	it('rejects a dimension count of zero', () => {
		expectFormatError(
			() => parseIdx(bytesOf(0, 0, 8, 0), 'scalar.idx'),
			'scalar.idx: byte 3: expected a dimension count of at least 1, found 0',
		);
	});

	it('rejects input too short to hold a magic number, empty input included', () => {
		expectFormatError(
			() => parseIdx(bytesOf(0, 0), 'short.idx'),
			'short.idx: byte 2: expected a 4-byte IDX magic 0x000008NN (two zero bytes, type 0x08, dimension count NN), found the end of the data after 2 bytes',
		);
		expect(() => parseIdx(new Uint8Array(0), 'empty.idx')).toThrow('empty.idx: byte 0: expected a 4-byte IDX magic');
	});

	it('rejects a header cut off before all dimension sizes, at the byte where it ends', () => {
		expectFormatError(
			() => parseIdx(bytesOf(0, 0, 8, 3, 0, 0, 0, 2, 0, 0), 'cut.idx'),
			'cut.idx: byte 10: expected a header of 16 bytes (magic and 3 dimension sizes), found the end of the data',
		);
	});

	it('rejects a dimension size that is negative as an int32, naming its byte offset', () => {
		expectFormatError(
			() => parseIdx(bytesOf(0, 0, 8, 2, 0, 0, 0, 1, 0x80, 0, 0, 0), 'neg.idx'),
			'neg.idx: byte 8: expected dimension 1 to be a size from 0 to 2147483647, found 0x80000000 (negative as an int32)',
		);
	});

	it('rejects a payload shorter than the dimensions say, at the byte where the data ends', () => {
		const bytes = encodeIdx([3, 2, 2], new Uint8Array(12)).subarray(0, 16 + 11);
		expectFormatError(
			() => parseIdx(bytes, 'short-data.idx'),
			'short-data.idx: byte 27: expected 12 data bytes (3 x 2 x 2) after the 16-byte header, found the data ends after 11',
		);
	});

	it('rejects a payload longer than the dimensions say, at the first extra byte', () => {
		const bytes = new Uint8Array(16 + 14);
		bytes.set(encodeIdx([3, 2, 2], new Uint8Array(12)));
		expectFormatError(
			() => parseIdx(bytes, 'long-data.idx'),
			'long-data.idx: byte 28: expected the end of the data after 12 data bytes (3 x 2 x 2), found 2 more bytes',
		);
	});

	it('rejects a header that claims billions of bytes without trying to allocate them', () => {
		const bytes = bytesOf(0, 0, 8, 3, 0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF, 1, 2);
		expect(() => parseIdx(bytes, 'huge.idx')).toThrow('huge.idx: byte 18: expected about 9.90e+27 data bytes (2147483647 x 2147483647 x 2147483647)');
	});

	it('reports truncated or corrupt gzip data as a format error naming the file', () => {
		const compressed = gzip(encodeIdx([100], syntheticLabels(100)));
		const truncated = compressed.subarray(0, compressed.length - 10);
		const error = thrown(() => parseIdx(truncated, 'labels.gz'));
		expect(error).toBeInstanceOf(DatasetFormatError);
		expect(error.message).toBe(`labels.gz: byte ${truncated.length}: the file is truncated: expected the rest of the gzip stream (inflated 18 of the 108 bytes the IDX header declares), found the end of the file`);

		const garbled = compressed.slice();
		garbled.fill(0xFF, 10, 30);
		expect(() => parseIdx(garbled, 'garbled.gz')).toThrow(DatasetFormatError);
	});
});

describe('decompressIdx', () => {
	it('returns input without the gzip magic unchanged, and gunzips input with it', () => {
		const raw = encodeIdx([2], bytesOf(1, 2));
		expect(decompressIdx(raw, 'a')).toBe(raw);
		expect(decompressIdx(gzip(raw), 'a.gz')).toEqual(raw);
	});
});

describe('parseIdxImages', () => {
	it('returns the count, the image size and the pixels', () => {
		const pixels = syntheticPixels(3, 28, 28);
		const images = parseIdxImages(encodeIdx([3, 28, 28], pixels), 'images.idx');
		expect(images).toMatchObject({count: 3, rows: 28, cols: 28});
		expect(images.pixels).toEqual(pixels);
	});

	it('rejects a file with other than three dimensions, showing the magic found', () => {
		expectFormatError(
			() => parseIdxImages(encodeIdx([4, 784], new Uint8Array(4 * 784)), 'flat.idx'),
			'flat.idx: byte 0: expected IDX magic 0x00000803 (images), found 0x00000802 (2 dimensions)',
		);
	});

	it('rejects images with no rows or no columns', () => {
		expectFormatError(
			() => parseIdxImages(encodeIdx([2, 0, 5], new Uint8Array(0)), 'thin.idx'),
			'thin.idx: byte 8: expected an image row count of at least 1, found 0',
		);
		expectFormatError(
			() => parseIdxImages(encodeIdx([2, 5, 0], new Uint8Array(0)), 'thin.idx'),
			'thin.idx: byte 12: expected an image column count of at least 1, found 0',
		);
	});
});

describe('parseIdxLabels', () => {
	it('returns the count and the labels', () => {
		const labels = parseIdxLabels(encodeIdx([4], bytesOf(0, 9, 3, 9)), 'labels.idx', 10);
		expect(labels.count).toBe(4);
		expect([...labels.labels]).toEqual([0, 9, 3, 9]);
	});

	it('names the labels file, byte 0 and both magics when given an images file, gzipped or not', () => {
		const images = encodeIdx([1, 28, 28], new Uint8Array(784));
		const message = 't10k-labels-idx1-ubyte.gz: byte 0: expected IDX magic 0x00000801 (labels), found 0x00000803 (3 dimensions)';
		expectFormatError(() => parseIdxLabels(gzip(images), 't10k-labels-idx1-ubyte.gz', 10), message);
		expectFormatError(() => parseIdxLabels(images, 't10k-labels-idx1-ubyte.gz', 10), message);
	});

	it('reports the first label not below the class count with its index and byte offset', () => {
		expectFormatError(
			() => parseIdxLabels(encodeIdx([5], bytesOf(1, 2, 10, 3, 11)), 'labels.idx', 10),
			'labels.idx: byte 10: expected a label from 0 to 9, found 10 (label index 2)',
		);
	});

	it('accepts labels up to the class count minus one', () => {
		expect(parseIdxLabels(encodeIdx([2], bytesOf(0, 2)), 'labels.idx', 3).count).toBe(2);
		expect(() => parseIdxLabels(encodeIdx([2], bytesOf(0, 3)), 'labels.idx', 3)).toThrow(DatasetFormatError);
	});
});
