import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const source = fileURLToPath(new URL('../src/', import.meta.url));

describe.each(['nn', 'data', 'model', 'training', 'render'])('src/%s', folder => {
	it('imports neither react, ink, the app nor the components', () => {
		const files = readdirSync(source + folder).filter(name => /\.tsx?$/.test(name));
		expect(files.length).toBeGreaterThan(0);
		for (const name of files) {
			const text = readFileSync(`${source}${folder}/${name}`, 'utf8');
			const specifiers = [...text.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'/g)].map(match => match[1] ?? match[2]);
			for (const specifier of specifiers) {
				expect(specifier, `${folder}/${name} imports ${specifier}`).not.toMatch(/^(react|ink|chalk)(\/|$)|^ink-|(^|\/)(app|components|commands|cli)(\/|$)/);
			}
		}
	});
});
