import {
	mkdtempSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {MessageChannel} from 'node:worker_threads';
import {
	afterEach, beforeEach, describe, expect, it, onTestFinished,
} from 'vitest';
import {readModelFile} from '../../src/model/model-file.js';
import type {TrainingCommand, WorkerMessage} from '../../src/training/protocol.js';
import {WorkerLoop} from '../../src/training/worker-loop.js';
import type {Dataset, DatasetSplit} from '../../src/data/dataset.js';
import {keptEpochs} from '../../src/model/snapshot-thinning.js';
import {createModel} from '../../src/model/model-dataset.js';
import {Trainer} from '../../src/training/trainer.js';
import {cloneParameters, type Parameters} from '../../src/nn/network.js';
import {waitFor} from '../components/fixtures.js';
import {tinyClassNames, tinyConfig, tinySplit} from '../app/tiny-classifier.js';

/** `count` 2x2 images: the top row lit (label 0), the bottom row lit (1) or blank (2), in turn. */
function split(count: number): DatasetSplit {
	const images = new Uint8Array(count * 4);
	const labels = new Uint8Array(count);
	for (let i = 0; i < count; i++) {
		labels[i] = i % 3;
		if (labels[i] < 2) {
			images.fill(255, (i * 4) + (labels[i] * 2), (i * 4) + (labels[i] * 2) + 2);
		}
	}

	return {count, images, labels};
}

function dataset(train: DatasetSplit): Dataset {
	return {name: 'tiny', source: 'memory', rows: 2, cols: 2, classNames: tinyClassNames, train, validation: tinySplit, test: tinySplit};
}

const loops: WorkerLoop[] = [];
afterEach(() => {
	for (const loop of loops.splice(0)) {
		loop.handle({type: 'stop'});
	}
});

/** A training loop over `data`, recording what it sends; `react` sees each message as it is sent. */
function start(epochs: number, {data = dataset(tinySplit), trainer = new Trainer(createModel(tinyConfig, data), data), react, savePath, savePathExisted}: {
	data?: Dataset; trainer?: Trainer; react?: (message: WorkerMessage, loop: WorkerLoop) => void; savePath?: string; savePathExisted?: boolean;
} = {}) {
	const {model} = trainer;
	const sent: WorkerMessage[] = [];
	const loop: WorkerLoop = new WorkerLoop(trainer, {savePath, savePathExisted, epochs, publishMs: 0}, message => {
		sent.push(message);
		react?.(message, loop);
	});
	loops.push(loop);
	const finished = loop.run();
	const count = (type: WorkerMessage['type']): number => sent.filter(m => m.type === type).length;
	const epochsDone = (): number[] => sent.flatMap(m => (m.type === 'epoch' ? [m.record.epoch] : []));
	return {model, loop, sent, finished, count, epochsDone};
}

/** Let the loop run for a while: long enough for many 4-image epochs. */
async function settle(): Promise<void> {
	for (let i = 0; i < 50; i++) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}
}

describe('WorkerLoop (the training worker)', () => {
	it('trains a new network for `epochs` epochs, then stops by itself and says so', async () => {
		const t = start(3);
		t.loop.handle({type: 'start'});
		await waitFor(() => t.count('done') === 1, 'the end of the run');
		await settle();
		expect(t.epochsDone()).toEqual([1, 2, 3]);
		expect(t.sent[0]).toEqual({type: 'running', until: 3});
		expect(t.sent.at(-1)).toEqual({type: 'done', epoch: 3});
		expect(t.model.position.epoch).toBe(3);
	});

	it('trains `epochs` more on the next start after a run', async () => {
		const t = start(3);
		t.loop.handle({type: 'start'});
		await waitFor(() => t.count('done') === 1, 'the end of the first run');
		t.loop.handle({type: 'start'});
		await waitFor(() => t.count('done') === 2, 'the end of the second run');
		await settle();
		expect(t.epochsDone()).toEqual([1, 2, 3, 4, 5, 6]);
		expect(t.sent.filter(m => m.type === 'running')).toEqual([{type: 'running', until: 3}, {type: 'running', until: 6}]);
		expect(t.sent.at(-1)).toEqual({type: 'done', epoch: 6});
	});

	it('counts from the epoch a saved model had when it was opened', async () => {
		const data = dataset(tinySplit);
		const trainer = new Trainer(createModel(tinyConfig, data), data);
		await trainer.runEpoch();
		await trainer.runEpoch();
		const t = start(2, {trainer});
		t.loop.handle({type: 'start'});
		await waitFor(() => t.count('done') === 1, 'the end of the run');
		expect(t.epochsDone()).toEqual([3, 4]);
		expect(t.sent[0]).toEqual({type: 'running', until: 4});
	});

	it('keeps the end of a run through a pause between epochs, and says that it paused', async () => {
		const t = start(3, {
			react(message, loop) {
				if (message.type === 'epoch' && message.record.epoch === 1) {
					loop.handle({type: 'pause'});
				} else if (message.type === 'paused') {
					loop.handle({type: 'start'});
				}
			},
		});
		t.loop.handle({type: 'start'});
		await waitFor(() => t.count('done') === 1, 'the end of the run');
		expect(t.sent.map(m => m.type)).toEqual(['running', 'epoch', 'paused', 'running', 'epoch', 'epoch', 'done']);
		expect(t.sent.filter(m => m.type === 'running')).toEqual([{type: 'running', until: 3}, {type: 'running', until: 3}]);
	});

	it('pauses part way through an epoch, says where it stands, and finishes the epoch when started again', async () => {
		const t = start(1, {
			data: dataset(split(5000)), // slices of 2000: progress at 2000 and 4000
			react(message, loop) {
				if (message.type === 'progress' && message.done === 2000 && t.count('paused') === 0) {
					loop.handle({type: 'pause'});
				}
			},
		});
		t.loop.handle({type: 'start'});
		await waitFor(() => t.count('paused') === 1, 'the pause');
		expect(t.sent.at(-2)).toMatchObject({type: 'progress', epoch: 1, done: 2000, total: 5000});
		expect(t.count('epoch')).toBe(0);
		t.loop.handle({type: 'start'});
		await waitFor(() => t.count('done') === 1, 'the end of the run');
		expect(t.epochsDone()).toEqual([1]);
	});

	it('flags an epoch whose loss or weights became NaN or Infinity as a divergence, naming the epoch, and keeps the last good one', async () => {
		const data = dataset(split(40));
		const trainer = new Trainer(createModel({...tinyConfig, eta: 1e30}, data), data);
		const t = start(3, {trainer});
		t.loop.handle({type: 'start'});
		await waitFor(() => t.count('failed') === 1, 'the failure');
		expect(t.sent.at(-1)).toMatchObject({type: 'failed', diverged: {epoch: 1}, message: expect.stringContaining('training diverged') as string});
		expect(t.epochsDone()).toEqual([]);
		expect(t.model.position.epoch).toBe(0);
	});

	it('does not flag a failure that is not a divergence', async () => {
		const data = dataset(tinySplit);
		const trainer = new Trainer(createModel(tinyConfig, data), data);
		trainer.runEpoch = async () => {
			throw new Error('training diverged, says an unrelated error');
		};

		const t = start(3, {trainer});
		t.loop.handle({type: 'start'});
		await waitFor(() => t.count('failed') === 1, 'the failure');
		expect(t.sent.at(-1)).toEqual({type: 'failed', message: 'training diverged, says an unrelated error'});
	});

	it('ends on stop, with a last message that it stopped', async () => {
		const t = start(3);
		t.loop.handle({type: 'stop'});
		await t.finished;
		expect(t.sent).toEqual([{type: 'stopped'}]);
	});

	it('saves to a file named with the save request, and to it after every epoch from then on', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'nnviz-worker-'));
		try {
			const path = join(folder, 'typed.safetensors');
			const data = {...dataset(tinySplit), name: 'mnist'}; // model files name one of the known datasets
			const t = start(2, {
				data,
				trainer: new Trainer(createModel(tinyConfig, data), data),
				react(message, loop) {
					if (message.type === 'epoch' && message.record.epoch === 1) {
						loop.handle({type: 'save', path});
					}
				},
			});
			t.loop.handle({type: 'start'});
			await waitFor(() => t.count('done') === 1, 'the end of the run');
			await settle();
			const saved = t.sent.filter(m => m.type === 'saved');
			expect(saved.map(m => m.type === 'saved' && m.path)).toEqual(saved.map(() => path));
			expect(saved.at(-1)).toEqual({type: 'saved', path, epoch: 2});
			expect(readModelFile(path).position.epoch).toBe(2);
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});

	it('says a save to a file it cannot write failed, and trains on', async () => {
		const t = start(2, {
			react(message, loop) {
				if (message.type === 'epoch' && message.record.epoch === 1) {
					loop.handle({type: 'save', path: '/nonexistent-folder-nnviz/m.safetensors'});
				}
			},
		});
		t.loop.handle({type: 'start'});
		await waitFor(() => t.count('done') === 1, 'the end of the run');
		expect(t.count('saveFailed')).toBe(1);
		expect(t.count('failed')).toBe(0);
		expect(t.count('saved')).toBe(0); // no file was set before, so none after the failure either
		expect(t.epochsDone()).toEqual([1, 2]);
	});

	describe('checks the first write to each path, as a file may appear there while training runs', () => {
		let folder: string;
		beforeEach(() => {
			folder = mkdtempSync(join(tmpdir(), 'nnviz-worker-'));
		});
		afterEach(() => {
			rmSync(folder, {recursive: true, force: true});
		});

		const mnist = {...dataset(tinySplit), name: 'mnist'}; // model files name one of the known datasets
		const trainer = (): Trainer => new Trainer(createModel(tinyConfig, mnist), mnist);

		it('does not replace a file that appeared at --save after startup, says so, and trains on', async () => {
			const path = join(folder, 'm.safetensors');
			const t = start(2, {data: mnist, trainer: trainer(), savePath: path, savePathExisted: false});
			writeFileSync(path, 'made by someone else');
			t.loop.handle({type: 'start'});
			await waitFor(() => t.count('done') === 1, 'the end of the run');
			expect(readFileSync(path, 'utf8')).toBe('made by someone else');
			expect(t.epochsDone()).toEqual([1, 2]);
			expect(t.count('saved')).toBe(0);
			expect(t.count('failed')).toBe(0);
			expect(t.sent.find(m => m.type === 'saveFailed')).toEqual({type: 'saveFailed', message: `${path} appeared after it was chosen; it is not replaced (move it away and save again)`});
		});

		it('does not replace a file that appeared at a path typed after s', async () => {
			const path = join(folder, 'typed.safetensors');
			const t = start(1, {
				data: mnist,
				trainer: trainer(),
				react(message, loop) {
					if (message.type === 'epoch') {
						writeFileSync(path, 'made by someone else');
						loop.handle({type: 'save', path});
					}
				},
			});
			t.loop.handle({type: 'start'});
			await waitFor(() => t.count('saveFailed') === 1, 'the refused save');
			expect(readFileSync(path, 'utf8')).toBe('made by someone else');
		});

		it('replaces the file that was there at startup (--force, or the model opened), then keeps saving to it', async () => {
			const path = join(folder, 'm.safetensors');
			writeFileSync(path, 'the old model');
			const t = start(2, {data: mnist, trainer: trainer(), savePath: path, savePathExisted: true});
			t.loop.handle({type: 'start'});
			await waitFor(() => t.count('done') === 1, 'the end of the run');
			expect(t.count('saveFailed')).toBe(0);
			expect(readModelFile(path).position.epoch).toBe(2);
		});

		it('saves a path that was free, and replaces its own file at every later epoch', async () => {
			const path = join(folder, 'm.safetensors');
			const t = start(3, {data: mnist, trainer: trainer(), savePath: path, savePathExisted: false});
			t.loop.handle({type: 'start'});
			await waitFor(() => t.count('done') === 1, 'the end of the run');
			expect(t.sent.filter(m => m.type === 'saved').map(m => m.type === 'saved' && m.epoch)).toEqual([1, 2, 3]);
			expect(readModelFile(path).position.epoch).toBe(3);
		});
	});

	it('keeps the weights of at most 64 epochs however long it trains (the thinning rule), and saves them so', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'nnviz-worker-'));
		try {
			const path = join(folder, 'm.safetensors');
			const mnist = {...dataset(tinySplit), name: 'mnist'};
			const t = start(150, {
				data: mnist,
				trainer: new Trainer(createModel(tinyConfig, mnist), mnist),
				react(message, loop) {
					if (message.type === 'done') {
						loop.handle({type: 'save', path});
					}
				},
			});
			t.loop.handle({type: 'start'});
			await waitFor(() => t.count('saved') === 1, 'the end of the run and its save');
			expect(t.model.snapshots.map(s => s.epoch)).toEqual(keptEpochs(150));
			expect(t.model.snapshots.length).toBeLessThanOrEqual(64);
			expect(readModelFile(path).snapshots.map(s => s.epoch)).toEqual(keptEpochs(150));
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});
});


describe('WorkerLoop: weights to the main thread', () => {
	it('sends the weights at most every publishMs, and always with the epoch that ends the run', async () => {
		const data = dataset(tinySplit);
		const trainer = new Trainer(createModel(tinyConfig, data), data);
		const sent: WorkerMessage[] = [];
		const loop = new WorkerLoop(trainer, {savePath: undefined, epochs: 5, publishMs: 1e9}, message => sent.push(message));
		loops.push(loop);
		void loop.run();
		loop.handle({type: 'start'});
		await waitFor(() => sent.some(m => m.type === 'done'), 'the end of the run');
		const epochs = sent.flatMap(m => (m.type === 'epoch' ? [m] : []));
		expect(epochs.map(m => m.parameters !== undefined)).toEqual([false, false, false, false, true]);
		expect(sent.filter(m => m.type === 'progress')).toEqual([]);
		expect(epochs.at(-1)?.parameters).toEqual(trainer.model.current);
	});

	it('transfers the weights it sends (copies of their own, not the model\'s arrays)', async () => {
		const data = dataset(split(40));
		const trainer = new Trainer(createModel(tinyConfig, data), data);
		const sent: Array<{message: WorkerMessage; transfer: readonly ArrayBuffer[]}> = [];
		const loop = new WorkerLoop(trainer, {savePath: undefined, epochs: 3, publishMs: 0}, (message, transfer = []) => sent.push({message, transfer}));
		loops.push(loop);
		void loop.run();
		loop.handle({type: 'start'});
		await waitFor(() => sent.some(s => s.message.type === 'done'), 'the end of the run');
		const withWeights = sent.flatMap(({message, transfer}) => (message.type === 'progress' || message.type === 'epoch' ? [{parameters: message.parameters, transfer}] : []));
		expect(withWeights.filter(s => s.parameters !== undefined).length).toBeGreaterThanOrEqual(3);
		const models = new Set([trainer.model.current, ...trainer.model.snapshots.map(s => s.parameters)].flatMap(p => [...p.weights, ...p.biases].map(a => a.buffer)));
		for (const {parameters, transfer} of withWeights) {
			const buffers = [...parameters!.weights, ...parameters!.biases].map(a => a.buffer);
			expect(new Set(transfer)).toEqual(new Set(buffers));
			expect(buffers.some(b => models.has(b))).toBe(false);
		}
	});
});

describe('WorkerLoop: a kept epoch\'s weights on request (the epoch timeline)', () => {
	/** Train `epochs` epochs sending no weights but the last epoch's; what it sent, with what it transferred. */
	async function trained(epochs: number) {
		const data = dataset(tinySplit);
		const trainer = new Trainer(createModel(tinyConfig, data), data);
		const weightsAfter = new Map<number, Parameters>([[0, cloneParameters(trainer.model.initial)]]);
		const sent: Array<{message: WorkerMessage; transfer: readonly ArrayBuffer[]}> = [];
		const loop = new WorkerLoop(trainer, {savePath: undefined, epochs, publishMs: 1e9}, (message, transfer = []) => {
			sent.push({message, transfer});
			if (message.type === 'epoch') {
				weightsAfter.set(message.record.epoch, cloneParameters(trainer.model.current));
			}
		});
		loops.push(loop);
		void loop.run();
		loop.handle({type: 'start'});
		await waitFor(() => sent.some(s => s.message.type === 'done'), 'the end of the run');
		const answer = (epoch: number) => {
			loop.handle({type: 'snapshot', epoch});
			const last = sent.at(-1)!;
			expect(last.message).toMatchObject({type: 'snapshot', epoch});
			return {parameters: last.message.type === 'snapshot' ? last.message.parameters : undefined, transfer: last.transfer};
		};

		return {trainer, weightsAfter, sent, answer};
	}

	it('answers with the weights each epoch ended with, epochs sent without weights and the untrained network too', async () => {
		const t = await trained(4);
		expect(t.sent.flatMap(s => (s.message.type === 'epoch' ? [s.message.parameters !== undefined] : []))).toEqual([false, false, false, true]);
		for (const epoch of [2, 0, 1, 3, 4]) {
			expect(t.answer(epoch).parameters).toEqual(t.weightsAfter.get(epoch));
		}
	});

	it('sends a copy of its own, transferred, never the model\'s arrays (the trainer reuses them)', async () => {
		const t = await trained(3);
		const {model} = t.trainer;
		const models = new Set([model.current, model.initial, ...model.snapshots.map(s => s.parameters)].flatMap(p => [...p.weights, ...p.biases].map(a => a.buffer)));
		for (const epoch of [0, 2]) {
			const {parameters, transfer} = t.answer(epoch);
			const buffers = [...parameters!.weights, ...parameters!.biases].map(a => a.buffer);
			expect(new Set(transfer)).toEqual(new Set(buffers));
			expect(buffers.some(b => models.has(b))).toBe(false);
		}
	});

	it('answers without weights for an epoch the thinning dropped or one not trained yet', async () => {
		const t = await trained(70);
		expect(keptEpochs(70)).not.toContain(3);
		expect(t.answer(3)).toEqual({parameters: undefined, transfer: []});
		expect(t.answer(71)).toEqual({parameters: undefined, transfer: []});
		expect(t.answer(70).parameters).toEqual(t.weightsAfter.get(70));
	});

	describe('hears commands sent through a message port (as the worker thread does) within an epoch, however small the epochs', () => {
		/** A loop on a 4-image training set whose commands come through a MessageChannel, as worker.ts passes them on. */
		function ported(epochs: number, react: (message: WorkerMessage, post: (command: TrainingCommand) => void) => void) {
			const channel = new MessageChannel();
			channel.port2.on('message', (command: TrainingCommand) => {
				t.loop.handle(command);
			});
			onTestFinished(() => {
				channel.port1.close();
			});
			const t = start(epochs, {
				react(message) {
					react(message, command => {
						channel.port1.postMessage(command);
					});
				},
			});
			return t;
		}

		it('answers a snapshot request a few epochs after it is sent, not when the run ends', async () => {
			let asked = false;
			const t = ported(200, (message, post) => {
				if (message.type === 'epoch' && message.record.epoch === 5 && !asked) {
					asked = true;
					post({type: 'snapshot', epoch: 3});
				}
			});
			t.loop.handle({type: 'start'});
			await waitFor(() => t.count('done') === 1, 'the end of the run');
			const answer = t.sent.findIndex(m => m.type === 'snapshot');
			expect(t.sent[answer]).toMatchObject({type: 'snapshot', epoch: 3});
			const epochsBefore = t.sent.slice(0, answer).filter(m => m.type === 'epoch').length;
			expect(epochsBefore).toBeGreaterThanOrEqual(5);
			expect(epochsBefore).toBeLessThanOrEqual(7);
		});

		it('pauses within an epoch or two of the request', async () => {
			const t = ported(200, (message, post) => {
				if (message.type === 'epoch' && message.record.epoch === 5) {
					post({type: 'pause'});
				}
			});
			t.loop.handle({type: 'start'});
			await waitFor(() => t.count('paused') === 1, 'the pause');
			expect(t.epochsDone().length).toBeLessThanOrEqual(7);
			expect(t.count('done')).toBe(0);
			expect(t.sent.at(-1)).toEqual({type: 'paused'});
		});
	});

	it('answers while an epoch is under way, between its slices, and trains on', async () => {
		let answered: WorkerMessage | undefined;
		const t = start(2, {
			data: dataset(split(5000)), // slices of 2000: progress at 2000 and 4000
			react(message, loop) {
				if (message.type === 'progress' && message.epoch === 2 && answered === undefined) {
					loop.handle({type: 'snapshot', epoch: 1});
				} else if (message.type === 'snapshot') {
					answered = message;
				}
			},
		});
		t.loop.handle({type: 'start'});
		await waitFor(() => t.count('done') === 1, 'the end of the run');
		expect(answered).toMatchObject({type: 'snapshot', epoch: 1});
		expect(answered?.type === 'snapshot' && answered.parameters).toEqual(t.model.snapshots.find(s => s.epoch === 1)?.parameters);
		expect(t.epochsDone()).toEqual([1, 2]);
	});
});
