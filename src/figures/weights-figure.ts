/**
 * The weights view: every first-layer neuron's incoming weights as a 28x28 tile in the diverging map,
 * on one scale shared by all tiles (the layer's largest |weight|), each tile labelled with the
 * neuron's index, its bias B and its influence I (the mean of its weights), and the scale's legend.
 */
import {ShapeError} from '../errors.js';
import {maxAbs, mean} from '../nn/class-maps.js';
import {diverging} from '../render/palette.js';
import {createCanvas, drawPixels, frameRect, ink, muted} from './canvas.js';
import {drawText, fitText, textHeight} from './font.js';
import {drawSignedLegend, legendBarWidth, legendHeight} from './legend.js';
import {shortNumber} from './numbers.js';
import {cellAt, drawHeader, gridFor, headerHeight, margin, networkNote} from './page.js';
import type {Figure, FigureSource} from './source.js';

/** Image pixels per input pixel in the weights view. */
export const weightsPixelScale = 4;

export type NeuronNumbers = {readonly neuron: number; readonly weights: number[]; readonly bias: number; readonly influence: number};
export type WeightsNumbers = {readonly view: 'weights'; readonly epoch: number; readonly scale: number; readonly neurons: NeuronNumbers[]};

/** Where neuron i's tile is, for tests: its top-left pixel. */
export type WeightsLayout = {readonly tile: (neuron: number) => {x: number; y: number}; readonly legend: {x: number; y: number}};

export function checkImageShape(source: FigureSource): void {
	if (source.rows * source.cols !== source.config.layers[0]) {
		throw new ShapeError(`the images are ${source.rows}x${source.cols} but the network's first layer has ${source.config.layers[0]} inputs`);
	}
}

export function weightsFigure(source: FigureSource): Figure<WeightsNumbers> & {layout: WeightsLayout} {
	checkImageShape(source);
	const {rows, cols, parameters} = source;
	const inputs = source.config.layers[0];
	const neurons = source.config.layers[1];
	const weights = parameters.weights[0]; // neurons x inputs
	const scale = maxAbs(weights);
	const tileWidth = cols * weightsPixelScale;
	const tileHeight = rows * weightsPixelScale;
	const labelHeight = (2 * textHeight(1)) + 10;
	const grid = gridFor(neurons, 10, Math.max(tileWidth, 96) + 14, tileHeight + labelHeight + 12);
	const width = Math.max((2 * margin) + (grid.columns * grid.cellWidth), (2 * margin) + legendBarWidth + 300);
	const gridTop = headerHeight;
	const legendTop = gridTop + (grid.rows * grid.cellHeight) + 4;
	const canvas = createCanvas(width, legendTop + legendHeight + margin);
	drawHeader(canvas, `First-layer weights: ${neurons} neurons`, `${networkNote(source.config.layers, source.config.activation, source.epoch)}; B bias, I influence (mean weight)`);
	const colorOf = (w: number) => diverging(scale === 0 ? 0 : w / scale);
	const numbers: NeuronNumbers[] = [];
	const tile = (neuron: number) => cellAt(grid, neuron, margin, gridTop);
	for (let j = 0; j < neurons; j++) {
		const row = weights.subarray(j * inputs, (j + 1) * inputs);
		const bias = parameters.biases[0][j];
		const influence = mean(row);
		numbers.push({neuron: j, weights: Array.from(row), bias, influence});
		const {x, y} = tile(j);
		drawPixels(canvas, x, y, cols, rows, weightsPixelScale, row, colorOf);
		frameRect(canvas, x, y, tileWidth, tileHeight, muted);
		drawText(canvas, String(j), x, y + tileHeight + 5, ink);
		drawText(canvas, fitText(`B${shortNumber(bias)} I${shortNumber(influence)}`, grid.cellWidth - 14), x, y + tileHeight + 7 + textHeight(1), muted);
	}

	const legend = {x: margin, y: legendTop};
	drawSignedLegend(canvas, legend.x, legend.y, 'weight (one scale for all tiles)', scale);
	return {canvas, numbers: {view: 'weights', epoch: source.epoch, scale, neurons: numbers}, layout: {tile, legend}};
}
