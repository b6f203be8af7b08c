/**
 * A scan of JSON text before JSON.parse sees it: how deep arrays and objects nest, and whether an
 * object repeats a key. JSON.parse recurses once per level (thousands of levels exhaust the stack) and
 * keeps the last of two equal keys without a word; a model file needs a few levels and no repeats.
 * Linear in the text, no recursion. Syntax errors are left to JSON.parse.
 */
import {ModelFormatError} from '../errors.js';
import {quoted} from './describe-value.js';

const quote = 0x22;
const backslash = 0x5C;
const openObject = 0x7B;
const closeObject = 0x7D;
const openArray = 0x5B;
const closeArray = 0x5D;
const comma = 0x2C;
/** Objects with more keys than this check repeats with a set instead of a list. */
const smallObject = 16;

/**
 * Throw a ModelFormatError `${where}: ...` when arrays and objects nest deeper than `maxDepth`, or
 * when an object has the same key twice (keys compared after unescaping, as JSON.parse would).
 */
export function checkJsonShape(text: string, where: string, maxDepth: number): void {
	// Per open level: whether it is an object, and its keys so far as [start, end, has an escape]
	// triples of offsets into `text` (no strings made for them); an object with many keys moves them to
	// a set of strings.
	const isObject: boolean[] = [];
	const offsets: number[][] = [];
	const sets: Array<Set<string> | undefined> = [];
	let depth = 0;
	let expectKey = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === quote) {
			const end = stringEnd(text, i);
			if (expectKey && isObject[depth - 1]) {
				if (addKey(text, i + 1, end, offsets[depth - 1], sets, depth - 1)) {
					throw new ModelFormatError(`${where}: key ${quoted(keyText(text.slice(i + 1, end)))} appears twice in one object (at character ${i}); each key may appear once`);
				}

				expectKey = false;
			}

			i = end;
		} else if (c === openObject || c === openArray) {
			depth++;
			if (depth > maxDepth) {
				throw new ModelFormatError(`${where}: arrays and objects nest more than ${maxDepth} deep (at character ${i}); a model file needs at most ${maxDepth}`);
			}

			isObject[depth - 1] = c === openObject;
			(offsets[depth - 1] ??= []).length = 0;
			sets[depth - 1] = undefined;
			expectKey = c === openObject;
		} else if (c === closeObject || c === closeArray) {
			depth = Math.max(0, depth - 1);
			expectKey = false;
		} else if (c === comma) {
			expectKey = depth > 0 && isObject[depth - 1];
		}
	}
}

/** Record the key at text[start, end) in its object; true if the object had it already. */
function addKey(text: string, start: number, end: number, offsets: number[], sets: Array<Set<string> | undefined>, level: number): boolean {
	const set = sets[level];
	if (set !== undefined) {
		const key = keyText(text.slice(start, end));
		return set.has(key) || (set.add(key), false);
	}

	const escaped = hasEscape(text, start, end);
	for (let k = 0; k < offsets.length; k += 3) {
		if (sameKey(text, offsets[k], offsets[k + 1], offsets[k + 2] === 1, start, end, escaped)) {
			return true;
		}
	}

	offsets.push(start, end, escaped ? 1 : 0);
	if (offsets.length > 3 * smallObject) {
		const keys = new Set<string>();
		for (let k = 0; k < offsets.length; k += 3) {
			keys.add(keyText(text.slice(offsets[k], offsets[k + 1])));
		}

		sets[level] = keys;
	}

	return false;
}

/** Whether two raw keys are the same key: compared in place, or unescaped when either has an escape. */
function sameKey(text: string, aStart: number, aEnd: number, aEscaped: boolean, bStart: number, bEnd: number, bEscaped: boolean): boolean {
	if (aEscaped || bEscaped) {
		return keyText(text.slice(aStart, aEnd)) === keyText(text.slice(bStart, bEnd));
	}

	if (aEnd - aStart !== bEnd - bStart) {
		return false;
	}

	for (let k = 0; k < aEnd - aStart; k++) {
		if (text.charCodeAt(aStart + k) !== text.charCodeAt(bStart + k)) {
			return false;
		}
	}

	return true;
}

function hasEscape(text: string, start: number, end: number): boolean {
	for (let k = start; k < end; k++) {
		if (text.charCodeAt(k) === backslash) {
			return true;
		}
	}

	return false;
}

/** Index of the quote that ends the string starting at `start` (or the text's length if none). */
function stringEnd(text: string, start: number): number {
	let from = start + 1;
	for (;;) {
		const end = text.indexOf('"', from);
		if (end === -1) {
			return text.length;
		}

		// The quote ends the string unless an odd number of backslashes escapes it.
		let backslashes = 0;
		while (text.charCodeAt(end - 1 - backslashes) === backslash) {
			backslashes++;
		}

		if (backslashes % 2 === 0) {
			return end;
		}

		from = end + 1;
	}
}

/** A key's text with escapes resolved; a malformed escape is left as it is, for JSON.parse to report. */
function keyText(raw: string): string {
	if (!raw.includes('\\')) {
		return raw;
	}

	try {
		return JSON.parse(`"${raw}"`) as string;
	} catch {
		return raw;
	}
}
