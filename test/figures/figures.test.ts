import {decode} from 'fast-png';
import {describe, expect, it} from 'vitest';
import {type Canvas, pixelAt} from '../../src/figures/canvas.js';
import {confusionFigure, confusionRamp} from '../../src/figures/confusion-figure.js';
import {curvesFigure, niceTicks, plotPoint} from '../../src/figures/curves-figure.js';
import {exampleFigure, examplePixelScale, mapPixelScale, predictedBarColor} from '../../src/figures/example-figure.js';
import {buildFigure, encodePng, figureViews} from '../../src/figures/figure.js';
import {legendBar} from '../../src/figures/legend.js';
import {shortNumber, signedLabel} from '../../src/figures/numbers.js';
import {classModelsFigure, classPixelScale, mapsFigure} from '../../src/figures/tiles-figure.js';
import {weightsFigure, weightsPixelScale} from '../../src/figures/weights-figure.js';
import {UsageError} from '../../src/errors.js';
import {classMaps} from '../../src/nn/class-maps.js';
import {classModel} from '../../src/nn/class-model.js';
import {Explainer, imageInput} from '../../src/nn/explain.js';
import {diverging, grayscale, type Rgb} from '../../src/render/palette.js';
import {config, parameters, side, source, testSplit} from './fixture.js';

/** The canvas as a PNG, decoded again: what a reader of the file sees. */
function roundTrip(canvas: Canvas): {width: number; height: number; at: (x: number, y: number) => Rgb} {
	const png = decode(encodePng(canvas));
	expect(png.channels).toBe(3);
	expect(png.depth).toBe(8);
	return {width: png.width, height: png.height, at: (x, y) => {
		const i = ((y * png.width) + x) * 3;
		return [png.data[i], png.data[i + 1], png.data[i + 2]];
	}};
}

/** The centre of the input pixel (row, col) of a tile drawn at `tile` with `scale` pixels per input pixel. */
function centre(tile: {x: number; y: number}, row: number, col: number, scale: number): [number, number] {
	return [tile.x + (col * scale) + Math.floor(scale / 2), tile.y + (row * scale) + Math.floor(scale / 2)];
}

describe('the weights figure', () => {
	it('is a PNG of its canvas\'s size with each neuron\'s weights in the diverging map at their place, the layer\'s largest |weight| at an end', () => {
		const figure = weightsFigure(source());
		const png = roundTrip(figure.canvas);
		expect([png.width, png.height]).toEqual([figure.canvas.width, figure.canvas.height]);
		// Neuron 1, pixel (2, 3) holds +0.8, the largest |weight|: the map's brightest orange.
		expect(png.at(...centre(figure.layout.tile(1), 2, 3, weightsPixelScale))).toEqual(diverging(1));
		// Neuron 2, pixel (0, 0) holds -0.8: the map's brightest blue.
		expect(png.at(...centre(figure.layout.tile(2), 0, 0, weightsPixelScale))).toEqual(diverging(-1));
		// Any other weight at its share of the scale.
		const w = parameters().weights[0][5];
		expect(png.at(...centre(figure.layout.tile(0), 1, 1, weightsPixelScale))).toEqual(diverging(w / 0.8));
	});

	it('draws each input pixel as a square of at least 4x4 pixels', () => {
		expect(weightsPixelScale).toBeGreaterThanOrEqual(4);
		const figure = weightsFigure(source());
		const [x, y] = centre(figure.layout.tile(1), 2, 3, weightsPixelScale);
		const colour = pixelAt(figure.canvas, x, y);
		const left = figure.layout.tile(1).x + (3 * weightsPixelScale);
		const top = figure.layout.tile(1).y + (2 * weightsPixelScale);
		for (let dy = 0; dy < weightsPixelScale; dy++) {
			for (let dx = 0; dx < weightsPixelScale; dx++) {
				expect(pixelAt(figure.canvas, left + dx, top + dy)).toEqual(colour);
			}
		}
	});

	it('puts a legend under the tiles whose ends are the map\'s ends and whose middle is 0', () => {
		const figure = weightsFigure(source());
		const png = roundTrip(figure.canvas);
		const bar = legendBar(figure.layout.legend.x, figure.layout.legend.y);
		const middleRow = bar.y + Math.floor(bar.height / 2);
		expect(png.at(bar.x, middleRow)).toEqual(diverging(-1));
		expect(png.at(bar.x + bar.width - 1, middleRow)).toEqual(diverging(1));
		const middle = png.at(bar.x + (bar.width / 2), middleRow);
		expect(Math.max(...middle.map((v, k) => Math.abs(v - diverging(0)[k])))).toBeLessThan(12);
	});

	it('gives the numbers behind it: every neuron\'s weights, bias and influence', () => {
		const {numbers} = weightsFigure(source());
		expect(numbers.neurons).toHaveLength(3);
		expect(numbers.neurons[1].weights).toHaveLength(16);
		expect(numbers.neurons[1].weights[11]).toBeCloseTo(0.8, 6);
		expect(numbers.neurons[1].bias).toBe(-0.5);
		const row = parameters().weights[0].subarray(32, 48);
		expect(numbers.neurons[2].influence).toBeCloseTo(row.reduce((s, v) => s + v, 0) / 16, 9);
		expect(numbers.scale).toBeCloseTo(0.8, 6);
	});

	it('refuses images whose size is not the first layer\'s', () => {
		expect(() => weightsFigure(source({rows: 5}))).toThrow(/5x4 but the network's first layer has 16 inputs/);
	});
});

describe('the maps figure', () => {
	it('shows each class\'s generalized image on one scale shared by all classes', () => {
		const figure = mapsFigure(source());
		const png = roundTrip(figure.canvas);
		const maps = classMaps(parameters());
		const scale = Math.max(...maps.flatMap(m => [...m].map(Math.abs)));
		expect(figure.numbers.scale).toBeCloseTo(scale, 6);
		for (const c of [0, 1]) {
			for (const p of [0, 6, 11]) {
				const at = centre(figure.layout.tile(c), Math.floor(p / side), p % side, classPixelScale);
				expect(png.at(...at)).toEqual(diverging(maps[c][p] / figure.numbers.scale));
			}
		}

		expect(figure.numbers.maps[1]).toHaveLength(16);
	});
});

describe('the class models figure', () => {
	it('shows each class\'s model in grey at its place, as classModel computes it', () => {
		const figure = classModelsFigure(source());
		const png = roundTrip(figure.canvas);
		for (const c of [0, 1]) {
			const image = classModel(config, parameters(), c);
			expect(figure.numbers.images[c]).toEqual(Array.from(image));
			for (const p of [0, 5, 15]) {
				expect(png.at(...centre(figure.layout.tile(c), Math.floor(p / side), p % side, classPixelScale))).toEqual(grayscale(image[p]));
			}
		}
	});
});

describe('the example figure', () => {
	it('shows the test image in grey, the predicted class\'s bar in orange, and one gradient x input map when the prediction is right', () => {
		const figure = exampleFigure(source({index: 2}));
		const png = roundTrip(figure.canvas);
		const test = testSplit();
		expect(png.at(...centre(figure.layout.image, 3, 1, examplePixelScale))).toEqual(grayscale(test.images[(2 * 16) + 13] / 255));
		const explanation = new Explainer(config, parameters()).explain(imageInput(test.images, 2, 16), test.labels[2]);
		expect(figure.numbers.label).toBe(0);
		expect(figure.numbers.predicted).toBe(0);
		expect(figure.numbers.outputs).toEqual(Array.from(explanation.outputs));
		const bar = figure.layout.bar(0);
		expect(png.at(bar.x + 1, bar.y + 2)).toEqual(predictedBarColor);
		expect(figure.layout.shown.map(m => m.role)).toEqual(['predicted']);
		expect(figure.layout.shown[0].caption).toBe('for 0 top, predicted and true');
		expect(figure.numbers.attribution.kind).toBe('gradient-times-input');
		expect(figure.numbers.attribution.difference).toBeNull();
		const map = explanation.gradientTimesInput;
		const scale = Math.max(...map.map(Math.abs));
		for (let p = 0; p < 16; p++) {
			expect(png.at(...centre(figure.layout.maps[0], Math.floor(p / side), p % side, mapPixelScale))).toEqual(diverging(map[p] / scale));
		}
	});

	it('when the prediction is wrong, also shows the true class\'s map and the difference, all three on one scale', () => {
		const figure = exampleFigure(source({index: 3}));
		const png = roundTrip(figure.canvas);
		const test = testSplit();
		const explanation = new Explainer(config, parameters()).explain(imageInput(test.images, 3, 16), test.labels[3]);
		expect([figure.numbers.label, figure.numbers.predicted]).toEqual([1, 0]);
		expect(figure.layout.shown.map(m => m.caption)).toEqual(['for 0 top, predicted', 'for 1 bottom, the true class', '0 top rather than 1 bottom']);
		const predicted = explanation.gradientTimesInput;
		const truth = explanation.other!.gradientTimesInput;
		const difference = predicted.map((v, i) => v - truth[i]);
		const scale = Math.max(...[...predicted, ...truth, ...difference].map(Math.abs));
		expect(figure.layout.scale).toBe(scale);
		for (const [k, values] of [predicted, truth, difference].entries()) {
			for (const p of [0, 5, 10, 15]) {
				expect(png.at(...centre(figure.layout.maps[k], Math.floor(p / side), p % side, mapPixelScale)), `map ${k} pixel ${p}`).toEqual(diverging(values[p] / scale));
			}
		}

		const json = figure.numbers.attribution;
		expect(json.true.classIndex).toBe(1);
		expect(json.difference).toMatchObject({predicted: 0, true: 1});
		expect(json.difference!.gradientTimesInput).toEqual(Array.from(difference));
		expect(json.difference!.gradient).toEqual(Array.from(explanation.gradient.map((v, i) => v - explanation.other!.gradient[i])));
	});

	it('draws the plain gradient instead when asked, non-zero where the input is blank', () => {
		const figure = exampleFigure(source({index: 3, attribution: 'gradient'}));
		const png = roundTrip(figure.canvas);
		const test = testSplit();
		const explanation = new Explainer(config, parameters()).explain(imageInput(test.images, 3, 16), test.labels[3]);
		const truth = explanation.other!.gradient;
		const difference = explanation.gradient.map((v, i) => v - truth[i]);
		const scale = Math.max(...[...explanation.gradient, ...truth, ...difference].map(Math.abs));
		expect(figure.numbers.attribution.kind).toBe('gradient');
		// The gradient is there even where the input is 0 (gradient x input is 0 there): pixel 12 of a bottom-class image is ink, pixel 0 is not.
		expect(test.images[(3 * 16) + 0]).toBe(0);
		expect(png.at(...centre(figure.layout.maps[1], 0, 0, mapPixelScale))).toEqual(diverging(truth[0] / scale));
		expect(truth[0]).not.toBe(0);
		expect(png.at(...centre(figure.layout.maps[2], 3, 3, mapPixelScale))).toEqual(diverging(difference[15] / scale));
		expect(figure.layout.scale).toBe(scale);
	});

	it('refuses an index outside the test set with the range it has', () => {
		expect(() => exampleFigure(source({index: 6}))).toThrow(UsageError);
		expect(() => exampleFigure(source({index: 6}))).toThrow('--index 6: the test set has 6 images (0 to 5)');
	});
});

describe('the confusion figure', () => {
	it('counts every test image once and colours right answers blue and mistakes orange', () => {
		const figure = confusionFigure(source());
		const {matrix, recall, precision, count} = figure.numbers;
		expect(count).toBe(6);
		expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(6);
		expect(recall[0]).toBeCloseTo(matrix[0][0] / 3, 12);
		const png = roundTrip(figure.canvas);
		for (const t of [0, 1]) {
			for (const p of [0, 1]) {
				const cell = figure.layout.cell(t, p);
				const n = matrix[t][p];
				const expected = t === p ? confusionRamp(n / 3, true) : confusionRamp(n / Math.max(1, matrix[0][1], matrix[1][0]), false);
				expect(png.at(cell.x + 2, cell.y + 2)).toEqual(expected);
			}
		}

		expect(precision.every(v => v === null || (v >= 0 && v <= 1))).toBe(true);
	});

	it('ramps from white to the diverging map\'s blue for right answers and orange for mistakes', () => {
		expect(confusionRamp(0, false)).toEqual([255, 255, 255]);
		const right = confusionRamp(1, true);
		const wrong = confusionRamp(1, false);
		expect(right[2]).toBeGreaterThan(right[0]);
		expect(wrong[0]).toBeGreaterThan(wrong[2]);
	});
});

describe('the curves figure', () => {
	it('plots the history\'s accuracies at their epochs and stops at the epoch asked for', () => {
		const figure = curvesFigure(source());
		expect(figure.numbers.validationAccuracy).toEqual([0.6, 0.8]);
		const png = roundTrip(figure.canvas);
		const point = plotPoint(figure.layout.accuracy, 2, 0.8);
		expect(png.at(point.x, point.y)).toEqual(diverging(0.75));
		const loss = plotPoint(figure.layout.loss, 1, 0.9);
		expect(png.at(loss.x, loss.y)).toEqual(diverging(-0.85));
		expect(curvesFigure(source({epoch: 1})).numbers.epochs).toEqual([1]);
	});

	it('says so when there is no epoch to plot', () => {
		expect(() => curvesFigure(source({epoch: 0}))).toThrow('--view curves needs at least one trained epoch; the network at epoch 0 has none');
	});

	it('puts ticks at round steps', () => {
		expect(niceTicks(0, 2)).toEqual([0, 0.5, 1, 1.5, 2]);
		expect(niceTicks(0.86, 0.92).map(v => Number(v.toFixed(4)))).toEqual([0.86, 0.88, 0.9, 0.92]);
		expect(niceTicks(1, 30, 8)).toEqual([5, 10, 15, 20, 25, 30]);
	});
});

describe('every view', () => {
	it('builds a PNG whose numbers survive JSON', () => {
		for (const view of figureViews) {
			const figure = buildFigure(view, source({index: 1}));
			expect(roundTrip(figure.canvas).width, view).toBe(figure.canvas.width);
			expect(JSON.parse(JSON.stringify(figure.numbers))).toMatchObject({view});
		}
	});
});

describe('figure numbers', () => {
	it('are short and keep their sign', () => {
		expect(shortNumber(0.0042)).toBe('0.0042');
		expect(shortNumber(12.5)).toBe('12.5');
		expect(shortNumber(-1.666)).toBe('-1.67');
		expect(shortNumber(1.2e-5)).toBe('1.2e-5');
		expect(shortNumber(0)).toBe('0');
		expect(signedLabel(0.52)).toBe('+0.52');
		expect(signedLabel(-0.52)).toBe('-0.52');
	});
});
