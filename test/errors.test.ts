import {describe, expect, it} from 'vitest';
import {ModelFormatError, describeIoError, errorMessage, printable} from '../src/errors.js';
import {quoted} from '../src/model/describe-value.js';

describe('errorMessage', () => {
	it('gives an Error\'s message without its class name, and anything else thrown as a string', () => {
		expect(errorMessage(new ModelFormatError('m.safetensors: truncated'))).toBe('m.safetensors: truncated');
		expect(errorMessage('plain text')).toBe('plain text');
		expect(errorMessage(42)).toBe('42');
		expect(errorMessage(undefined)).toBe('undefined');
	});

	it('is what describeIoError falls back on, with the file names left out', () => {
		const error = Object.assign(new Error('EXDEV: cross-device link not permitted, rename \'/a/.tmp\' -> \'/b/x\''), {code: 'EXDEV'});
		expect(describeIoError(error)).toBe('EXDEV: cross-device link not permitted, rename');
	});
});

describe('printable', () => {
	it('escapes C0, DEL, C1, bidi controls, LRM/RLM/ALM and line separators, and leaves other text alone', () => {
		expect(printable('x\u001B[31mred\u007F\u009B\u202A\u202E\u2066\u2069\u200E\u200F\u061C\u2028\u2029\n\t')).toBe(
			'x\\u001B[31mred\\u007F\\u009B\\u202A\\u202E\\u2066\\u2069\\u200E\\u200F\\u061C\\u2028\\u2029\\u000A\\u0009');
		expect(printable('plain/path with spaces, é, 字, 🙂 and \\ backslash')).toBe('plain/path with spaces, é, 字, 🙂 and \\ backslash');
	});

	it('is what the model reader escapes strings from files with', () => {
		expect(quoted('a\u202Eb\u2066')).toBe(`"${printable('a\u202Eb\u2066')}"`);
	});
});
