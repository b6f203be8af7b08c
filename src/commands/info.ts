import type {InfoCommand} from './command-types.js';
import {readModelFile} from '../model/model-file.js';
import {wasmKernelsStatus} from '../nn/wasm/kernels.js';
import {resolveKernels} from './kernels.js';
import {count, percent, shown, table} from './format.js';
import type {CommandIo} from './io.js';

/** `nnviz-tui info`: what a model file holds. */
export function runInfo(command: InfoCommand, io: CommandIo): number {
	const model = readModelFile(command.model);
	const {config: c, dataset: d, history} = model;
	// The kernels train and eval would use here by default (--kernels auto), and why wasm would not.
	const wasm = wasmKernelsStatus();
	const kernels = resolveKernels('auto', wasm);
	if (command.json) {
		const kernelInfo = {default: kernels, wasm: wasm.available ? 'available' : wasm.reason};
		io.stdout.write(shown(`${JSON.stringify({model: command.model, config: c, dataset: d, epochs: model.position.epoch, history, kernels: kernelInfo})}\n`));
		return 0;
	}

	const parameters = c.layers.slice(1).reduce((s, n, l) => s + (n * (c.layers[l] + 1)), 0);
	const totalSeconds = history.reduce((s, r) => s + r.seconds, 0);
	const lines = [
		`model file    ${command.model}`,
		`network       [${c.layers.join(',')}], ${count(parameters)} parameters; hidden ${c.activation}, output ${c.output}`,
		`training      ${c.cost} cost, ${c.init} init, batch ${c.batch}, eta ${c.eta}, lambda ${c.lambda}, momentum ${c.momentum}, seed ${c.seed}`,
		`dataset       ${d.name}: ${d.rows}x${d.cols} images, ${d.classNames.length} classes (${d.classNames.join(', ')}); ${count(d.trainCount)} train, ${count(d.validationCount)} validation, ${count(d.testCount)} test`,
		`epochs        ${model.position.epoch} trained${history.length > 0 ? ` in ${totalSeconds.toFixed(1)} s` : ''}`,
		`kernels       ${wasm.available ? 'wasm (WebAssembly SIMD) by default here; --kernels js for the JavaScript ones' : `js (the WebAssembly ones do not load here: ${wasm.reason})`}`,
	];
	io.stdout.write(shown(`${lines.join('\n')}\n`));
	if (history.length > 0) {
		io.stdout.write(shown(`\n${table([
			['epoch', 'seconds', 'train loss', 'validation', 'test'],
			...history.map(r => [String(r.epoch), r.seconds.toFixed(2), r.trainLoss.toFixed(5), percent(r.validationAccuracy), percent(r.testAccuracy)]),
		])}`));
	}

	return 0;
}
