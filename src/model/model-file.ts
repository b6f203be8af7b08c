/**
 * Model files: a Model as a safetensors file. Weights are F32 tensors named as PyTorch's nn.Linear
 * would name them (`layers.{i}.weight` [out, in], `layers.{i}.bias` [out]), with the untrained
 * network under `initial.`, the weights after epoch e under `epoch.{e}.` and momentum buffers under
 * `velocity.`. Everything else is JSON in string metadata. encodeModel and decodeModel are pure;
 * readModelFile and writeModelFile are thin wrappers that add the file I/O.
 */
import {readFileSync, statSync} from 'node:fs';
import {ModelFormatError, ShapeError, describeIoError} from '../errors.js';
import type {Parameters} from '../nn/network.js';
import {writeFileAtomic} from './atomic-write.js';
import {oneLine, showValue} from './describe-value.js';
import {type Model, modelFormat, modelVersion} from './model.js';
import {
	validateConfig, validateDataset, validateHistory, validatePosition,
} from './model-metadata.js';
import {type Tensor, type TensorInput, decodeSafetensors, encodeSafetensors} from './safetensors.js';

export {validateConfig} from './model-metadata.js';

/**
 * Encode a model as safetensors bytes. The model is checked first, so that a file is only ever
 * written if it can be read back: ModelFormatError for bad config, dataset, history or position,
 * ShapeError for parameters whose sizes do not fit config.layers.
 */
export function encodeModel(model: Model): Uint8Array {
	const where = 'cannot save model';
	const config = validateConfig(model.config, `${where}: config`);
	const dataset = validateDataset(model.dataset, `${where}: dataset`, config.layers);
	const history = validateHistory(model.history, `${where}: history`);
	const {epoch, rng} = validatePosition(model.position, `${where}: position`);
	checkCounts(history.length, model.snapshots.length, epoch, where);
	const {velocity} = model.position;
	if (velocity !== null && config.momentum === 0) {
		throw new ModelFormatError(`${where}: position has momentum buffers, but config momentum is 0`);
	}

	const tensors = new Map<string, TensorInput>();
	addParameters(tensors, '', model.current, config.layers);
	addParameters(tensors, 'initial.', model.initial, config.layers);
	for (const [index, snapshot] of model.snapshots.entries()) {
		addParameters(tensors, `epoch.${index + 1}.`, snapshot, config.layers);
	}

	if (velocity !== null) {
		addParameters(tensors, 'velocity.', velocity, config.layers);
	}

	return encodeSafetensors(tensors, {
		format: modelFormat,
		version: modelVersion,
		created_by: 'nnviz-tui (fully connected network trained in the terminal)',
		config: JSON.stringify(config),
		dataset: JSON.stringify(dataset),
		history: JSON.stringify(history),
		position: JSON.stringify({epoch, rng}),
	});
}

/** Decode and check a model file's bytes; every problem is a one-line ModelFormatError naming `source`. */
export function decodeModel(bytes: Uint8Array, source: string): Model {
	const {tensors, metadata} = decodeSafetensors(bytes, source);
	checkFormat(metadata, source);
	const field = (key: string): unknown => parseJsonField(metadata, key, source);
	const config = validateConfig(field('config'), `${source}: metadata "config"`);
	const dataset = validateDataset(field('dataset'), `${source}: metadata "dataset"`, config.layers);
	const history = validateHistory(field('history'), `${source}: metadata "history"`);
	const {epoch, rng} = validatePosition(field('position'), `${source}: metadata "position"`);
	if (history.length !== epoch) {
		throw new ModelFormatError(`${source}: metadata "history" has ${history.length} epochs, but "position" says ${epoch} completed`);
	}

	const hasVelocity = [...tensors.keys()].some(name => name.startsWith('velocity.'));
	if (hasVelocity && config.momentum === 0) {
		throw new ModelFormatError(`${source}: file has "velocity." tensors, but config momentum is 0`);
	}

	const prefixes = ['', 'initial.', ...history.map(record => `epoch.${record.epoch}.`)];
	const expected = expectedShapes(config.layers, hasVelocity ? [...prefixes, 'velocity.'] : prefixes);
	checkTensors(tensors, expected, `layers ${showValue(config.layers)} after ${epoch} epochs`, source);
	const take = (prefix: string): Parameters => takeParameters(tensors, prefix, config.layers);
	return {
		config,
		dataset,
		current: take(''),
		initial: take('initial.'),
		snapshots: history.map(record => take(`epoch.${record.epoch}.`)),
		history,
		position: {epoch, rng, velocity: hasVelocity ? take('velocity.') : null},
	};
}

/** Read and decode a model file; file-system errors become `${path}: no such file or directory` etc. */
/** Largest model file read: 2 GiB, what one Node buffer holds. */
const maxModelFileBytes = 2 ** 31 - 1;

export function readModelFile(path: string): Model {
	let bytes: Uint8Array;
	try {
		const stats = statSync(path);
		if (stats.isDirectory()) {
			throw new ModelFormatError(`${path}: is a directory, expected a file`);
		}

		if (!stats.isFile()) {
			throw new ModelFormatError(`${path}: not a regular file (a device or a pipe?), expected a model file`);
		}

		if (stats.size > maxModelFileBytes) {
			throw new ModelFormatError(`${path}: ${stats.size} bytes, more than the 2 GiB a model file may have`);
		}

		bytes = readFileSync(path);
	} catch (error) {
		if (error instanceof ModelFormatError) {
			throw error;
		}

		throw new ModelFormatError(`${path}: ${describeIoError(error)}`, {cause: error});
	}

	return decodeModel(bytes, path);
}

/** Encode a model and replace `path` with it atomically (temporary file, fsync, rename). */
export function writeModelFile(path: string, model: Model): void {
	writeFileAtomic(path, encodeModel(model));
}

function checkCounts(historyLength: number, snapshotCount: number, epoch: number, where: string): void {
	if (historyLength !== epoch) {
		throw new ModelFormatError(`${where}: history has ${historyLength} epochs, but position says ${epoch} completed`);
	}

	if (snapshotCount !== epoch) {
		throw new ModelFormatError(`${where}: ${snapshotCount} snapshots, but position says ${epoch} epochs completed`);
	}
}

function checkFormat(metadata: Record<string, string>, source: string): void {
	const {format, version} = metadata;
	if (format === undefined) {
		throw new ModelFormatError(`${source}: not an nnviz-tui model: metadata "format" is missing, expected "${modelFormat}"`);
	}

	if (format !== modelFormat) {
		throw new ModelFormatError(`${source}: not an nnviz-tui model: metadata "format" is ${showValue(format)}, expected "${modelFormat}"`);
	}

	if (version !== modelVersion) {
		const found = version === undefined ? 'has no version' : `is version ${showValue(version)}`;
		throw new ModelFormatError(`${source}: model file ${found}, this nnviz-tui reads version "${modelVersion}" only`);
	}
}

function parseJsonField(metadata: Record<string, string>, key: string, source: string): unknown {
	const text = metadata[key];
	if (text === undefined) {
		throw new ModelFormatError(`${source}: metadata "${key}" is missing`);
	}

	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw new ModelFormatError(`${source}: metadata "${key}" is not valid JSON: ${oneLine(error instanceof Error ? error.message : String(error))}`);
	}
}

/** Tensor names under each prefix and the shapes config.layers gives them. */
function expectedShapes(layers: readonly number[], prefixes: readonly string[]): Map<string, number[]> {
	const shapes = new Map<string, number[]>();
	for (const prefix of prefixes) {
		for (let l = 0; l + 1 < layers.length; l++) {
			shapes.set(`${prefix}layers.${l}.weight`, [layers[l + 1], layers[l]]);
			shapes.set(`${prefix}layers.${l}.bias`, [layers[l + 1]]);
		}
	}

	return shapes;
}

/** Every expected tensor present with its shape, and nothing else; `model` describes what is expected. */
function checkTensors(tensors: ReadonlyMap<string, Tensor>, expected: ReadonlyMap<string, number[]>, model: string, source: string): void {
	for (const [name, shape] of expected) {
		const tensor = tensors.get(name);
		if (tensor === undefined) {
			throw new ModelFormatError(`${source}: missing tensor "${name}"`);
		}

		if (tensor.shape.length !== shape.length || tensor.shape.some((size, i) => size !== shape[i])) {
			throw new ModelFormatError(`${source}: tensor "${name}" has shape ${showValue(tensor.shape)}, expected ${showValue(shape)} for ${model}`);
		}
	}

	for (const name of tensors.keys()) {
		if (!expected.has(name)) {
			throw new ModelFormatError(`${source}: unexpected tensor ${JSON.stringify(name)}, a model with ${model} has no such tensor`);
		}
	}
}

function takeParameters(tensors: ReadonlyMap<string, Tensor>, prefix: string, layers: readonly number[]): Parameters {
	const weights: Float32Array[] = [];
	const biases: Float32Array[] = [];
	for (let l = 0; l + 1 < layers.length; l++) {
		weights.push(tensors.get(`${prefix}layers.${l}.weight`)!.data);
		biases.push(tensors.get(`${prefix}layers.${l}.bias`)!.data);
	}

	return {layers: [...layers], weights, biases};
}

/** Add one set of parameters as tensors, checking every size against config.layers. */
function addParameters(tensors: Map<string, TensorInput>, prefix: string, parameters: Parameters, layers: readonly number[]): void {
	const what = `cannot save model: ${prefix === '' ? 'current' : prefix.slice(0, -1)} parameters`;
	const count = layers.length - 1;
	if (parameters.layers.length !== layers.length || parameters.layers.some((size, i) => size !== layers[i])) {
		throw new ShapeError(`${what}: layers ${showValue(parameters.layers)}, expected ${showValue(layers)} as in config`);
	}

	if (parameters.weights.length !== count || parameters.biases.length !== count) {
		throw new ShapeError(`${what}: ${parameters.weights.length} weight and ${parameters.biases.length} bias arrays, expected ${count} of each`);
	}

	for (let l = 0; l < count; l++) {
		const [inputs, outputs] = [layers[l], layers[l + 1]];
		if (parameters.weights[l].length !== outputs * inputs || parameters.biases[l].length !== outputs) {
			throw new ShapeError(`${what}: layer ${l} has ${parameters.weights[l].length} weights and ${parameters.biases[l].length} biases, expected ${outputs} x ${inputs} = ${outputs * inputs} and ${outputs}`);
		}

		tensors.set(`${prefix}layers.${l}.weight`, {shape: [outputs, inputs], data: parameters.weights[l]});
		tensors.set(`${prefix}layers.${l}.bias`, {shape: [outputs], data: parameters.biases[l]});
	}
}
