/**
 * Load a dataset from a folder holding the four standard MNIST-layout IDX files:
 *
 *   train-images-idx3-ubyte   train-labels-idx1-ubyte   t10k-images-idx3-ubyte   t10k-labels-idx1-ubyte
 *
 * each either raw or gzipped with a `.gz` suffix. When both forms of a file are present, the raw one
 * is read (no decompression needed). MNIST and Fashion-MNIST share this layout.
 *
 * Split (Nielsen's, generalised): of the N training images, the last min(10,000, floor(N / 6)) are the
 * validation split and the rest the training split; the t10k files are the test split. For the real
 * 60,000 images that is 50,000 / 10,000, and a small folder still gets a proportional validation split.
 * The splits are views of the parsed files, not copies.
 */
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {DatasetFormatError, describeIoError} from '../errors.js';
import type {Dataset, DatasetSplit} from './dataset.js';
import {readDatasetFile} from './data-file.js';
import {parseIdxImages, parseIdxLabels} from './idx.js';

/** The four file names, without the optional `.gz` suffix. */
export const idxFolderFiles = {
	trainImages: 'train-images-idx3-ubyte',
	trainLabels: 'train-labels-idx1-ubyte',
	testImages: 't10k-images-idx3-ubyte',
	testLabels: 't10k-labels-idx1-ubyte',
} as const;

type FileRole = keyof typeof idxFolderFiles;

/** What the folder's files must hold and how the resulting dataset is named. */
export type IdxFolderOptions = {
	/** Dataset id, also the first word of messages: 'mnist', 'fashion-mnist'. */
	readonly name: string;
	/** One name per class; labels must be below its length. */
	readonly classNames: readonly string[];
	/** Image height every file must have; 28 unless given. */
	readonly rows?: number;
	/** Image width every file must have; 28 unless given. */
	readonly cols?: number;
};

/** The largest validation split taken from the training file: Nielsen's 10,000. */
export const maxValidationCount = 10_000;

/** How many of `trainingCount` training images go to validation: min(10,000, floor(N / 6)). */
export function validationCountFor(trainingCount: number): number {
	return Math.min(maxValidationCount, Math.floor(trainingCount / 6));
}

/** Load a dataset from `dir` (see the file comment for layout and split). `source` is `dir`. */
export function loadIdxFolder(dir: string, options: IdxFolderOptions): Dataset {
	const paths = findFiles(dir, options.name);
	const rows = options.rows ?? 28;
	const cols = options.cols ?? 28;
	const shape = {rows, cols, classCount: options.classNames.length};
	const training = readPair(paths.trainImages, paths.trainLabels, shape);
	refuseEmpty(training, paths.trainImages, 'train on');
	const test = readPair(paths.testImages, paths.testLabels, shape);
	refuseEmpty(test, paths.testImages, 'test on');

	const validationCount = validationCountFor(training.count);
	const trainCount = training.count - validationCount;
	return {
		name: options.name,
		source: dir,
		rows,
		cols,
		classNames: options.classNames,
		train: sliceSplit(training, 0, trainCount, rows * cols),
		validation: sliceSplit(training, trainCount, training.count, rows * cols),
		test,
	};
}

/** Full paths of the four files, preferring the raw form of each; all missing ones are named. */
function findFiles(dir: string, name: string): Record<FileRole, string> {
	let entries: Set<string>;
	try {
		entries = new Set(readdirSync(dir));
	} catch (error) {
		const isFile = (error as NodeJS.ErrnoException).code === 'ENOTDIR' && statSync(dir, {throwIfNoEntry: false})?.isFile();
		const reason = isFile ? 'is a file, expected a folder' : describeIoError(error);
		throw new DatasetFormatError(`${name} folder ${dir}: ${reason}`, {cause: error});
	}

	const found: Partial<Record<FileRole, string>> = {};
	const missing: string[] = [];
	for (const [role, base] of Object.entries(idxFolderFiles) as Array<[FileRole, string]>) {
		const file = [base, `${base}.gz`].find(candidate => entries.has(candidate));
		if (file === undefined) {
			missing.push(`${base}(.gz)`);
		} else {
			found[role] = join(dir, file);
		}
	}

	if (missing.length > 0) {
		throw new DatasetFormatError(`${name} folder ${dir}: missing ${missing.join(', ')}`);
	}

	return found as Record<FileRole, string>;
}

type PairShape = {readonly rows: number; readonly cols: number; readonly classCount: number};

/** Read an images file and its labels file, and check that they fit each other and `shape`. */
function readPair(imagesPath: string, labelsPath: string, shape: PairShape): DatasetSplit {
	const images = parseIdxImages(readDatasetFile(imagesPath), imagesPath);
	if (images.rows !== shape.rows || images.cols !== shape.cols) {
		throw new DatasetFormatError(
			`${imagesPath}: byte 8: expected ${shape.rows} x ${shape.cols} images, found ${images.rows} x ${images.cols}`,
		);
	}

	const labels = parseIdxLabels(readDatasetFile(labelsPath), labelsPath, shape.classCount);
	if (labels.count !== images.count) {
		throw new DatasetFormatError(
			`${labelsPath}: byte 4: expected one label per image, ${images.count} as in ${imagesPath}, found ${labels.count} labels`,
		);
	}

	return {count: images.count, images: images.pixels, labels: labels.labels};
}

/** A file of 0 images leaves nothing to train or test on: refuse it rather than "train" on nothing. */
function refuseEmpty(split: DatasetSplit, imagesPath: string, purpose: string): void {
	if (split.count === 0) {
		throw new DatasetFormatError(`${imagesPath}: byte 4: expected at least 1 image to ${purpose}, found 0`);
	}
}

/** Items [start, end) of a split, as views. */
function sliceSplit(split: DatasetSplit, start: number, end: number, pixelsPerImage: number): DatasetSplit {
	return {
		count: end - start,
		images: split.images.subarray(start * pixelsPerImage, end * pixelsPerImage),
		labels: split.labels.subarray(start, end),
	};
}
