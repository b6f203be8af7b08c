import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const renderDirectory = fileURLToPath(new URL('../../src/render/', import.meta.url));

describe('src/render', () => {
	it('imports neither react, ink, the app nor the components', () => {
		const files = readdirSync(renderDirectory).filter(name => name.endsWith('.ts'));
		expect(files.length).toBeGreaterThan(0);
		for (const name of files) {
			const source = readFileSync(renderDirectory + name, 'utf8');
			const specifiers = [...source.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'/g)].map(match => match[1] ?? match[2]);
			for (const specifier of specifiers) {
				expect(specifier, `${name} imports ${specifier}`).not.toMatch(/^(react|ink)(\/|$)|^ink-|\/(app|components)\//);
			}
		}
	});
});
