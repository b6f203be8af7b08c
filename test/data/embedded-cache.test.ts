import {randomBytes} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {
	type EmbeddedCache, crc32, crc32Table, decodeEmbeddedCache, describeStaleStamps, embeddedCacheVersion,
	encodeEmbeddedCache,
} from '../../src/data/embedded-cache.js';
import {DatasetFormatError, ShapeError} from '../../src/errors.js';
import {thrown} from './idx-fixtures.js';

/** Three classes of 2 x 3 images (3, 0 and 2 of them) whose bytes count up from `first`. */
function smallCache(first = 1): EmbeddedCache {
	let next = first;
	const classOf = (count: number) => Uint8Array.from({length: count * 6}, () => next++ & 0xFF);
	return {
		rows: 2,
		cols: 3,
		classImages: [classOf(3), classOf(0), classOf(2)],
		stamps: [
			{size: 2_314_420n, mtimeNs: 1_764_253_140_123_456_789n},
			{size: 0n, mtimeNs: 0n},
			{size: (1n << 64n) - 1n, mtimeNs: 1n},
		],
	};
}

const headerBytes = 28 + (3 * 20);

describe('encodeEmbeddedCache and decodeEmbeddedCache', () => {
	it('round-trip the shape, every class image and every source stamp', () => {
		const cache = smallCache();
		const bytes = encodeEmbeddedCache(cache);
		expect(bytes.length).toBe(headerBytes + (5 * 6));
		expect(decodeEmbeddedCache(bytes, 'cache.bin')).toEqual(cache);
	});

	it('start the file with the magic and the version, then the CRC-32 of the rest', () => {
		const bytes = encodeEmbeddedCache(smallCache());
		const view = new DataView(bytes.buffer);
		expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('NNVZEMBD');
		expect(view.getUint32(8, true)).toBe(embeddedCacheVersion);
		expect(view.getUint32(12, true)).toBe(crc32(bytes.subarray(16)));
	});

	it('decode images as views into the bytes, also when the bytes sit at an offset in a larger buffer', () => {
		const encoded = encodeEmbeddedCache(smallCache());
		const larger = new Uint8Array(encoded.length + 5);
		larger.set(encoded, 3);
		const bytes = larger.subarray(3, 3 + encoded.length);
		const decoded = decodeEmbeddedCache(bytes, 'cache.bin');
		expect(decoded).toEqual(smallCache());
		expect(decoded.classImages[0].buffer).toBe(larger.buffer);
		expect(decoded.classImages[0].byteOffset).toBe(3 + headerBytes);
	});

	it('refuse to encode classes that are not whole images or stamps that do not match the classes', () => {
		const cache = smallCache();
		expect(thrown(() => encodeEmbeddedCache({...cache, classImages: [new Uint8Array(7), new Uint8Array(0), new Uint8Array(0)]})))
			.toEqual(new ShapeError('encodeEmbeddedCache: class 0: expected a multiple of 6 bytes, got 7'));
		expect(thrown(() => encodeEmbeddedCache({...cache, stamps: cache.stamps.slice(1)})))
			.toEqual(new ShapeError('encodeEmbeddedCache: expected one source stamp per class (3), got 2'));
	});
});

describe('decodeEmbeddedCache on damaged bytes', () => {
	const good = encodeEmbeddedCache(smallCache());
	const damaged = (change: (bytes: Uint8Array, view: DataView) => void): Uint8Array => {
		const bytes = good.slice();
		change(bytes, new DataView(bytes.buffer));
		return bytes;
	};

	it('says what is wrong and where, for every way the file can be damaged', () => {
		const cases: Array<[Uint8Array, string]> = [
			[new Uint8Array(0), 'cache.bin: expected an embedded-digits cache of at least 28 bytes, found 0'],
			[good.subarray(0, 27), 'cache.bin: expected an embedded-digits cache of at least 28 bytes, found 27'],
			[damaged(bytes => {
				bytes[0] = 0x7B;
			}), 'cache.bin: byte 0: expected the magic "NNVZEMBD", found "{NVZEMBD"'],
			[damaged((_, view) => {
				view.setUint32(8, 2, true);
			}), `cache.bin: byte 8: expected format version ${embeddedCacheVersion}, found 2`],
			[good.subarray(0, 60), 'cache.bin: expected a header of 88 bytes for 3 classes, found a file of 60'],
			[damaged((_, view) => {
				view.setUint32(24, 0xFF_FF_FF_FF, true);
			}), 'cache.bin: expected a header of 85899345928 bytes for 4294967295 classes, found a file of 118'],
			[good.subarray(0, good.length - 1), 'cache.bin: expected 118 bytes for the header\'s image counts, found 117'],
			[Uint8Array.from([...good, 0]), 'cache.bin: expected 118 bytes for the header\'s image counts, found 119'],
			[damaged((_, view) => {
				view.setUint32(28, 4, true);
			}), 'cache.bin: expected 124 bytes for the header\'s image counts, found 118'],
		];
		for (const [bytes, message] of cases) {
			expect(thrown(() => decodeEmbeddedCache(bytes, 'cache.bin'))).toEqual(new DatasetFormatError(message));
		}
	});

	it('notices a changed source stamp or pixel byte through the CRC-32', () => {
		// Bytes 32 and 40: class 0's source size and time; then the first and the last pixel.
		for (const offset of [32, 40, headerBytes, good.length - 1]) {
			const bytes = damaged(bytes => {
				bytes[offset] ^= 0x01;
			});
			const stored = new DataView(good.buffer).getUint32(12, true);
			const actual = crc32(bytes.subarray(16));
			expect(thrown(() => decodeEmbeddedCache(bytes, 'cache.bin'))).toEqual(new DatasetFormatError(
				`cache.bin: byte 12: expected CRC-32 0x${actual.toString(16).padStart(8, '0')} of bytes 16.., found 0x${stored.toString(16).padStart(8, '0')}`,
			));
		}
	});
});

describe('describeStaleStamps', () => {
	const stamps = smallCache().stamps;

	it('finds nothing stale when every size and time matches', () => {
		expect(describeStaleStamps(stamps, stamps.map(stamp => ({...stamp})))).toBeUndefined();
	});

	it('names the first file whose size or time differs, or a different number of files', () => {
		const changed = (label: number, change: object) => stamps.map((stamp, i) => (i === label ? {...stamp, ...change} : stamp));
		expect(describeStaleStamps(stamps, changed(1, {size: 5n}))).toBe('1.json: made from 0 bytes, the file now has 5');
		expect(describeStaleStamps(stamps, changed(2, {mtimeNs: 2n})))
			.toBe('2.json: made from the version modified at 1 ns, the file is now from 2 ns');
		expect(describeStaleStamps(stamps, stamps.slice(0, 2))).toBe('made from 3 files, expected 2');
	});
});

describe('crc32', () => {
	it('gives the standard check value of "123456789"', () => {
		const check = new TextEncoder().encode('123456789');
		expect(crc32(check)).toBe(0xCB_F4_39_26);
		expect(crc32Table(check)).toBe(0xCB_F4_39_26);
		expect(crc32(new Uint8Array(0))).toBe(0);
		expect(crc32Table(new Uint8Array(0))).toBe(0);
	});

	it('gives the same value from the table fallback as from zlib on random bytes', () => {
		const bytes = new Uint8Array(randomBytes(100_003));
		expect(crc32Table(bytes)).toBe(crc32(bytes));
		expect(crc32Table(bytes.subarray(7, 5000))).toBe(crc32(bytes.subarray(7, 5000)));
	});
});
