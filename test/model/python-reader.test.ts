/**
 * Proves a model file is readable by other tools: a reader written with Python's standard library
 * alone (struct + json), following the safetensors specification rather than our decoder, opens it.
 * Runs only where python3 is installed.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {writeModelFile} from '../../src/model/model-file.js';
import {buildModel} from './model-fixture.js';

const hasPython = spawnSync('python3', ['--version']).status === 0;

const reader = String.raw`
import json, struct, sys

with open(sys.argv[1], 'rb') as f:
    data = f.read()
(n,) = struct.unpack('<Q', data[:8])
header = json.loads(data[8:8 + n].decode('utf-8'))
start = 8 + n
metadata = header.pop('__metadata__', {})
assert all(isinstance(v, str) for v in metadata.values())
end = 0
for name, info in sorted(header.items(), key=lambda item: item[1]['data_offsets']):
    begin, stop = info['data_offsets']
    count = 1
    for size in info['shape']:
        count *= size
    width = 8 if name == 'history' else 4
    assert info['dtype'] == ('F64' if name == 'history' else 'F32') and begin == end and stop - begin == width * count, name
    end = stop
assert start + end == len(data)
weight = header['layers.0.weight']
begin, stop = weight['data_offsets']
values = struct.unpack('<%df' % ((stop - begin) // 4), data[start + begin:start + stop])
begin, stop = header['history']['data_offsets']
history = struct.unpack('<%dd' % ((stop - begin) // 8), data[start + begin:start + stop])
print(json.dumps({
    'aligned': start % 8 == 0,
    'metadata': metadata,
    'shapes': {name: info['shape'] for name, info in header.items()},
    'weight': values,
    'history': history,
}))
`;

describe.runIf(hasPython)('a model file read by an independent Python reader', () => {
	it('has an aligned header, valid offsets, our metadata, the exact float32 weights and the float64 history', () => {
		const folder = mkdtempSync(join(tmpdir(), 'nnviz-python-'));
		try {
			const path = join(folder, 'm.safetensors');
			const script = join(folder, 'read.py');
			const model = buildModel();
			writeModelFile(path, model);
			writeFileSync(script, reader);
			const run = spawnSync('python3', [script, path], {encoding: 'utf8'});
			expect(run.stderr).toBe('');
			expect(run.status).toBe(0);
			const result = JSON.parse(run.stdout) as {aligned: boolean; metadata: Record<string, string>; shapes: Record<string, number[]>; weight: number[]; history: number[]};
			expect(result.aligned).toBe(true);
			expect(result.metadata.format).toBe('nnviz-tui-model');
			expect(JSON.parse(result.metadata.config)).toEqual(model.config);
			expect(result.shapes['layers.0.weight']).toEqual([3, 4]);
			expect(result.shapes['epoch.2.layers.1.bias']).toEqual([2]);
			expect(Object.keys(result.shapes)).toHaveLength(21);
			expect(result.shapes.history).toEqual([2, 5]);
			expect(result.history).toEqual(model.history.flatMap(r => [r.epoch, r.seconds, r.trainLoss, r.validationAccuracy, r.testAccuracy]));
			const expected = new Uint32Array(model.current.weights[0].buffer);
			expect([...new Uint32Array(Float32Array.from(result.weight).buffer)]).toEqual([...expected]);
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});
});
