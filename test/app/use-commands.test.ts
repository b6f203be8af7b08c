import {describe, expect, it} from 'vitest';
import {savePathFrom, suggestedSaveName} from '../../src/app/use-commands.js';

describe('savePathFrom (the name typed after s)', () => {
	it('resolves a name against the working folder and ~ against the home folder', () => {
		expect(savePathFrom('m.safetensors', '/work/here', '/home/me')).toBe('/work/here/m.safetensors');
		expect(savePathFrom('  runs/m.safetensors ', '/work/here', '/home/me')).toBe('/work/here/runs/m.safetensors');
		expect(savePathFrom('/tmp/m.safetensors', '/work/here', '/home/me')).toBe('/tmp/m.safetensors');
		expect(savePathFrom('~/m.safetensors', '/work/here', '/home/me')).toBe('/home/me/m.safetensors');
		expect(savePathFrom('~x/m.safetensors', '/work/here', '/home/me')).toBe('/work/here/~x/m.safetensors');
	});

	it('gives nothing for an empty name', () => {
		expect(savePathFrom('', '/w', '/h')).toBeUndefined();
		expect(savePathFrom('   ', '/w', '/h')).toBeUndefined();
	});

	it('suggests a safetensors file', () => {
		expect(suggestedSaveName.endsWith('.safetensors')).toBe(true);
	});
});
