import {Box, renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {bindings, helpLines, type KeyScope} from '../../src/app/key-map.js';
import {HelpOverlay} from '../../src/components/HelpOverlay.js';
import {plain} from './fixtures.js';

/** The overlay in the room the app gives it in an 80x24 terminal: one column and one row less. */
function draw(): string[] {
	return plain(renderToString(<Box width={79} height={23}><HelpOverlay/></Box>, {columns: 80})).split('\n');
}

describe('HelpOverlay', () => {
	it('lists every binding of the key map with its keys and help text', () => {
		const text = draw().join('\n');
		for (const binding of bindings) {
			const line = helpLines(binding.scope).find(l => l.help === binding.help)!;
			expect(line.label.split(' '), `${binding.command} in ${binding.scope}`).toEqual(expect.arrayContaining(binding.label.split(' ')));
			expect(text, `${binding.command} in ${binding.scope}`).toContain(`${line.label.padEnd(Math.max(10, line.label.length + 1))}${binding.help}`);
		}
	});

	it('lists each line of help once in its scope, under the scope heading, prompts included', () => {
		const lines = draw();
		const scopes = [...new Set<KeyScope>(bindings.map(b => b.scope))];
		expect(scopes).toContain('in a prompt');
		for (const scope of scopes) {
			// The scopes are in two columns: find the heading's column, and read down it.
			const row = lines.findIndex(line => new RegExp(`│ (?:.{38})?${scope} *(?:│|  )`).test(line));
			expect(row, scope).toBeGreaterThan(0);
			const column = lines[row].indexOf(scope);
			for (const [k, line] of helpLines(scope).entries()) {
				expect(lines[row + 1 + k].slice(column), `${scope}: ${line.help}`).toMatch(new RegExp(`^${escape(line.label)} +${escape(line.help)}`));
			}
		}
	});

	it('fits in an 80x24 terminal', () => {
		const lines = draw();
		expect(lines.length).toBeLessThanOrEqual(23);
		expect(lines[0].startsWith('╭')).toBe(true);
		expect(lines.at(-1)?.startsWith('╰')).toBe(true);
		for (const line of lines) {
			expect([...line].length).toBeLessThanOrEqual(79);
		}
	});

	it('says how to close it', () => {
		expect(draw()[1]).toContain('Esc or ? closes this help');
	});
});

function escape(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\/-]/g, String.raw`\$&`);
}
