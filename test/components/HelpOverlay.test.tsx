import chalk from 'chalk';
import {renderToString} from 'ink';
import {describe, expect, it, onTestFinished} from 'vitest';
import {helpEntries, helpLines, keyOf} from '../../src/app/key-map.js';
import {sidePaneColumns} from '../../src/app/layout.js';
import {setThemeColours} from '../../src/app/theme.js';
import {HelpOverlay, helpPlan, helpSections, wrapWords} from '../../src/components/HelpOverlay.js';
import {plain} from './fixtures.js';

const sizes = [[80, 24], [120, 40], [200, 60]] as const;

/** The overlay in the room the app gives it: the terminal less its last column and row. */
function draw(columns: number, rows: number): string[] {
	return plain(renderToString(<HelpOverlay columns={columns - 1} rows={rows - 1}/>, {columns})).split('\n');
}

/** The panel's top and bottom rows and the column of its left border. */
function panelOf(lines: readonly string[]): {top: number; bottom: number; left: number} {
	const top = lines.findIndex(line => line.includes('╭'));
	const bottom = lines.findIndex(line => line.includes('╰'));
	return {top, bottom, left: lines[top].indexOf('╭')};
}

describe('HelpOverlay', () => {
	it.each(sizes)('shows every key of the key map with its help, under the heading of where it works, at %ix%i', (columns, rows) => {
		const text = draw(columns, rows).join('\n');
		for (const section of helpSections()) {
			expect(text).toContain(section.heading);
			for (const line of section.lines) {
				expect(text, `${section.heading}: ${line.help}`).toMatch(new RegExp(`${escape(line.label)} +${escape(line.help)}`));
			}
		}
	});

	it('loses no key when a section says it is as in another', () => {
		const sections = helpSections();
		expect(sections.map(section => section.scope).toSorted()).toEqual([...new Set(helpEntries.map(entry => entry.scope))].toSorted());
		for (const entry of helpEntries) {
			const labels = sections.find(section => section.scope === entry.scope)!.lines.flatMap(line => line.label.split(' '));
			expect(labels, `${entry.command} in ${entry.scope}`).toEqual(expect.arrayContaining(entry.label.split(' ')));
		}

		// The generalized images' u and d work as in the weights tab.
		const maps = sections.find(section => section.scope === 'generalized images')!;
		expect(maps.lines).toEqual([{label: `${keyOf('toggleUntrained')} ${keyOf('toggleChange')}`, help: 'as in weights'}]);
	});

	it.each(sizes)('lines up the help of each column after the column\'s widest key at %ix%i', (columns, rows) => {
		const lines = draw(columns, rows);
		const plan = helpPlan(columns - 1, rows - 1);
		for (const column of plan.columns) {
			const starts = new Set<number>();
			for (const line of column.sections.flatMap(section => section.lines)) {
				const row = lines.find(text => text.includes(`${line.label}${' '.repeat(column.keyWidth - [...line.label].length + 2)}${line.help}`));
				expect(row, line.help).toBeDefined();
				// Cells before the help (every character here is one cell wide).
				starts.add([...row!.slice(0, row!.indexOf(`  ${line.help}`) + 2)].length);
			}

			expect(starts.size, column.sections[0].heading).toBe(1);
		}
	});

	it.each(sizes)('is a panel centred in the screen, as large as what it holds, at %ix%i', (columns, rows) => {
		const lines = draw(columns, rows);
		expect(lines.length).toBeLessThanOrEqual(rows - 1);
		for (const line of lines) {
			expect([...line].length).toBeLessThanOrEqual(columns - 1);
		}

		const panel = panelOf(lines);
		const plan = helpPlan(columns - 1, rows - 1);
		expect(panel.bottom - panel.top + 1).toBe(plan.height);
		expect([...lines[panel.top].trim()]).toHaveLength(plan.width);
		// Centred: the margins above and below, and left and right, differ by a cell at most.
		expect(Math.abs(panel.top - (rows - 1 - 1 - panel.bottom))).toBeLessThanOrEqual(1);
		expect(Math.abs(panel.left - (columns - 1 - plan.width - panel.left))).toBeLessThanOrEqual(1);
		// No blank row inside the panel above its bottom border, and some text reaches its right padding.
		const inside = lines.slice(panel.top + 1, panel.bottom).map(line => [...line].slice(panel.left + 2, panel.left + plan.width - 2).join(''));
		expect(inside.at(-1)?.trim()).not.toBe('');
		expect(inside.some(line => !line.endsWith(' '))).toBe(true);
	});

	it('uses two columns with blank rows between sections where there is room, and none at 80x24', () => {
		expect(helpPlan(79, 23)).toMatchObject({sectionGap: 0});
		expect(helpPlan(79, 23).columns).toHaveLength(2);
		expect(helpPlan(119, 39)).toMatchObject({sectionGap: 1, columnGap: 3});
		expect(helpPlan(119, 39).columns).toHaveLength(2);
		// Short and wide: more columns.
		expect(helpPlan(199, 15).columns.length).toBeGreaterThan(2);
		expect(helpPlan(199, 15).height).toBeLessThanOrEqual(15);
	});

	it('says in its border how to close it', () => {
		for (const [columns, rows] of sizes) {
			const lines = draw(columns, rows);
			expect(lines[panelOf(lines).top]).toContain(`${keyOf('back')} or ${keyOf('help')} closes this help`);
		}
	});

	it(`says that below ${sidePaneColumns} columns p shows the training dashboard in the tab's place`, () => {
		for (const [columns, rows] of sizes) {
			const words = draw(columns, rows).join(' ').replaceAll(/[│\s]+/g, ' ');
			expect(words).toContain(`${keyOf('togglePane')} below ${sidePaneColumns} columns: in the tab's place`);
		}
	});

	it('marks the headings in bold, so that they stand out without colour too', () => {
		const level = chalk.level;
		chalk.level = 1;
		setThemeColours(false);
		onTestFinished(() => {
			chalk.level = level;
			setThemeColours(true);
		});
		const out = renderToString(<HelpOverlay columns={119} rows={39}/>, {columns: 120});
		for (const section of helpSections()) {
			expect(out).toContain(`\u001B[1m${section.heading}\u001B[22m`);
		}
	});

	it('lists Enter and Esc of the confusion tab under its heading, and Enter in no other tab', () => {
		expect(helpLines('confusion').map(line => line.label)).toEqual([keyOf('select'), keyOf('back')]);
		expect(helpLines('in a tab').map(line => line.label)).not.toContain(keyOf('select'));
	});
});

describe('wrapWords', () => {
	it('breaks between words only, each line within the width', () => {
		expect(wrapWords('Below 160 columns p shows the dashboard in the tab\'s place.', 30)).toEqual(['Below 160 columns p shows the', 'dashboard in the tab\'s place.']);
		expect(wrapWords('a verylongword b', 4)).toEqual(['a', 'verylongword', 'b']);
	});
});

function escape(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\/-]/g, String.raw`\$&`);
}
