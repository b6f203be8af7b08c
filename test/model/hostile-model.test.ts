import {describe, expect, it} from 'vitest';
import {ModelFormatError} from '../../src/errors.js';
import {decodeModel, encodeModel} from '../../src/model/model-file.js';
import {type Tensor, decodeSafetensors, encodeSafetensors} from '../../src/model/safetensors.js';
import {historyTensor} from '../../src/model/model-metadata.js';
import {buildModel, expectError, toVersion1} from './model-fixture.js';

const source = 'm.safetensors';

/**
 * Encode the fixture model, change its tensors or metadata, and encode again without the model checks;
 * as a version-1 file (history in metadata) unless `version` is 2.
 */
function edited(edit: (tensors: Map<string, Tensor>, metadata: Record<string, string>) => void, version: 1 | 2 = 1): Uint8Array {
	const {tensors, metadata} = decodeSafetensors(encodeModel(buildModel()), source);
	if (version === 1) {
		toVersion1(tensors, metadata);
	}

	edit(tensors, metadata);
	return encodeSafetensors(tensors, metadata);
}

/** A safetensors file with this exact header text and no data. */
function rawFile(header: string): Uint8Array {
	const text = new TextEncoder().encode(header);
	const bytes = new Uint8Array(8 + text.length);
	new DataView(bytes.buffer).setBigUint64(0, BigInt(text.length), true);
	bytes.set(text, 8);
	return bytes;
}

/** The fixture's metadata as header JSON text, with `extra` spliced in after the opening brace. */
function headerWith(extra: string): string {
	const {metadata} = decodeSafetensors(encodeModel(buildModel()), source);
	return `{"__metadata__":{${extra}${JSON.stringify(metadata).slice(1)}}`;
}

const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Decode `bytes` and return how long it took, in ms, expecting a one-line ModelFormatError `message`. */
function refusedIn(bytes: Uint8Array, message: string | RegExp): number {
	const started = performance.now();
	expectError(() => decodeModel(bytes, source), ModelFormatError, message);
	return performance.now() - started;
}

describe('decodeModel refuses deep nesting before JSON.parse can overflow the stack', () => {
	it.each(['dataset', 'history', 'position'])('in metadata "%s", 5,000 and 100,000 levels deep', key => {
		for (const depth of [5000, 100_000]) {
			const bytes = edited((_, metadata) => {
				metadata[key] = nested(depth);
			});
			refusedIn(bytes, `m.safetensors: metadata "${key}": arrays and objects nest more than 2 deep (at character 2); a model file needs at most 2`);
		}
	});

	it('in metadata "config", 5,000 levels deep (longer than any config of this file\'s tensors) and 500 deep', () => {
		refusedIn(edited((_, metadata) => {
			metadata.config = nested(5000);
		}), 'm.safetensors: metadata "config" is 10000 characters; with 20 tensors a model has at most 6 layers and a config of at most 1144 characters');
		refusedIn(edited((_, metadata) => {
			metadata.config = nested(500);
		}), 'm.safetensors: metadata "config": arrays and objects nest more than 2 deep (at character 2); a model file needs at most 2');
	});

	it('in a tensor shape in the header', () => {
		const header = `{"w":{"dtype":"F32","shape":${nested(5000)},"data_offsets":[0,0]}}`;
		refusedIn(rawFile(header), /^m\.safetensors: header \(bytes 8\.\.\d+\): arrays and objects nest more than 3 deep \(at character 29\); a model file needs at most 3$/);
	});
});

describe('decodeModel refuses repeated keys, naming the key', () => {
	it('in the header metadata', () => {
		refusedIn(rawFile(headerWith('"format":"nnviz-tui-model",')), /^m\.safetensors: header \(bytes 8\.\.\d+\): key "format" appears twice in one object \(at character \d+\); each key may appear once$/);
	});

	it('among the tensors', () => {
		const header = '{"w":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},"\\u0077":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}}';
		refusedIn(rawFile(header), /^m\.safetensors: header \(bytes 8\.\.\d+\): key "w" appears twice in one object/);
	});

	it('in a metadata JSON value', () => {
		const bytes = edited((_, metadata) => {
			metadata.config = metadata.config.replace('"eta":', '"eta":100,"eta":');
		});
		refusedIn(bytes, /^m\.safetensors: metadata "config": key "eta" appears twice in one object \(at character \d+\); each key may appear once$/);
	});
});

describe('decodeModel checks counts against the tensors present before building anything', () => {
	it('refuses 1,000,000 layers in a 2 MB file at once', () => {
		const bytes = edited((_, metadata) => {
			const config = JSON.parse(metadata.config) as {layers: number[]};
			config.layers = [4, ...Array.from({length: 999_998}, () => 3), 2];
			metadata.config = JSON.stringify(config);
		});
		const ms = refusedIn(bytes, /^m\.safetensors: metadata "config" is 20001\d\d characters; with 20 tensors a model has at most 6 layers and a config of at most 1144 characters$/);
		expect(ms).toBeLessThan(2000); // about 30 ms here; it took 30 s and 0.9 GB before
	});

	it('refuses a short config naming more layers than the tensors present can hold', () => {
		const bytes = edited((_, metadata) => {
			const config = JSON.parse(metadata.config) as {layers: number[]};
			config.layers = [4, 3, 3, 3, 3, 3, 3, 3, 2];
			metadata.config = JSON.stringify(config);
		});
		refusedIn(bytes, 'm.safetensors: metadata "config" has 9 layers, whose current and initial weights need 32 tensors, but the file holds 20');
	});

	it('reads a version-2 file with a 100,000-epoch history tensor whose snapshots were thinned out, quickly', () => {
		const bytes = edited((tensors, metadata) => {
			for (const name of [...tensors.keys()].filter(n => n.startsWith('epoch.'))) {
				tensors.delete(name);
			}

			const history = Array.from({length: 100_000}, (_, i) => ({epoch: i + 1, seconds: 0, trainLoss: 1, validationAccuracy: 0.5, testAccuracy: 0.5}));
			tensors.set('history', {dtype: 'F64', ...historyTensor(history)});
			metadata.position = JSON.stringify({...JSON.parse(metadata.position) as object, epoch: 100_000});
		}, 2);
		const started = performance.now();
		const model = decodeModel(bytes, source);
		expect(performance.now() - started).toBeLessThan(600); // about 30 ms here
		expect(model.position.epoch).toBe(100_000);
		expect(model.snapshots).toEqual([]);
	});

	it('refuses a snapshot of an epoch the history does not have', () => {
		const bytes = edited(tensors => {
			const tensor = tensors.get('epoch.2.layers.0.weight')!;
			tensors.delete('epoch.2.layers.0.weight');
			tensors.set('epoch.99999999.layers.0.weight', tensor);
		});
		refusedIn(bytes, 'm.safetensors: tensor "epoch.99999999.layers.0.weight" holds weights after epoch 99999999, but metadata "position" says 2 epochs completed');
	});

	it('reads a file that keeps snapshots of some epochs only', () => {
		const bytes = edited(tensors => {
			for (const name of [...tensors.keys()].filter(n => n.startsWith('epoch.1.'))) {
				tensors.delete(name);
			}
		});
		expect(decodeModel(bytes, source).snapshots.map(s => s.epoch)).toEqual([2]);
	});
});

describe('decodeModel refuses weights that are not finite numbers, naming the tensor', () => {
	it.each([[Number.NaN, 'NaN'], [Number.POSITIVE_INFINITY, 'Infinity'], [Number.NEGATIVE_INFINITY, '-Infinity']])('%s', (value, shown) => {
		const bytes = edited(tensors => {
			tensors.get('velocity.layers.1.weight')!.data[4] = value;
		});
		refusedIn(bytes, `m.safetensors: tensor "velocity.layers.1.weight" holds ${shown} at index 4; weights must be finite numbers`);
	});
});

describe('decodeModel refuses class names that would print control or direction characters', () => {
	it.each([
		['a C1 control (NEL)', 'a\u0085b', 'U+0085', String.raw`"a\u0085b"`],
		['a C1 control (CSI)', '\u009B31m', 'U+009B', String.raw`"\u009B31m"`],
		['a C0 control (ESC)', '\u001B[31m', 'U+001B', String.raw`"\u001b[31m"`],
		['a right-to-left override', 'evil\u202Etxt', 'U+202E', String.raw`"evil\u202Etxt"`],
		['a first-strong isolate', '\u2068x', 'U+2068', String.raw`"\u2068x"`],
	])('%s, in one line that shows it escaped', (_, name, code, shown) => {
		const bytes = edited((_tensors, metadata) => {
			metadata.dataset = metadata.dataset.replace('"zero"', JSON.stringify(name));
		});
		refusedIn(bytes, `m.safetensors: metadata "dataset": classNames[0] ${shown} holds the control or direction character ${code} at ${name.search(/[^\w[]/)}, expected printable text`);
	});

	it('while letters of any script are fine', () => {
		expect(decodeModel(encodeModel(buildModel()), source).dataset.classNames).toEqual(['zero', 'один']);
	});

	it('and shows a tensor name with such characters escaped in its messages', () => {
		const bytes = edited(tensors => {
			tensors.set('x\u202Ey', {dtype: 'F32', shape: [1], data: new Float32Array(1)});
		});
		refusedIn(bytes, String.raw`m.safetensors: unexpected tensor "x\u202Ey", a model with layers [4,3,2] after 2 epochs has no such tensor`);
	});
});

describe('a version-1 history (JSON) is read up to 1,000,000 characters in any form', () => {
	/** The fixture with `count` epochs of history (no snapshots), each record written by `write`. */
	const withHistory = (count: number, write: (epoch: number) => string): Uint8Array => edited((tensors, metadata) => {
		for (const name of [...tensors.keys()].filter(n => n.startsWith('epoch.'))) {
			tensors.delete(name);
		}

		metadata.history = `[${Array.from({length: count}, (_, i) => write(i + 1)).join(',')}]`;
		metadata.position = JSON.stringify({...JSON.parse(metadata.position) as object, epoch: count});
	});
	const written = (epoch: number): string => JSON.stringify({epoch, seconds: 1.25, trainLoss: 2.5e-7, validationAccuracy: 0.9, testAccuracy: 1});
	const spaced = (epoch: number): string => `{"epoch": ${epoch}, "seconds": 1.25, "trainLoss": 0.5, "validationAccuracy": 0.9, "testAccuracy": 1}`;

	it('reads 10,000 written records as EpochRecords with exactly the five fields', () => {
		const {history} = decodeModel(withHistory(10_000, written), source);
		expect(history).toHaveLength(10_000);
		expect(history[9999]).toStrictEqual({epoch: 10_000, seconds: 1.25, trainLoss: 2.5e-7, validationAccuracy: 0.9, testAccuracy: 1});
	});

	it('still checks every written record: a wrong epoch or an accuracy over 1 is refused', () => {
		refusedIn(withHistory(3, epoch => written(epoch === 2 ? 7 : epoch)), 'm.safetensors: metadata "history"[1]: epoch must be 2, got 7');
		refusedIn(withHistory(3, epoch => (epoch === 3 ? written(epoch).replace('"testAccuracy":1', '"testAccuracy":1.5') : written(epoch))), 'm.safetensors: metadata "history"[2]: testAccuracy must be a fraction from 0 to 1, got 1.5');
	});

	it('reads a short history in another form (spaces), and still refuses a repeated key in it', () => {
		expect(decodeModel(withHistory(3, spaced), source).history[2].epoch).toBe(3);
		refusedIn(withHistory(3, epoch => spaced(epoch).replace('"seconds"', '"seconds": 2, "seconds"')), /^m\.safetensors: metadata "history": key "seconds" appears twice in one object/);
		refusedIn(withHistory(3, epoch => spaced(epoch).replace('}', ', "extra": [[[1]]]}')), /^m\.safetensors: metadata "history": arrays and objects nest more than 2 deep/);
	});

	it.each([['written', written], ['spaced', spaced]])('refuses a version-1 history over 1,000,000 characters (%s) at once, saying the file is from an older nnviz-tui', (_, write) => {
		const ms = refusedIn(withHistory(12_000, write), /^m\.safetensors: metadata "history": \d+ characters, over the 1000000 read from a version-1 file; the file is from an older nnviz-tui and its history is too long$/);
		expect(ms).toBeLessThan(1000);
	});
});

describe('a version-2 file keeps its history in the F64 tensor "history", checked like the records were', () => {
	const withRows = (shape: number[], values: number[]): Uint8Array => edited(tensors => {
		tensors.set('history', {dtype: 'F64', shape, data: Float64Array.from(values)});
	}, 2);
	const good = [1, 0.25, 1.5, 0.5, 0.25, 2, 0.125, 0.75, 2 / 3, 1];

	it('reads the rows back as the records written', () => {
		expect(decodeModel(withRows([2, 5], good), source).history).toStrictEqual(buildModel().history);
	});

	it.each([
		['a shape with another epoch count', [3, 5], [...good, 3, 0, 0, 0, 0], 'm.safetensors: tensor "history": shape [3,5], expected [2, 5] (2 epochs completed; epoch, seconds, trainLoss, validationAccuracy, testAccuracy)'],
		['a shape with another column count', [2, 4], good.slice(0, 8), 'm.safetensors: tensor "history": shape [2,4], expected [2, 5] (2 epochs completed; epoch, seconds, trainLoss, validationAccuracy, testAccuracy)'],
		['a NaN loss', [2, 5], good.map((v, i) => (i === 7 ? Number.NaN : v)), 'm.safetensors: tensor "history": row 1: trainLoss must be a finite number, got NaN'],
		['epochs out of order', [2, 5], good.map((v, i) => (i === 0 ? 2 : (i === 5 ? 1 : v))), 'm.safetensors: tensor "history": row 0: epoch must be 1, got 2'],
		['a negative time', [2, 5], good.map((v, i) => (i === 1 ? -1 : v)), 'm.safetensors: tensor "history": row 0: seconds must be a finite number >= 0, got -1'],
		['an accuracy over 1', [2, 5], good.map((v, i) => (i === 9 ? 1.5 : v)), 'm.safetensors: tensor "history": row 1: testAccuracy must be a fraction from 0 to 1, got 1.5'],
	])('refuses %s, in one line', (_, shape, values, message) => {
		refusedIn(withRows(shape, values), message);
	});

	it('refuses a history tensor that is missing or F32, and JSON history metadata beside it', () => {
		refusedIn(edited(tensors => tensors.delete('history'), 2), 'm.safetensors: missing tensor "history" (the per-epoch history of a version-2 file)');
		refusedIn(edited(tensors => {
			tensors.set('history', {dtype: 'F32', shape: [2, 5], data: Float32Array.from(good)});
		}, 2), 'm.safetensors: tensor "history" has dtype "F32", expected "F64"');
		refusedIn(edited((_, metadata) => {
			metadata.history = '[]';
		}, 2), 'm.safetensors: metadata "history" in a version-2 file, which keeps its history in tensor "history"');
	});

	it('refuses a version-2 header over its bound (1,000,000 bytes + 1,000 a tensor), and any header over 4,000,000 bytes before decoding it', () => {
		refusedIn(edited((_, metadata) => {
			metadata.note = 'x'.repeat(1_100_000);
		}, 2), /^m\.safetensors: header of 110\d{4} bytes; a version-2 model file with 21 tensors has at most 1021000$/);
		const ms = refusedIn(edited((_, metadata) => {
			metadata.note = 'x'.repeat(5_000_000);
		}), /^m\.safetensors: byte 0: header length 50\d{5} is over the 4000000-byte limit; longer than any model file nnviz-tui writes$/);
		expect(ms).toBeLessThan(300);
	});
});
