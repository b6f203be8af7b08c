/**
 * Key names from what Ink's useInput hands over. Ink 6.8 splits a read at every escape sequence
 * ('\u001B[B\u001B[6~' comes as Down, then PgDn), but a run of other bytes comes whole: keys typed
 * together, a paste, or a slow link give '70\r' or '\u007F\u007F\u007F' as one input. Each byte of such a run
 * is a key of its own here, and a control byte is named (enter, backspace, ctrl+u), never text.
 */

/** Ink's key flags, as useInput passes them (only the fields read here). */
export type InkKey = {
	readonly upArrow?: boolean; readonly downArrow?: boolean; readonly leftArrow?: boolean; readonly rightArrow?: boolean;
	readonly pageUp?: boolean; readonly pageDown?: boolean; readonly home?: boolean; readonly end?: boolean;
	readonly return?: boolean; readonly escape?: boolean; readonly tab?: boolean; readonly shift?: boolean;
	readonly ctrl?: boolean; readonly meta?: boolean; readonly backspace?: boolean; readonly delete?: boolean;
};

/**
 * What is left of an escape sequence Ink does not know (F13 is '\u001B[25~'), once it has dropped the
 * escape: a CSI body. Typed text that is exactly one such body in one read is dropped too, a small price.
 */
const escapeRemnant = /^\[\[?[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]$/;

/** A character that may be typed into a prompt: no control, format or unassigned code point. */
export function isText(name: string): boolean {
	return /^[^\p{C}]$/u.test(name);
}

function flagName(key: InkKey): string | undefined {
	const named: Array<[boolean | undefined, string]> = [
		[key.upArrow, 'up'], [key.downArrow, 'down'], [key.leftArrow, 'left'], [key.rightArrow, 'right'],
		[key.pageUp, 'pageup'], [key.pageDown, 'pagedown'], [key.home, 'home'], [key.end, 'end'],
		[key.return, 'enter'], [key.escape, 'escape'], [key.backspace || key.delete, 'backspace'],
	];
	for (const [on, name] of named) {
		if (on) {
			return name;
		}
	}

	if (key.tab) {
		return key.shift ? 'shift+tab' : 'tab';
	}

	return undefined;
}

/** One character of a run: a control byte by its key name, text as itself, anything else ''. */
function charName(char: string): string {
	const code = char.codePointAt(0)!;
	switch (char) {
		case '\r':
		case '\n': {
			return 'enter';
		}

		case '\t': {
			return 'tab';
		}

		case '\b':
		case '\u007F': {
			return 'backspace';
		}

		case '\u001B': {
			return 'escape';
		}

		default: {
			if (code < 0x20) {
				return `ctrl+${String.fromCodePoint(code + 0x40).toLowerCase()}`;
			}

			return isText(char) ? char : '';
		}
	}
}

/**
 * The keys in one input: 'up', 'pagedown', 'shift+tab', 'enter', 'backspace', 'ctrl+c', or the
 * character typed ('q', 'N', '7'); in order, one name a key. Alt with a key, and keys Ink could not
 * name, give nothing.
 */
export function keysOf(input: string, key: InkKey): string[] {
	const named = flagName(key);
	if (named !== undefined) {
		return [named];
	}

	if (key.ctrl) {
		return /^[a-z]$/i.test(input) ? [`ctrl+${input.toLowerCase()}`] : [];
	}

	if (key.meta || escapeRemnant.test(input)) {
		return [];
	}

	return [...input].map(charName).filter(name => name !== '');
}
