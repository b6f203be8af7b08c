// Gzip bombs against the IDX loader: time and peak RSS to load (or refuse) a generated bomb and valid
// files, each in a fresh process. Run `npm run build` first, then `node bench/gzip-bomb.mjs`.
//   bomb      a header declaring 100 images of 28 x 28, then 500 MB of zeros (~0.5 MB gzipped)
//   liar      a header declaring 1,000,000 images, then 1 MB of zeros (cannot hold what it declares)
//   valid     60,000 images of 28 x 28 (47 MB inflated), the size of MNIST's training images
//   raw       the same 60,000 images uncompressed
import {execFileSync} from 'node:child_process';
import {createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {once} from 'node:events';
import {createGzip, gzipSync} from 'node:zlib';
import {project, repoRoot} from './common.mjs';

await project('data/idx.js'); // exits with a message unless built

function imagesHeader(count) {
	const header = Buffer.alloc(16);
	header.writeUInt32BE(0x08_03, 0);
	header.writeUInt32BE(count, 4);
	header.writeUInt32BE(28, 8);
	header.writeUInt32BE(28, 12);
	return header;
}

/** Write header + `megabytes` MB of zeros as one gzip stream, without holding it in memory. */
async function writeZeroStream(path, header, megabytes) {
	const gzip = createGzip({level: 9});
	const done = once(gzip.pipe(createWriteStream(path)), 'finish');
	gzip.write(header);
	const zeros = Buffer.alloc(1024 * 1024);
	for (let i = 0; i < megabytes; i++) {
		if (!gzip.write(zeros)) {
			await once(gzip, 'drain');
		}
	}

	gzip.end();
	await done;
}

/** Pixels that compress like handwriting roughly does: mostly background, some varied ink. */
function validImages(count) {
	const bytes = Buffer.alloc(16 + (count * 784));
	imagesHeader(count).copy(bytes);
	let state = 12_345;
	for (let i = 16; i < bytes.length; i++) {
		state = ((state * 1_103_515_245) + 12_345) >>> 0;
		const pixel = (i - 16) % 784;
		const inside = Math.abs((pixel % 28) - 14) < 5 && Math.abs(Math.floor(pixel / 28) - 14) < 8;
		bytes[i] = inside && (state >>> 24) > 96 ? state >>> 24 : 0;
	}

	return bytes;
}

const dir = mkdtempSync(join(tmpdir(), 'nnviz-gzip-bomb-'));
try {
	const files = {
		bomb: join(dir, 'bomb-images-idx3-ubyte.gz'),
		liar: join(dir, 'liar-images-idx3-ubyte.gz'),
		valid: join(dir, 'valid-images-idx3-ubyte.gz'),
		raw: join(dir, 'valid-images-idx3-ubyte'),
	};
	await writeZeroStream(files.bomb, imagesHeader(100), 500);
	await writeZeroStream(files.liar, imagesHeader(1_000_000), 1);
	const valid = validImages(60_000);
	writeFileSync(files.valid, gzipSync(valid));
	writeFileSync(files.raw, valid);

	const child = `
		const {readDatasetFile} = await import(${JSON.stringify(join(repoRoot, 'dist', 'data', 'data-file.js'))});
		const {parseIdxImages} = await import(${JSON.stringify(join(repoRoot, 'dist', 'data', 'idx.js'))});
		const baseline = process.resourceUsage().maxRSS;
		const started = performance.now();
		let outcome;
		try {
			outcome = 'loaded ' + parseIdxImages(readDatasetFile(process.argv[1]), process.argv[1]).count + ' images';
		} catch (error) {
			outcome = 'refused: ' + error.message.replace(process.argv[1], '<file>').slice(0, 90);
		}
		const ms = performance.now() - started;
		console.log(JSON.stringify({ms, peakMb: process.resourceUsage().maxRSS / 1024, baselineMb: baseline / 1024, outcome}));
	`;
	console.log('file     on disk    time      peak RSS (import-only baseline)  outcome');
	for (const [name, path] of Object.entries(files)) {
		const out = execFileSync(process.execPath, ['--input-type=module', '-e', child, path], {encoding: 'utf8'});
		const {ms, peakMb, baselineMb, outcome} = JSON.parse(out);
		const size = `${(statSync(path).size / 1024).toFixed(0)} KB`;
		console.log(`${name.padEnd(8)} ${size.padStart(9)} ${`${ms.toFixed(0)} ms`.padStart(8)}  ${`${peakMb.toFixed(0)} MB`.padStart(8)} (${baselineMb.toFixed(0)} MB)`.padEnd(55) + `  ${outcome}`);
	}
} finally {
	rmSync(dir, {recursive: true, force: true});
}
