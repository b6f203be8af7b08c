// Shared by the benchmark scripts: find the full MNIST and load it through the project's own loader.
import {existsSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The full MNIST folder: $NNVIZ_DATA, else ../shared/datasets/mnist beside the repository. */
export function mnistDir() {
	const dir = process.env.NNVIZ_DATA || resolve(repoRoot, '..', 'shared', 'datasets', 'mnist');
	if (!existsSync(join(dir, 'train-images-idx3-ubyte.gz')) && !existsSync(join(dir, 'train-images-idx3-ubyte'))) {
		console.error(`bench: no MNIST in ${dir}; set NNVIZ_DATA to the folder of the four IDX files`);
		process.exit(1);
	}

	return dir;
}

/** Import a module of the built project (run `npm run build` first). */
export async function project(path) {
	const file = join(repoRoot, 'dist', path);
	if (!existsSync(file)) {
		console.error(`bench: ${file} is missing; run npm run build first`);
		process.exit(1);
	}

	return import(file);
}

export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
