import {
	chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {
	FileWriteError, ModelFormatError, ShapeError, UsageError,
} from '../../src/errors.js';
import {defaultConfig} from '../../src/nn/config.js';
import type {Model} from '../../src/model/model.js';
import {
	decodeModel, encodeModel, readModelFile, validateConfig, writeModelFile,
} from '../../src/model/model-file.js';
import {type Tensor, decodeSafetensors, encodeSafetensors} from '../../src/model/safetensors.js';
import {buildModel, expectError, makeParameters, parameterBits, toVersion1} from './model-fixture.js';

const source = 'm.safetensors';

/** Encode a model, change its tensors or metadata, and encode again without the model checks. */
function edited(edit: (tensors: Map<string, Tensor>, metadata: Record<string, string>) => void, model: Model = buildModel()): Uint8Array {
	const {tensors, metadata} = decodeSafetensors(encodeModel(model), source);
	edit(tensors, metadata);
	return encodeSafetensors(tensors, metadata);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the edits write values of any shape, wrong ones on purpose
function editJson(key: string, change: (value: any) => void): Uint8Array {
	return edited((tensors, metadata) => {
		if (key === 'history') {
			toVersion1(tensors, metadata); // only a version-1 file keeps its history as JSON
		}

		const value: unknown = JSON.parse(metadata[key]);
		change(value);
		metadata[key] = JSON.stringify(value);
	});
}

describe('encodeModel and decodeModel', () => {
	it('still reads a version-1 file (history as JSON metadata) as the same model', () => {
		const model = buildModel();
		const bytes = edited(toVersion1, model);
		const decoded = decodeModel(bytes, source);
		expect(decoded.history).toStrictEqual(model.history);
		expect(decoded.position.epoch).toBe(2);
		expect(parameterBits(decoded.current)).toEqual(parameterBits(model.current));
	});

	it('round-trip a whole model bit for bit: weights, snapshots, momentum buffers and metadata', () => {
		const model = buildModel();
		const decoded = decodeModel(encodeModel(model), source);
		expect(decoded.config).toEqual(model.config);
		expect(decoded.dataset).toEqual(model.dataset);
		expect(decoded.history).toEqual(model.history);
		expect(decoded.position.epoch).toBe(2);
		expect(decoded.position.rng).toEqual(model.position.rng);
		expect(parameterBits(decoded.current)).toEqual(parameterBits(model.current));
		expect(parameterBits(decoded.initial)).toEqual(parameterBits(model.initial));
		const snapshotBits = (m: Model) => m.snapshots.map(({epoch, parameters}) => ({epoch, bits: parameterBits(parameters)}));
		expect(snapshotBits(decoded)).toEqual(snapshotBits(model));
		expect(parameterBits(decoded.position.velocity!)).toEqual(parameterBits(model.position.velocity!));
		expect(Object.is(decoded.current.weights[0][0], -0)).toBe(true);
	});

	it('round-trips an untrained model without momentum buffers', () => {
		const model: Model = {
			...buildModel(),
			config: {...buildModel().config, momentum: 0},
			snapshots: [],
			history: [],
			position: {epoch: 0, rng: [0, 0, 0, 9], velocity: null},
		};
		const decoded = decodeModel(encodeModel(model), source);
		expect(decoded.snapshots).toEqual([]);
		expect(decoded.position).toEqual({epoch: 0, rng: [0, 0, 0, 9], velocity: null});
	});

	it('names tensors as PyTorch nn.Linear does and keeps JSON metadata beside them', () => {
		const {tensors, metadata} = decodeSafetensors(encodeModel(buildModel()), source);
		expect(tensors.get('layers.0.weight')!.shape).toEqual([3, 4]);
		expect(tensors.get('layers.1.bias')!.shape).toEqual([2]);
		expect([...tensors.keys()].filter(name => name.startsWith('epoch.'))).toHaveLength(8);
		expect(tensors.has('initial.layers.1.weight')).toBe(true);
		expect(tensors.has('velocity.layers.0.bias')).toBe(true);
		expect(metadata.format).toBe('nnviz-tui-model');
		expect(metadata.version).toBe('2');
		expect(metadata.history).toBeUndefined();
		const history = tensors.get('history')!;
		expect(history.dtype).toBe('F64');
		expect(history.shape).toEqual([2, 5]);
		expect([...history.data]).toEqual([1, 0.25, 1.5, 0.5, 0.25, 2, 0.125, 0.75, 2 / 3, 1]);
		expect(metadata.created_by).toMatch(/nnviz-tui/);
		expect(JSON.parse(metadata.position)).toEqual({epoch: 2, rng: [1, 0xFF_FF_FF_FF, 0, 123_456]});
		expect(JSON.parse(metadata.config)).toEqual(buildModel().config);
	});

	it('gives decoded parameter sets their own arrays', () => {
		const decoded = decodeModel(encodeModel(buildModel()), source);
		decoded.current.weights[0][0] = 99;
		expect(decoded.snapshots[1].parameters.weights[0][0]).toBe(-0);
	});
});

describe('decodeModel rejects', () => {
	const cases: Array<[string, () => Uint8Array, string]> = [
		['a missing tensor', () => edited(tensors => tensors.delete('layers.1.bias')), 'm.safetensors: missing tensor "layers.1.bias"'],
		['a missing snapshot tensor', () => edited(tensors => tensors.delete('epoch.2.layers.0.weight')), 'm.safetensors: missing tensor "epoch.2.layers.0.weight"'],
		['a tensor of the wrong shape', () => edited(tensors => {
			tensors.set('layers.0.weight', {...tensors.get('layers.0.weight')!, shape: [4, 3]});
		}), 'm.safetensors: tensor "layers.0.weight" has shape [4,3], expected [3,4] for layers [4,3,2] after 2 epochs'],
		['a snapshot of an epoch not completed', () => edited(tensors => {
			tensors.set('epoch.3.layers.0.bias', {dtype: 'F32', shape: [3], data: new Float32Array(3)});
		}), 'm.safetensors: tensor "epoch.3.layers.0.bias" holds weights after epoch 3, but metadata "position" says 2 epochs completed'],
		['an unexpected tensor', () => edited(tensors => {
			tensors.set('layers.2.bias', {dtype: 'F32', shape: [3], data: new Float32Array(3)});
		}), 'm.safetensors: unexpected tensor "layers.2.bias", a model with layers [4,3,2] after 2 epochs has no such tensor'],
		['an incomplete set of momentum buffers', () => edited(tensors => tensors.delete('velocity.layers.1.weight')), 'm.safetensors: missing tensor "velocity.layers.1.weight"'],
		['momentum buffers when momentum is 0', () => editJson('config', config => {
			config.momentum = 0;
		}), 'm.safetensors: file has "velocity." tensors, but config momentum is 0'],
		['a config with one layer', () => editJson('config', config => {
			config.layers = [784];
		}), 'm.safetensors: metadata "config": layers must be at least two positive integers, got [784]'],
		['a config with an unknown activation', () => editJson('config', config => {
			config.activation = 'swish';
		}), 'm.safetensors: metadata "config": activation must be one of sigmoid, tanh, relu, got "swish"'],
		['config metadata that is not JSON', () => edited((_, metadata) => {
			metadata.config = '{layers:';
		}), 'm.safetensors: metadata "config" is not valid JSON: ' + jsonError('{layers:')],
		['missing dataset metadata', () => edited((_, metadata) => {
			delete metadata.dataset;
		}), 'm.safetensors: metadata "dataset" is missing'],
		['a dataset whose images do not fit the input layer', () => editJson('dataset', dataset => {
			dataset.rows = 3;
		}), 'm.safetensors: metadata "dataset": rows x cols = 3 x 2 = 6 pixels, but the input layer has 4 neurons'],
		['a dataset whose classes do not fit the output layer', () => editJson('dataset', dataset => {
			dataset.classNames = ['a', 'b', 'c'];
		}), 'm.safetensors: metadata "dataset": 3 class names, but the output layer has 2 neurons'],
		['history that does not match the epoch count', () => editJson('position', position => {
			position.epoch = 1;
		}), 'm.safetensors: tensor "history": shape [2,5], expected [1, 5] (1 epochs completed; epoch, seconds, trainLoss, validationAccuracy, testAccuracy)'],
		['history records out of order', () => editJson('history', history => {
			history.reverse();
		}), 'm.safetensors: metadata "history"[0]: epoch must be 1, got 2'],
		['an accuracy outside 0..1', () => editJson('history', history => {
			history[1].testAccuracy = 97.5;
		}), 'm.safetensors: metadata "history"[1]: testAccuracy must be a fraction from 0 to 1, got 97.5'],
		['an all-zero generator state', () => editJson('position', position => {
			position.rng = [0, 0, 0, 0];
		}), 'm.safetensors: metadata "position": rng must be 4 unsigned 32-bit integers, not all zero, got [0,0,0,0]'],
		['a generator word over 32 bits', () => editJson('position', position => {
			position.rng = [1, 2, 3, 2 ** 32];
		}), 'm.safetensors: metadata "position": rng must be 4 unsigned 32-bit integers, not all zero, got [1,2,3,4294967296]'],
		['a wrong format string', () => edited((_, metadata) => {
			metadata.format = 'pytorch';
		}), 'm.safetensors: not an nnviz-tui model: metadata "format" is "pytorch", expected "nnviz-tui-model"'],
		['a plain safetensors file without our metadata', () => encodeSafetensors(new Map([['w', {shape: [1], data: new Float32Array(1)}]])), 'm.safetensors: not an nnviz-tui model: metadata "format" is missing, expected "nnviz-tui-model"'],
		['another model file version', () => edited((_, metadata) => {
			metadata.version = '3';
		}), 'm.safetensors: model file is version "3", this nnviz-tui reads versions "1" and "2" only'],
		['a text file', () => new TextEncoder().encode('hello, this is a text file\n'), 'm.safetensors: byte 0: header length 8367736964726416744 is over the 100000000-byte limit; not a safetensors file'],
	];

	it.each(cases)('%s, with a one-line message', (_, bytes, message) => {
		expectError(() => decodeModel(bytes(), source), ModelFormatError, message);
	});
});

function jsonError(text: string): string {
	try {
		JSON.parse(text);
	} catch (error) {
		return (error as Error).message.replaceAll(/\s+/g, ' ');
	}

	return '';
}

describe('validateConfig', () => {
	const cases: Array<[string, Record<string, unknown>, string]> = [
		['a zero layer size', {layers: [784, 0, 10]}, 'layers must be at least two positive integers, got [784,0,10]'],
		['layers that are not an array', {layers: '784,10'}, 'layers must be at least two positive integers, got "784,10"'],
		['an unknown output function', {output: 'linear'}, 'output must be one of sigmoid, softmax, got "linear"'],
		['an unknown cost', {cost: 'hinge'}, 'cost must be one of quadratic, cross-entropy, got "hinge"'],
		['an unknown init', {init: undefined}, 'init must be one of large, scaled, got nothing'],
		['a fractional batch', {batch: 1.5}, 'batch must be a positive integer, got 1.5'],
		['a zero eta', {eta: 0}, 'eta must be a finite number above 0, got 0'],
		['an infinite eta', {eta: Number.POSITIVE_INFINITY}, 'eta must be a finite number above 0, got Infinity'],
		['a negative lambda', {lambda: -1}, 'lambda must be a finite number >= 0, got -1'],
		['momentum of 1', {momentum: 1}, 'momentum must be a number >= 0 and < 1, got 1'],
		['a non-integer seed', {seed: '7'}, 'seed must be an integer, got "7"'],
		['an unknown field', {lr: 3}, 'unknown field "lr", expected only layers, activation, output, cost, init, batch, eta, lambda, momentum, seed'],
	];

	it.each(cases)('rejects %s', (_, change, message) => {
		expectError(() => validateConfig({...defaultConfig, ...change}, 'config.json'), ModelFormatError, `config.json: ${message}`);
	});

	it('rejects a value that is not an object', () => {
		expectError(() => validateConfig([1], 'x'), ModelFormatError, 'x: expected a JSON object, got [1]');
	});

	it('accepts the default config and returns a copy', () => {
		const config = validateConfig(defaultConfig, 'x');
		expect(config).toEqual(defaultConfig);
		expect(config.layers).not.toBe(defaultConfig.layers);
	});

	it('throws the error class the caller asks for', () => {
		expectError(() => validateConfig({...defaultConfig, batch: 0}, '--batch', UsageError), UsageError, '--batch: batch must be a positive integer, got 0');
	});
});

describe('encodeModel refuses a model it could not read back', () => {
	it('when a snapshot has the wrong number of weights', () => {
		const model = buildModel();
		model.snapshots[1].parameters.weights[1] = new Float32Array(5);
		expectError(() => encodeModel(model), ShapeError, 'cannot save model: epoch.2 parameters: layer 1 has 5 weights and 2 biases, expected 2 x 3 = 6 and 2');
	});

	it('when a snapshot is of an epoch not completed', () => {
		const model = buildModel();
		model.snapshots.push({epoch: 3, parameters: makeParameters(4)});
		expectError(() => encodeModel(model), ModelFormatError, 'cannot save model: a snapshot of epoch 3, but position says 2 epochs completed');
	});

	it('when the snapshots are out of order', () => {
		const model = buildModel();
		model.snapshots.reverse();
		expectError(() => encodeModel(model), ModelFormatError, 'cannot save model: snapshot of epoch 1 after one of epoch 2, expected increasing epochs');
	});

	it('when an accuracy is not a number', () => {
		const model = buildModel();
		model.history[0].validationAccuracy = Number.NaN;
		expectError(() => encodeModel(model), ModelFormatError, 'cannot save model: history[0]: validationAccuracy must be a fraction from 0 to 1, got NaN');
	});

	it('when the parameters are for other layer sizes', () => {
		const model = {...buildModel(), initial: {...makeParameters(1), layers: [4, 3, 3]}};
		expectError(() => encodeModel(model), ShapeError, 'cannot save model: initial parameters: layers [4,3,3], expected [4,3,2] as in config');
	});
});

describe('model files', () => {
	let folder: string;
	beforeEach(() => {
		folder = mkdtempSync(join(tmpdir(), 'nnviz-model-'));
	});
	afterEach(() => {
		chmodSync(folder, 0o700);
		rmSync(folder, {recursive: true, force: true});
	});

	it('are written and read back, leaving no temporary file', () => {
		const path = join(folder, 'm.safetensors');
		writeModelFile(path, buildModel());
		expect(readdirSync(folder)).toEqual(['m.safetensors']);
		expect(parameterBits(readModelFile(path).current)).toEqual(parameterBits(buildModel().current));
	});

	it('replace an existing file with the new content', () => {
		const path = join(folder, 'm.safetensors');
		writeFileSync(path, 'old content');
		writeModelFile(path, buildModel());
		expect(readFileSync(path)).toEqual(Buffer.from(encodeModel(buildModel())));
		expect(readdirSync(folder)).toEqual(['m.safetensors']);
	});

	it('keep the old file when the model cannot be encoded', () => {
		const path = join(folder, 'm.safetensors');
		writeFileSync(path, 'old content');
		const model = buildModel();
		model.position.rng = [0, 0, 0, 0];
		expect(() => writeModelFile(path, model)).toThrow(ModelFormatError);
		expect(readFileSync(path, 'utf8')).toBe('old content');
		expect(readdirSync(folder)).toEqual(['m.safetensors']);
	});

	it('are not written over a directory, and the temporary file is removed', () => {
		const path = join(folder, 'taken');
		mkdirSync(path);
		writeFileSync(join(path, 'inside'), 'x');
		expectError(() => writeModelFile(path, buildModel()), FileWriteError, `${path}: cannot write: is a directory, expected a file`);
		expect(readdirSync(folder)).toEqual(['taken']);
		expect(readdirSync(path)).toEqual(['inside']);
	});

	it('are not written into a folder that does not exist', () => {
		const path = join(folder, 'missing', 'm.safetensors');
		expectError(() => writeModelFile(path, buildModel()), FileWriteError, `${path}: cannot write: no such file or directory`);
		expect(readdirSync(folder)).toEqual([]);
	});

	it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('are not written into a read-only folder, and the old file stays', () => {
		const path = join(folder, 'm.safetensors');
		writeFileSync(path, 'old content');
		chmodSync(folder, 0o500);
		expectError(() => writeModelFile(path, buildModel()), FileWriteError, `${path}: cannot write: permission denied`);
		expect(readFileSync(path, 'utf8')).toBe('old content');
		expect(readdirSync(folder)).toEqual(['m.safetensors']);
	});

	it('that are missing give a one-line error', () => {
		const path = join(folder, 'nope.safetensors');
		expectError(() => readModelFile(path), ModelFormatError, `${path}: no such file or directory`);
	});

	it('that are directories give a one-line error', () => {
		expectError(() => readModelFile(folder), ModelFormatError, `${folder}: is a directory, expected a file`);
	});

	it('that are not regular files (a device) are refused without reading them', () => {
		expectError(() => readModelFile('/dev/zero'), ModelFormatError, '/dev/zero: not a regular file (a device or a pipe?), expected a model file');
	});

	it('that are text files are rejected as not safetensors, in one line', () => {
		const long = join(folder, 'notes.txt');
		writeFileSync(long, 'These are notes, not a model.\nSecond line.\n');
		expectError(() => readModelFile(long), ModelFormatError, new RegExp(`^${escape(long)}: byte 0: header length \\d+ is over the 100000000-byte limit; not a safetensors file$`));
		const short = join(folder, 'short.txt');
		writeFileSync(short, 'hi\n');
		expectError(() => readModelFile(short), ModelFormatError, `${short}: file is 3 bytes, too short for the 8-byte safetensors header length; not a safetensors file`);
	});
});

function escape(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
}
