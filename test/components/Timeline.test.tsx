import {renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {scrubTrack, shownLabel, Timeline} from '../../src/components/Timeline.js';
import {plain} from './fixtures.js';

describe('Timeline', () => {
	it('names the epoch shown: live, a past epoch of the latest, or the untrained network', () => {
		expect(shownLabel('live', 30, false)).toBe('live · epoch 30');
		expect(shownLabel('live', 30, true)).toBe('live · epoch 31 under way');
		expect(shownLabel('live', 0, false)).toBe('live · epoch 0 (untrained)');
		expect(shownLabel(12, 30, false)).toBe('epoch 12 of 30');
		expect(shownLabel(0, 30, true)).toBe('epoch 0 (untrained)');
	});

	it('puts the dot where the epoch shown lies between untrained (left) and latest (right)', () => {
		const dotAt = (shown: number | 'live', latest: number, width: number): number => {
			const t = scrubTrack(shown, latest, width);
			expect([...(t.before + t.dot + t.after)]).toHaveLength(width);
			return [...t.before].length;
		};

		expect(dotAt(0, 30, 31)).toBe(0);
		expect(dotAt(30, 30, 31)).toBe(30);
		expect(dotAt(15, 30, 31)).toBe(15);
		expect(dotAt('live', 30, 31)).toBe(30);
		expect(dotAt(1, 3, 31)).toBe(10);
		expect(dotAt('live', 0, 12)).toBe(11);
	});

	it('fills exactly its width, with the keys when there is room and without them when not', () => {
		for (const width of [79, 119, 199]) {
			const out = plain(renderToString(<Timeline shown={12} latest={30} underWay={false} width={width}/>, {columns: width + 5}));
			expect([...out]).toHaveLength(width);
			expect(out).toContain('epoch 12 of 30');
			expect(out).toContain('●');
		}

		expect(plain(renderToString(<Timeline shown='live' latest={30} underWay={false} width={119}/>, {columns: 130}))).toContain('[ ] step · { untrained · } live');
		expect(plain(renderToString(<Timeline shown='live' latest={30} underWay={false} width={60}/>, {columns: 80}))).not.toContain('step');
	});
});
