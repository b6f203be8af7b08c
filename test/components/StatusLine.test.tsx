import {renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {StatusLine} from '../../src/components/StatusLine.js';

describe('StatusLine', () => {
	it('shows the keys from here and the latest message', () => {
		const out = renderToString(<StatusLine focus='tabs' message='saved epoch 3 to m.safetensors' width={120}/>, {columns: 120});
		expect(out).toContain('←/→ tabs');
		expect(out).toContain('saved epoch 3 to m.safetensors');
	});

	it('shows the save prompt, with what has been typed, in place of the keys', () => {
		const out = renderToString(<StatusLine focus='tabs' message='old news' savePrompt='runs/m.safetensors' width={120}/>, {columns: 120});
		expect(out).toContain('save to: runs/m.safetensors▏  Enter saves, Esc cancels');
		expect(out).not.toContain('←/→ tabs');
		expect(out).not.toContain('old news');
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

