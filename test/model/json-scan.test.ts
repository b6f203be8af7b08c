import {describe, expect, it} from 'vitest';
import {ModelFormatError} from '../../src/errors.js';
import {checkJsonShape} from '../../src/model/json-scan.js';
import {expectError} from './model-fixture.js';

const ok = (text: string, depth = 3): void => {
	expect(JSON.parse(text)).toBeDefined();
	checkJsonShape(text, 'x', depth);
};

describe('checkJsonShape', () => {
	it('accepts JSON within the depth, with brackets, quotes and backslashes inside strings', () => {
		ok('{"a":[1,{"b":"[[[{{{"}],"c":"\\\\","d":"\\"[[[["}');
		ok('[[[]]]');
		ok('{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}'); // the same key in different objects
	});

	it('counts depth through arrays and objects alike', () => {
		expectError(() => checkJsonShape('[{"a":[[1]]}]', 'x', 3), ModelFormatError, 'x: arrays and objects nest more than 3 deep (at character 7); a model file needs at most 3');
	});

	it('finds a repeated key written with an escape', () => {
		expectError(() => checkJsonShape('{"ab":1,"a\\u0062":2}', 'x', 3), ModelFormatError, 'x: key "ab" appears twice in one object (at character 8); each key may appear once');
	});

	it('finds a repeated key in an object with many keys', () => {
		const keys = Array.from({length: 40}, (_, i) => `"k${i}":${i}`);
		ok(`{${keys.join(',')}}`);
		expectError(() => checkJsonShape(`{${keys.join(',')},"k3":0}`, 'x', 3), ModelFormatError, /^x: key "k3" appears twice in one object/);
	});

	it('does not mistake a value for a key', () => {
		ok('{"a":"a","b":["a","a"]}');
	});
});
