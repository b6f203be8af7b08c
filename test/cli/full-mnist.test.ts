/**
 * Nielsen's network on the full MNIST, where present (env NNVIZ_DATA, else ../shared/datasets/mnist
 * beside the repository): one epoch through the command line, as a user would run it.
 */
import {existsSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {readModelFile} from '../../src/model/model-file.js';
import {repoRoot, runCli, temporaryFolder} from './run-cli.js';

const mnistDir = process.env['NNVIZ_DATA'] || resolve(repoRoot, '..', 'shared', 'datasets', 'mnist');
const present = existsSync(join(mnistDir, 'train-images-idx3-ubyte.gz')) || existsSync(join(mnistDir, 'train-images-idx3-ubyte'));

// Two epochs over 50,000 images: 15 s on an idle 2-core machine, 55 s with both cores busy elsewhere.
describe.runIf(present)('training on the full MNIST', {timeout: 240_000}, () => {
	it('reaches 90% test accuracy after one epoch of [784,30,10] on Nielsen\'s split', async () => {
		const file = join(temporaryFolder(), 'full.safetensors');
		const {code, stdout, stderr} = await runCli(['train', '--data', mnistDir, '--epochs', '1', '--json', '--save', file]);
		expect(code).toBe(0);
		expect(stderr).toContain('(50,000 train, 10,000 validation, 10,000 test)');
		const record = JSON.parse(stdout) as {testAccuracy: number; validationAccuracy: number};
		expect(record.testAccuracy).toBeGreaterThan(0.9);
		expect(record.validationAccuracy).toBeGreaterThan(0.9);
		const model = readModelFile(file);
		expect(model.dataset).toMatchObject({name: 'mnist', trainCount: 50_000, validationCount: 10_000, testCount: 10_000});
		// A model trained on the full MNIST resumes from NNVIZ_DATA without --data.
		const resumed = await runCli(['train', '--resume', file, '--epochs', '1', '--json'], {env: {NNVIZ_DATA: mnistDir}});
		expect(resumed.code).toBe(0);
		expect((JSON.parse(resumed.stdout) as {epoch: number}).epoch).toBe(2);
	});
});
