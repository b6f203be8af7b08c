/**
 * The training worker thread's entry: decodes the model and dataset the client sent, runs a
 * WorkerLoop on them and passes messages both ways. Started by the client; importing it elsewhere
 * does nothing.
 */
import {parentPort, workerData} from 'node:worker_threads';
import type {Dataset} from '../data/dataset.js';
import {decodeModel} from '../model/model-file.js';
import type {ToWorker, WorkerInit} from './protocol.js';
import {TrainingRun} from './trainer.js';
import {TrainingLoop} from './worker-loop.js';

function isWorkerInit(data: unknown): data is WorkerInit {
	return typeof data === 'object' && data !== null && 'modelBytes' in data && 'dataset' in data;
}

// Run only as the runner's worker, not when a test imports this module.
if (parentPort !== null && isWorkerInit(workerData)) {
	const init = workerData;
	const port = parentPort;
	const model = decodeModel(init.modelBytes, 'model');
	const dataset: Dataset = {...init.dataset, classNames: [...init.dataset.classNames]};
	const loop = new TrainingLoop(new TrainingRun(model, dataset), init, message => {
		port.postMessage(message);
	});
	port.on('message', (message: ToWorker) => {
		loop.handle(message);
	});
	await loop.loop();
	port.close();
}
