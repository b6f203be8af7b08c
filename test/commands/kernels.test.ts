import {describe, expect, it} from 'vitest';
import {resolveKernels} from '../../src/commands/kernels.js';
import {UsageError} from '../../src/errors.js';
import {wasmKernelsStatus} from '../../src/nn/wasm/kernels.js';

const missing = {available: false, reason: 'WebAssembly kernels: cannot read /x/kernels.wasm (run npm run build)'} as const;

describe('--kernels', () => {
	it('means the WebAssembly kernels by default where they load, and the JavaScript ones where they do not', () => {
		expect(resolveKernels('auto', {available: true})).toBe('wasm');
		expect(resolveKernels('auto', missing)).toBe('js');
		// This machine built them (npm ci runs the build).
		expect(wasmKernelsStatus().available).toBe(true);
		expect(resolveKernels('auto')).toBe('wasm');
	});

	it('takes js and wasm as asked, and refuses wasm in one line that says why when they do not load', () => {
		expect(resolveKernels('js', missing)).toBe('js');
		expect(resolveKernels('wasm', {available: true})).toBe('wasm');
		expect(() => resolveKernels('wasm', missing)).toThrow(UsageError);
		expect(() => resolveKernels('wasm', missing)).toThrow('--kernels wasm: WebAssembly kernels: cannot read /x/kernels.wasm (run npm run build); --kernels js trains without them');
	});
});
