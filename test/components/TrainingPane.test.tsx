import {describe, expect, it} from 'vitest';
import {initialTraining, type TrainingAction, trainingReducer, type TrainingView} from '../../src/app/training-view.js';
import {sparkline} from '../../src/components/Sparkline.js';
import {TrainingPane} from '../../src/components/TrainingPane.js';
import type {EpochRecord} from '../../src/model/model.js';
import {handWeights, testTree, waitFor} from './fixtures.js';

const parameters = handWeights();
const history: EpochRecord[] = [
	{epoch: 1, seconds: 2, trainLoss: 0.25, validationAccuracy: 0.9, testAccuracy: 0.9125},
	{epoch: 2, seconds: 2, trainLoss: 0.0625, validationAccuracy: 0.95, testAccuracy: 0.975},
];

function after(actions: readonly TrainingAction[], start: TrainingView = initialTraining(parameters, history, 2, 1000, 30)): TrainingView {
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
		expect(out).toContain('t trains epochs 3-32');
		expect(out).toContain('epoch 2 done');
		expect(out).toContain('test 97.50% (epoch 2)');
		expect(out).toContain('loss 0.0625');
	});

	it('says it is not saving when there is no file', async () => {
		expect(await show(after([]))).toContain('not saved yet: s saves');
	});

	it('names the file it saves to', async () => {
		const out = await show(after([]), 'runs/digits.safetensors');
		expect(out).toContain('file runs/digits.safetensors');
		expect(out).not.toContain('not saved yet');
	});

	it('names a file whose path holds a bidi override with it escaped', async () => {
		const out = await show(after([]), 'r\u202Em.st');
		expect(out).not.toContain('\u202E');
		expect(out).toContain('m.st');
	});

	it('says when there is no accuracy yet', async () => {
		const out = await show(initialTraining(parameters, [], 0, 1000, 30));
		expect(out).toContain('test accuracy: after epoch 1');
		expect(out).toContain('loss: after epoch 1');
		expect(out).toContain('no epochs yet');
		expect(out).toContain('t trains epochs 1-30');
	});

	it('shows the epoch under way, its progress and the speed while training', async () => {
		const running = after([
			{type: 'requested', request: 'start'},
			{type: 'event', event: {type: 'running', until: 32}},
			{type: 'event', event: {type: 'progress', epoch: 3, done: 250, total: 1000, samplesPerSecond: 12_345.6, parameters}},
		]);
		const out = await show(running);
		expect(out).toContain('training · t to pause');
		expect(out).toContain('epoch 3 of 32 · 25%');
		expect(out).toContain('12,346 samples/s');
		expect(out).toContain('███████'); // a quarter of the 28-cell progress bar
		expect(out).not.toContain('████████');
	});

	it('moves on to the new accuracy when an epoch completes, live', async () => {
		await show(after([{type: 'event', event: {type: 'running', until: 32}}]));
		const record: EpochRecord = {epoch: 3, seconds: 2, trainLoss: 0.04, validationAccuracy: 0.97, testAccuracy: 0.9812};
		await show(after([{type: 'event', event: {type: 'running', until: 32}}, {type: 'event', event: {type: 'epoch', record, parameters}}]));
		await waitFor(() => frame().includes('test 98.12% (epoch 3)'), 'the new accuracy');
		expect(frame()).toContain('loss 0.0400');
		expect(frame()).toContain('epoch 4 of 32 · 0%');
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

	it('stops by itself after the run and says that t trains the same number more', async () => {
		const record: EpochRecord = {epoch: 3, seconds: 2, trainLoss: 0.04, validationAccuracy: 0.97, testAccuracy: 0.9812};
		const finished = after([
			{type: 'requested', request: 'start'},
			{type: 'event', event: {type: 'running', until: 3}},
			{type: 'event', event: {type: 'epoch', record, parameters}},
			{type: 'event', event: {type: 'done', epoch: 3}},
		], initialTraining(parameters, history, 2, 1000, 1));
		const out = await show(finished);
		expect(out).toContain('done · t trains 1 more');
		expect(out).toContain('epoch 3 done');
		expect(out).not.toContain('samples/s');
	});

	it('draws the loss as it is: its bars fall as the loss falls, and the label says lower is better', async () => {
		const out = await show(after([]));
		const lines = out.split('\n');
		const label = lines.findIndex(line => line.includes('loss 0.0625'));
		expect(lines[label]).toContain('(lower = better)');
		expect(lines[label + 1]).toContain('│ █▁ ');
		// Accuracy rose from 91.25% to 97.50%: its bars rise.
		expect(lines[label - 1]).toContain('│ ▁█ ');
	});

	it('draws accuracy noise of a few tenths of a point as small steps, not as a fall to the bottom', async () => {
		const noisy: EpochRecord[] = [0.9512, 0.9481, 0.9507, 0.9523].map((testAccuracy, i) => (
			{epoch: i + 1, seconds: 2, trainLoss: 0.05 - (i * 0.0001), validationAccuracy: testAccuracy, testAccuracy}
		));
		const out = await show(initialTraining(parameters, noisy, 4, 1000, 30));
		expect(out).not.toContain('▁');
		expect(out).not.toContain('▂');
		expect(out).toContain('█▇██'); // accuracy
		expect(out).toContain('████'); // loss
	});

	it('shows the last epoch done, not the next at 0%, when paused right at an epoch boundary', async () => {
		const record: EpochRecord = {epoch: 3, seconds: 2, trainLoss: 0.04, validationAccuracy: 0.97, testAccuracy: 0.9812};
		const out = await show(after([
			{type: 'requested', request: 'start'},
			{type: 'event', event: {type: 'running', until: 32}},
			{type: 'event', event: {type: 'progress', epoch: 3, done: 999, total: 1000, samplesPerSecond: 1000, parameters}},
			{type: 'requested', request: 'pause'},
			{type: 'event', event: {type: 'epoch', record, parameters}},
			{type: 'event', event: {type: 'paused'}},
		]));
		expect(out).toContain('paused · t to go on');
		expect(out).toContain('epoch 3 done');
		expect(out).not.toMatch(/epoch \d+ of \d+ ·/);
	});

	it('shows the epoch under way and its progress when paused part way through one', async () => {
		const out = await show(after([
			{type: 'requested', request: 'start'},
			{type: 'event', event: {type: 'running', until: 32}},
			{type: 'event', event: {type: 'progress', epoch: 3, done: 999, total: 1000, samplesPerSecond: 1000, parameters}},
			{type: 'requested', request: 'pause'},
			{type: 'event', event: {type: 'paused'}},
		]));
		expect(out).toContain('paused · t to go on');
		expect(out).toContain('epoch 3 of 32 · 99%'); // not 100% before the epoch is complete
	});

	it('keeps the file name of a long save path in view, cutting it on the left', async () => {
		const out = await show(after([]), '/tmp/review/runs/of/today/m.safetensors');
		expect(out).toContain('file …');
		expect(out).toContain('/m.safetensors │');
	});
});

describe('TrainingPane warnings', () => {
	const record: EpochRecord = {epoch: 3, seconds: 2, trainLoss: 0.3, validationAccuracy: 0.8, testAccuracy: 0.8475};
	const warnings = [
		{kind: 'never-predicted', message: 'never predicts class 9 on the 997 test images', brief: 'never predicts 9'},
		{kind: 'saturated', message: '29 of 30 hidden units are saturated (|input| > 4 on most of 200 test images): they learn slowly', brief: '29/30 units saturated'},
	] as const;

	it('shows the warnings of the last epoch in words, and drops them when an epoch has none', async () => {
		const warned = after([{type: 'event', event: {type: 'epoch', record, parameters, warnings}}]);
		const out = await show(warned);
		expect(out).toContain('! never predicts 9');
		expect(out).toContain('! 29/30 units saturated');
		expect(out).toContain('not saved yet'); // the lines below the warnings still fit in the pane
		const healthy = after([{type: 'event', event: {type: 'epoch', record: {...record, epoch: 4}, parameters, warnings: []}}], warned);
		await show(healthy);
		await waitFor(() => frame().includes('epoch 4 done'), 'the next epoch');
		expect(frame()).not.toContain('!');
	});

	it('keeps the warnings of the last completed epoch while the next one runs', () => {
		const warned = after([{type: 'event', event: {type: 'epoch', record, parameters, warnings}}]);
		const running = after([
			{type: 'requested', request: 'start'},
			{type: 'event', event: {type: 'progress', epoch: 4, done: 10, total: 1000, samplesPerSecond: 100, parameters}},
		], warned);
		expect(running.warnings).toEqual(warnings);
	});
});

describe('sparkline', () => {
	it('scales the values to their range, higher values taller', () => {
		expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8], 8)).toBe('▁▂▃▄▅▆▇█');
		expect(sparkline([8, 1], 8)).toBe('█▁');
	});

	it('draws equal values as full blocks and keeps only the last width values', () => {
		expect(sparkline([0.5, 0.5, 0.5], 8)).toBe('███');
		expect(sparkline([1, 2, 3, 4], 2)).toBe('▁█');
		expect(sparkline([], 4)).toBe('');
	});

	it('spans at least minSpan, measured down from the largest value', () => {
		// A change of 0.7 points in a 7-point minimum span is one step of the seven.
		expect(sparkline([0.95, 0.943], 8, {minSpan: 0.07})).toBe('█▇');
		expect(sparkline([0.95, 0.943], 8)).toBe('█▁');
		// A range wider than the minimum is used as it is.
		expect(sparkline([0.5, 0.95], 8, {minSpan: 0.07})).toBe('▁█');
	});

	it('spans at least minFraction of the largest value', () => {
		expect(sparkline([0.1, 0.095], 8, {minFraction: 0.2})).toBe('█▆');
		expect(sparkline([0.25, 0.0625], 8, {minFraction: 0.2})).toBe('█▁');
	});
});
