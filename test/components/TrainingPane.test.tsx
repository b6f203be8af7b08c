import {describe, expect, it} from 'vitest';
import {initialTraining, type TrainingAction, trainingReducer, type TrainingView} from '../../src/app/training-state.js';
import {TrainingPane} from '../../src/components/TrainingPane.js';
import type {EpochRecord} from '../../src/model/model.js';
import {handWeights, testTree, waitFor} from './fixtures.js';

const parameters = handWeights();
const history: EpochRecord[] = [
	{epoch: 1, seconds: 2, trainLoss: 0.25, validationAccuracy: 0.9, testAccuracy: 0.9125},
	{epoch: 2, seconds: 2, trainLoss: 0.0625, validationAccuracy: 0.95, testAccuracy: 0.975},
];

function after(actions: readonly TrainingAction[], start: TrainingView = initialTraining(parameters, history, 2, 1000)): TrainingView {
	return actions.reduce(trainingReducer, start);
}

const tree = testTree();
const frame = tree.frame;

async function show(training: TrainingView, savePath?: string): Promise<string> {
	const pane = <TrainingPane training={training} savePath={savePath} height={20}/>;
	tree.show(pane);

	await waitFor(() => frame().includes('Training'), 'the pane');
	return frame();
}

describe('TrainingPane', () => {
	it('shows the completed epochs, the last test accuracy and loss, and that it is stopped', async () => {
		const out = await show(after([]));
		expect(out).toContain('stopped · t to train');
		expect(out).toContain('epoch 2 · 0%');
		expect(out).toContain('test 97.50% (epoch 2)');
		expect(out).toContain('loss 0.0625');
	});

	it('says it is not saving when there is no file', async () => {
		expect(await show(after([]))).toContain('not saving (no --save)');
	});

	it('names the file it saves to', async () => {
		const out = await show(after([]), 'runs/digits.safetensors');
		expect(out).toContain('file runs/digits.safetensors');
		expect(out).not.toContain('not saving');
	});

	it('says when there is no accuracy yet', async () => {
		const out = await show(initialTraining(parameters, [], 0, 1000));
		expect(out).toContain('test accuracy: after epoch 1');
		expect(out).toContain('loss: after epoch 1');
		expect(out).toContain('epoch 0 · 0%');
	});

	it('shows the epoch under way, its progress and the speed while training', async () => {
		const running = after([
			{type: 'requested', request: 'start'},
			{type: 'event', event: {type: 'running'}},
			{type: 'event', event: {type: 'progress', epoch: 3, done: 250, total: 1000, samplesPerSecond: 12_345.6, parameters}},
		]);
		const out = await show(running);
		expect(out).toContain('training · t to pause');
		expect(out).toContain('epoch 3 · 25%');
		expect(out).toContain('12,346 samples/s');
		expect(out).toContain('███████'); // a quarter of the 28-cell progress bar
		expect(out).not.toContain('████████');
	});

	it('moves on to the new accuracy when an epoch completes, live', async () => {
		await show(after([{type: 'event', event: {type: 'running'}}]));
		const record: EpochRecord = {epoch: 3, seconds: 2, trainLoss: 0.04, validationAccuracy: 0.97, testAccuracy: 0.9812};
		await show(after([{type: 'event', event: {type: 'running'}}, {type: 'event', event: {type: 'epoch', record, parameters}}]));
		await waitFor(() => frame().includes('test 98.12% (epoch 3)'), 'the new accuracy');
		expect(frame()).toContain('loss 0.0400');
		expect(frame()).toContain('epoch 4 · 0%');
	});

	it('shows the last saved epoch', async () => {
		const out = await show(after([{type: 'event', event: {type: 'saved', path: 'm.safetensors', epoch: 2}}]), 'm.safetensors');
		expect(out).toContain('saved: epoch 2');
	});

	it('shows why training stopped when it failed', async () => {
		const out = await show(after([{type: 'event', event: {type: 'failed', message: 'weights diverged'}}]));
		expect(out).toContain('weights diverged');
		expect(out).toMatch(/│ stopped +│/);
	});

	it('fits its width of 32 columns', async () => {
		const out = await show(after([]), 'a/very/long/path/to/a/model/file/that/does/not/fit.safetensors');
		for (const line of out.split('\n')) {
			expect([...line].length).toBeLessThanOrEqual(32);
		}
	});
});
