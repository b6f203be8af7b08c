import {describe, expect, it} from 'vitest';
import {NnvizError} from '../../../src/errors.js';
import {kernelModule, kernelsPath, wasmKernelsStatus} from '../../../src/nn/wasm/kernels.js';

describe('loading the WebAssembly kernels', () => {
	it('finds the built kernels and says they run here', () => {
		expect(kernelsPath()).toMatch(/nn\/wasm\/kernels\.wasm$/);
		expect(wasmKernelsStatus()).toEqual({available: true});
	});

	it('says why when the file is missing, naming the path and the build', () => {
		const status = wasmKernelsStatus('/nonexistent/kernels.wasm');
		expect(status.available).toBe(false);
		expect(status.available ? '' : status.reason).toMatch(/cannot read \/nonexistent\/kernels\.wasm \(run npm run build\)/);
		expect(() => kernelModule('/nonexistent/kernels.wasm')).toThrow(NnvizError);
	});
});
