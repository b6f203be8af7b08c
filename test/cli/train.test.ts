import {execFile} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {readModelFile} from '../../src/model/model-file.js';
import {builtCli, runCli, spawnCli, temporaryFolder} from './run-cli.js';

// A small network on the embedded digits keeps these tests fast.
const small = ['--layers', '784,16,10'];

describe('nnviz-tui train', () => {
	it('prints one JSON object per epoch on stdout and human text on stderr with --json', async () => {
		const {code, stdout, stderr} = await runCli(['train', ...small, '--epochs', '2', '--json']);
		expect(code).toBe(0);
		const lines = stdout.trim().split('\n').map(line => JSON.parse(line) as Record<string, number>);
		expect(lines.map(l => l.epoch)).toEqual([1, 2]);
		for (const line of lines) {
			expect(Object.keys(line).sort()).toEqual(['epoch', 'kernels', 'seconds', 'testAccuracy', 'trainLoss', 'validationAccuracy']);
			// The fastest kernels that work here: the WebAssembly ones, which npm ci builds.
			expect(line.kernels).toBe('wasm');
			expect(line.seconds).toBeGreaterThan(0);
			expect(line.testAccuracy).toBeGreaterThan(0.5);
		}

		expect(lines[1].trainLoss).toBeLessThan(lines[0].trainLoss);
		expect(stderr).toContain('mnist-embedded');
	});

	it('trains on the kernels --kernels names, says which at the start, and gets nearly the same numbers on each', async () => {
		const run = async (kernels: string) => {
			const {code, stdout, stderr} = await runCli(['train', ...small, '--epochs', '1', '--json', '--kernels', kernels]);
			expect(code).toBe(0);
			return {record: JSON.parse(stdout) as {kernels: string; trainLoss: number}, stderr};
		};

		const js = await run('js');
		const wasm = await run('wasm');
		expect(js.record.kernels).toBe('js');
		expect(js.stderr).toContain('JavaScript kernels');
		expect(wasm.record.kernels).toBe('wasm');
		expect(wasm.stderr).toContain('WebAssembly SIMD kernels');
		expect(Math.abs(js.record.trainLoss - wasm.record.trainLoss)).toBeLessThan(1e-4 * js.record.trainLoss);
	});

	it('saves the untrained network, every epoch and the history', async () => {
		const dir = temporaryFolder();
		const file = join(dir, 'm.safetensors');
		const {code, stdout} = await runCli(['train', ...small, '--epochs', '2', '--save', file]);
		expect(code).toBe(0);
		expect(stdout).toMatch(/^epoch 1\/2 .*validation \d+\.\d\d%.*test \d+\.\d\d%$/m);
		const model = readModelFile(file);
		expect(model.position.epoch).toBe(2);
		expect(model.history.map(r => r.epoch)).toEqual([1, 2]);
		expect(model.snapshots).toHaveLength(2);
		expect(model.snapshots[1].parameters.weights[0]).toEqual(model.current.weights[0]);
		expect(model.initial.weights[0]).not.toEqual(model.current.weights[0]);
		expect(readdirSync(dir)).toEqual(['m.safetensors']);
	});

	it.each([
		['plain SGD', [] as string[]],
		['momentum and L2', ['--momentum', '0.5', '--lambda', '2', '--eta', '0.5']],
	])('resumes exactly: 2 + 2 epochs give the same weights as 4 (%s)', async (_, extra) => {
		const dir = temporaryFolder();
		const straight = join(dir, 'straight.safetensors');
		const resumed = join(dir, 'resumed.safetensors');
		expect((await runCli(['train', ...small, ...extra, '--epochs', '4', '--save', straight])).code).toBe(0);
		expect((await runCli(['train', ...small, ...extra, '--epochs', '2', '--save', resumed])).code).toBe(0);
		const second = await runCli(['train', '--resume', resumed, '--epochs', '2']);
		expect(second.code).toBe(0);
		expect(second.stdout).toMatch(/^epoch 3\/4/m);
		const a = readModelFile(straight);
		const b = readModelFile(resumed);
		expect(b.position.epoch).toBe(4);
		for (let l = 0; l < 2; l++) {
			expect(Buffer.from(b.current.weights[l].buffer).equals(Buffer.from(a.current.weights[l].buffer))).toBe(true);
			expect(Buffer.from(b.current.biases[l].buffer).equals(Buffer.from(a.current.biases[l].buffer))).toBe(true);
		}

		expect(b.position.rng).toEqual(a.position.rng);
		expect(b.history.map(r => r.trainLoss)).toEqual(a.history.map(r => r.trainLoss));
	});

	it('refuses a flag that contradicts the resumed file, and accepts one that agrees', async () => {
		const dir = temporaryFolder();
		const file = join(dir, 'm.safetensors');
		await runCli(['train', '--preset', 'nielsen-ch1', ...small, '--epochs', '1', '--save', file]);
		const bad = await runCli(['train', '--resume', file, '--eta', '0.5', '--epochs', '1']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toBe(`nnviz-tui: --eta 0.5 contradicts ${file}, which was trained with --eta 3; leave the flag out to resume\n`);
		const badLayers = await runCli(['train', '--resume', file, '--layers', '784,30,10', '--epochs', '1']);
		expect(badLayers.stderr).toContain('--layers 784,30,10 contradicts');
		const good = await runCli(['train', '--resume', file, '--eta', '3', '--layers', '784,16,10', '--epochs', '1']);
		expect(good.code).toBe(0);
		expect(readModelFile(file).position.epoch).toBe(2);
	});

	it('refuses a --preset that contradicts the resumed file and accepts one that agrees, flags beside it winning', async () => {
		const dir = temporaryFolder();
		const file = join(dir, 'm.safetensors');
		expect((await runCli(['train', '--preset', 'nielsen-ch1', ...small, '--eta', '2', '--epochs', '1', '--save', file])).code).toBe(0);
		const bad = await runCli(['train', '--resume', file, '--preset', 'nielsen-ch1', '--epochs', '1']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toBe(`nnviz-tui: --preset nielsen-ch1 contradicts ${file}, which was trained with --layers 784,16,10 (the preset has 784,30,10); leave the flag out to resume\n`);
		const good = await runCli(['train', '--resume', file, '--preset', 'nielsen-ch1', ...small, '--eta', '2', '--epochs', '1']);
		expect(good.code).toBe(0);
		expect(readModelFile(file).position.epoch).toBe(2);
	});

	it('starts a new network from nielsen-ch3 by default and from nielsen-ch1 when asked, flags winning over the preset', async () => {
		const dir = temporaryFolder();
		const config = async (name: string, extra: string[]): Promise<Record<string, unknown>> => {
			const file = join(dir, name);
			expect((await runCli(['train', ...extra, '--epochs', '0', '--save', file])).code).toBe(0);
			return readModelFile(file).config as unknown as Record<string, unknown>;
		};

		expect(await config('default.safetensors', [])).toEqual({
			layers: [784, 30, 10], activation: 'sigmoid', output: 'sigmoid', cost: 'cross-entropy', init: 'scaled', batch: 10, eta: 0.1, lambda: 5, momentum: 0, seed: 1,
		});
		expect(await config('ch1.safetensors', ['--preset', 'nielsen-ch1', '--seed', '7'])).toEqual({
			layers: [784, 30, 10], activation: 'sigmoid', output: 'sigmoid', cost: 'quadratic', init: 'large', batch: 10, eta: 3, lambda: 0, momentum: 0, seed: 7,
		});
		expect(await config('ch1-eta.safetensors', ['--preset', 'nielsen-ch1', '--eta', '1'])).toMatchObject({cost: 'quadratic', eta: 1});
	});

	it('prints a warning on stderr when one appears, once while it holds', async () => {
		// Hidden biases pushed by a huge learning rate: the chapter-1 network with eta 100 saturates its units.
		const {code, stdout, stderr} = await runCli(['train', '--preset', 'nielsen-ch1', ...small, '--eta', '100', '--epochs', '3']);
		expect(code).toBe(0);
		expect(stdout.trim().split('\n')).toHaveLength(3);
		const warnings = stderr.split('\n').filter(line => line.startsWith('warning: '));
		expect(warnings.length).toBeGreaterThan(0);
		expect(warnings[0]).toMatch(/^warning: epoch 1: /);
		expect(new Set(warnings.map(w => w.replace(/^warning: epoch \d+: /, '').replace(/\d+ of \d+/, 'n of m'))).size).toBe(warnings.length);
	});

	it('will not overwrite an existing file without --force', async () => {
		const dir = temporaryFolder();
		const file = join(dir, 'precious.safetensors');
		writeFileSync(file, 'keep me');
		const refused = await runCli(['train', ...small, '--epochs', '1', '--save', file]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('the file exists');
		expect(readFileSync(file, 'utf8')).toBe('keep me');
		const forced = await runCli(['train', ...small, '--epochs', '1', '--save', file, '--force']);
		expect(forced.code).toBe(0);
		expect(readModelFile(file).position.epoch).toBe(1);
	});

	it('says at once that a --save directory is a directory and a file name is expected, with or without --force', async () => {
		const dir = temporaryFolder();
		for (const force of [[], ['--force']]) {
			// eslint-disable-next-line no-await-in-loop -- one run at a time, each checked
			const {code, stdout, stderr} = await runCli(['train', ...small, '--epochs', '1', '--save', dir, ...force]);
			expect(code).toBe(2);
			expect(stdout).toBe('');
			expect(stderr).toBe(`nnviz-tui: --save ${dir}: is a directory, expected a file name (such as ${join(dir, 'model.safetensors')})\n`);
		}

		expect(readdirSync(dir)).toEqual([]);
	});

	it('prints a --save path with its control characters escaped, in every line that names it', async () => {
		const dir = temporaryFolder();
		const file = join(dir, 'x\u001B[31mred\u202E.safetensors');
		const {code, stdout, stderr} = await runCli(['train', ...small, '--epochs', '1', '--save', file]);
		expect(code).toBe(0);
		expect(readModelFile(file).position.epoch).toBe(1);
		const shown = join(dir, 'x\\u001B[31mred\\u202E.safetensors');
		expect(stderr).toContain(`saving to ${shown}`);
		expect(stderr).toContain(`saved to ${shown}`);
		expect(`${stdout}${stderr}`).not.toMatch(/[\u001B\u202E]/);
		const refused = await runCli(['train', ...small, '--epochs', '1', '--save', file]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toBe(`nnviz-tui: --save ${shown}: the file exists; continue it with --resume ${shown}, or replace it with --force\n`);
	});

	it('takes --output (the output layer) for training, not as export\'s -o', async () => {
		const {code, stderr} = await runCli(['train', ...small, '--output', 'softmax', '--cost', 'cross-entropy', '--epochs', '1', '--json']);
		expect(stderr).not.toContain('does not apply');
		expect(code).toBe(0);
	});

	it('stops a diverging run with a one-line message and keeps the last good epoch', async () => {
		const dir = temporaryFolder();
		const file = join(dir, 'm.safetensors');
		const result = await runCli(['train', ...small, '--activation', 'relu', '--output', 'softmax', '--cost', 'cross-entropy', '--eta', '1e20', '--lambda', '0', '--epochs', '3', '--save', file]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/nnviz-tui: epoch 1: training diverged \(the loss became NaN\); try a smaller --eta than 100000000000000000000; .* holds epoch 0\n$/);
		expect(readModelFile(file).position.epoch).toBe(0);
	});

	it.each([
		[['train', '--data', '/nonexistent/mnist'], 'nnviz-tui: mnist folder /nonexistent/mnist: no such file or directory\n'],
		[['train', '--resume', '/nonexistent/m.safetensors'], 'nnviz-tui: /nonexistent/m.safetensors: no such file or directory\n'],
		[['train', ...small, '--epochs', '1', '--save', '/nonexistent/m.safetensors'], 'nnviz-tui: --save /nonexistent/m.safetensors: cannot write: the folder /nonexistent does not exist'],
		[['train', '--data', '/work/nonexistent'], 'nnviz-tui: mnist folder /work/nonexistent'],
	])('fails with exit code 1 and one line for %j', async (argv, message) => {
		const {code, stdout, stderr} = await runCli(argv);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr.trim().split('\n')).toHaveLength(1);
		expect(stderr.startsWith(message)).toBe(true);
	});

	it('writes the resumed file before training, so an unwritable target costs no epoch', async () => {
		const dir = temporaryFolder();
		const file = join(dir, 'm.safetensors');
		await runCli(['train', ...small, '--epochs', '1', '--save', file]);
		const result = await runCli(['train', '--resume', file, '--save', join(dir, 'missing', 'x.safetensors'), '--epochs', '50']);
		expect(result.code).toBe(1);
		// Only the error: no "training ..." line and no epoch's line came before it (no clock: CI is busy).
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stdout).toBe('');
	});

	it('refuses to resume a model trained on a MNIST folder without that folder', async () => {
		const dir = temporaryFolder();
		const file = join(dir, 'm.safetensors');
		await runCli(['train', ...small, '--epochs', '1', '--save', file]);
		// Pretend the model was trained on the full MNIST: same digits, other name and counts.
		const {decodeModel, encodeModel} = await import('../../src/model/model-file.js');
		const model = decodeModel(readFileSync(file), file);
		model.dataset = {...model.dataset, name: 'mnist', trainCount: 50_000, validationCount: 10_000, testCount: 10_000, fingerprint: undefined};
		writeFileSync(file, encodeModel(model));
		for (const argv of [['train', '--resume', file, '--epochs', '1'], ['eval', '--model', file]]) {
			// eslint-disable-next-line no-await-in-loop -- one run after the other
			const result = await runCli(argv);
			expect(result.code).toBe(1);
			expect(result.stderr).toBe(`nnviz-tui: ${file} was trained on MNIST from a folder (50,000 training images); give --data DIR or set NNVIZ_DATA\n`);
		}
	});

	it('names NNVIZ_DATA when the folder it gives is wrong', async () => {
		const result = await runCli(['train', '--epochs', '1'], {env: {NNVIZ_DATA: '/nonexistent/mnist'}});
		expect(result.code).toBe(1);
		expect(result.stderr).toBe('nnviz-tui: NNVIZ_DATA: mnist folder /nonexistent/mnist: no such file or directory\n');
	});

	// As root every folder is writable, so the unwritable case runs as the user nobody (CI runs as root).
	it.runIf(process.getuid?.() === 0 && existsSync('/usr/sbin/runuser'))('fails in one line and keeps the old file when the folder is not writable', async () => {
		const dir = temporaryFolder();
		chmodSync(dir, 0o755);
		const locked = join(dir, 'locked');
		mkdirSync(locked);
		const file = join(locked, 'm.safetensors');
		writeFileSync(file, 'old content');
		chmodSync(locked, 0o555);
		const result = await new Promise<{code: number | null; stdout: string; stderr: string}>(resolve => {
			execFile('/usr/sbin/runuser', ['-u', 'nobody', '--', process.execPath, builtCli, 'train', ...small, '--epochs', '1', '--save', file, '--force'],
				{env: {PATH: process.env.PATH}}, (error, stdout, stderr) => {
					resolve({code: error ? (error as {code?: number}).code ?? null : 0, stdout, stderr});
				});
		});
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(`nnviz-tui: --save ${file}: cannot write: the folder ${locked} is not writable\n`);
		expect(readFileSync(file, 'utf8')).toBe('old content');
		expect(readdirSync(locked)).toEqual(['m.safetensors']);
	});

	it('stops on Ctrl-C with exit code 130, keeping the last completed epoch in the file', async () => {
		const dir = temporaryFolder();
		const file = join(dir, 'm.safetensors');
		let sent = false;
		const result = await spawnCli(['train', '--epochs', '1000', '--save', file], {
			onStdout(text, child) {
				if (!sent && /epoch +2\//.test(text)) {
					sent = true;
					child.kill('SIGINT');
				}
			},
		});
		expect(result.code).toBe(130);
		expect(result.stderr).toMatch(/stopped during epoch \d+; .* holds epoch \d+/);
		const epoch = readModelFile(file).position.epoch;
		expect(epoch).toBeGreaterThanOrEqual(2);
		expect(result.stderr).toContain(`holds epoch ${epoch}`);
		expect(readdirSync(dir)).toEqual(['m.safetensors']);
	});

	it('stops on SIGTERM with exit code 143', async () => {
		const dir = temporaryFolder();
		const file = join(dir, 'm.safetensors');
		let sent = false;
		const result = await spawnCli(['train', '--epochs', '1000', '--save', file], {
			onStdout(text, child) {
				if (!sent && /epoch +1\//.test(text)) {
					sent = true;
					child.kill('SIGTERM');
				}
			},
		});
		expect(result.code).toBe(143);
		expect(existsSync(file)).toBe(true);
		expect(readModelFile(file).position.epoch).toBeGreaterThanOrEqual(1);
	});
});
