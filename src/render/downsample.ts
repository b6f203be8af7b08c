import {ShapeError} from '../errors.js';

/** A row-major image of values with its shape. */
export type Downsampled = {readonly values: Float32Array; readonly rows: number; readonly cols: number};

/**
 * Average `factor` x `factor` blocks of a rows x cols row-major image: ceil(rows / factor) x
 * ceil(cols / factor). A partial block at the right or bottom edge averages the pixels it has.
 * Factor 1 returns a copy of the values.
 */
export function downsample(values: ArrayLike<number>, rows: number, cols: number, factor: number): Downsampled {
	if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
		throw new ShapeError(`Downsample: rows and cols must be whole numbers of at least 0, got ${rows} x ${cols}.`);
	}

	if (values.length !== rows * cols) {
		throw new ShapeError(`Downsample: ${values.length} values do not fill ${rows} x ${cols} (expected ${rows * cols}).`);
	}

	if (!Number.isInteger(factor) || factor < 1) {
		throw new ShapeError(`Downsample: the factor must be a whole number of at least 1, got ${factor}.`);
	}

	const outRows = Math.ceil(rows / factor);
	const outCols = Math.ceil(cols / factor);
	const sums = new Float32Array(outRows * outCols);
	if (factor === 1) {
		for (let i = 0; i < values.length; i++) {
			sums[i] = values[i];
		}

		return {values: sums, rows, cols};
	}

	// Sum in doubles, one output row at a time, then divide each block by the pixels it holds.
	const row = new Float64Array(outCols);
	for (let oy = 0; oy < outRows; oy++) {
		row.fill(0);
		const yEnd = Math.min(rows, (oy + 1) * factor);
		for (let y = oy * factor; y < yEnd; y++) {
			const start = y * cols;
			for (let x = 0; x < cols; x++) {
				row[Math.floor(x / factor)] += values[start + x];
			}
		}

		const height = yEnd - (oy * factor);
		for (let ox = 0; ox < outCols; ox++) {
			const width = Math.min(cols, (ox + 1) * factor) - (ox * factor);
			sums[(oy * outCols) + ox] = row[ox] / (height * width);
		}
	}

	return {values: sums, rows: outRows, cols: outCols};
}
