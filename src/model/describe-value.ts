/** Short one-line renderings of values for error messages. */

import {printable} from '../errors.js';

/** A string from a file in double quotes, escaped, safe to print: `"layers.0.weight"`. */
export function quoted(text: string): string {
	return printable(JSON.stringify(text));
}

/** Collapse whitespace and cut to `max` characters, so a message stays on one line. */
export function oneLine(text: string, max = 80): string {
	const flat = printable(text.replaceAll(/\s+/g, ' ').trim());
	return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

/** A value as short one-line JSON: `[784]`, `"relu"`, `NaN`, `nothing` for undefined. */
export function showValue(value: unknown): string {
	if (value === undefined) {
		return 'nothing';
	}

	if (typeof value === 'number' || typeof value === 'bigint') {
		return String(value);
	}

	return oneLine(JSON.stringify(value) ?? String(value));
}
