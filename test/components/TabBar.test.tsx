import chalk from 'chalk';
import {renderToString} from 'ink';
import {beforeAll, describe, expect, it} from 'vitest';
import {setThemeColours} from '../../src/app/theme.js';
import {TabBar} from '../../src/components/TabBar.js';
import {plain} from './fixtures.js';

const inverse = '\u001B[7m';
const underline = '\u001B[4m';

beforeAll(() => {
	chalk.level = 3;
});

describe('TabBar', () => {
	it('shows the three tabs with their number keys', () => {
		const out = plain(renderToString(<TabBar active='examples' focused/>, {columns: 80}));
		expect(out).toMatch(/ 1 Examples +2 Weights +3 Generalized images/);
	});

	it('inverts the active tab while the tab bar has the focus', () => {
		const out = renderToString(<TabBar active='weights' focused/>, {columns: 80});
		expect(out.split(inverse)).toHaveLength(2);
		expect(plain(out.split(inverse)[1]).startsWith(' 2 Weights')).toBe(true);
		expect(out).not.toContain(underline);
	});

	it('underlines the active tab instead while a tab has the focus', () => {
		const out = renderToString(<TabBar active='maps' focused={false}/>, {columns: 80});
		expect(out).not.toContain(inverse);
		expect(out.split(underline)).toHaveLength(2);
		expect(plain(out.split(underline)[1]).startsWith(' 3 Generalized images')).toBe(true);
	});

	it('does not mark the tab as shown while the training dashboard has its place, only underlines it, and no wider', () => {
		const out = renderToString(<TabBar active='maps' focused dashboard/>, {columns: 120});
		expect(out).not.toContain(inverse);
		expect(out).not.toContain('\u001B[1m');
		expect(out.split(underline)).toHaveLength(2);
		expect(plain(out.split(underline)[1]).startsWith(' 3 Generalized images')).toBe(true);
		expect(plain(out)).toBe(plain(renderToString(<TabBar active='maps' focused/>, {columns: 120})));
	});

	it('marks the active tab with no colour at all when the theme has none (NO_COLOR)', () => {
		setThemeColours(false);
		try {
			chalk.level = 1;
			const out = renderToString(<TabBar active='weights' focused/>, {columns: 80});
			expect(out).toContain(inverse);
			expect(out).not.toMatch(/\u001B\[(3\d|9\d|38;)/);
		} finally {
			setThemeColours(true);
			chalk.level = 3;
		}
	});
});
