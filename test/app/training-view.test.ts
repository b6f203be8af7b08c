import {describe, expect, it} from 'vitest';
import {epochUnderWay, initialTraining, type TrainingAction, trainingReducer, type TrainingView} from '../../src/app/training-view.js';
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
