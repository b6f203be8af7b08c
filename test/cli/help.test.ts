import meow from 'meow';
import {describe, expect, it} from 'vitest';
import {keyMap, keysLabel, type Command} from '../../src/app/key-map.js';
import {sidePaneColumns} from '../../src/app/layout.js';
import {helpDescription, helpText} from '../../src/cli/help.js';

/** The help as `nnviz-tui --help` prints it: meow's indentation, with the description above. */
function printed(): string[] {
	const cli = meow(helpText, {importMeta: import.meta, argv: [], description: helpDescription, autoHelp: false, autoVersion: false});
	return cli.help.split('\n');
}

/** The keys section of the help. */
function keysSection(): string {
	const lines = printed();
	const start = lines.findIndex(line => line.trim().startsWith('Keys in the terminal UI'));
	const end = lines.findIndex((line, i) => i > start && line.trim() === '');
	return lines.slice(start, end).join('\n');
}

describe('--help', () => {
	it('fits 79 columns: no line of it, the description included, is wider, even counted in bytes as awk does', () => {
		const lines = printed();
		expect(lines.length).toBeGreaterThan(80);
		expect(lines.filter(line => Buffer.byteLength(line) > 79)).toEqual([]);
		expect(lines.some(line => line.includes('←'))).toBe(true);
		expect(lines.slice(0, 4).join(' ')).toContain('Train image-classifier neural networks');
	});

	it('names every key of the terminal UI as the key map spells it', () => {
		const section = keysSection();
		const words = new Set(section.split(/[\s,;:()]+/));
		for (const command of Object.keys(keyMap) as Command[]) {
			for (const label of keysLabel(command).split(' ')) {
				// The arrows are named as 'arrows' (and the tab bar's ← →).
				if (!['↑', '↓'].includes(label) || command === 'enter') {
					expect(words.has(label) || section.includes(` ${label} `), `${command}: ${label}`).toBe(true);
				}
			}
		}
	});

	it('says what the keys do that --help used to leave out: p, the confusion tab\'s Enter and Esc, n and N, g, a and the timeline', () => {
		const section = keysSection().replaceAll(/\s+/g, ' ');
		expect(section).toContain(`from ${sidePaneColumns} columns it is beside the tab and p hides it; below, p shows it in the tab's place`);
		expect(section).toContain('confusion: Enter on a cell lists its test images, Enter on one opens it in the examples tab, Esc goes back to the matrix');
		expect(section).toContain('n N g examples: next / previous misclassified; g goes to an example by its index');
		expect(section).toContain('a switches between a colour scale per tile and one shared');
		expect(section).toContain('[ ] { } every tab: [ ] the saved epoch before / after, { the untrained network, } live');
		expect(section).toContain('t starts/pauses training');
		expect(section).toContain('q or Ctrl-C quits');
	});

	it('lines up the text of two-column entries', () => {
		const entries = printed().map(line => /^( {4}--[a-z]+(?: [A-Z]+)? {2,})\S/.exec(line)).filter(match => match !== null);
		expect(entries.length).toBeGreaterThan(20);
		expect(new Set(entries.map(match => match[1].length))).toEqual(new Set([23]));
	});
});
