/**
 * Model files: a Model as a safetensors file. Weights are F32 tensors named as PyTorch's nn.Linear
 * would name them (`layers.{i}.weight` [out, in], `layers.{i}.bias` [out]), with the untrained
 * network under `initial.`, the weights after epoch e under `epoch.{e}.` and momentum buffers under
 * `velocity.`, and the per-epoch history is the F64 tensor `history` [epochs, 5]. Everything else is
 * JSON in string metadata (version 1 files also keep the history there). encodeModel and decodeModel are pure;
 * readModelFile and writeModelFile are thin wrappers that add the file I/O.
 */
import {readFileSync, statSync} from 'node:fs';
import {ModelFormatError, ShapeError, describeIoError, errorMessage} from '../errors.js';
import {type Parameters, indexOfNonFinite} from '../nn/network.js';
import {writeFileAtomic} from '../fs/atomic-write.js';
import {oneLine, quoted, showValue} from './describe-value.js';
import {checkJsonShape} from './json-scan.js';
import {
	type EpochRecord, type Model, modelFormat, modelVersion, modelVersion1,
} from './model.js';
import {
	historyFromTensor, historyTensor, parseHistory, validateConfig, validateDataset, validateHistory, validatePosition,
} from './model-metadata.js';
import {
	type Safetensors, type Tensor, type TensorInput, decodeSafetensors, encodeSafetensors, encodeSafetensorsParts,
} from './safetensors.js';

export {validateConfig} from './model-metadata.js';

/**
 * Encode a model as safetensors bytes. The model is checked first, so that a file is only ever
 * written if it can be read back: ModelFormatError for bad config, dataset, history, position or
 * snapshot epochs, ShapeError for parameters whose sizes do not fit config.layers.
 */
export function encodeModel(model: Model): Uint8Array {
	return encodeSafetensors(...modelTensors(model));
}

/** Tensors and metadata of a checked model, for encodeModel and writeModelFile. */
function modelTensors(model: Model): [Map<string, TensorInput>, Record<string, string>] {
	const where = 'cannot save model';
	const config = validateConfig(model.config, `${where}: config`);
	const dataset = validateDataset(model.dataset, `${where}: dataset`, config.layers);
	const history = validateHistory(model.history, `${where}: history`);
	const {epoch, rng} = validatePosition(model.position, `${where}: position`);
	if (history.length !== epoch) {
		throw new ModelFormatError(`${where}: history has ${history.length} epochs, but position says ${epoch} completed`);
	}

	checkSnapshotEpochs(model.snapshots.map(snapshot => snapshot.epoch), epoch, where);
	const {velocity} = model.position;
	if (velocity !== null && config.momentum === 0) {
		throw new ModelFormatError(`${where}: position has momentum buffers, but config momentum is 0`);
	}

	const tensors = new Map<string, TensorInput>();
	addParameters(tensors, '', model.current, config.layers);
	addParameters(tensors, 'initial.', model.initial, config.layers);
	for (const snapshot of model.snapshots) {
		addParameters(tensors, `epoch.${snapshot.epoch}.`, snapshot.parameters, config.layers);
	}

	if (velocity !== null) {
		addParameters(tensors, 'velocity.', velocity, config.layers);
	}

	tensors.set(historyTensorName, historyTensor(history));

	return [tensors, {
		format: modelFormat,
		version: modelVersion,
		created_by: 'nnviz-tui (fully connected network trained in the terminal)',
		config: JSON.stringify(config),
		dataset: JSON.stringify(dataset),
		position: JSON.stringify({epoch, rng}),
	}];
}

/**
 * Decode and check a model file's bytes; every problem is a one-line ModelFormatError naming `source`.
 * Counts in the metadata (layers, epochs) are checked against the tensors present before anything is
 * built from them, so a small file costs little however large the numbers it claims.
 */
export function decodeModel(bytes: Uint8Array, source: string): Model {
	return modelFromSafetensors(...decodeModelBytes(bytes, source), source);
}

/** The tensor holding the per-epoch history in version 2. */
const historyTensorName = 'history';

/**
 * The longest header of a model file of any version: a version-1 history of 1,000,000 characters
 * (maxVersion1HistoryLength) with its quotes escaped, and the rest. Longer is refused before the header
 * is decoded as text.
 */
const maxModelHeaderLength = 4_000_000;

/**
 * The longest header of a version-2 file with `tensors` tensors: what nnviz-tui writes is about 100
 * bytes a tensor plus a few kilobytes of metadata; this allows ten times that.
 */
function maxVersion2HeaderLength(tensors: number): number {
	return 1_000_000 + (1000 * tensors);
}

/** The header length in the first 8 bytes (decodeSafetensors has checked it), 0 if there are fewer. */
function headerLengthOf(bytes: Uint8Array): number {
	return bytes.length < 8 ? 0 : Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
}

/** decodeModel after the safetensors layer: metadata and tensors to a checked Model. */
function modelFromSafetensors({tensors, metadata}: Safetensors, headerLength: number, source: string): Model {
	const version = checkFormat(metadata, source);
	if (version === modelVersion && headerLength > maxVersion2HeaderLength(tensors.size)) {
		throw new ModelFormatError(`${source}: header of ${headerLength} bytes; a version-${modelVersion} model file with ${tensors.size} tensors has at most ${maxVersion2HeaderLength(tensors.size)}`);
	}

	const historyData = version === modelVersion ? takeHistoryTensor(tensors, source) : undefined;
	const field = (key: string): unknown => parseJsonField(metadata, key, source);
	// The tensors present bound the layers a config can name (4 tensors a layer: weight and bias, current
	// and initial), and so its length: refuse a longer one before parsing it.
	const maxLayers = Math.floor(tensors.size / 4) + 1;
	const maxConfigLength = 1000 + (24 * maxLayers);
	if ((metadata.config?.length ?? 0) > maxConfigLength) {
		throw new ModelFormatError(`${source}: metadata "config" is ${metadata.config.length} characters; with ${tensors.size} tensors a model has at most ${maxLayers} layers and a config of at most ${maxConfigLength} characters`);
	}

	const config = validateConfig(field('config'), `${source}: metadata "config"`);
	const weightTensors = 2 * (config.layers.length - 1); // a weight and a bias per layer
	if (2 * weightTensors > tensors.size) {
		throw new ModelFormatError(`${source}: metadata "config" has ${config.layers.length} layers, whose current and initial weights need ${2 * weightTensors} tensors, but the file holds ${tensors.size}`);
	}

	const dataset = validateDataset(field('dataset'), `${source}: metadata "dataset"`, config.layers);
	const {epoch, rng} = validatePosition(field('position'), `${source}: metadata "position"`);
	const history = historyData === undefined
		? readHistory(metadata, source)
		: historyFromTensor(historyData.shape, historyData.data, epoch, `${source}: tensor "${historyTensorName}"`);
	if (history.length !== epoch) {
		throw new ModelFormatError(`${source}: metadata "history" has ${history.length} epochs, but "position" says ${epoch} completed`);
	}

	const hasVelocity = [...tensors.keys()].some(name => name.startsWith('velocity.'));
	if (hasVelocity && config.momentum === 0) {
		throw new ModelFormatError(`${source}: file has "velocity." tensors, but config momentum is 0`);
	}

	const snapshotEpochs = findSnapshotEpochs(tensors, epoch, source);
	const prefixes = ['', 'initial.', ...snapshotEpochs.map(e => `epoch.${e}.`), ...(hasVelocity ? ['velocity.'] : [])];
	checkTensors(tensors, config.layers, prefixes, () => `layers ${showValue(config.layers)} after ${epoch} epochs`, source);
	checkFinite(tensors, source);
	const take = (prefix: string): Parameters => takeParameters(tensors, prefix, config.layers);
	return {
		config,
		dataset,
		current: take(''),
		initial: take('initial.'),
		snapshots: snapshotEpochs.map(e => ({epoch: e, parameters: take(`epoch.${e}.`)})),
		history,
		position: {epoch, rng, velocity: hasVelocity ? take('velocity.') : null},
	};
}

/** Largest model file read: 2 GiB, what one Node buffer holds. */
const maxModelFileBytes = 2 ** 31 - 1;

/** Read and decode a model file; file-system errors become `${path}: no such file or directory` etc. */
export function readModelFile(path: string): Model {
	// The file's bytes are let go once decoded (tensors are copies), before the metadata is parsed.
	const [safetensors, headerLength] = decodeModelBytes(readModelBytes(path), path);
	return modelFromSafetensors(safetensors, headerLength, path);
}

function decodeModelBytes(bytes: Uint8Array, source: string): [Safetensors, number] {
	return [decodeSafetensors(bytes, source, maxModelHeaderLength), headerLengthOf(bytes)];
}

/**
 * Remove the `history` tensor of a version-2 file from `tensors` (the rest are weights) and return it;
 * F64 and present, or a ModelFormatError.
 */
function takeHistoryTensor(tensors: Map<string, Tensor>, source: string): {shape: number[]; data: Float64Array} {
	const tensor = tensors.get(historyTensorName);
	if (tensor === undefined) {
		throw new ModelFormatError(`${source}: missing tensor "${historyTensorName}" (the per-epoch history of a version-${modelVersion} file)`);
	}

	if (tensor.dtype !== 'F64') {
		throw new ModelFormatError(`${source}: tensor "${historyTensorName}" has dtype "${tensor.dtype}", expected "F64"`);
	}

	tensors.delete(historyTensorName);
	return tensor;
}

function readModelBytes(path: string): Uint8Array {
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

		return readFileSync(path);
	} catch (error) {
		if (error instanceof ModelFormatError) {
			throw error;
		}

		throw new ModelFormatError(`${path}: ${describeIoError(error)}`, {cause: error});
	}
}

/**
 * Encode a model and replace `path` with it atomically (temporary file, fsync, rename), writing the
 * tensors piece by piece rather than building the whole file in memory.
 */
export function writeModelFile(path: string, model: Model): void {
	writeFileAtomic(path, encodeSafetensorsParts(...modelTensors(model)));
}

/** Snapshot epochs must be completed epochs (1..`epoch`), each once, in order. */
function checkSnapshotEpochs(epochs: readonly number[], epoch: number, where: string): void {
	for (const [index, e] of epochs.entries()) {
		if (!Number.isSafeInteger(e) || e < 1 || e > epoch) {
			throw new ModelFormatError(`${where}: a snapshot of epoch ${showValue(e)}, but position says ${epoch} epochs completed`);
		}

		if (index > 0 && e <= epochs[index - 1]) {
			throw new ModelFormatError(`${where}: snapshot of epoch ${e} after one of epoch ${epochs[index - 1]}, expected increasing epochs`);
		}
	}
}

/** The epochs with `epoch.{e}.` tensors, in order; a name like that for an epoch not completed is an error. */
function findSnapshotEpochs(tensors: ReadonlyMap<string, Tensor>, epoch: number, source: string): number[] {
	const epochs = new Set<number>();
	for (const name of tensors.keys()) {
		const match = /^epoch\.([1-9]\d{0,15})\.layers\.\d+\.(?:weight|bias)$/.exec(name);
		if (match === null) {
			continue; // Not a snapshot's name: checkTensors reports it if it is no other tensor's either.
		}

		const e = Number(match[1]);
		if (e > epoch) {
			throw new ModelFormatError(`${source}: tensor ${quoted(name)} holds weights after epoch ${e}, but metadata "position" says ${epoch} epochs completed`);
		}

		epochs.add(e);
	}

	return [...epochs].sort((a, b) => a - b);
}

/** The file's version, modelVersion or modelVersion1, after checking it is one of our models. */
function checkFormat(metadata: Record<string, string>, source: string): string {
	const {format, version} = metadata;
	if (format === undefined) {
		throw new ModelFormatError(`${source}: not an nnviz-tui model: metadata "format" is missing, expected "${modelFormat}"`);
	}

	if (format !== modelFormat) {
		throw new ModelFormatError(`${source}: not an nnviz-tui model: metadata "format" is ${showValue(format)}, expected "${modelFormat}"`);
	}

	if (version !== modelVersion && version !== modelVersion1) {
		const found = version === undefined ? 'has no version' : `is version ${showValue(version)}`;
		throw new ModelFormatError(`${source}: model file ${found}, this nnviz-tui reads versions "${modelVersion1}" and "${modelVersion}" only`);
	}

	if (version === modelVersion && metadata.history !== undefined) {
		throw new ModelFormatError(`${source}: metadata "history" in a version-${modelVersion} file, which keeps its history in tensor "${historyTensorName}"`);
	}

	return version;
}

function metadataText(metadata: Record<string, string>, key: string, source: string): string {
	const text = metadata[key];
	if (text === undefined) {
		throw new ModelFormatError(`${source}: metadata "${key}" is missing`);
	}

	return text;
}

/** config, dataset, history and position are objects or arrays of flat objects and arrays: two levels. */
const metadataDepth = 2;

/** The history, which may be most of a file's header: parsed without a scan when in the written form. */
function readHistory(metadata: Record<string, string>, source: string): EpochRecord[] {
	const where = `${source}: metadata "history"`;
	return parseHistory(metadataText(metadata, 'history', source), where, text => {
		checkJsonShape(text, where, metadataDepth);
	});
}

function parseJsonField(metadata: Record<string, string>, key: string, source: string): unknown {
	const text = metadataText(metadata, key, source);
	checkJsonShape(text, `${source}: metadata "${key}"`, metadataDepth);
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw new ModelFormatError(`${source}: metadata "${key}" is not valid JSON: ${oneLine(errorMessage(error))}`);
	}
}

/**
 * Every tensor that `layers` gives each prefix present with its shape, and nothing else; `model`
 * describes what is expected. Fails at the first missing tensor, so its cost follows the tensors
 * present, not the layers claimed.
 */
function checkTensors(
	tensors: ReadonlyMap<string, Tensor>, layers: readonly number[], prefixes: readonly string[], model: () => string, source: string,
): void {
	for (const prefix of prefixes) {
		for (let l = 0; l + 1 < layers.length; l++) {
			checkTensor(tensors, `${prefix}layers.${l}.weight`, [layers[l + 1], layers[l]], model, source);
			checkTensor(tensors, `${prefix}layers.${l}.bias`, [layers[l + 1]], model, source);
		}
	}

	const expectedCount = prefixes.length * 2 * (layers.length - 1);
	if (tensors.size === expectedCount) {
		return;
	}

	const known = new Set(prefixes);
	for (const name of tensors.keys()) {
		const match = /^(.*?)layers\.(0|[1-9]\d*)\.(?:weight|bias)$/.exec(name);
		if (match === null || !known.has(match[1]) || Number(match[2]) >= layers.length - 1) {
			throw new ModelFormatError(`${source}: unexpected tensor ${quoted(name)}, a model with ${model()} has no such tensor`);
		}
	}
}

function checkTensor(tensors: ReadonlyMap<string, Tensor>, name: string, shape: readonly number[], model: () => string, source: string): void {
	const tensor = tensors.get(name);
	if (tensor === undefined) {
		throw new ModelFormatError(`${source}: missing tensor "${name}"`);
	}

	if (tensor.dtype !== 'F32') {
		throw new ModelFormatError(`${source}: tensor "${name}" has dtype "${tensor.dtype}", expected "F32" (weights)`);
	}

	if (tensor.shape.length !== shape.length || tensor.shape.some((size, i) => size !== shape[i])) {
		throw new ModelFormatError(`${source}: tensor "${name}" has shape ${showValue(tensor.shape)}, expected ${showValue(shape)} for ${model()}`);
	}
}

/** Weights are finite numbers: a NaN or an Infinity anywhere makes the file unusable. */
function checkFinite(tensors: ReadonlyMap<string, Tensor>, source: string): void {
	for (const [name, {data}] of tensors) { // weights only: the history tensor is checked on its own
		const i = indexOfNonFinite(data);
		if (i !== -1) {
			throw new ModelFormatError(`${source}: tensor ${quoted(name)} holds ${data[i]} at index ${i}; weights must be finite numbers`);
		}
	}
}

function takeParameters(tensors: ReadonlyMap<string, Tensor>, prefix: string, layers: readonly number[]): Parameters {
	const weights: Float32Array[] = [];
	const biases: Float32Array[] = [];
	for (let l = 0; l + 1 < layers.length; l++) {
		weights.push(tensors.get(`${prefix}layers.${l}.weight`)!.data as Float32Array); // F32: checkTensor
		biases.push(tensors.get(`${prefix}layers.${l}.bias`)!.data as Float32Array);
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
