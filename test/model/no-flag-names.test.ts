import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const folder = fileURLToPath(new URL('../../src/model/', import.meta.url));

describe('src/model', () => {
	it('names no command-line flag in its messages: it raises typed errors and the command line words them', () => {
		for (const name of readdirSync(folder).filter(file => file.endsWith('.ts'))) {
			const text = readFileSync(folder + name, 'utf8');
			const flags = [...text.matchAll(/['"`][^'"`\n]*?(--[a-z][a-z-]+)/g)].map(match => match[1]);
			expect(flags, `src/model/${name}`).toEqual([]);
		}
	});
});
