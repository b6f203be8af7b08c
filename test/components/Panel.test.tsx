import {Text, renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {Panel, topBorder} from '../../src/components/Panel.js';
import {plain} from './fixtures.js';

function joined(parts: ReturnType<typeof topBorder>): string {
	return parts.left + parts.title + parts.middle + parts.note + parts.right;
}

describe('Panel', () => {
	it('draws the title and the note in the top border, exactly as wide as the panel', () => {
		for (const width of [10, 20, 33, 80]) {
			const line = joined(topBorder('Weights · trained', 'page 1/2', width));
			expect([...line]).toHaveLength(width);
			expect(line.startsWith('╭─')).toBe(true);
			expect(line.endsWith('─╮')).toBe(true);
		}

		expect(joined(topBorder('Weights', 'page 1/2', 40))).toBe(`╭─ Weights ${'─'.repeat(17)} page 1/2 ─╮`);
	});

	it('cuts a long title with an ellipsis and drops the note first', () => {
		const line = joined(topBorder('a very long title that does not fit', 'note', 20));
		expect(line).toContain('…');
		expect(line).not.toContain('note');
		expect([...line]).toHaveLength(20);
	});

	it('frames its content with a round border on every side', () => {
		const out = plain(renderToString(<Panel title='Detail' width={16} height={4}><Text>inside</Text></Panel>, {columns: 40}));
		const lines = out.split('\n');
		expect(lines[0]).toBe('╭─ Detail ─────╮');
		expect(lines[1]).toBe('│inside        │');
		expect(lines[3]).toBe('╰──────────────╯');
		expect(lines).toHaveLength(4);
	});
});
