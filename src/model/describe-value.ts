/** Short one-line renderings of values for error messages. */

/**
 * Characters that must never reach the terminal from a file: C0 controls, DEL, C1 controls, and the
 * marks that reorder or break text (Arabic letter mark, LRM and RLM, line and paragraph separators,
 * bidi embeddings, overrides and isolates).
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
export const unsafeCharacters = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/;
const unsafeGlobal = new RegExp(unsafeCharacters.source, 'g');

/** `text` with every unsafe character written as a \uXXXX escape, so it prints as what it is. */
export function escapeUnsafe(text: string): string {
	return text.replaceAll(unsafeGlobal, c => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/** A string from a file in double quotes, escaped, safe to print: `"layers.0.weight"`. */
export function quoted(text: string): string {
	return escapeUnsafe(JSON.stringify(text));
}

/** Collapse whitespace and cut to `max` characters, so a message stays on one line. */
export function oneLine(text: string, max = 80): string {
	const flat = escapeUnsafe(text.replaceAll(/\s+/g, ' ').trim());
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
