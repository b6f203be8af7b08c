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
});
