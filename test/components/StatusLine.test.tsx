import chalk from 'chalk';
import {renderToString} from 'ink';
import {describe, expect, it, onTestFinished} from 'vitest';
import {StatusLine, statusHint} from '../../src/components/StatusLine.js';

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
		expect(statusHint('tabs')).toBe('←/→ tabs · ↓ into the tab · t train · s save · ? help · q quit');
		expect(statusHint('content')).toBe('arrows move · Esc tab bar · t train · s save · ? help · q quit');
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

