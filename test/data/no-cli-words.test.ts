/** The data layer raises typed errors; only the CLI words them with flag and variable names. */
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';

const dataDir = join(import.meta.dirname, '..', '..', 'src', 'data');

/** The text of every string and template literal in a source file (comments left out). */
function stringLiterals(source: string): string[] {
	const withoutComments = source.replaceAll(/\/\*[\s\S]*?\*\//g, '').replaceAll(/^\s*\/\/.*$/gm, '');
	return [...withoutComments.matchAll(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g)].map(match => match[0]);
}

describe('src/data messages', () => {
	it('name no command-line flag (--data, --dataset) and no environment variable in any string', () => {
		const found: string[] = [];
		for (const file of readdirSync(dataDir).filter(name => name.endsWith('.ts'))) {
			for (const literal of stringLiterals(readFileSync(join(dataDir, file), 'utf8'))) {
				// The one place the data layer reads its environment variable is a lookup, not a message.
				if (/--data|NNVIZ_DATA/.test(literal) && literal !== '\'NNVIZ_DATA\'') {
					found.push(`${file}: ${literal}`);
				}
			}
		}

		expect(found).toEqual([]);
	});
});
