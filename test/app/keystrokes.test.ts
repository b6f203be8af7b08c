import {Text, useInput} from 'ink';
import {render} from 'ink-testing-library';
import {createElement} from 'react';
import {describe, expect, it} from 'vitest';
import {isText, KeyReader, keysOf} from '../../src/app/keystrokes.js';
import {waitFor} from '../components/fixtures.js';

/** The key names Ink's own input path gives for each write, one list a write. */
async function throughInk(writes: readonly string[]): Promise<string[][]> {
	let seen: string[] = [];
	const reader = new KeyReader();
	function Recorder() {
		// As useKeys reads: what is held at the end of a read comes on the next macrotask.
		useInput((input, key) => {
			seen.push(...reader.push(input, key));
			if (reader.waiting) {
				setImmediate(() => seen.push(...reader.endOfRead()));
			}
		});
		return createElement(Text, null, 'keys');
	}

	const app = render(createElement(Recorder));
	const results: string[][] = [];
	try {
		// Ink subscribes to stdin in an effect: repeat a key until it is heard.
		await waitFor(() => {
			if (seen.length === 0) {
				app.stdin.write('x');
			}

			return seen.length > 0;
		}, 'Ink to listen to stdin');
		for (const bytes of writes) {
			seen = [];
			// A marker after the write: once it is heard, every key of the write has been.
			app.stdin.write(bytes);
			// The marker in a read of its own, as a key typed after.
			// eslint-disable-next-line no-await-in-loop
			await new Promise(resolve => {
				setImmediate(resolve);
			});
			app.stdin.write('~');
			// eslint-disable-next-line no-await-in-loop
			await waitFor(() => seen.includes('~'), `the keys of ${JSON.stringify(bytes)}`);
			results.push(seen.slice(0, seen.indexOf('~')));
		}
	} finally {
		app.unmount();
	}

	return results;
}

describe('keysOf', () => {
	it('names arrows, paging, Home, End, Enter, Esc, Backspace and Delete from Ink key flags', () => {
		expect(keysOf('', {upArrow: true})).toEqual(['up']);
		expect(keysOf('', {pageDown: true})).toEqual(['pagedown']);
		expect(keysOf('', {end: true})).toEqual(['end']);
		expect(keysOf('\r', {return: true})).toEqual(['enter']);
		expect(keysOf('', {escape: true, meta: true})).toEqual(['escape']);
		expect(keysOf('', {backspace: true})).toEqual(['backspace']);
		expect(keysOf('', {delete: true})).toEqual(['backspace']);
	});

	it('tells Tab from Shift-Tab, and names Ctrl with the lower-case letter', () => {
		expect(keysOf('', {tab: true})).toEqual(['tab']);
		expect(keysOf('', {tab: true, shift: true})).toEqual(['shift+tab']);
		expect(keysOf('C', {ctrl: true})).toEqual(['ctrl+c']);
	});

	it('names a plain key by its character, upper case kept', () => {
		expect(keysOf('N', {shift: true})).toEqual(['N']);
		expect(keysOf('7', {})).toEqual(['7']);
	});

	it('splits a run of bytes read at once into one key a byte, control bytes by their key names', () => {
		expect(keysOf('70\r', {})).toEqual(['7', '0', 'enter']);
		expect(keysOf('\u007F\u007F\u007F', {})).toEqual(['backspace', 'backspace', 'backspace']);
		expect(keysOf('a\tb\b', {})).toEqual(['a', 'tab', 'b', 'backspace']);
		expect(keysOf('x\u0015y\u0017\u0003', {})).toEqual(['x', 'ctrl+u', 'y', 'ctrl+w', 'ctrl+c']);
	});

	it('takes what Ink flags as Alt with a key (ESC then the key in one read) as Esc, then the key', () => {
		expect(keysOf('3', {meta: true})).toEqual(['escape', '3']);
		expect(keysOf('', {rightArrow: true, meta: true})).toEqual(['escape', 'right']);
		expect(keysOf('\r', {return: true, meta: true})).toEqual(['escape', 'enter']);
	});

	it('gives no key for what is left of an unknown escape sequence, or for C1 and format characters', () => {
		expect(keysOf('[25~', {})).toEqual([]);
		expect(keysOf('[200~', {})).toEqual([]);
		expect(keysOf('[1;2Q', {})).toEqual([]);
		expect(keysOf('a\u0085b\u202Ec', {})).toEqual(['a', 'b', 'c']);
		expect(keysOf('[<0;3;4M', {})).toEqual([]);
		expect(keysOf('[G', {})).toEqual([]);
	});

	it('keeps keys typed together that look like an escape sequence\'s rest: [[, [], [[], [2], [n', () => {
		expect(keysOf('[[', {})).toEqual(['[', '[']);
		expect(keysOf('[]', {})).toEqual(['[', ']']);
		expect(keysOf('[[]', {})).toEqual(['[', '[', ']']);
		expect(keysOf('[2]', {})).toEqual(['[', '2', ']']);
		expect(keysOf('[{', {})).toEqual(['[', '{']);
		expect(keysOf('[n', {})).toEqual(['[', 'n']);
	});
});

describe('isText', () => {
	it('takes one printable character, a space or a letter of any script, and nothing else', () => {
		for (const text of ['a', ' ', '~', 'é', '字']) {
			expect(isText(text), text).toBe(true);
		}

		for (const other of ['', 'ab', 'enter', 'ctrl+u', '\u007F', '\u0000', '\u001B', '\u009B', '\u202E']) {
			expect(isText(other), JSON.stringify(other)).toBe(false);
		}
	});
});

describe('keys through Ink itself', () => {
	it('names the bytes a terminal sends for each key the way the key map spells them', async () => {
		const cases: Array<[string, string]> = [
			['\u001B[A', 'up'], ['\u001B[B', 'down'], ['\u001B[C', 'right'], ['\u001B[D', 'left'],
			['\u001B[5~', 'pageup'], ['\u001B[6~', 'pagedown'], ['\u001B[H', 'home'], ['\u001B[F', 'end'],
			['\t', 'tab'], ['\u001B[Z', 'shift+tab'], ['\u0003', 'ctrl+c'], ['\r', 'enter'],
			['\u007F', 'backspace'], ['q', 'q'], ['N', 'N'], ['?', '?'],
		];
		expect(await throughInk(cases.map(([bytes]) => bytes))).toEqual(cases.map(([, name]) => [name]));
	});

	it('gives every key of a read that holds several, escape sequences and text runs alike, in order', async () => {
		const keys = await throughInk(['\u001B[B\u001B[6~', 'g70\r', 'ab\u007F\u007F\u007Fc', '\u001B[A\u001B[25~x\u001BOPy']);
		expect(keys).toEqual([
			['down', 'pagedown'],
			['g', '7', '0', 'enter'],
			['a', 'b', 'backspace', 'backspace', 'backspace', 'c'],
			['up', 'x', 'y'],
		]);
	});

	it('gives Esc and the key when both come in one read: Esc 3, Esc Right, Esc Enter, Esc O', async () => {
		const keys = await throughInk(['\u001B3', '\u001B\u001B[C', '\u001B\r', '\u001BO']);
		expect(keys).toEqual([['escape', '3'], ['escape', 'right'], ['escape', 'enter'], ['escape', 'O']]);
	});

	it('drops terminal string sequences whole (DCS, OSC with ST or BEL, OSC 52, APC, PM, SOS), keeping the keys around them', async () => {
		const keys = await throughInk([
			'a\u001BP1$r\u001B\\b',
			'c\u001B]0;title\u0007d',
			'e\u001B]52;c;Zm9v\u001B\\f',
			'\u001B_apc\u001B\\\u001B^pm\u001B\\\u001BXsos\u001B\\g',
			'\u001B]\u0007h',
		]);
		expect(keys).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g'], ['h']]);
	});

	it('gives both keys of [[, ]], [] and 22 typed in one read, and still none of an unknown escape sequence', async () => {
		const keys = await throughInk(['[[', ']]', '[]', '22', '\u001B[25~', 'a\u001B[200~b']);
		expect(keys).toEqual([['[', '['], [']', ']'], ['[', ']'], ['2', '2'], [], ['a', 'b']]);
	});

	it('keeps ], ^, _ and Esc P typed on their own, and ends a string cut off at the end of its read', async () => {
		const keys = await throughInk([']', '^', '_', '\u001BP', '\u001B]0;cut off', 'x\\y']);
		expect(keys).toEqual([[']'], ['^'], ['_'], ['escape', 'P'], [], ['x', '\\', 'y']]);
	});
});

describe('mouse reports among the keys', () => {
	it('gives a whole SGR report as a mouse report, not as keys', () => {
		const reader = new KeyReader();
		expect(reader.read('[<0;3;4M', {})).toEqual([{kind: 'press', button: 0, x: 2, y: 3, shift: false, alt: false, ctrl: false}]);
		expect(reader.read('[<0;3;4m', {})).toMatchObject([{kind: 'release'}]);
		expect(reader.read('q', {})).toEqual(['q']);
	});

	it('joins a report cut by the end of a read with its rest, and keeps the keys typed after it', () => {
		const reader = new KeyReader();
		expect(reader.read('[<32;7;', {})).toEqual([]);
		expect(reader.read('4Mab', {})).toEqual([expect.objectContaining({kind: 'drag', x: 6, y: 3}), 'a', 'b']);
		// Cut twice.
		expect(reader.read('[<3', {})).toEqual([]);
		expect(reader.read('2;7', {})).toEqual([]);
		expect(reader.read(';5M', {})).toEqual([expect.objectContaining({kind: 'drag', x: 6, y: 4})]);
	});

	it('drops the start of a report that nothing finishes, never turning it into keys', () => {
		const reader = new KeyReader();
		expect(reader.read('[<32;7;', {})).toEqual([]);
		expect(reader.read('', {upArrow: true})).toEqual(['up']);
		// Without read, as before, a whole report is an escape remnant: no keys.
		expect(new KeyReader().push('[<0;3;4M', {})).toEqual([]);
	});

	it('reads mouse reports as Ink hands them over, several in one write', async () => {
		const reports: unknown[] = [];
		const reader = new KeyReader();
		function Recorder() {
			useInput((input, key) => {
				reports.push(...reader.read(input, key));
			});
			return createElement(Text, null, 'mouse');
		}

		const app = render(createElement(Recorder));
		await waitFor(() => {
			if (reports.length === 0) {
				app.stdin.write('x');
			}

			return reports.length > 0;
		}, 'Ink to listen to stdin');
		reports.length = 0;
		app.stdin.write('\u001B[<0;10;5M\u001B[<32;10;6M\u001B[<32;10;7M\u001B[<0;10;7m');
		await waitFor(() => reports.length >= 4, 'four reports');
		expect(reports.map(r => (typeof r === 'string' ? r : `${(r as {kind: string}).kind} ${(r as {y: number}).y}`))).toEqual(['press 4', 'drag 5', 'drag 6', 'release 6']);
		app.unmount();
	});
});
