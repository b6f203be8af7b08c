import chalk from 'chalk';
import {renderToString} from 'ink';
import {describe, expect, it, onTestFinished} from 'vitest';
import {StatusLine, statusHint} from '../../src/components/StatusLine.js';
import {plain} from './fixtures.js';

describe('StatusLine', () => {
	it('shows the keys from here and the latest message', () => {
		const out = renderToString(<StatusLine focus='tabs' message='saved epoch 3 to m.safetensors' width={120}/>, {columns: 120});
		expect(out).toContain('←/→ tabs');
		expect(out).toContain('saved epoch 3 to m.safetensors');
	});

	it('shows a message holding a path with control and bidi characters escaped, never raw', () => {
		const out = renderToString(<StatusLine focus='tabs' message={'saved epoch 1 to x\u001B[31mred\u202Etxt.st'} width={120}/>, {columns: 120});
		expect(out).not.toContain('\u001B[31m');
		expect(out).not.toContain('\u202E');
		expect(out).toContain('saved epoch 1 to x');
	});

	it('shows the save prompt, with what has been typed, in place of the keys', () => {
		const out = renderToString(<StatusLine focus='tabs' message='old news' savePrompt={{text: 'runs/m.safetensors', selected: false}} width={120}/>, {columns: 120});
		expect(out).toContain('save to: runs/m.safetensors▏  Enter saves, Esc cancels');
		expect(out).not.toContain('←/→ tabs');
		expect(out).not.toContain('old news');
	});

	it('shows a suggested name selected (inverse), so that typing is seen to replace it', () => {
		const level = chalk.level;
		chalk.level = 3;
		onTestFinished(() => {
			chalk.level = level;
		});
		const inverse = (selected: boolean): string => renderToString(<StatusLine focus='tabs' message={undefined} savePrompt={{text: 'm.safetensors', selected}} width={120}/>, {columns: 120});
		expect(inverse(true)).toContain('\u001B[7mm.safetensors\u001B[27m');
		expect(inverse(false)).not.toContain('\u001B[7m');
	});

	it('names the keys of the key map from the tab bar and from inside a tab', () => {
		expect(statusHint({focus: 'tabs', tab: 'examples'})).toBe('←/→ tabs · ↓ into the tab · [ ] epochs · p dashboard · t train · s save · ? help · q quit');
		expect(statusHint({focus: 'content', tab: 'examples'})).toBe('arrows move · n/N misclassified · g go to · Esc tab bar · [ ] epochs · p dashboard · t train · s save · ? help · q quit');
	});

	it('names the keys of the tab in use: u, d and a in the weights tab, u and d in the generalized images', () => {
		expect(statusHint({focus: 'content', tab: 'weights'})).toMatch(/^arrows move · u untrained · d change · a scale · Esc tab bar · /);
		expect(statusHint({focus: 'content', tab: 'maps'})).toMatch(/^arrows move · u untrained · d change · Esc tab bar · /);
	});

	it('says on the confusion tab that Enter lists the cell, and with the list open that Enter opens and Esc goes back to the matrix', () => {
		expect(statusHint({focus: 'content', tab: 'confusion'})).toMatch(/^arrows move · Enter lists the cell · Esc tab bar · /);
		const open = statusHint({focus: 'content', tab: 'confusion', listOpen: true});
		expect(open).toMatch(/^Enter opens · Esc back to the matrix · /);
		expect(open).not.toContain('tab bar');
		// The list is the confusion tab's: elsewhere an open list (left behind) changes nothing.
		expect(statusHint({focus: 'content', tab: 'weights', listOpen: true})).toBe(statusHint({focus: 'content', tab: 'weights'}));
	});

	it('says that p brings the tab back while the dashboard is in its place, and names no keys of the hidden tab', () => {
		const hint = statusHint({focus: 'content', tab: 'confusion', dashboard: true});
		expect(hint).toBe('p back to the tab · [ ] epochs · t train · s save · ? help · q quit');
	});

	it('drops hints whole when the room is short, the place\'s own keys, help and quit last, and keeps their order', () => {
		for (const place of [{focus: 'tabs'}, {focus: 'content', tab: 'examples'}, {focus: 'content', tab: 'confusion', listOpen: true}, {focus: 'content', tab: 'weights', dashboard: true}] as const) {
			const full = statusHint(place).split(' · ');
			for (const room of [79, 60, 40, 20]) {
				const hint = statusHint(place, room);
				const parts = hint.split(' · ');
				expect(full, `${room}: ${hint}`).toEqual(expect.arrayContaining(parts));
				expect(parts.map(part => full.indexOf(part)), hint).toEqual(parts.map(part => full.indexOf(part)).toSorted((a, b) => a - b));
				expect(hint.endsWith('? help · q quit'), hint).toBe(true);
				if (hint.length > room) {
					// Only what always shows is left.
					expect(parts.length, hint).toBeLessThanOrEqual(3);
				}
			}

			expect(statusHint(place, 79).length).toBeLessThanOrEqual(79);
		}

		expect(statusHint({focus: 'content', tab: 'confusion', listOpen: true}, 60)).toBe('Enter opens · Esc back to the matrix · ? help · q quit');
		expect(statusHint({focus: 'tabs'}, 45)).toBe('←/→ tabs · ↓ into the tab · ? help · q quit');
	});

	it('names [ ] and p on an 80-column screen in every tab, where p is the way to the dashboard\'s charts', () => {
		for (const tab of ['examples', 'weights', 'maps', 'confusion'] as const) {
			for (const focus of ['tabs', 'content'] as const) {
				const hint = statusHint({focus, tab}, 79);
				expect(hint, `${focus} ${tab}`).toContain('[ ] epochs');
				expect(hint, `${focus} ${tab}`).toContain('p dashboard');
			}
		}
	});

	it('gives the hints the room the message leaves, so a hint is never cut in the middle', () => {
		const out = plain(renderToString(<StatusLine focus='content' tab='confusion' listOpen message='saved epoch 15 to /tmp/demo.safetensors' width={79}/>, {columns: 80}));
		expect(out).toBe('saved epoch 15 to /tmp/demo.safetensors  Enter opens · ? help · q quit');
	});

	it('puts the message first and keeps its start and end when it is long, the keys in what room is left', () => {
		const message = `not saved: ${'/very/long/folder'.repeat(6)}/m.safetensors: cannot write: no such folder`;
		const out = renderToString(<StatusLine focus='tabs' message={message} width={80}/>, {columns: 80});
		expect(out.startsWith('not saved: /very')).toBe(true);
		expect(out).toContain('…');
		expect(out.trimEnd().endsWith('no such folder')).toBe(true);
		const short = renderToString(<StatusLine focus='tabs' message='saved epoch 3' width={80}/>, {columns: 80});
		expect(short).toMatch(/^saved epoch 3 {2}←\/→ tabs/);
	});
});

