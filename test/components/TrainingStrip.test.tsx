import chalk from 'chalk';
import {renderToString} from 'ink';
import {describe, expect, it, onTestFinished} from 'vitest';
import {initialTraining, type TrainingAction, trainingReducer, type TrainingView} from '../../src/app/training-view.js';
import {fitParts, TrainingStrip, type TrainingStripProps} from '../../src/components/TrainingStrip.js';
import {TrainingDivergedError} from '../../src/errors.js';
import type {EpochRecord} from '../../src/model/model.js';
import {handWeights, plain} from './fixtures.js';

const parameters = handWeights();
const history: EpochRecord[] = Array.from({length: 12}, (_, i) => ({
	epoch: i + 1, seconds: 2, trainLoss: 0.1 + (0.4 / (i + 1)), validationAccuracy: 0.96 - (0.1 / (i + 1)), testAccuracy: 0.965 - (0.1 / (i + 1)),
}));
const warnings = [
	{kind: 'never-predicted', message: 'never predicts class 9 on the 997 test images', brief: 'never predicts 9'},
	{kind: 'saturated', message: '29 of 30 hidden units are saturated (|input| > 4 on most of 200 test images): they learn slowly', brief: '29/30 units saturated'},
] as const;

function after(actions: readonly TrainingAction[], start: TrainingView = initialTraining(parameters, history, 12, 60_000, 30)): TrainingView {
	return actions.reduce(trainingReducer, start);
}

const running = after([
	{type: 'requested', request: 'start'},
	{type: 'event', event: {type: 'running', until: 20}},
	{type: 'event', event: {type: 'epoch', record: {...history[11], epoch: 13}, warnings}},
	{type: 'event', event: {type: 'progress', epoch: 14, done: 15_000, total: 60_000, samplesPerSecond: 30_000, parameters}},
]);

function drawn(props: TrainingStripProps): string[] {
	return plain(renderToString(<TrainingStrip {...props}/>, {columns: 240})).split('\n');
}

describe('TrainingStrip', () => {
	it('is four rows: a bordered Training panel with the progress on one line and the results on the next', () => {
		const lines = drawn({training: running, savePath: undefined, width: 119});
		expect(lines).toHaveLength(4);
		expect(lines[0]).toMatch(/^╭─ Training ─+╮$/);
		expect(lines[1]).toContain('training · t to pause · epoch 14/20 ');
		expect(lines[1]).toContain(' 25% · 30,000 samples/s');
		// 45,000 samples at 30,000/s, then epochs 15-20 at 2 s each.
		expect(lines[1]).toContain('left: epoch 2s, run 14s');
		// 13 epochs: a sparkline of each of them.
		expect(lines[2]).toMatch(/test 95\.67% [▁-█]{13} · val 95\.17% · loss 0\.1333 [▁-█]{13} · ! never predicts 9/);
		expect(lines[3]).toMatch(/^╰─+╯$/);
	});

	it('draws test accuracy with the Sparkline, rising as the accuracy rose', () => {
		const spark = /test [\d.]+% ([▁-█]+)/.exec(drawn({training: running, savePath: undefined, width: 119})[2])![1];
		expect(spark.at(-1)).toBe('█');
		expect(spark.at(0)).not.toBe('█');
	});

	it('keeps the status, the epoch, test accuracy and the first warning at 80 columns, dropping the rest first', () => {
		const lines = drawn({training: running, savePath: undefined, width: 79});
		for (const line of lines) {
			expect([...line]).toHaveLength(79);
		}

		expect(lines[1]).toContain('training · t to pause · epoch 14/20');
		expect(lines[1]).toContain('25%');
		expect(lines[2]).toContain('test 95.67%');
		expect(lines[2]).toContain('! never predicts 9');
		expect(lines[2]).not.toContain('val');
	});

	it('folds into one line inside the border when three rows tall, the most important first', () => {
		const lines = drawn({training: running, savePath: undefined, width: 79, height: 3});
		expect(lines).toHaveLength(3);
		expect(lines[1]).toMatch(/training · t to pause · epoch 14\/20 .*25% · test 95\.67%.* · ! never predicts 9/);
		expect([...lines[1]]).toHaveLength(79);
	});

	it('says a divergence in words, in the warning colour, with what to try as far as it fits', () => {
		const level = chalk.level;
		chalk.level = 3;
		onTestFinished(() => {
			chalk.level = level;
		});
		const message = new TrainingDivergedError(14, 'the loss became NaN', 3, 0).message;
		const failed = trainingReducer(running, {type: 'event', event: {type: 'failed', message, diverged: {epoch: 14}}});
		const out = renderToString(<TrainingStrip training={failed} savePath={undefined} width={159}/>, {columns: 240});
		expect(out).toContain('\u001B[33m! epoch 14: training diverged (the loss became NaN); try a smaller learning rate than 3');
		expect(plain(out).split('\n')[1]).toContain('stopped · epoch 13 done');
	});

	it('says why training failed when it was not a divergence', () => {
		const failed = trainingReducer(running, {type: 'event', event: {type: 'failed', message: 'training stopped: worker exited'}});
		expect(drawn({training: failed, savePath: undefined, width: 119})[2]).toContain('! training stopped: worker exited');
	});

	it('shows the save state when there is no warning', () => {
		expect(drawn({training: after([]), savePath: undefined, width: 119})[2]).toContain('not saved: s saves');
		expect(drawn({training: after([]), savePath: '/tmp/runs/m.safetensors', width: 119})[2]).toContain('saves to m.safetensors');
		const saved = after([{type: 'event', event: {type: 'saved', path: 'runs/m.st', epoch: 12}}]);
		expect(drawn({training: saved, savePath: 'runs/m.st', width: 119})[2]).toContain('saved epoch 12 to m.st');
	});

	it('is never blank, before any epoch either', () => {
		const lines = drawn({training: initialTraining(parameters, [], 0, 60_000, 30), savePath: undefined, width: 79});
		expect(lines[1]).toContain('t trains epochs 1-30 · no epochs yet');
		expect(lines[2]).toContain('test accuracy: after epoch 1');
	});

	it('says which epoch the views show in its border', () => {
		expect(drawn({training: running, savePath: undefined, width: 119, shownEpoch: 5})[0]).toContain(' shown: epoch 5 ─╮');
		expect(drawn({training: running, savePath: undefined, width: 119, shownEpoch: 0})[0]).toContain(' shown: untrained ─╮');
	});
});

describe('fitParts', () => {
	it('drops the most droppable parts first until the line fits, never the ones marked 0', () => {
		const parts = [{text: 'aaaa', drop: 0}, {text: 'bb', drop: 2}, {text: 'cc', drop: 1}, {text: 'dd', drop: 3, glue: ' '}];
		// aaaa · bb · cc dd is 17 cells.
		expect(fitParts(parts, 17).map(p => p.text)).toEqual(['aaaa', 'bb', 'cc', 'dd']);
		expect(fitParts(parts, 16).map(p => p.text)).toEqual(['aaaa', 'bb', 'cc']);
		expect(fitParts(parts, 10).map(p => p.text)).toEqual(['aaaa', 'cc']);
		expect(fitParts(parts, 2).map(p => p.text)).toEqual(['aaaa']);
	});
});
