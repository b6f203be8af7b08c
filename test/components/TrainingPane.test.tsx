import chalk from 'chalk';
import {renderToString} from 'ink';
import {describe, expect, expectTypeOf, it, onTestFinished} from 'vitest';
import {setThemeColours} from '../../src/app/theme.js';
import {initialTraining, type TrainingAction, trainingReducer, type TrainingView} from '../../src/app/training-view.js';
import {TrainingPane, type TrainingPaneProps, wrapText} from '../../src/components/TrainingPane.js';
import {TrainingDivergedError} from '../../src/errors.js';
import type {EpochRecord} from '../../src/model/model.js';
import {handWeights, plain, testTree, waitFor} from './fixtures.js';

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
	const pane = <TrainingPane training={training} savePath={savePath} width={32} height={20}/>;
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

	it('names the kernels the worker trains with beside the speed', async () => {
		const running = after([
			{type: 'requested', request: 'start'},
			{type: 'event', event: {type: 'running', until: 32}},
			{type: 'event', event: {type: 'progress', epoch: 3, done: 250, total: 1000, samplesPerSecond: 98_765, parameters}},
		], initialTraining(parameters, history, 2, 1000, 30, 'wasm'));
		expect(await show(running)).toContain('98,765 samples/s (wasm)');
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
		expect(out).toContain('12,346 samples/s (js)');
		// 750 samples at 12,346/s, then epochs 4-32 at the recorded 2 s each.
		expect(out).toContain('left: epoch <1s, run 58s');
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

	it('draws the loss as a chart that falls as the loss falls, and the label says lower is better', async () => {
		const out = await show(after([]));
		const lines = out.split('\n');
		const label = lines.findIndex(line => line.includes('loss 0.0625'));
		expect(lines[label]).toContain('(lower = better)');
		// The y axis from 0.25 (the first epoch) down to 0.05: the line starts at the top left.
		expect(lines[label + 1]).toMatch(/│ 0\.25┤[⠁⠈⠉⡀⢀⠑⠊⠢⠔⠃⠘⡇⢸⠇⡸⢇⡜⠣⠱⡠⢄⣀⠤⠒⠉⡄⢠]/u);
		expect(lines.slice(label + 1).find(line => line.includes('└'))).toMatch(/└1─+2 /);
	});

	it('draws accuracy noise of a few tenths of a point as small steps, not as a fall to the bottom', async () => {
		const noisy: EpochRecord[] = [0.9512, 0.9481, 0.9507, 0.9523].map((testAccuracy, i) => (
			{epoch: i + 1, seconds: 2, trainLoss: 0.05 - (i * 0.0001), validationAccuracy: testAccuracy, testAccuracy}
		));
		const out = renderToString(<TrainingPane training={initialTraining(parameters, noisy, 4, 1000, 30)} savePath={undefined} width={44} height={40}/>, {columns: 60});
		const lines = plain(out).split('\n');
		const title = lines.findIndex(line => line.includes('test 95.23%'));
		const axis = lines.findIndex((line, i) => i > title && line.includes('└'));
		const chart = lines.slice(title + 2, axis);
		// The axis spans at least 5 points, so every dot sits in the middle rows, away from the top and the bottom.
		const withDots = chart.flatMap((line, i) => (/[\u2801-\u28FF]/u.test(line) ? [i] : []));
		expect(chart[0]).toMatch(/\d+%┤/);
		expect(withDots.length).toBeGreaterThan(0);
		expect(Math.min(...withDots)).toBeGreaterThan(0);
		expect(Math.max(...withDots)).toBeLessThan(chart.length - 1);
		expect(Math.max(...withDots) - Math.min(...withDots)).toBeLessThanOrEqual(chart.length / 3);
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

/** The pane drawn once, as text without colours unless `colours`. */
function drawn(props: TrainingPaneProps, colours = false): string {
	const out = renderToString(<TrainingPane {...props}/>, {columns: 200});
	return colours ? out : plain(out);
}

/** The pane's lines inside its border, joined by spaces, so wrapped text reads as one. */
function content(out: string): string {
	return out.split('\n').slice(1, -1).map(line => line.slice(2, -2).trim()).join(' ');
}

describe('TrainingPane as a dashboard', () => {
	it('has no width of its own: it must be given one, and is exactly that wide', () => {
		expectTypeOf<TrainingPaneProps['width']>().toEqualTypeOf<number>();
		const training = initialTraining(parameters, history, 2, 1000, 30);
		for (const width of [36, 44, 53]) {
			for (const line of drawn({training, savePath: undefined, width, height: 24}).split('\n')) {
				expect([...line]).toHaveLength(width);
			}
		}
	});

	const long: EpochRecord[] = Array.from({length: 40}, (_, i) => ({
		epoch: i + 1, seconds: 3, trainLoss: 0.1 + (0.4 / (i + 1)), validationAccuracy: 0.96 - (0.1 / (i + 1)), testAccuracy: 0.965 - (0.1 / (i + 1)),
	}));
	const warnings = [
		{kind: 'never-predicted', message: 'never predicts classes Trouser, Bag on the 10000 test images', brief: 'never predicts Trouser,Bag'},
		{kind: 'saturated', message: '29 of 30 hidden units are saturated (|input| > 4 on most of 200 test images): they learn slowly', brief: '29/30 units saturated'},
	] as const;
	const warned = after([{type: 'event', event: {type: 'epoch', record: {...long[39], epoch: 41}, warnings}}], initialTraining(parameters, long, 40, 60_000, 30));

	it('marks the epoch the views show on both charts and says which it is', () => {
		const out = drawn({training: initialTraining(parameters, long, 40, 60_000, 30), savePath: undefined, width: 44, height: 40, shownEpoch: 10});
		expect(out.split('\n')[0]).toContain('shown: epoch 10');
		expect(out).toContain('┊ epoch 10');
		expect(out.split('\n').filter(line => line.includes('┴'))).toHaveLength(2);
		const live = drawn({training: initialTraining(parameters, long, 40, 60_000, 30), savePath: undefined, width: 44, height: 40});
		expect(live).not.toMatch(/[┊┴]/);
		expect(live).not.toContain('shown:');
	});

	it('labels the charts\' axes: values up the side, the first and last epoch along the bottom', () => {
		const out = drawn({training: initialTraining(parameters, long, 40, 60_000, 30), savePath: undefined, width: 44, height: 40});
		const axes = out.split('\n').filter(line => line.includes('└'));
		expect(axes).toHaveLength(2);
		for (const axis of axes) {
			expect(axis).toMatch(/└1─+40 │$/);
		}

		expect(out).toMatch(/│ +\d+%┤/);
		expect(out).toMatch(/│ +0\.\d+┤/);
	});

	it('fits its width and height exactly from 34 to 48 columns and 20 to 56 rows, whatever it has to say', () => {
		const failed = trainingReducer(warned, {type: 'event', event: {type: 'failed', message: new TrainingDivergedError(41, 'the loss became NaN', 3, 0.1).message, diverged: {epoch: 41}}});
		for (const width of [34, 40, 44, 48]) {
			for (const height of [20, 30, 44, 56]) {
				for (const training of [warned, failed, initialTraining(parameters, [], 0, 60_000, 30)]) {
					const lines = drawn({training, savePath: '/a/very/long/folder/name/for/the/model/m.safetensors', width, height, shownEpoch: 7}).split('\n');
					expect(lines).toHaveLength(height);
					for (const line of lines) {
						expect([...line]).toHaveLength(width);
					}
				}
			}
		}
	});

	it('gives the charts the rows that are left, at least three each', () => {
		const chartRows = (height: number): number[] => {
			const lines = drawn({training: warned, savePath: 'm.st', width: 44, height}).split('\n');
			// A chart's rows run from its first labelled row to its x axis.
			const axes = lines.flatMap((line, i) => (line.includes('└') ? [i] : []));
			const tops = lines.flatMap((line, i) => (/┤/.test(line) && !/┤/.test(lines[i - 1]) && !/│ +│/.test(lines[i - 1]) ? [i] : []));
			return axes.map((axis, k) => axis - tops[k] + 1);
		};

		const small = chartRows(20);
		const tall = chartRows(56);
		expect(Math.min(...small)).toBeGreaterThanOrEqual(3);
		// 36 rows more, less the warnings' whole sentences.
		expect(tall[0] + tall[1]).toBeGreaterThan(small[0] + small[1] + 25);
	});

	it('in the tab\'s place at 80x24 and 100x30 gives each chart at least 4 rows of dots, shares them about evenly, and leaves no row blank', () => {
		const training = initialTraining(parameters, long, 40, 60_000, 30);
		for (const [width, height] of [[79, 20], [99, 26]]) {
			const lines = drawn({training, savePath: 'm.st', width, height}).split('\n');
			const axes = lines.flatMap((line, i) => (line.includes('└') ? [i] : []));
			const titles = [lines.findIndex(line => line.includes('loss 0.')), lines.findIndex(line => line.includes('⠄⠄ validation'))];
			const dots = axes.map((axis, k) => axis - titles[k] - 1);
			expect(Math.min(...dots), `${width}x${height}`).toBeGreaterThanOrEqual(4);
			expect(Math.abs(dots[0] - dots[1]), `${width}x${height}`).toBeLessThanOrEqual(2);
			const inside = lines.slice(1, -1).map(line => line.slice(1, -1).trim());
			expect(inside.filter(line => line === ''), `${width}x${height}`).toEqual([]);
		}
	});

	it('says in one line what an epoch takes and what the next run would when it is wide, so the charts keep the rows', () => {
		const out = drawn({training: initialTraining(parameters, long, 40, 60_000, 30), savePath: undefined, width: 79, height: 20});
		expect(out).toContain('an epoch takes about 3s · 30 more epochs take about 1m 30s');
		expect(out).toMatch(/│ epoch 40 done +─+ │/);
	});

	it('says the warnings in whole sentences when it is tall, in a few words when not', () => {
		const tall = drawn({training: warned, savePath: undefined, width: 44, height: 56});
		expect(tall).toContain('! never predicts classes Trouser, Bag on');
		expect(tall).toContain('! 29 of 30 hidden units are saturated');
		const short = drawn({training: warned, savePath: undefined, width: 44, height: 24});
		expect(short).toContain('! never predicts Trouser,Bag');
		expect(short).toContain('! 29/30 units saturated');
	});

	it('says that training diverged, in words and in the warning colour, with what to try', () => {
		const level = chalk.level;
		chalk.level = 3;
		onTestFinished(() => {
			chalk.level = level;
		});
		const message = new TrainingDivergedError(41, 'the loss became NaN', 3, 0).message;
		const failed = trainingReducer(warned, {type: 'event', event: {type: 'failed', message, diverged: {epoch: 41}}});
		const out = drawn({training: failed, savePath: undefined, width: 44, height: 30}, true);
		expect(out).toContain('\u001B[33m! epoch 41: training diverged');
		expect(content(plain(out))).toContain('try a smaller learning rate than 3');
		expect(plain(out)).toMatch(/│ stopped +│/);
	});

	it('tells the two accuracy series apart without colour, in the legend and by their dots', () => {
		setThemeColours(false);
		onTestFinished(() => {
			setThemeColours(true);
		});
		const out = drawn({training: initialTraining(parameters, long, 40, 60_000, 30), savePath: undefined, width: 48, height: 40});
		expect(out).toContain('⠄⠄ validation (dotted)  ⠤⠤ test (solid)');
	});

	it('shows where the charts will be before the first epoch', () => {
		const out = drawn({training: initialTraining(parameters, [], 0, 60_000, 30), savePath: undefined, width: 40, height: 30});
		expect(out).toContain('loss: after epoch 1');
		expect(content(out)).toContain('validation and test accuracy per epoch');
	});
});

describe('wrapText', () => {
	it('breaks at spaces within the width, and cuts a word longer than the width', () => {
		expect(wrapText('never predicts class 9 on the 997 test images', 20)).toEqual(['never predicts class', '9 on the 997 test', 'images']);
		expect(wrapText('a/very/long/path/name', 8)).toEqual(['a/very/l', 'ong/path', '/name']);
		expect(wrapText('', 8)).toEqual([]);
	});
});
