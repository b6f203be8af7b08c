/**
 * A line chart's axes as numbers: the y axis' round range and its labels, and where each point goes
 * along the x axis. Pure, used by line-chart.ts.
 */

/** How the y axis spans the values. */
export type YScale = {
	/** The least span from bottom to top (accuracy: 0.05, five points). */
	readonly minSpan?: number;
	/** The least span as a fraction of the largest |value| (loss: 0.2). */
	readonly minFraction?: number;
	/** The axis starts at 0 when no value is below it (loss). */
	readonly fromZero?: boolean;
	/** Values the axis never goes beyond (accuracy: 0 and 1). */
	readonly lowest?: number;
	readonly highest?: number;
};

export type LabelFormat = 'percent' | 'plain';

/** The y axis: a round span holding every finite value, widened to the scale's minimum and kept within its bounds. */
export function axisRange(values: readonly number[], scale: YScale = {}, labels: LabelFormat = 'plain'): {bottom: number; top: number; decimals: number} {
	const finite = values.filter(v => Number.isFinite(v));
	const lowest = scale.lowest ?? -Infinity;
	const highest = scale.highest ?? Infinity;
	let lo = finite.length === 0 ? 0 : Math.min(...finite);
	let hi = finite.length === 0 ? 1 : Math.max(...finite);
	const fromZero = scale.fromZero === true && lo >= 0;
	if (fromZero) {
		lo = 0;
	}

	const largest = Math.max(Math.abs(lo), Math.abs(hi));
	let need = Math.max(scale.minSpan ?? 0, (scale.minFraction ?? 0) * largest);
	if (need === 0 && hi === lo) {
		need = largest === 0 ? 1 : largest / 10;
	}

	if (hi - lo < need && fromZero) {
		hi = Math.min(highest, need);
	} else if (hi - lo < need) {
		// Widen both ways, then shift back inside the bounds.
		const middle = (lo + hi) / 2;
		lo = middle - (need / 2);
		hi = middle + (need / 2);
		if (lo < lowest) {
			hi = Math.min(highest, hi + (lowest - lo));
			lo = lowest;
		} else if (hi > highest) {
			lo = Math.max(lowest, lo - (hi - highest));
			hi = highest;
		}
	}

	const unit = roundUnit((hi - lo) / 5);
	// A hair of tolerance, so 0.91 / 0.01 rounding to 91.00000000000001 does not add a step.
	const bottom = Math.max(lowest, Math.floor((lo / unit) + 1e-9) * unit);
	const top = Math.min(highest, Math.ceil((hi / unit) - 1e-9) * unit);
	const shownUnit = labels === 'percent' ? unit * 100 : unit;
	return {bottom, top: top > bottom ? top : bottom + unit, decimals: Math.max(0, Math.ceil(-Math.log10(shownUnit) - 1e-9))};
}

/** The smallest of 1, 2 and 5 times a power of ten that is at least `raw`. */
function roundUnit(raw: number): number {
	const power = 10 ** Math.floor(Math.log10(raw));
	for (const step of [1, 2, 5, 10]) {
		if (step * power >= raw * (1 - 1e-9)) {
			return step * power;
		}
	}

	return 10 * power;
}

export function formatLabel(value: number, labels: LabelFormat, decimals: number): string {
	return labels === 'percent' ? `${(value * 100).toFixed(decimals)}%` : value.toFixed(decimals);
}

/**
 * The dot column of each point: spread over the columns when they fit, else sampled evenly, the
 * first and last epoch always kept. Undefined for a point that is not drawn.
 */
export function pointColumns(points: number, dotColumns: number): Array<number | undefined> {
	if (points === 1) {
		return [0];
	}

	if (points <= dotColumns) {
		return Array.from({length: points}, (_, i) => Math.round(i * (dotColumns - 1) / (points - 1)));
	}

	const columns: Array<number | undefined> = Array.from({length: points}, () => undefined);
	for (let x = 0; x < dotColumns; x++) {
		columns[Math.round(x * (points - 1) / (dotColumns - 1))] = x;
	}

	return columns;
}
