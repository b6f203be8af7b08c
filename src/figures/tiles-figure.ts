/**
 * Views that show one 28x28 tile per class: the generalized images (class maps, the product of the
 * weight matrices, in the diverging map on one shared scale) and the class models (the input that
 * maximises each class's score, found by gradient ascent, in grey), each tile under its class's name.
 */
import {classMaps, maxAbs} from '../nn/class-maps.js';
import {classModel} from '../nn/class-model.js';
import {diverging, grayscale, type Rgb} from '../render/palette.js';
import {type Canvas, createCanvas, drawPixels, frameRect, ink, muted} from './canvas.js';
import {drawText, fitText, textHeight} from './font.js';
import {drawLegend, drawSignedLegend, legendBarWidth, legendHeight} from './legend.js';
import {cellAt, drawHeader, gridFor, headerHeight, margin, networkNote} from './page.js';
import type {Figure, FigureSource} from './source.js';
import {checkImageShape} from './weights-figure.js';

/** Image pixels per input pixel in the class views. */
export const classPixelScale = 6;

export type TilesLayout = {readonly tile: (classIndex: number) => {x: number; y: number}; readonly legend: {x: number; y: number}};

/** A class's label over its tile: its index, and its name when that is not just the index. */
export function classLabel(classNames: readonly string[], c: number): string {
	const name = classNames[c] ?? String(c);
	return name === String(c) ? name : `${c} ${name}`;
}

/** Tiles of `images`, one per class, under a header, with the legend `drawKey` draws below. */
function classTiles(
	source: FigureSource, title: string, note: string, images: ReadonlyArray<ArrayLike<number>>, colorOf: (v: number) => Rgb,
	drawKey: (canvas: Canvas, x: number, y: number) => void,
): {canvas: Canvas; layout: TilesLayout} {
	const {rows, cols} = source;
	const tileWidth = cols * classPixelScale;
	const tileHeight = rows * classPixelScale;
	const grid = gridFor(images.length, 5, tileWidth + 20, tileHeight + textHeight(1) + 22, 'rows');
	const width = Math.max((2 * margin) + (grid.columns * grid.cellWidth), (2 * margin) + legendBarWidth + 420);
	const gridTop = headerHeight;
	const legendTop = gridTop + (grid.rows * grid.cellHeight) + 4;
	const canvas = createCanvas(width, legendTop + legendHeight + margin);
	drawHeader(canvas, title, note);
	const tile = (c: number) => {
		const cell = cellAt(grid, c, margin, gridTop);
		return {x: cell.x, y: cell.y + textHeight(1) + 6};
	};

	for (const [c, image] of images.entries()) {
		const {x, y} = tile(c);
		drawText(canvas, fitText(classLabel(source.classNames, c), tileWidth), x, y - textHeight(1) - 6, ink);
		drawPixels(canvas, x, y, cols, rows, classPixelScale, image, colorOf);
		frameRect(canvas, x, y, tileWidth, tileHeight, muted);
	}

	const legend = {x: margin, y: legendTop};
	drawKey(canvas, legend.x, legend.y);
	return {canvas, layout: {tile, legend}};
}

export type MapsNumbers = {readonly view: 'maps'; readonly epoch: number; readonly scale: number; readonly classNames: readonly string[]; readonly maps: number[][]};

export function mapsFigure(source: FigureSource): Figure<MapsNumbers> & {layout: TilesLayout} {
	checkImageShape(source);
	const maps = classMaps(source.parameters);
	const scale = Math.max(...maps.map(m => maxAbs(m)));
	const {canvas, layout} = classTiles(
		source, 'Generalized images: which pixels push each class up or down',
		`${networkNote(source.config.layers, source.config.activation, source.epoch)}; the product of the weight matrices, biases left out`,
		maps, v => diverging(scale === 0 ? 0 : v / scale),
		(c, x, y) => drawSignedLegend(c, x, y, 'weight through the layers (one scale for all classes)', scale),
	);
	return {canvas, layout, numbers: {view: 'maps', epoch: source.epoch, scale, classNames: source.classNames, maps: maps.map(m => Array.from(m))}};
}

export type ClassModelsNumbers = {readonly view: 'class-models'; readonly epoch: number; readonly classNames: readonly string[]; readonly images: number[][]};

export function classModelsFigure(source: FigureSource): Figure<ClassModelsNumbers> & {layout: TilesLayout} {
	checkImageShape(source);
	const classes = source.config.layers.at(-1)!;
	const images = Array.from({length: classes}, (_, c) => classModel(source.config, source.parameters, c));
	const {canvas, layout} = classTiles(
		source, 'Class models: the input each class scores highest',
		`${networkNote(source.config.layers, source.config.activation, source.epoch)}; gradient ascent from faint seeded noise, L2 penalty, pixels 0 to 1`,
		images, grayscale,
		(c, x, y) => drawLegend(c, x, y, 'pixel value', grayscale, {low: '0', high: '1'}),
	);
	return {canvas, layout, numbers: {view: 'class-models', epoch: source.epoch, classNames: source.classNames, images: images.map(m => Array.from(m))}};
}
