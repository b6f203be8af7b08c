import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {NnvizError} from '../../errors.js';

// lib ES2023 and @types/node 20 do not declare WebAssembly: the little of it used here.
type WasmModule = object;
type WasmMemory = {readonly buffer: ArrayBuffer; grow(pages: number): number};
const wasm = (globalThis as unknown as {
	readonly WebAssembly: {
		readonly Module: new (bytes: Uint8Array) => WasmModule;
		readonly Instance: new (module: WasmModule, imports: object) => {readonly exports: unknown};
	};
}).WebAssembly;

/** The exports of kernels.wasm (built from ./assembly/kernels.ts); pointers are byte offsets into memory. */
export type KernelExports = {
	readonly memory: WasmMemory;
	heapBase(): number;
	countNonZero(images: number, count: number, nIn: number): number;
	encodeImages(split: number, images: number, first: number, count: number, nIn: number): void;
	trainSlice(net: number, split: number, order: number, count: number, batch: number, eta: number, lambda: number, mu: number, n: number): number;
	predictSlice(net: number, images: number, count: number, out: number): void;
	forwardImage(net: number, image: number): void;
};

/**
 * Where the built kernels are: beside this module in dist/nn/wasm/, which `npm run build` (and so
 * `npm ci`) writes; when this module runs from src/ (vitest), the built copy in dist/.
 */
export function kernelsPath(): string {
	const beside = fileURLToPath(new URL('kernels.wasm', import.meta.url));
	const built = fileURLToPath(new URL('../../../dist/nn/wasm/kernels.wasm', import.meta.url));
	return existsSync(beside) || !existsSync(built) ? beside : built;
}

const compiled = new Map<string, WasmModule>();

/** The compiled kernels module (compiled once per path). Throws an NnvizError when it is missing or will not compile. */
export function kernelModule(path = kernelsPath()): WasmModule {
	let module = compiled.get(path);
	if (!module) {
		let bytes: Uint8Array;
		try {
			bytes = readFileSync(path);
		} catch (error) {
			throw new NnvizError(`WebAssembly kernels: cannot read ${path} (run npm run build): ${(error as Error).message}`, {cause: error});
		}

		try {
			module = new wasm.Module(bytes);
		} catch (error) {
			throw new NnvizError(`WebAssembly kernels: ${path} does not compile here (WebAssembly SIMD needed): ${(error as Error).message}`, {cause: error});
		}

		compiled.set(path, module);
	}

	return module;
}

/** A fresh instance of the kernels, with its own memory. */
export function instantiateKernels(module = kernelModule()): KernelExports {
	return new wasm.Instance(module, {}).exports as unknown as KernelExports;
}

/** Whether the WebAssembly kernels load and run on this machine (the reason when not). */
export function wasmKernelsStatus(path = kernelsPath()): {readonly available: true} | {readonly available: false; readonly reason: string} {
	try {
		instantiateKernels(kernelModule(path));
		return {available: true};
	} catch (error) {
		return {available: false, reason: (error as Error).message};
	}
}
