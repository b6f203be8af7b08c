import {gzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {gunzipIdx} from '../../src/data/gunzip-idx.js';
import {encodeIdx, parseIdxImages, parseIdxLabels} from '../../src/data/idx.js';
import {DatasetFormatError} from '../../src/errors.js';
import {gzip, syntheticLabels, syntheticPixels, thrown} from './idx-fixtures.js';

/** The 16-byte IDX header of `count` 28 x 28 images. */
function imagesHeader(count: number): Uint8Array {
	const header = new Uint8Array(16);
	const view = new DataView(header.buffer);
	view.setUint32(0, 0x08_03);
	view.setUint32(4, count);
	view.setUint32(8, 28);
	view.setUint32(12, 28);
	return header;
}

/**
 * A gzip file whose IDX header declares `declared` 28 x 28 images, followed by `megabytes` MB of zero
 * pixels: gzip members one after another (gunzip reads them as one stream), each zero member the same.
 */
function gzippedImages(declared: number, megabytes: number, tailBytes = 0): Uint8Array {
	const members = [gzipSync(imagesHeader(declared)), ...Array.from({length: megabytes}, () => zeroMegabyte)];
	if (tailBytes > 0) {
		members.push(gzipSync(new Uint8Array(tailBytes)));
	}

	return new Uint8Array(Buffer.concat(members));
}

const zeroMegabyte = gzipSync(new Uint8Array(1024 * 1024), {level: 9});

describe('gunzipIdx', () => {
	it('stops a gzip bomb (100 images declared, 200 MB inflated) at the declared size, fast', () => {
		const bomb = gzippedImages(100, 200);
		expect(bomb.length).toBeLessThan(300_000);
		const started = performance.now();
		const error = thrown(() => parseIdxImages(bomb, 'bomb.gz'));
		const elapsed = performance.now() - started;
		expect(error).toBeInstanceOf(DatasetFormatError);
		expect(error.message).toBe('bomb.gz: byte 78416: expected the end of the data after 78400 data bytes (100 x 28 x 28) as the header declares, found more; stopped inflating there');
		// Inflating all 200 MB takes about a second; stopping at 78 KB takes milliseconds.
		expect(elapsed).toBeLessThan(300);
	});

	it('refuses a header that declares more than the compressed size could ever inflate to, before inflating it', () => {
		const liar = gzippedImages(1_000_000, 1);
		const error = thrown(() => parseIdxImages(liar, 'liar.gz'));
		expect(error).toBeInstanceOf(DatasetFormatError);
		expect(error.message).toMatch(/^liar\.gz: byte 4: the header declares 784000016 bytes \(1000000 x 28 x 28 after a 16-byte header\), more than what a gzip file of \d+ bytes can hold \(\d+\)$/);
	});

	it('reports a stream shorter than its header declares as the parser always has', () => {
		const short = gzippedImages(10, 0, 9 * 784);
		expect(() => parseIdxImages(short, 'short.gz')).toThrow('short.gz: byte 7072: expected 7840 data bytes (10 x 28 x 28) after the 16-byte header, found the data ends after 7056');
	});

	it('inflates a valid file exactly, into one buffer of the declared size', () => {
		const raw = encodeIdx([300, 28, 28], syntheticPixels(300));
		const inflated = gunzipIdx(gzip(raw), 'ok.gz');
		expect(Buffer.from(inflated).equals(raw)).toBe(true);
		expect(inflated.buffer.byteLength).toBeLessThanOrEqual(raw.length + 1);
	});

	it('reads a gzip header with a file name and a comment', () => {
		const raw = encodeIdx([5], syntheticLabels(5));
		const plain = gzip(raw);
		// Set FNAME | FCOMMENT and insert "name\0comment\0" after the 10-byte fixed header.
		const extra = new TextEncoder().encode('labels-idx1-ubyte\u0000a comment\u0000');
		const named = new Uint8Array(plain.length + extra.length);
		named.set(plain.subarray(0, 10));
		named[3] = 0x08 | 0x10;
		named.set(extra, 10);
		named.set(plain.subarray(10), 10 + extra.length);
		expect(parseIdxLabels(named, 'named.gz', 10).labels).toEqual(syntheticLabels(5));
	});

	it('leaves a bad header inside a gzip file to the parser, which names it', () => {
		const png = gzip(Uint8Array.of(0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0));
		expect(() => parseIdxImages(png, 'png.gz')).toThrow('png.gz: byte 0: expected IDX magic 0x00000803 (images), found 0x89504e47');
	});

	it('says a gzip header cut short is truncated, and where it ends', () => {
		const error = thrown(() => gunzipIdx(Uint8Array.of(0x1F, 0x8B, 8, 0), 'cut.gz'));
		expect(error).toBeInstanceOf(DatasetFormatError);
		expect(error.message).toBe('cut.gz: byte 4: the file is truncated: expected the rest of the gzip header, found the end of the file');
		const named = gzipSync(new Uint8Array(16));
		named[3] = 0x08; // a file name follows the fixed header, but no terminating zero before the end
		expect(() => gunzipIdx(named.subarray(0, 14).map(b => b || 0x41), 'name.gz')).toThrow('name.gz: byte 14: the file is truncated: expected the rest of the gzip header, found the end of the file');
	});

	it('says a gzip stream cut short is truncated, where it ends and how much of the declared data came out', () => {
		const whole = gzip(encodeIdx([300, 28, 28], syntheticPixels(300)));
		const cut = whole.subarray(0, Math.floor(whole.length / 2));
		const error = thrown(() => gunzipIdx(cut, 'half.gz'));
		expect(error).toBeInstanceOf(DatasetFormatError);
		expect(error.message).toMatch(new RegExp(`^half\\.gz: byte ${cut.length}: the file is truncated: expected the rest of the gzip stream \\(inflated \\d+ of the 235216 bytes the IDX header declares\\), found the end of the file$`));
		expect(error.message).not.toContain('corrupt');
		const noTrailer = whole.subarray(0, whole.length - 4);
		expect(() => gunzipIdx(noTrailer, 'tail.gz')).toThrow(`tail.gz: byte ${noTrailer.length}: the file is truncated: expected the gzip trailer (its CRC and size) after all the data, found the end of the file`);
	});

	it('still calls data that is not deflate corrupt', () => {
		const whole = gzip(encodeIdx([300, 28, 28], syntheticPixels(300)));
		const spoiled = whole.slice();
		spoiled.fill(0xFF, 200, 400);
		expect(() => gunzipIdx(spoiled, 'bad.gz')).toThrow(/^bad\.gz: byte 0: expected a valid gzip stream \(it starts with the gzip magic 1f 8b\), found corrupt data: /);
	});
});
