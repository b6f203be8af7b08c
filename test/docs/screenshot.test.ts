import {describe, expect, it} from 'vitest';
import {parseScreen, theme} from '../../docs/screenshot-cells.mjs';
import {screenHtml} from '../../docs/screenshot.mjs';

const esc = '\u001B[';

describe('screenHtml', () => {
	it('gives every row exactly its columns of the grid, whatever the glyphs', () => {
		const rows = ['ab   ⣿⣿漢 ▀▀', `${esc}41m    ${esc}0m  x─╮ ●`, '✓ ✗ … ← →'];
		const columns = 12;
		const html = screenHtml(parseScreen(rows.join('\n'), columns, rows.length));
		expect(html).toContain(`grid-template-columns:repeat(${columns},9px)`);
		const body = html.slice(html.indexOf('<div id="screen">'));
		const cells = [...body.matchAll(/<div class="s\d+"(?: style="grid-column:span (\d+)")?>/g)];
		const spans = cells.reduce((sum, match) => sum + Number(match[1] ?? 1), 0);
		expect(spans).toBe(columns * rows.length);
	});

	it('merges a run of blanks of one background into one box and keeps a different background apart', () => {
		const html = screenHtml(parseScreen(`   ${esc}44m  ${esc}0m`, 5, 1));
		expect(html).toContain('style="grid-column:span 3"');
		expect(html).toContain('style="grid-column:span 2"');
		expect(html).toContain(`background:${theme.ansi[4]}`);
	});
});
