/**
 * A drawing made ready for a network trained on MNIST, as LeCun et al. describe how MNIST's digits
 * were made: the ink's bounding box is scaled to fit a 20x20 box, keeping its aspect ratio (an
 * area-averaging resample, so strokes stay soft), then placed in the 28x28 field so that the centre
 * of mass of its pixels lies at the field's centre.
 *
 * Coordinates: pixel (x, y) is column x, row y; a centre of mass is in these pixel indices, so the
 * centre of a 28x28 field is (13.5, 13.5), between the four middle pixels. The image moves by whole
 * pixels (no blur added), to the shift that brings its centre of mass nearest to the field's centre;
 * halves round up, so a mass centred on a pixel (an odd-sized block) lands on (14, 14).
 */

export type PreprocessOptions = {
	/** The field's size, rows x cols (28 x 28 for MNIST). */
	readonly rows?: number;
	readonly cols?: number;
	/** The box the ink's bounding box is scaled to fit (20 for MNIST's 28). */
	readonly box?: number;
};

/** Pixels below this count as no ink when finding the bounding box (a brush's faintest edge still counts). */
const inkThreshold = 1e-3;

/**
 * `image` (rows x cols, row-major, 0 = background .. 1 = full ink) as MNIST's digits were made: the
 * ink scaled to fit the box and centred by its centre of mass in a field of the same size. A blank
 * image stays blank. Returns a new array.
 */
export function preprocessDigit(image: ArrayLike<number>, options: PreprocessOptions = {}): Float32Array {
	const rows = options.rows ?? 28;
	const cols = options.cols ?? 28;
	const box = options.box ?? Math.round((20 * Math.min(rows, cols)) / 28);
	if (image.length !== rows * cols) {
		throw new RangeError(`preprocessDigit: the image has ${image.length} pixels, expected ${rows} x ${cols}`);
	}

	const out = new Float32Array(rows * cols);
	const bounds = inkBounds(image, rows, cols);
	if (bounds === undefined) {
		return out;
	}

	const {left, top, width, height} = bounds;
	const scale = box / Math.max(width, height);
	const newWidth = Math.max(1, Math.min(box, Math.round(width * scale)));
	const newHeight = Math.max(1, Math.min(box, Math.round(height * scale)));
	const scaled = resampleArea(image, cols, left, top, width, height, newWidth, newHeight);
	const centre = centreOfMass(scaled, newHeight, newWidth);
	const dx = Math.round(((cols - 1) / 2) - centre.x);
	const dy = Math.round(((rows - 1) / 2) - centre.y);
	for (let y = 0; y < newHeight; y++) {
		const ty = y + dy;
		if (ty < 0 || ty >= rows) {
			continue;
		}

		for (let x = 0; x < newWidth; x++) {
			const tx = x + dx;
			if (tx >= 0 && tx < cols) {
				out[(ty * cols) + tx] = scaled[(y * newWidth) + x];
			}
		}
	}

	return out;
}

/** The smallest rectangle holding every pixel with ink, or undefined for a blank image. */
export function inkBounds(image: ArrayLike<number>, rows: number, cols: number): {left: number; top: number; width: number; height: number} | undefined {
	let [left, top, right, bottom] = [cols, rows, -1, -1];
	for (let y = 0; y < rows; y++) {
		for (let x = 0; x < cols; x++) {
			if (image[(y * cols) + x] > inkThreshold) {
				left = Math.min(left, x);
				right = Math.max(right, x);
				top = Math.min(top, y);
				bottom = Math.max(bottom, y);
			}
		}
	}

	return right < 0 ? undefined : {left, top, width: right - left + 1, height: bottom - top + 1};
}

/** The centre of mass of an image's values, in pixel indices; the image's middle when it is blank. */
export function centreOfMass(image: ArrayLike<number>, rows: number, cols: number): {x: number; y: number} {
	let [mass, sx, sy] = [0, 0, 0];
	for (let y = 0; y < rows; y++) {
		for (let x = 0; x < cols; x++) {
			const v = image[(y * cols) + x];
			mass += v;
			sx += v * x;
			sy += v * y;
		}
	}

	return mass === 0 ? {x: (cols - 1) / 2, y: (rows - 1) / 2} : {x: sx / mass, y: sy / mass};
}

/**
 * The width x height rectangle at (left, top) of an image `stride` wide, resampled to newWidth x
 * newHeight by area averaging: each new pixel is the mean of the source over the area it covers
 * (fractions of pixels counted by their share), so a shrunk stroke fades rather than breaks and a
 * grown one keeps its values.
 */
function resampleArea(image: ArrayLike<number>, stride: number, left: number, top: number, width: number, height: number, newWidth: number, newHeight: number): Float32Array {
	const across = coverage(width, newWidth);
	const down = coverage(height, newHeight);
	const out = new Float32Array(newWidth * newHeight);
	for (let y = 0; y < newHeight; y++) {
		for (let x = 0; x < newWidth; x++) {
			let sum = 0;
			for (const [sy, wy] of down[y]) {
				const row = (top + sy) * stride;
				for (const [sx, wx] of across[x]) {
					sum += wy * wx * image[row + left + sx];
				}
			}

			out[(y * newWidth) + x] = sum;
		}
	}

	return out;
}

/**
 * For each of `to` new pixels along an axis of `from` source pixels, the source pixels it covers and
 * each one's share of it (the shares add up to 1).
 */
function coverage(from: number, to: number): Array<Array<[number, number]>> {
	const step = from / to;
	return Array.from({length: to}, (_, k) => {
		const [start, end] = [k * step, (k + 1) * step];
		const parts: Array<[number, number]> = [];
		for (let s = Math.floor(start); s < end && s < from; s++) {
			const overlap = Math.min(end, s + 1) - Math.max(start, s);
			if (overlap > 1e-12) {
				parts.push([s, overlap / step]);
			}
		}

		return parts;
	});
}

/** Floats in [0, 1] as the bytes a dataset holds (0..255, rounded, clamped). */
export function toPixelBytes(image: ArrayLike<number>): Uint8Array {
	const out = new Uint8Array(image.length);
	for (let i = 0; i < image.length; i++) {
		const v = image[i];
		out[i] = Number.isFinite(v) ? Math.round(Math.max(0, Math.min(1, v)) * 255) : 0;
	}

	return out;
}
