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

/**
 * Throw a ModelFormatError `${where}: ...` when arrays and objects nest deeper than `maxDepth`, or
 * when an object has the same key twice (keys compared after unescaping, as JSON.parse would).
 */
export function checkJsonShape(text: string, where: string, maxDepth: number): void {
	// One entry per open array (undefined) or object (the keys seen so far).
	const open: Array<Set<string> | undefined> = [];
	let expectKey = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === quote) {
			const end = stringEnd(text, i);
			const keys = open.at(-1);
			if (expectKey && keys !== undefined) {
				const key = keyText(text.slice(i + 1, end));
				if (keys.has(key)) {
					throw new ModelFormatError(`${where}: key ${quoted(key)} appears twice in one object (at character ${i}); each key may appear once`);
				}

				keys.add(key);
				expectKey = false;
			}

			i = end;
		} else if (c === openObject || c === openArray) {
			open.push(c === openObject ? new Set() : undefined);
			if (open.length > maxDepth) {
				throw new ModelFormatError(`${where}: arrays and objects nest more than ${maxDepth} deep (at character ${i}); a model file needs at most ${maxDepth}`);
			}

			expectKey = c === openObject;
		} else if (c === closeObject || c === closeArray) {
			open.pop();
			expectKey = false;
		} else if (c === comma) {
			expectKey = open.at(-1) !== undefined;
		}
	}
}

/** Index of the quote that ends the string starting at `start` (or the text's length if none). */
function stringEnd(text: string, start: number): number {
	let i = start + 1;
	while (i < text.length) {
		const c = text.charCodeAt(i);
		if (c === quote) {
			return i;
		}

		i += c === backslash ? 2 : 1;
	}

	return text.length;
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
