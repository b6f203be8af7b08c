/**
 * The training worker thread's entry: decodes the model and dataset the client sent, runs a
 * WorkerLoop on them and passes messages both ways. Started by the client; importing it elsewhere
 * does nothing.
 */
import {setPriority} from 'node:os';
import {parentPort, workerData} from 'node:worker_threads';
import type {Dataset} from '../data/dataset.js';
import {decodeModel} from '../model/model-file.js';
import type {TrainingCommand, WorkerInit} from './protocol.js';
import {Trainer} from './trainer.js';
import {WorkerLoop} from './worker-loop.js';

function isWorkerInit(data: unknown): data is WorkerInit {
	return typeof data === 'object' && data !== null && 'modelBytes' in data && 'dataset' in data;
}

// Run only as the client's worker thread, not when a test imports this module.
if (parentPort !== null && isWorkerInit(workerData)) {
	// On Linux a thread's nice value is its own, so this lowers only the training thread's priority.
	if (process.platform === 'linux') {
		try {
			setPriority(0, 10);
		} catch {
			// Not allowed here (a container's policy, say): the thread keeps the priority it has.
		}
	}

	const init = workerData;
	const port = parentPort;
	const model = decodeModel(init.modelBytes, 'model');
	const dataset: Dataset = {...init.dataset, classNames: [...init.dataset.classNames]};
	const loop = new WorkerLoop(new Trainer(model, dataset, {kernels: init.kernels}), init, (message, transfer) => {
		port.postMessage(message, transfer);
	});
	port.on('message', (message: TrainingCommand) => {
		loop.handle(message);
	});
	await loop.run();
	port.close();
}
