/**
 * One test example explained: the image in grey, the network's output for every class as a bar (the
 * predicted class's bar in the diverging map's orange, the others grey, both marked in words), the
 * true and predicted classes, and the attribution maps (gradient x input of the class score z_c) for
 * the predicted class and, when it differs, the true class, on one shared scale with its legend.
 */
import {UsageError} from '../errors.js';
import {maxAbs} from '../nn/class-maps.js';
import {Explainer, imageInput} from '../nn/explain.js';
import {diverging, grayscale, type Rgb} from '../render/palette.js';
import {createCanvas, drawPixels, fillRect, frameRect, ink, muted} from './canvas.js';
import {drawText, fitText, textHeight, textWidth} from './font.js';
import {drawSignedLegend, legendBarWidth, legendHeight} from './legend.js';
import {shortNumber} from './numbers.js';
import {drawHeader, headerHeight, margin, networkNote} from './page.js';
import type {Figure, FigureSource} from './source.js';
import {classLabel} from './tiles-figure.js';
import {checkImageShape} from './weights-figure.js';

export const examplePixelScale = 8;
export const mapPixelScale = 6;
const barLength = 220;
const barHeight = 14;
const barPitch = 22;
export const predictedBarColor: Rgb = diverging(0.75);
export const otherBarColor: Rgb = [150, 150, 150];

export type ExampleNumbers = {
	readonly view: 'example';
	readonly epoch: number;
	readonly index: number;
	readonly label: number;
	readonly predicted: number;
	readonly classNames: readonly string[];
	readonly outputs: number[];
	readonly hidden: number[][];
	/** gradient x input and the plain gradient of z_c for the predicted class and the true class. */
	readonly attribution: {readonly predicted: ClassAttribution; readonly true: ClassAttribution};
};
type ClassAttribution = {readonly classIndex: number; readonly gradientTimesInput: number[]; readonly gradient: number[]};

export type ExampleLayout = {
	readonly image: {x: number; y: number};
	/** The left end of class c's bar. */
	readonly bar: (classIndex: number) => {x: number; y: number; length: number};
	readonly maps: ReadonlyArray<{x: number; y: number}>;
	readonly legend: {x: number; y: number};
};

/** The test image `source.index` (0 when not given), checked against the test set. */
export function exampleIndex(source: FigureSource): number {
	const count = source.test?.count ?? 0;
	const index = source.index ?? 0;
	if (index < 0 || index >= count) {
		throw new UsageError(`--index ${index}: the test set has ${count} images (0 to ${count - 1})`);
	}

	return index;
}

export function exampleFigure(source: FigureSource): Figure<ExampleNumbers> & {layout: ExampleLayout} {
	checkImageShape(source);
	const index = exampleIndex(source);
	const test = source.test!;
	const {rows, cols, classNames} = source;
	const size = rows * cols;
	const label = test.labels[index];
	const explanation = new Explainer(source.config, source.parameters).explain(imageInput(test.images, index, size), label);
	const {outputs, predicted} = explanation;
	const other = explanation.other!;
	const maps = predicted === label
		? [{title: `PREDICTED = TRUE: ${classLabel(classNames, label)}`, values: explanation.gradientTimesInput}]
		: [{title: `PREDICTED: ${classLabel(classNames, predicted)}`, values: explanation.gradientTimesInput}, {title: `TRUE: ${classLabel(classNames, label)}`, values: other.gradientTimesInput}];
	const scale = Math.max(...maps.map(m => maxAbs(m.values)));

	const top = headerHeight + textHeight(1) + 8;
	const image = {x: margin, y: top};
	const imageSize = cols * examplePixelScale;
	const nameWidth = Math.min(100, Math.max(...classNames.map((_, c) => textWidth(classLabel(classNames, c))))) + 8;
	const barsX = image.x + imageSize + 40 + nameWidth;
	const bar = (c: number) => ({x: barsX, y: top + (c * barPitch), length: Math.round(barLength * clamp01(outputs[c]))});
	const mapsX = barsX + barLength + 110;
	const mapSize = cols * mapPixelScale;
	const mapPlaces = maps.map((_, i) => ({x: mapsX + (i * (mapSize + 30)), y: top}));
	const legend = {x: mapsX, y: top + (rows * mapPixelScale) + 16};
	const width = Math.max(mapsX + (maps.length * (mapSize + 30)) - 30, mapsX + legendBarWidth + 40) + margin;
	const height = Math.max(top + (rows * examplePixelScale), top + (classNames.length * barPitch) + 10, legend.y + legendHeight) + margin;
	const canvas = createCanvas(width, height);

	const verdict = predicted === label ? 'RIGHT' : 'WRONG';
	drawHeader(canvas, `TEST IMAGE ${index}: TRUE ${classLabel(classNames, label)}, PREDICTED ${classLabel(classNames, predicted)} (${verdict})`,
		`${networkNote(source.config.layers, source.config.activation, source.epoch)}; MAPS: GRADIENT × INPUT OF THE CLASS SCORE Z (BEFORE ${source.config.output})`);
	drawText(canvas, 'IMAGE', image.x, top - textHeight(1) - 8, ink);
	drawPixels(canvas, image.x, image.y, cols, rows, examplePixelScale, test.images.subarray(index * size, (index + 1) * size), v => grayscale(v / 255));
	frameRect(canvas, image.x, image.y, imageSize, rows * examplePixelScale, muted);

	drawText(canvas, `OUTPUTS (${source.config.output})`, barsX - nameWidth, top - textHeight(1) - 8, ink);
	for (let c = 0; c < classNames.length; c++) {
		const {x, y, length} = bar(c);
		drawText(canvas, fitText(classLabel(classNames, c), nameWidth - 8), x - 8, y + 4, ink, 1, 'right');
		fillRect(canvas, x, y, barLength, barHeight, [236, 236, 236]);
		fillRect(canvas, x, y, length, barHeight, c === predicted ? predictedBarColor : otherBarColor);
		const marks = [shortNumber(outputs[c]), ...(c === predicted ? ['PREDICTED'] : []), ...(c === label ? ['TRUE'] : [])];
		drawText(canvas, marks.join(' '), x + barLength + 8, y + 4, c === predicted || c === label ? ink : muted);
	}

	for (const [i, map] of maps.entries()) {
		const {x, y} = mapPlaces[i];
		drawText(canvas, fitText(map.title, mapSize + 20), x, y - textHeight(1) - 8, ink);
		drawPixels(canvas, x, y, cols, rows, mapPixelScale, map.values, v => diverging(scale === 0 ? 0 : v / scale));
		frameRect(canvas, x, y, mapSize, rows * mapPixelScale, muted);
	}

	drawSignedLegend(canvas, legend.x, legend.y, 'GRADIENT × INPUT (ONE SCALE FOR BOTH MAPS)', scale);
	const attribution = (classIndex: number, maps: {gradientTimesInput: Float64Array; gradient: Float64Array}) => ({
		classIndex, gradientTimesInput: Array.from(maps.gradientTimesInput), gradient: Array.from(maps.gradient),
	});
	return {
		canvas,
		layout: {image, bar, maps: mapPlaces, legend},
		numbers: {
			view: 'example', epoch: source.epoch, index, label, predicted, classNames,
			outputs: Array.from(outputs), hidden: explanation.hidden.map(h => Array.from(h)),
			attribution: {predicted: attribution(predicted, explanation), true: attribution(label, other)},
		},
	};
}

function clamp01(v: number): number {
	return v > 1 ? 1 : (v > 0 ? v : 0);
}
