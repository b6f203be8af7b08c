import {describe, expect, it} from 'vitest';
import {ModelFormatError, describeIoError, errorMessage} from '../src/errors.js';

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
