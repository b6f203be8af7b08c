import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';

const commands = join(import.meta.dirname, '..', '..', 'src', 'commands');

describe('src/commands', () => {
	it('never imports the command line (src/cli): the command types live in src/commands', () => {
		const files = readdirSync(commands).filter(name => /\.tsx?$/.test(name));
		expect(files).toContain('command-types.ts');
		for (const name of files) {
			const text = readFileSync(join(commands, name), 'utf8');
			expect(text, name).not.toMatch(/from '\.\.\/cli(?:\/|\.js')/);
		}
	});
});
