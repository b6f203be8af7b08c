/**
 * The one-time install the README documents: the package as `npm pack` makes it, installed with
 * `npm install --global` into a temporary prefix, then run from there as a user would, by name on
 * PATH, from a folder outside the clone: --version, and one epoch of training on the embedded digits.
 * The dependencies come from npm's cache (filled by `npm ci`), or from the registry.
 */
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const execFileAsync = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string};

type Packed = {filename: string; files: Array<{path: string}>};

describe('nnviz-tui packed and installed globally', {timeout: 30_000}, () => {
	let dir = '';
	let files: string[] = [];
	let env: NodeJS.ProcessEnv = {};

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'nnviz-install-'));
		// dist/ is built already (npm test builds first): --ignore-scripts keeps pack from building it again.
		const {stdout} = await execFileAsync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {cwd: root, encoding: 'utf8'});
		const [packed] = JSON.parse(stdout) as Packed[];
		files = packed.files.map(file => file.path);
		const prefix = join(dir, 'prefix');
		await execFileAsync('npm', ['install', '--global', '--prefix', prefix, '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', join(dir, packed.filename)], {cwd: dir});
		env = {...process.env, PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`};
		delete env.NNVIZ_DATA; // the embedded digits, as on a fresh machine
	}, 180_000);

	afterAll(() => {
		if (dir !== '') {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('packs the built program with the embedded digits cache, and no tests, sources or source maps', () => {
		expect(files).toContain('dist/cli.js');
		expect(files).toContain('dist/data/embedded-mnist.bin');
		expect(files.filter(path => path.endsWith('.map') || /^(test|src|bench|\.ci)\//.test(path))).toEqual([]);
	});

	it('puts nnviz-tui on PATH: --version prints the package version', async () => {
		const {stdout} = await execFileAsync('nnviz-tui', ['--version'], {cwd: dir, env, encoding: 'utf8'});
		expect(stdout.trim()).toBe(version);
	});

	it('trains one epoch of a small network on the embedded digits, from a folder outside the clone', async () => {
		const {stdout} = await execFileAsync('nnviz-tui', ['train', '--layers', '784,10,10', '--epochs', '1', '--json'], {cwd: dir, env, encoding: 'utf8'});
		const lines = stdout.trim().split('\n').map(line => JSON.parse(line) as {epoch: number; testAccuracy: number});
		expect(lines).toHaveLength(1);
		expect(lines[0].epoch).toBe(1);
		expect(lines[0].testAccuracy).toBeGreaterThan(0.5);
	});
});
