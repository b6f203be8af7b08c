// Peak RSS of `nnviz-tui train` on the full MNIST on each family of kernels (target <= 160 MB), beside baselines measured in
// the same run: a bare Node process, Node holding the dataset as bytes (our loader), and Node holding
// it as a Float32Array copy (what most peers keep in memory).
//   usage: npm run build && node bench/memory.mjs [epochs=3]
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {mnistDir, repoRoot} from './common.mjs';

const epochs = process.argv[2] ?? '3';
const dir = mnistDir();
const preload = join(repoRoot, 'bench', 'peak-rss.mjs');

function peakMb(args, label) {
	const result = spawnSync(process.execPath, ['--import', preload, ...args], {cwd: repoRoot, encoding: 'utf8', env: {...process.env, NNVIZ_DATA: ''}});
	const match = /peak-rss-kb (\d+)/.exec(result.stderr);
	if (result.status !== 0 || !match) {
		console.error(`bench: ${label} failed (exit ${result.status}):\n${result.stderr}`);
		process.exit(1);
	}

	const mb = Number(match[1]) / 1024;
	console.log(`${label.padEnd(58)} ${mb.toFixed(0).padStart(5)} MB`);
	return mb;
}

const loader = `const {loadMnist} = await import(${JSON.stringify(join(repoRoot, 'dist', 'data', 'mnist.js'))}); globalThis.d = loadMnist(${JSON.stringify(dir)});`;
const bare = peakMb(['--input-type=module', '-e', ''], 'bare node');
const bytes = peakMb(['--input-type=module', '-e', loader], 'node + full MNIST as bytes (our loader)');
const floats = peakMb(['--input-type=module', '-e', `${loader} const f = new Float32Array(d.train.images.length + d.validation.images.length + d.test.images.length); let o = 0; for (const s of [d.train, d.validation, d.test]) { for (let i = 0; i < s.images.length; i++) f[o++] = s.images[i] / 255; } globalThis.f = f;`], 'node + full MNIST as a Float32Array copy (the usual way)');
for (const kernels of ['js', 'wasm']) {
	const train = peakMb([join('dist', 'cli.js'), 'train', '--data', dir, '--epochs', epochs, '--kernels', kernels], `nnviz-tui train --data MNIST --epochs ${epochs} --kernels ${kernels}`);
	console.log(`training peak, ${kernels} kernels: ${train.toFixed(0)} MB (target <= 160 MB: ${train <= 160 ? 'met' : 'MISSED'}); ${(train / floats).toFixed(2)}x the float-copy baseline, ${(train - bare).toFixed(0)} MB above bare node`);
}
void bytes;
