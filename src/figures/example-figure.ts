/**
 * One test example explained: the image in grey, the network's output for every class as a bar (the
 * predicted class's bar in the diverging map's orange, the others grey, both marked in words), the
 * true and predicted classes, and the attribution maps of the class score z_c (gradient x input, or
 * the plain gradient) for the predicted class and, when the prediction is wrong, for the true class
 * and their difference (what pushed it to the one rather than the other), as the examples tab shows
 * them: on one shared scale with its legend.
 */
import {UsageError} from '../errors.js';
import {maxAbs} from '../nn/class-maps.js';
import {type AttributionKind, differenceMap, Explainer, imageInput} from '../nn/explain.js';
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

/** How each kind of attribution map is named in the figure (as the examples tab names it). */
export const attributionWords: Readonly<Record<AttributionKind, string>> = {'gradient-times-input': 'gradient × input', gradient: 'gradient'};

export type ExampleNumbers = {
	readonly view: 'example';
	readonly epoch: number;
	readonly index: number;
	readonly label: number;
	readonly predicted: number;
	readonly classNames: readonly string[];
	readonly outputs: number[];
	readonly hidden: number[][];
	/**
	 * The maps of z_c, both kinds: for the predicted class, the true class, and (when they differ) the
	 * predicted minus the true; `kind` is the one the figure draws.
	 */
	readonly attribution: {
		readonly kind: AttributionKind;
		readonly predicted: ClassAttribution;
		readonly true: ClassAttribution;
		readonly difference: DifferenceAttribution | null;
	};
};
type AttributionPair = {readonly gradientTimesInput: number[]; readonly gradient: number[]};
type ClassAttribution = AttributionPair & {readonly classIndex: number};
type DifferenceAttribution = AttributionPair & {readonly predicted: number; readonly true: number};

/** One map the figure draws: whose it is, its caption and its values. */
export type ExampleMap = {readonly role: 'predicted' | 'true' | 'difference'; readonly caption: string; readonly values: ArrayLike<number>};

export type ExampleLayout = {
	readonly image: {x: number; y: number};
	/** The left end of class c's bar. */
	readonly bar: (classIndex: number) => {x: number; y: number; length: number};
	/** The maps' top-left corners, in the order of `shown`. */
	readonly maps: ReadonlyArray<{x: number; y: number}>;
	readonly shown: readonly ExampleMap[];
	/** The one scale of every map: the largest magnitude among them. */
	readonly scale: number;
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

/** The first of `captions` (longest first) that fits `width` pixels, else the last one cut. */
function fitting(captions: readonly string[], width: number): string {
	return captions.find(c => textWidth(c) <= width) ?? fitText(captions.at(-1)!, width);
}

export function exampleFigure(source: FigureSource): Figure<ExampleNumbers> & {layout: ExampleLayout} {
	checkImageShape(source);
	const index = exampleIndex(source);
	const test = source.test!;
	const {rows, cols, classNames} = source;
	const kind = source.attribution ?? 'gradient-times-input';
	const size = rows * cols;
	const label = test.labels[index];
	const explanation = new Explainer(source.config, source.parameters).explain(imageInput(test.images, index, size), label);
	const {outputs, predicted} = explanation;
	const other = explanation.other!;
	const right = predicted === label;
	const pick = (maps: {gradientTimesInput: Float64Array; gradient: Float64Array}) => (kind === 'gradient' ? maps.gradient : maps.gradientTimesInput);
	const p = classLabel(classNames, predicted);
	const t = classLabel(classNames, label);
	const mapSize = cols * mapPixelScale;
	// Maps sit a pitch apart that leaves their captions room even when the images are small.
	const mapPitch = Math.max(mapSize, 170) + 30;
	const captionWidth = mapPitch - 12;
	const shown: ExampleMap[] = right
		? [{role: 'predicted', caption: fitting([`for ${p}, predicted and true`, `for ${p} (right)`, `for ${p}`], captionWidth), values: pick(explanation)}]
		: [
			{role: 'predicted', caption: fitting([`for ${p}, predicted`, `for ${p} (predicted)`, `for ${p}`], captionWidth), values: pick(explanation)},
			{role: 'true', caption: fitting([`for ${t}, the true class`, `for ${t} (true)`, `for ${t}`], captionWidth), values: pick(other)},
			{role: 'difference', caption: fitting([`${p} rather than ${t}`, `${p} − ${t}`, 'difference'], captionWidth), values: differenceMap(pick(explanation), pick(other))},
		];
	const scale = Math.max(...shown.map(m => maxAbs(m.values)));

	const top = headerHeight + textHeight(1) + 8;
	const image = {x: margin, y: top};
	const imageSize = cols * examplePixelScale;
	const nameWidth = Math.min(100, Math.max(...classNames.map((_, c) => textWidth(classLabel(classNames, c))))) + 8;
	const barsX = image.x + imageSize + 40 + nameWidth;
	const bar = (c: number) => ({x: barsX, y: top + (c * barPitch), length: Math.round(barLength * clamp01(outputs[c]))});
	const mapsX = barsX + barLength + 110;
	const mapPlaces = shown.map((_, i) => ({x: mapsX + (i * mapPitch), y: top}));
	const legend = {x: mapsX, y: top + (rows * mapPixelScale) + 16};
	const legendCaption = `${attributionWords[kind]}${shown.length === 1 ? '' : ` (one scale for all ${shown.length} maps)`}`;
	const width = Math.max(mapsX + ((shown.length - 1) * mapPitch) + Math.max(mapSize, textWidth(shown.at(-1)!.caption)), mapsX + Math.max(legendBarWidth + 40, textWidth(legendCaption))) + margin;
	const height = Math.max(top + (rows * examplePixelScale), top + (classNames.length * barPitch) + 10, legend.y + legendHeight) + margin;
	const canvas = createCanvas(width, height);

	const what = kind === 'gradient' ? 'the gradient of the class score z with respect to the input' : 'gradient × input of the class score z';
	drawHeader(canvas, `Test image ${index}: true ${t}, predicted ${p} (${right ? 'right' : 'wrong'})`,
		`${networkNote(source.config.layers, source.config.activation, source.epoch)}; maps: ${what} (before ${source.config.output})`);
	drawText(canvas, 'image', image.x, top - textHeight(1) - 8, ink);
	drawPixels(canvas, image.x, image.y, cols, rows, examplePixelScale, test.images.subarray(index * size, (index + 1) * size), v => grayscale(v / 255));
	frameRect(canvas, image.x, image.y, imageSize, rows * examplePixelScale, muted);

	drawText(canvas, `outputs (${source.config.output})`, barsX - nameWidth, top - textHeight(1) - 8, ink);
	for (let c = 0; c < classNames.length; c++) {
		const {x, y, length} = bar(c);
		drawText(canvas, fitText(classLabel(classNames, c), nameWidth - 8), x - 8, y + 4, ink, 1, 'right');
		fillRect(canvas, x, y, barLength, barHeight, [236, 236, 236]);
		fillRect(canvas, x, y, length, barHeight, c === predicted ? predictedBarColor : otherBarColor);
		const marks = [shortNumber(outputs[c]), ...(c === predicted ? ['predicted'] : []), ...(c === label ? ['true'] : [])];
		drawText(canvas, marks.join(' '), x + barLength + 8, y + 4, c === predicted || c === label ? ink : muted);
	}

	for (const [i, map] of shown.entries()) {
		const {x, y} = mapPlaces[i];
		drawText(canvas, map.caption, x, y - textHeight(1) - 8, ink);
		drawPixels(canvas, x, y, cols, rows, mapPixelScale, map.values, v => diverging(scale === 0 ? 0 : v / scale));
		frameRect(canvas, x, y, mapSize, rows * mapPixelScale, muted);
	}

	drawSignedLegend(canvas, legend.x, legend.y, legendCaption, scale);
	const pair = (maps: {gradientTimesInput: ArrayLike<number>; gradient: ArrayLike<number>}) => ({
		gradientTimesInput: Array.from(maps.gradientTimesInput), gradient: Array.from(maps.gradient),
	});
	return {
		canvas,
		layout: {image, bar, maps: mapPlaces, shown, scale, legend},
		numbers: {
			view: 'example', epoch: source.epoch, index, label, predicted, classNames,
			outputs: Array.from(outputs), hidden: explanation.hidden.map(h => Array.from(h)),
			attribution: {
				kind,
				predicted: {classIndex: predicted, ...pair(explanation)},
				true: {classIndex: label, ...pair(other)},
				difference: right ? null : {
					predicted, true: label,
					...pair({gradientTimesInput: differenceMap(explanation.gradientTimesInput, other.gradientTimesInput), gradient: differenceMap(explanation.gradient, other.gradient)}),
				},
			},
		},
	};
}

function clamp01(v: number): number {
	return v > 1 ? 1 : (v > 0 ? v : 0);
}
