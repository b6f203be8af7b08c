import {renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {TooSmall, tooSmallLines} from '../../src/components/TooSmall.js';
import {plain} from './fixtures.js';

describe('the too-small message', () => {
	it('says in one line what the app needs, the size now and how to quit, when the line fits', () => {
		expect(tooSmallLines({columns: 70, rows: 20})).toEqual(['nnviz-tui needs 80x24 or more (now 70x20); q quits']);
		expect(tooSmallLines({columns: 60, rows: 20})).toEqual(['nnviz-tui needs 80x24 or more (now 60x20); q quits']);
	});

	it('breaks between phrases, never inside one, when the line is too long (40x12)', () => {
		expect(tooSmallLines({columns: 40, rows: 12})).toEqual(['nnviz-tui needs 80x24 or more', '(now 40x12); q quits']);
	});

	it('says it shorter on a very small screen, within its width and height', () => {
		expect(tooSmallLines({columns: 25, rows: 10})).toEqual(['needs 80x24 (now 25x10)', 'q quits']);
		expect(tooSmallLines({columns: 20, rows: 3})).toEqual(['needs 80x24', '(now 20x3); q quits']);
		expect(tooSmallLines({columns: 20, rows: 2})).toEqual(['80x24+; q quits']);
		for (const columns of [10, 15, 20, 30, 45, 52, 79]) {
			for (const rows of [3, 5, 12, 23]) {
				const lines = tooSmallLines({columns, rows});
				for (const line of lines) {
					expect(line.length, `${columns}x${rows}: ${line}`).toBeLessThanOrEqual(columns - 1);
				}

				expect(lines.length, `${columns}x${rows}`).toBeLessThanOrEqual(rows - 1);
				// Every line starts at a phrase: no line starts inside '(now …)' or 'or more'.
				expect(lines.join('\n'), `${columns}x${rows}`).not.toMatch(/\n(?:\d|x|or |more|quits|\))/);
			}
		}
	});

	it('draws the lines it says, each whole', () => {
		const out = plain(renderToString(<TooSmall size={{columns: 40, rows: 12}}/>, {columns: 40}));
		expect(out.split('\n')).toEqual(['nnviz-tui needs 80x24 or more', '(now 40x12); q quits']);
	});
});
