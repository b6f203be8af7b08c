import {isMouseFragment, type MouseReport, parseMouseReport} from './mouse.js';

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
 * What is left of an escape sequence Ink does not know (F13 is '\u001B[25~', a mouse report
 * '\u001B[<0;3;4M'), once it has dropped the escape: a CSI body with at least one parameter byte and
 * a final byte that terminals end key sequences with (a letter, '~', '^' or '@'), or '[' and one
 * capital letter ('\u001B[G', keypad 5). Keys typed together that happen to look like one (a fast or
 * pasted '[[' or '[]' steps the timeline; Ink never makes a remnant of those, as it takes a '[' after
 * '[' for the legacy prefix, never for the end) stay keys: the timeline's brackets, braces, digits
 * and lower-case keys never end a remnant without parameters. A few odd runs, '[N' or '[1q', are
 * still dropped, a small price.
 */
const escapeRemnant = /^\[(?:\[?[\u0020-\u003F]+[@A-Za-z^~]|[A-Z])$/;

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
 * character typed ('q', 'N', '7'); in order, one name a key. What Ink flags as Alt with a key (ESC
 * then the key in one read: '\u001B3', '\u001B\u001B[C') is Esc, then the key. Keys Ink could not
 * name give nothing.
 */
export function keysOf(input: string, key: InkKey): string[] {
	const named = flagName(key);
	if (named !== undefined) {
		// Ink flags Esc with meta; any other named key with meta came after an ESC in the same read.
		return key.meta && named !== 'escape' ? ['escape', named] : [named];
	}

	if (key.ctrl) {
		return /^[a-z]$/i.test(input) ? [`ctrl+${input.toLowerCase()}`] : [];
	}

	if (key.meta) {
		// The app binds no Alt key: ESC and a key in one read (Esc typed just before it) is the two.
		return isText(input) ? ['escape', input] : [];
	}

	if (escapeRemnant.test(input)) {
		return [];
	}

	return [...input].map(charName).filter(name => name !== '');
}

/**
 * How Ink 6.8 hands over a terminal string sequence (DCS ESC P, SOS ESC X, OSC ESC ], PM ESC ^,
 * APC ESC _, each up to ST ESC \ or BEL): its input parser splits the read at every ESC, so
 * useInput gets the introducer alone ('P' or 'X' flagged meta; ']', '^' or '_' unflagged, like the
 * key typed), then the payload as a text run, BEL inside it, or ST as a lone '\\'. A typed ']' with
 * nothing after it in the read is the key; followed by a text run in the same read, it is a string:
 * text typed together would have come as one run with it.
 */
const introducers = new Set([']', '^', '_']);
const metaIntroducers = new Set(['P', 'X']);

function isIntroducer(input: string, key: InkKey): boolean {
	return flagName(key) === undefined && !key.ctrl
		&& (key.meta ? metaIntroducers.has(input) : introducers.has(input));
}

function isTextRun(input: string, key: InkKey): boolean {
	return input !== '' && flagName(key) === undefined && !key.ctrl && !key.meta;
}

/** ST (ESC \, the ESC taken off by Ink) or BEL (Ctrl-G) on its own. */
function endsString(input: string, key: InkKey): boolean {
	return (input === '\\' && !key.meta && !key.ctrl) || (input === 'g' && key.ctrl === true);
}

/**
 * Key names from useInput's calls, less terminal string sequences, which are dropped whole. The
 * dropping lasts no longer than the read: the input hook calls endOfRead on the next macrotask
 * (setImmediate: after the read's calls, before the next read), which gives back an introducer that
 * turned out to be a key and ends a string cut off by the end of the read.
 */
export class KeyReader {
	/** The keys an introducer stands for if no payload follows it in this read. */
	private held: string[] | undefined;
	private inString = false;
	/** The start of a mouse report whose rest has not come yet ('[<32;7;'). */
	private mouseStart: string | undefined;

	/**
	 * The keys and the SGR mouse reports of one useInput call, in order. Ink hands a report over
	 * without its ESC and in one call, unless a read ended inside it: its start is then kept for the
	 * next call (which keys never come from), and if that call does not finish it, it is dropped.
	 */
	read(input: string, key: InkKey): Array<string | MouseReport> {
		const plain = flagName(key) === undefined && !key.ctrl && !key.meta;
		if (this.mouseStart !== undefined) {
			const start = this.mouseStart;
			this.mouseStart = undefined;
			const rest = plain ? /^([\d;]*[Mm])([\s\S]*)$/.exec(input) : null;
			if (rest !== null) {
				const report = parseMouseReport(start + rest[1]);
				return [...(report === undefined ? [] : [report]), ...(rest[2] === '' ? [] : this.read(rest[2], {}))];
			}

			if (plain && /^[\d;]+$/.test(input)) {
				this.mouseStart = start + input;
				return [];
			}
		}

		if (plain) {
			const report = parseMouseReport(input);
			if (report !== undefined) {
				// An introducer held before it was a key; a string open before it has ended.
				const held = this.held ?? [];
				this.held = undefined;
				this.inString = false;
				return [...held, report];
			}

			if (isMouseFragment(input)) {
				this.mouseStart = input;
				return [];
			}
		}

		return this.push(input, key);
	}

	/** Something is held or being dropped: endOfRead is due on the next macrotask. */
	get waiting(): boolean {
		return this.held !== undefined || this.inString;
	}

	/** The keys of one useInput call, to act on now. */
	push(input: string, key: InkKey): string[] {
		if (this.held !== undefined) {
			const held = this.held;
			this.held = undefined;
			if (endsString(input, key)) {
				// An empty string: the introducer and its terminator.
				return [];
			}

			if (isTextRun(input, key)) {
				this.inString = true;
			} else {
				return [...held, ...this.push(input, key)];
			}
		}

		if (this.inString) {
			return this.inPayload(input, key);
		}

		if (isIntroducer(input, key)) {
			this.held = keysOf(input, key);
			return [];
		}

		return keysOf(input, key);
	}

	/** The read is over: an introducer left alone was a key; a string still open ends. */
	endOfRead(): string[] {
		const held = this.held ?? [];
		this.held = undefined;
		this.inString = false;
		return held;
	}

	private inPayload(input: string, key: InkKey): string[] {
		if (endsString(input, key)) {
			this.inString = false;
			return [];
		}

		const bell = isTextRun(input, key) ? input.indexOf('\u0007') : -1;
		if (bell === -1) {
			return [];
		}

		this.inString = false;
		return keysOf(input.slice(bell + 1), {});
	}
}
