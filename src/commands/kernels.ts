import {UsageError} from '../errors.js';
import type {KernelChoice, KernelFamily} from '../nn/engine.js';
import {wasmKernelsStatus} from '../nn/wasm/kernels.js';

/**
 * The family --kernels means on this machine: 'auto' is wasm when its kernels load, else js; wasm
 * asked for that does not load is refused in one line, saying why. `status`: whether they load (default:
 * try them).
 */
export function resolveKernels(choice: KernelChoice, status: ReturnType<typeof wasmKernelsStatus> | undefined = undefined): KernelFamily {
	if (choice === 'js') {
		return 'js';
	}

	const wasm = status ?? wasmKernelsStatus();
	if (wasm.available) {
		return 'wasm';
	}

	if (choice === 'wasm') {
		throw new UsageError(`--kernels wasm: ${wasm.reason}; --kernels js trains without them`);
	}

	return 'js';
}
