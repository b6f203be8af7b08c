/**
 * Validators for the JSON values a model file keeps in its metadata: the training configuration, the
 * dataset description, the per-epoch history and the training position. Each takes an unknown value
 * (parsed JSON or an in-memory object) and a `where` prefix for messages, and returns a clean copy or
 * throws a one-line error. Pure.
 */
import {
	type NnvizError, ModelFormatError, codePointLabel, errorMessage, unsafeCharacters,
} from '../errors.js';
import {
	type TrainConfig, activations, costs, inits, outputFunctions,
} from '../nn/config.js';
import {oneLine, showValue as show} from './describe-value.js';
import {isFiniteNumber, isNonNegativeInteger, isPositiveInteger, isRecord} from './json-guards.js';
import type {DatasetInfo, EpochRecord} from './model.js';

/** The class of error a validator throws; ModelFormatError unless the caller says otherwise. */
export type ErrorClass = new (message: string) => NnvizError;

const configFields = ['layers', 'activation', 'output', 'cost', 'init', 'batch', 'eta', 'lambda', 'momentum', 'seed'];

/**
 * Check that `value` is a complete TrainConfig and return a copy. Messages read
 * `${where}: layers must be at least two positive integers, got [784]`. The CLI can pass UsageError.
 */
export function validateConfig(value: unknown, where: string, errorClass: ErrorClass = ModelFormatError): TrainConfig {
	const fail = (message: string): never => {
		throw new errorClass(`${where}: ${message}`);
	};

	const record = isRecord(value) ? value : fail(`expected a JSON object, got ${show(value)}`);
	const unknown = Object.keys(record).find(key => !configFields.includes(key));
	if (unknown !== undefined) {
		fail(`unknown field ${JSON.stringify(unknown)}, expected only ${configFields.join(', ')}`);
	}

	const {layers, batch, eta, lambda, momentum, seed} = record;
	if (!Array.isArray(layers) || layers.length < 2 || !layers.every(isPositiveInteger)) {
		fail(`layers must be at least two positive integers, got ${show(layers)}`);
	}

	const oneOf = <T extends string>(field: string, allowed: readonly T[]): T => {
		const item = record[field];
		return allowed.includes(item as T) ? item as T : fail(`${field} must be one of ${allowed.join(', ')}, got ${show(item)}`);
	};

	const config: TrainConfig = {
		layers: [...(layers as number[])],
		activation: oneOf('activation', activations),
		output: oneOf('output', outputFunctions),
		cost: oneOf('cost', costs),
		init: oneOf('init', inits),
		batch: isPositiveInteger(batch) ? batch : fail(`batch must be a positive integer, got ${show(batch)}`),
		eta: isFiniteNumber(eta) && eta > 0 ? eta : fail(`eta must be a finite number above 0, got ${show(eta)}`),
		lambda: isFiniteNumber(lambda) && lambda >= 0 ? lambda : fail(`lambda must be a finite number >= 0, got ${show(lambda)}`),
		momentum: isFiniteNumber(momentum) && momentum >= 0 && momentum < 1 ? momentum : fail(`momentum must be a number >= 0 and < 1, got ${show(momentum)}`),
		seed: Number.isSafeInteger(seed) ? seed as number : fail(`seed must be an integer, got ${show(seed)}`),
	};
	return config;
}

/** Check a DatasetInfo and that it fits the network: rows*cols inputs, one output per class. */
/** The dataset names a model file may record. */
export const knownDatasetNames: readonly string[] = ['mnist', 'mnist-embedded', 'fashion-mnist'];

export function validateDataset(value: unknown, where: string, layers: readonly number[]): DatasetInfo {
	const fail = (message: string): never => {
		throw new ModelFormatError(`${where}: ${message}`);
	};

	const record = isRecord(value) ? value : fail(`expected a JSON object, got ${show(value)}`);
	const count = (field: string, positive: boolean): number => {
		const item = record[field];
		const ok = positive ? isPositiveInteger(item) : isNonNegativeInteger(item);
		return ok ? item as number : fail(`${field} must be a ${positive ? 'positive' : 'non-negative'} integer, got ${show(item)}`);
	};

	const {name, classNames, fingerprint} = record;
	const info: DatasetInfo = {
		name: typeof name === 'string' && knownDatasetNames.includes(name) ? name : fail(`name must be one of ${knownDatasetNames.join(', ')}, got ${show(name)}`),
		classNames: Array.isArray(classNames) && classNames.every(item => typeof item === 'string' && item !== '')
			? checkPrintable(classNames as string[], fail)
			: fail(`classNames must be an array of printable strings, got ${show(classNames)}`),
		rows: count('rows', true),
		cols: count('cols', true),
		trainCount: count('trainCount', false),
		validationCount: count('validationCount', false),
		testCount: count('testCount', false),
	};
	if (fingerprint !== undefined) {
		info.fingerprint = typeof fingerprint === 'string' && /^[\da-f]{64}$/.test(fingerprint) ? fingerprint : fail(`fingerprint must be 64 hex digits, got ${show(fingerprint)}`);
	}

	if (info.rows * info.cols !== layers[0]) {
		fail(`rows x cols = ${info.rows} x ${info.cols} = ${info.rows * info.cols} pixels, but the input layer has ${layers[0]} neurons`);
	}

	if (info.classNames.length !== layers.at(-1)) {
		fail(`${info.classNames.length} class names, but the output layer has ${layers.at(-1)} neurons`);
	}

	return info;
}

/**
 * Class names are shown on the screen: no control characters (C0, DEL, C1) and no marks that reorder
 * or break the line (bidi overrides and isolates), which could disguise what is printed.
 */
function checkPrintable(names: readonly string[], fail: (message: string) => never): string[] {
	for (const [index, name] of names.entries()) {
		const found = unsafeCharacters.exec(name);
		if (found !== null) {
			const code = `U+${codePointLabel(found[0])}`;
			fail(`classNames[${index}] ${show(name)} holds the control or direction character ${code} at ${found.index}, expected printable text`);
		}
	}

	return [...names];
}

/** Check the per-epoch history: records for epochs 1, 2, ... in order. */
export function validateHistory(value: unknown, where: string): EpochRecord[] {
	return checkHistory(value, where, false);
}

/**
 * One record of a history's JSON text as nnviz-tui writes it (JSON.stringify of EpochRecords), with
 * the comma or bracket after it: exactly the five fields, in order, no spaces. Text of such records
 * nests two deep and repeats no key, so it needs no scan before JSON.parse, and each parsed record is
 * an EpochRecord as it is. Matched record by record: one pattern over the whole text would keep a
 * backtracking entry per record (16 MB for 100,000 records).
 */
const number = String.raw`-?\d+(?:\.\d+)?(?:e[+-]\d+)?`;
const writtenRecord = new RegExp(String.raw`\{"epoch":\d+,"seconds":${number},"trainLoss":${number},"validationAccuracy":${number},"testAccuracy":${number}\}[,\]]`, 'y');

/** Whether `text` is an array of records as nnviz-tui writes them. */
function isWrittenHistory(text: string): boolean {
	if (text === '[]') {
		return true;
	}

	let index = 1;
	while (text.charCodeAt(0) === 0x5B && index < text.length) {
		writtenRecord.lastIndex = index;
		if (!writtenRecord.test(text)) {
			return false;
		}

		index = writtenRecord.lastIndex;
		if (text.charCodeAt(index - 1) === 0x5D) {
			return index === text.length;
		}
	}

	return false;
}

/**
 * The longest JSON history read from a version-1 file, in any form: about 10,000 records. Version 2
 * keeps the history in a tensor; a longer JSON history would cost hundreds of milliseconds to parse.
 */
export const maxVersion1HistoryLength = 1_000_000;

/**
 * Parse and check the JSON text of a version-1 file's metadata "history", at most
 * maxVersion1HistoryLength characters. Text in the form nnviz-tui wrote is parsed at once and its
 * records kept as they are; other text is scanned first (nesting, repeated keys).
 */
export function parseHistory(text: string, where: string, checkShape: (text: string) => void): EpochRecord[] {
	if (text.length > maxVersion1HistoryLength) {
		throw new ModelFormatError(`${where}: ${text.length} characters, over the ${maxVersion1HistoryLength} read from a version-1 file; the file is from an older nnviz-tui and its history is too long`);
	}

	const written = isWrittenHistory(text);
	if (!written) {
		checkShape(text);
	}

	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw new ModelFormatError(`${where} is not valid JSON: ${oneLine(errorMessage(error))}`);
	}

	return checkHistory(value, where, written);
}

/** validateHistory; `keep` takes valid records as they are (they hold the five fields and nothing else). */
function checkHistory(value: unknown, where: string, keep: boolean): EpochRecord[] {
	if (!Array.isArray(value)) {
		throw new ModelFormatError(`${where}: expected an array of epoch records, got ${show(value)}`);
	}

	// A history may hold many thousands of records: check the usual case plainly, and let the detailed
	// check word the first record that fails.
	const records: EpochRecord[] = keep ? value as EpochRecord[] : Array.from({length: value.length});
	for (let index = 0; index < value.length; index++) {
		const item: unknown = value[index];
		if (!isPlainRecord(item, index + 1)) {
			records[index] = validateEpochRecord(item, `${where}[${index}]`, index + 1);
		} else if (!keep) {
			records[index] = {epoch: index + 1, seconds: item.seconds, trainLoss: item.trainLoss, validationAccuracy: item.validationAccuracy, testAccuracy: item.testAccuracy};
		}
	}

	return records;
}

/** Whether `value` is a valid record of `epoch`, without saying why not (validateEpochRecord does). */
function isPlainRecord(value: unknown, epoch: number): value is EpochRecord {
	if (!isRecord(value) || value.epoch !== epoch) {
		return false;
	}

	const {seconds, trainLoss, validationAccuracy: v, testAccuracy: t} = value;
	return isFiniteNumber(seconds) && seconds >= 0 && isFiniteNumber(trainLoss)
		&& isFiniteNumber(v) && v >= 0 && v <= 1 && isFiniteNumber(t) && t >= 0 && t <= 1;
}

function validateEpochRecord(value: unknown, where: string, epoch: number): EpochRecord {
	const fail = (message: string): never => {
		throw new ModelFormatError(`${where}: ${message}`);
	};

	const record = isRecord(value) ? value : fail(`expected an epoch record object, got ${show(value)}`);
	const fraction = (field: string): number => {
		const item = record[field];
		return isFiniteNumber(item) && item >= 0 && item <= 1 ? item : fail(`${field} must be a fraction from 0 to 1, got ${show(item)}`);
	};

	return {
		epoch: record.epoch === epoch ? epoch : fail(`epoch must be ${epoch}, got ${show(record.epoch)}`),
		seconds: isFiniteNumber(record.seconds) && record.seconds >= 0 ? record.seconds : fail(`seconds must be a finite number >= 0, got ${show(record.seconds)}`),
		trainLoss: isFiniteNumber(record.trainLoss) ? record.trainLoss : fail(`trainLoss must be a finite number, got ${show(record.trainLoss)}`),
		validationAccuracy: fraction('validationAccuracy'),
		testAccuracy: fraction('testAccuracy'),
	};
}

/** The columns of a version-2 file's `history` tensor (F64 [epochs, columns]), in order. */
export const historyColumns = ['epoch', 'seconds', 'trainLoss', 'validationAccuracy', 'testAccuracy'] as const;

/** A checked history as the rows of the `history` tensor. */
export function historyTensor(history: readonly EpochRecord[]): {shape: number[]; data: Float64Array} {
	const width = historyColumns.length;
	const data = new Float64Array(history.length * width);
	for (const [row, record] of history.entries()) {
		for (const [column, field] of historyColumns.entries()) {
			data[(row * width) + column] = record[field];
		}
	}

	return {shape: [history.length, width], data};
}

/**
 * The history from the `history` tensor of a file whose position says `epochs` completed: shape
 * [epochs, 5], row i for epoch i + 1, values checked as in a JSON record.
 */
export function historyFromTensor(shape: readonly number[], data: Float64Array, epochs: number, where: string): EpochRecord[] {
	const width = historyColumns.length;
	if (shape.length !== 2 || shape[0] !== epochs || shape[1] !== width) {
		throw new ModelFormatError(`${where}: shape ${show(shape)}, expected [${epochs}, ${width}] (${epochs} epochs completed; ${historyColumns.join(', ')})`);
	}

	const records: EpochRecord[] = Array.from({length: epochs});
	for (let row = 0; row < epochs; row++) {
		const at = row * width;
		const record = {epoch: data[at], seconds: data[at + 1], trainLoss: data[at + 2], validationAccuracy: data[at + 3], testAccuracy: data[at + 4]};
		records[row] = isPlainRecord(record, row + 1) ? record : validateEpochRecord(record, `${where}: row ${row}`, row + 1);
	}

	return records;
}

/** Check the saved part of a TrainingPosition: completed epochs and the 4-word generator state. */
export function validatePosition(value: unknown, where: string): {epoch: number; rng: number[]} {
	const fail = (message: string): never => {
		throw new ModelFormatError(`${where}: ${message}`);
	};

	const record = isRecord(value) ? value : fail(`expected a JSON object with epoch and rng, got ${show(value)}`);
	const {epoch, rng} = record;
	if (!isNonNegativeInteger(epoch)) {
		fail(`epoch must be a non-negative integer, got ${show(epoch)}`);
	}

	const isUint32 = (item: unknown): boolean => isNonNegativeInteger(item) && item <= 0xFF_FF_FF_FF;
	if (!Array.isArray(rng) || rng.length !== 4 || !rng.every(isUint32) || rng.every(item => item === 0)) {
		fail(`rng must be 4 unsigned 32-bit integers, not all zero, got ${show(rng)}`);
	}

	return {epoch: epoch as number, rng: [...(rng as number[])]};
}

