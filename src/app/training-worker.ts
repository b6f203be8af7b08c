/**
 * The training worker: runs epochs off the main thread so the keyboard and the screen stay responsive.
 * It owns the training copy of the model, saves it after every epoch when a file is set, and publishes
 * live weights at a bounded rate. Pure engine code: no UI here.
 */
import {parentPort, workerData} from 'node:worker_threads';
import type {Dataset} from '../data/dataset.js';
import {NnvizError} from '../errors.js';
import {decodeModel, writeModelFile} from '../model/model-file.js';
import {TrainingRun} from '../model/training.js';
import type {FromWorker, ToWorker, WorkerInit} from './training-protocol.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const model = decodeModel(init.modelBytes, 'model');
const dataset: Dataset = {...init.dataset, classNames: [...init.dataset.classNames]};
const run = new TrainingRun(model, dataset);
let running = false;
let stopping = false;
let resume: (() => void) | undefined;
let savedEpoch = -1;
const controller = new AbortController();

function send(message: FromWorker): void {
	port.postMessage(message);
}

function save(): void {
	if (init.savePath === undefined || savedEpoch === model.position.epoch) {
		return;
	}

	writeModelFile(init.savePath, model);
	savedEpoch = model.position.epoch;
	send({type: 'saved', path: init.savePath, epoch: savedEpoch});
}

function describe(error: unknown): string {
	return error instanceof NnvizError || error instanceof Error ? error.message : String(error);
}

async function loop(): Promise<void> {
	let lastPublish = 0;
	let sliceStart = performance.now();
	let sliceDone = 0;
	while (!stopping) {
		if (!running) {
			// eslint-disable-next-line no-await-in-loop
			await new Promise<void>(resolve => {
				resume = resolve;
			});
			continue;
		}

		const epoch = model.position.epoch + 1;
		try {
			// eslint-disable-next-line no-await-in-loop
			const record = await run.runEpoch({
				signal: controller.signal,
				onProgress(done, total) {
					const now = performance.now();
					if (now - lastPublish >= init.publishMs) {
						const samplesPerSecond = (done - sliceDone) / Math.max(1e-3, (now - sliceStart) / 1000);
						send({type: 'progress', epoch, done, total, samplesPerSecond, parameters: run.workspace.exportParameters()});
						lastPublish = now;
						sliceStart = now;
						sliceDone = done;
					}
				},
				async between() {
					if (!running && !stopping) {
						send({type: 'paused'});
						await new Promise<void>(resolve => {
							resume = resolve;
						});
						sliceStart = performance.now();
					}
				},
			});
			sliceStart = performance.now();
			sliceDone = 0;
			send({type: 'epoch', record, parameters: model.current});
			save();
		} catch (error) {
			if (stopping) {
				break;
			}

			running = false;
			send({type: 'failed', message: describe(error)});
		}
	}
}

port.on('message', (message: ToWorker) => {
	switch (message.type) {
		case 'start': {
			running = true;
			send({type: 'running'});
			resume?.();
			break;
		}

		case 'pause': {
			running = false;
			break;
		}

		case 'save': {
			try {
				save();
			} catch (error) {
				send({type: 'failed', message: describe(error)});
			}

			break;
		}

		case 'stop': {
			stopping = true;
			running = false;
			controller.abort(new Error('stopped'));
			resume?.();
			break;
		}
	}
});

await loop();
send({type: 'stopped'});
port.close();
