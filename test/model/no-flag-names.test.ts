import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

describe.each(['model', 'training'])('src/%s', folder => {
	it('names no command-line flag in its messages: it raises typed errors and the command line words them', () => {
		const path = fileURLToPath(new URL(`../../src/${folder}/`, import.meta.url));
		const files = readdirSync(path).filter(file => file.endsWith('.ts'));
		expect(files.length).toBeGreaterThan(0);
		for (const name of files) {
			const text = readFileSync(path + name, 'utf8');
			const flags = [...text.matchAll(/['"`][^'"`\n]*?(--[a-z][a-z-]+)/g)].map(match => match[1]);
			expect(flags, `src/${folder}/${name}`).toEqual([]);
		}
	});
});
