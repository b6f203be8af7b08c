import {spawnSync} from 'node:child_process';
import {
	existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync,
} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {readModelFile} from '../../src/model/model-file.js';
import {decodeSafetensors, encodeSafetensors} from '../../src/model/safetensors.js';
import {runCli, temporaryFolder} from './run-cli.js';

// A small network on the embedded digits keeps these tests fast.
const small = ['--layers', '784,16,10'];
let trained = '';

beforeAll(async () => {
	trained = join(temporaryFolder(), 'm.safetensors');
	const result = await runCli(['train', ...small, '--epochs', '1', '--save', trained]);
	expect(result.code).toBe(0);
});

/** A copy of the trained model file with its tensors or metadata changed. */
function hostileCopy(edit: (tensors: ReturnType<typeof decodeSafetensors>['tensors'], metadata: Record<string, string>) => void): string {
	const {tensors, metadata} = decodeSafetensors(readFileSync(trained), 'm');
	edit(tensors, metadata);
	const path = join(temporaryFolder(), 'hostile.safetensors');
	writeFileSync(path, encodeSafetensors(tensors, metadata));
	return path;
}

describe('hostile model files on the command line', () => {
	it.each(['info', 'eval'])('%s: JSON nested 5,000 deep is a one-line model-format error naming the file, exit 1 (not 70)', async command => {
		const path = hostileCopy((_, metadata) => {
			metadata.position = `${'['.repeat(5000)}${']'.repeat(5000)}`;
		});
		const {code, stderr} = await runCli([command, '--model', path]);
		expect(stderr).toBe(`nnviz-tui: ${path}: metadata "position": arrays and objects nest more than 2 deep (at character 2); a model file needs at most 2\n`);
		expect(code).toBe(1);
	});

	it('eval: a NaN weight is refused, naming the tensor, exit 1', async () => {
		const path = hostileCopy(tensors => {
			tensors.get('layers.1.bias')!.data[3] = Number.NaN;
		});
		const {code, stderr} = await runCli(['eval', '--model', path]);
		expect(stderr).toBe(`nnviz-tui: ${path}: tensor "layers.1.bias" holds NaN at index 3; weights must be finite numbers\n`);
		expect(code).toBe(1);
	});

	it('train --resume NaN weights stops before training an epoch', async () => {
		const path = hostileCopy(tensors => {
			tensors.get('layers.0.weight')!.data[0] = Number.POSITIVE_INFINITY;
		});
		const {code, stdout, stderr} = await runCli(['train', '--resume', path, '--epochs', '1']);
		expect(stderr).toBe(`nnviz-tui: ${path}: tensor "layers.0.weight" holds Infinity at index 0; weights must be finite numbers\n`);
		expect(stdout).toBe('');
		expect(code).toBe(1);
	});

	it('info: a class name with a right-to-left override is refused, shown escaped', async () => {
		const path = hostileCopy((_, metadata) => {
			metadata.dataset = metadata.dataset.replace('"7"', '"7\\u202e"');
		});
		const {code, stdout, stderr} = await runCli(['info', '--model', path]);
		expect(stderr).toBe(`nnviz-tui: ${path}: metadata "dataset": classNames[7] "7\\u202E" holds the control or direction character U+202E at 1, expected printable text\n`);
		expect(stdout).toBe('');
		expect(code).toBe(1);
	});
});

describe('saving through symbolic links', () => {
	it('train --resume LINK writes the new epoch through the link: the link stays a link and its target holds epoch 2', async () => {
		const dir = temporaryFolder();
		const target = join(dir, 'real.safetensors');
		writeFileSync(target, readFileSync(trained));
		const link = join(dir, 'link.safetensors');
		symlinkSync('real.safetensors', link);
		const {code} = await runCli(['train', '--resume', link, '--epochs', '1']);
		expect(code).toBe(0);
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
		expect(readlinkSync(link)).toBe('real.safetensors');
		expect(readModelFile(target).position.epoch).toBe(2);
		expect(readdirSync(dir).sort()).toEqual(['link.safetensors', 'real.safetensors']);
	});

	it('train --save DANGLING-LINK is refused before training, and the link is left as it was', async () => {
		const dir = temporaryFolder();
		const link = join(dir, 'link.safetensors');
		symlinkSync('nowhere/m.safetensors', link);
		const {code, stdout, stderr} = await runCli(['train', ...small, '--epochs', '1', '--save', link]);
		expect(stderr).toMatch(new RegExp(`nnviz-tui: --save ${link}: cannot write: it is a symbolic link to nowhere/m\\.safetensors, which does not exist; create the target or save to another name\\n$`));
		expect(stdout).toBe('');
		expect(code).toBe(1);
		expect(readlinkSync(link)).toBe('nowhere/m.safetensors');
		expect(readdirSync(dir)).toEqual(['link.safetensors']);
	});
});

describe('temporary files left by a save that was killed', () => {
	it('are removed by the next save to the same file, and others are kept', async () => {
		const dir = temporaryFolder();
		const file = join(dir, 'm.safetensors');
		writeFileSync(file, readFileSync(trained));
		const dead = spawnSync(process.execPath, ['-e', '']).pid!;
		const stale = join(dir, `.m.safetensors.${dead}.00112233aabb.tmp`);
		const otherFile = join(dir, `.n.safetensors.${dead}.00112233aabb.tmp`);
		writeFileSync(stale, 'half a model');
		writeFileSync(otherFile, 'half another model');
		const {code} = await runCli(['train', '--resume', file, '--epochs', '1']);
		expect(code).toBe(0);
		expect(existsSync(stale)).toBe(false);
		expect(existsSync(otherFile)).toBe(true);
	});
});
