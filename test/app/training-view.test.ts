import {describe, expect, it} from 'vitest';
import {
	epochUnderWay, formatDuration, initialTraining, secondsPerEpoch, timeLeft, type TrainingAction, trainingReducer, type TrainingView,
} from '../../src/app/training-view.js';
import {TrainingDivergedError} from '../../src/errors.js';
import type {EpochRecord} from '../../src/model/model.js';
import {tinyParameters as parameters} from './tiny-classifier.js';

function record(epoch: number): EpochRecord {
	return {epoch, seconds: 1, trainLoss: 0.1, validationAccuracy: 0.9, testAccuracy: 0.9};
}

function after(start: TrainingView, actions: readonly TrainingAction[]): TrainingView {
	return actions.reduce(trainingReducer, start);
}

/** The worker's messages for a run that ends at `until`, from the epoch after `from`. */
function run(from: number, until: number): TrainingAction[] {
	const epochs: TrainingAction[] = [];
	for (let e = from + 1; e <= until; e++) {
		epochs.push({type: 'event', event: {type: 'epoch', record: record(e), parameters}});
	}

	return [
		{type: 'requested', request: 'start'},
		{type: 'event', event: {type: 'running', until}},
		...epochs,
		{type: 'event', event: {type: 'done', epoch: until}},
	];
}

describe('trainingReducer', () => {
	it('aims a first run at `epochsPerRun` epochs past the model opened', () => {
		expect(initialTraining(parameters, [], 0, 100, 30).until).toBe(30);
		expect(initialTraining(parameters, [record(30)], 30, 100, 30).until).toBe(60);
	});

	it('is done when the worker says so, and a start then aims `epochsPerRun` further', () => {
		const done = after(initialTraining(parameters, [], 0, 100, 3), run(0, 3));
		expect(done).toMatchObject({status: 'done', epoch: 3, until: 3, done: 0});
		expect(epochUnderWay(done)).toBe(false);
		const again = trainingReducer(done, {type: 'requested', request: 'start'});
		expect(again).toMatchObject({status: 'starting', until: 6});
	});

	it('keeps the end of the run through a pause and a start', () => {
		const paused = after(initialTraining(parameters, [], 0, 100, 3), [
			{type: 'requested', request: 'start'},
			{type: 'event', event: {type: 'running', until: 3}},
			{type: 'event', event: {type: 'epoch', record: record(1), parameters}},
			{type: 'requested', request: 'pause'},
			{type: 'event', event: {type: 'paused'}},
		]);
		expect(paused).toMatchObject({status: 'paused', epoch: 1, until: 3});
		expect(trainingReducer(paused, {type: 'requested', request: 'start'}).until).toBe(3);
	});

	it('has no epoch under way when paused at an epoch boundary, and one when paused part way', () => {
		const running = after(initialTraining(parameters, [], 0, 100, 3), [
			{type: 'requested', request: 'start'},
			{type: 'event', event: {type: 'running', until: 3}},
			{type: 'event', event: {type: 'progress', epoch: 1, done: 99, total: 100, samplesPerSecond: 1, parameters}},
			{type: 'requested', request: 'pause'},
		]);
		expect(epochUnderWay(running)).toBe(true);
		const partWay = trainingReducer(running, {type: 'event', event: {type: 'paused'}});
		expect(epochUnderWay(partWay)).toBe(true);
		const atBoundary = after(running, [
			{type: 'event', event: {type: 'epoch', record: record(1), parameters}},
			{type: 'event', event: {type: 'paused'}},
		]);
		expect(atBoundary).toMatchObject({status: 'paused', epoch: 1, done: 0});
		expect(epochUnderWay(atBoundary)).toBe(false);
	});

	it('drops the progress of an epoch that failed', () => {
		const failed = after(initialTraining(parameters, [], 0, 100, 3), [
			{type: 'event', event: {type: 'running', until: 3}},
			{type: 'event', event: {type: 'progress', epoch: 1, done: 50, total: 100, samplesPerSecond: 1, parameters}},
			{type: 'event', event: {type: 'failed', message: 'diverged'}},
		]);
		expect(failed).toMatchObject({status: 'failed', done: 0});
		expect(epochUnderWay(failed)).toBe(false);
	});

	it('keeps the weights it shows when an epoch comes without them, and takes the ones that come', () => {
		const start = initialTraining(parameters, [], 0, 100, 3);
		const newer = {...parameters, biases: parameters.biases.map(b => b.map(x => x + 1))};
		const without = trainingReducer(start, {type: 'event', event: {type: 'epoch', record: record(1)}});
		expect(without).toMatchObject({epoch: 1, history: [record(1)], version: 0});
		expect(without.current).toBe(parameters);
		const withWeights = trainingReducer(without, {type: 'event', event: {type: 'epoch', record: record(2), parameters: newer}});
		expect(withWeights).toMatchObject({epoch: 2, version: 1});
		expect(withWeights.current).toBe(newer);
	});
});

describe('trainingReducer on a failure', () => {
	const rising = {kind: 'loss-rising', message: 'the loss rose 3 epochs in a row: the learning rate may be too high', brief: 'loss up 3 epochs running'} as const;

	it('puts a divergence first among the warnings, in words, and drops it when training runs again', () => {
		const message = new TrainingDivergedError(2, 'the loss became NaN', 3, 0).message;
		const failed = after(initialTraining(parameters, [], 0, 100, 3), [
			{type: 'event', event: {type: 'running', until: 3}},
			{type: 'event', event: {type: 'epoch', record: record(1), parameters, warnings: [rising]}},
			{type: 'event', event: {type: 'failed', message, diverged: {epoch: 2}}},
		]);
		expect(failed.warnings.map(w => w.kind)).toEqual(['diverged', 'loss-rising']);
		expect(failed.warnings[0]).toMatchObject({message, brief: 'diverged in epoch 2'});
		// A second failure does not say it twice.
		expect(trainingReducer(failed, {type: 'event', event: {type: 'failed', message, diverged: {epoch: 2}}}).warnings.map(w => w.kind)).toEqual(['diverged', 'loss-rising']);
		const again = after(failed, [{type: 'requested', request: 'start'}, {type: 'event', event: {type: 'running', until: 3}}]);
		expect(again.warnings).toEqual([rising]);
	});

	it('adds no warning for a failure that is not a divergence', () => {
		const failed = trainingReducer(initialTraining(parameters, [], 0, 100, 3), {type: 'event', event: {type: 'failed', message: 'training stopped: worker exited'}});
		expect(failed.warnings).toEqual([]);
	});

	it('knows a divergence by the event\'s flag, not by the wording of its message', () => {
		const start = initialTraining(parameters, [], 4, 100, 3);
		const flagged = trainingReducer(start, {type: 'event', event: {type: 'failed', message: 'the weights blew up in epoch five', diverged: {epoch: 5}}});
		expect(flagged.warnings).toEqual([{kind: 'diverged', message: 'the weights blew up in epoch five', brief: 'diverged in epoch 5'}]);
		const worded = new TrainingDivergedError(5, 'the loss became NaN', 3, 0).message;
		expect(trainingReducer(start, {type: 'event', event: {type: 'failed', message: worded}}).warnings).toEqual([]);
	});
});

describe('time left', () => {
	const history = [5, 4, 2, 2, 2, 2, 2].map((seconds, i) => ({...record(i + 1), seconds}));

	it('takes an epoch\'s time from the last five recorded epochs, or from the speed before any', () => {
		expect(secondsPerEpoch(initialTraining(parameters, history, 7, 100, 3))).toBe(2);
		expect(secondsPerEpoch(initialTraining(parameters, [], 0, 100, 3))).toBeUndefined();
		const running = after(initialTraining(parameters, [], 0, 1000, 3), [
			{type: 'event', event: {type: 'running', until: 3}},
			{type: 'event', event: {type: 'progress', epoch: 1, done: 100, total: 1000, samplesPerSecond: 250, parameters}},
		]);
		expect(secondsPerEpoch(running)).toBe(4);
	});

	it('counts the samples left of the epoch under way and the epochs after it up to the end of the run', () => {
		const running = after(initialTraining(parameters, history, 7, 1000, 3), [
			{type: 'requested', request: 'start'},
			{type: 'event', event: {type: 'running', until: 10}},
			{type: 'event', event: {type: 'progress', epoch: 8, done: 750, total: 1000, samplesPerSecond: 500, parameters}},
		]);
		// 250 samples at 500/s, then epochs 9 and 10 at 2 s each.
		expect(timeLeft(running)).toEqual({epoch: 0.5, run: 4.5});
	});

	it('has no estimate between epochs or before the speed is known', () => {
		expect(timeLeft(initialTraining(parameters, history, 7, 1000, 3))).toBeUndefined();
		const starting = trainingReducer(initialTraining(parameters, history, 7, 1000, 3), {type: 'requested', request: 'start'});
		expect(timeLeft(starting)).toBeUndefined();
	});

	it('formats durations in seconds, minutes and hours', () => {
		expect([0.2, 1, 45.4, 59.6, 185, 3599, 3600, 7620, Number.NaN].map(s => formatDuration(s)))
			.toEqual(['<1s', '1s', '45s', '1m 00s', '3m 05s', '59m 59s', '1h 00m', '2h 07m', '?']);
	});
});
