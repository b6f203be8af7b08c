/** Numbers as figure labels: short, with their sign, in the characters the figure font has. */

/** A number in at most about 6 characters: 0.0042 -> '0.0042', 12.5 -> '12.5', 1234 -> '1234', 1.2e-5 -> '1.2e-5'. */
export function shortNumber(value: number): string {
	if (!Number.isFinite(value)) {
		return Number.isNaN(value) ? 'NaN' : (value > 0 ? 'inf' : '-inf');
	}

	const magnitude = Math.abs(value);
	if (magnitude === 0) {
		return '0';
	}

	if (magnitude >= 1e5 || magnitude < 1e-3) {
		return value.toExponential(1).replace('e+', 'e');
	}

	const text = magnitude >= 1 ? value.toFixed(magnitude >= 100 ? 0 : (magnitude >= 10 ? 1 : 2)) : value.toPrecision(2);
	return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** shortNumber with a + before positive values (a legend's ends: '-0.42', '+0.42'). */
export function signedLabel(value: number): string {
	return value > 0 ? `+${shortNumber(value)}` : shortNumber(value);
}
