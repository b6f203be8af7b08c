import {ShapeError} from '../errors.js';

/**
 * How much the generalized images look like their digits: the Pearson correlation between each
 * class's map (class-maps.ts) and that class's mean image minus the mean of all images. A map that
 * draws the class's outline scores near 1; noise scores near 0.
 */

/** Pearson correlation of two equally long vectors; 0 when either is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
	const n = a.length;
	if (b.length !== n || n === 0) {
		throw new ShapeError(`pearson: vectors of ${a.length} and ${b.length} values; expected the same length above 0`);
	}

	let meanA = 0;
	let meanB = 0;
	for (let i = 0; i < n; i++) {
		meanA += a[i];
		meanB += b[i];
	}

	meanA /= n;
	meanB /= n;
	let ab = 0;
	let aa = 0;
	let bb = 0;
	for (let i = 0; i < n; i++) {
		const da = a[i] - meanA;
		const db = b[i] - meanB;
		ab += da * db;
		aa += da * da;
		bb += db * db;
	}

	return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/** Images as bytes, `pixels` per image, and their labels. */
export type LabelledImages = {readonly count: number; readonly images: Uint8Array; readonly labels: Uint8Array};

/**
 * For each class, its mean image minus the mean of all images (pixel values 0-1), the picture a map
 * that tells this class from the others would draw. A class without images gets all zeros.
 */
export function classContrasts(set: LabelledImages, pixels: number, classes: number): Float64Array[] {
	const sums = Array.from({length: classes}, () => new Float64Array(pixels));
	const counts = new Float64Array(classes);
	const all = new Float64Array(pixels);
	for (let i = 0; i < set.count; i++) {
		const label = set.labels[i];
		const sum = sums[label];
		counts[label]++;
		for (let p = 0, start = i * pixels; p < pixels; p++) {
			const v = set.images[start + p] / 255;
			sum[p] += v;
			all[p] += v;
		}
	}

	return sums.map((sum, c) => {
		if (counts[c] === 0) {
			return sum;
		}

		for (let p = 0; p < pixels; p++) {
			sum[p] = (sum[p] / counts[c]) - (all[p] / set.count);
		}

		return sum;
	});
}

/** Each class's likeness (Pearson correlation of map and contrast) and their mean. */
export function mapLikeness(maps: ReadonlyArray<ArrayLike<number>>, contrasts: readonly Float64Array[]): {perClass: number[]; mean: number} {
	if (maps.length !== contrasts.length) {
		throw new ShapeError(`mapLikeness: ${maps.length} maps for ${contrasts.length} classes`);
	}

	const perClass = maps.map((map, c) => pearson(map, contrasts[c]));
	return {perClass, mean: perClass.reduce((s, v) => s + v, 0) / Math.max(1, perClass.length)};
}
