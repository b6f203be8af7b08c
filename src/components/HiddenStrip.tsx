import {Box} from 'ink';
import {theme} from '../app/theme.js';
import {firstFitting} from '../app/wording.js';
import type {Activation} from '../nn/config.js';
import type {ColorDepth} from '../render/color-depth.js';
import {negativeShadeRamp, shadeRamp} from '../render/half-block.js';
import {divergingInkColour} from '../render/palette.js';
import {Painted, type Run} from './Painted.js';
import {Panel} from './Panel.js';

/** The range a layer's activations are coloured over: sigmoid 0..1, tanh -1..1, relu 0..the layer's largest. */
export function activationRange(values: ArrayLike<number>, activation: Activation): {readonly low: number; readonly high: number} {
	if (activation === 'tanh') {
		return {low: -1, high: 1};
	}

	if (activation === 'sigmoid') {
		return {low: 0, high: 1};
	}

	let high = 0;
	for (let i = 0; i < values.length; i++) {
		high = Math.max(high, values[i]);
	}

	return {low: 0, high: high > 0 ? high : 1};
}

/** How wide a neuron's cell is: 3 ('██ '), 2 ('█ ') or 1 ('█'), the widest that puts `count` cells in `rows` lines of `width`. */
export function cellWidthFor(count: number, width: number, rows: number): 1 | 2 | 3 {
	for (const cell of [3, 2] as const) {
		if (Math.ceil(count / Math.max(1, Math.floor(width / cell))) <= rows) {
			return cell;
		}
	}

	return 1;
}

/** The neurons each line of a strip holds: `count` cells of `cell` columns, wrapped at `width`. */
export function stripLines(count: number, width: number, cell: number): number[][] {
	const perLine = Math.max(1, Math.floor(width / cell));
	const lines: number[][] = [];
	for (let first = 0; first < count; first += perLine) {
		lines.push(Array.from({length: Math.min(perLine, count - first)}, (_, k) => first + k));
	}

	return lines;
}

/** Lines one layer takes in a panel `inner` columns wide with cells of `cell`: its heading and its cells. */
export function layerLines(count: number, inner: number, cell: number): number {
	return 1 + Math.ceil(count / Math.max(1, Math.floor(inner / cell)));
}

/** A value's cell: its colour on the signed map (t = value / scale), and without colour a shade whose glyphs keep the sign. */
function cellRun(t: number, cell: number, depth: ColorDepth): Run {
	const glyph = depth === 'none'
		? (t < 0 ? negativeShadeRamp : shadeRamp)[Math.round(Math.min(1, Math.abs(t)) * (shadeRamp.length - 1))]
		: '█';
	return [glyph.repeat(cell === 1 ? 1 : cell - 1) + (cell === 1 ? '' : ' '), {color: divergingInkColour(t, depth)}];
}

const valueText = (value: number): string => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2));

type Props = {
	/** Every hidden layer's activations, first hidden layer first. */
	readonly layers: readonly Float64Array[];
	readonly activation: Activation;
	readonly width: number;
	readonly height: number;
	readonly depth: ColorDepth;
};

/**
 * Every hidden layer as a strip of cells, one a neuron in the order of the weights tab, coloured on the
 * signed map (sigmoid and relu use its positive side: dark to amber), each under a heading with the
 * layer's name, size and most active neuron, and a legend with the range at the bottom when it fits.
 */
export function HiddenStrip({layers, activation, width, height, depth}: Props) {
	const inner = Math.max(1, width - 2);
	const rows = height - 2;
	const legend = rows >= layers.reduce((sum, layer) => sum + layerLines(layer.length, inner, 1), 0) + 1;
	const room = rows - (legend ? 1 : 0) - layers.length;
	const cell = Math.min(...layers.map(layer => cellWidthFor(layer.length, inner, Math.max(1, Math.floor(room / layers.length)))));
	const range = activationRange(layers.flatMap(layer => [...layer]), activation);
	const scale = Math.max(Math.abs(range.low), Math.abs(range.high));
	const body: Array<readonly Run[]> = [];
	for (const [l, values] of layers.entries()) {
		let top = 0;
		for (let j = 1; j < values.length; j++) {
			top = values[j] > values[top] ? j : top;
		}

		const name = `hidden ${l + 1} · ${values.length} neurons`;
		body.push([[firstFitting([`${name} · most active #${top} ${valueText(values[top])}`, name, `${values.length} neurons`], inner), {bold: true}]]);
		for (const line of stripLines(values.length, inner, cell)) {
			body.push(line.map(j => cellRun(values[j] / scale, cell, depth)));
		}
	}

	const shown = body.slice(0, Math.max(0, rows - (legend ? 1 : 0)));
	return (
		<Panel title={firstFitting(['Hidden activations', 'Hidden'], width - 9 - activation.length)} note={`${activation}`} width={width} height={height}>
			<Box flexDirection='column'>
				<Painted width={inner} lines={shown}/>
				{legend && <Painted width={inner} lines={[legendRuns(range, depth)]}/>}
			</Box>
		</Panel>
	);
}

/** The legend: the low end, the colours from low to high in eight cells, the high end. */
function legendRuns(range: {low: number; high: number}, depth: ColorDepth): Run[] {
	const scale = Math.max(Math.abs(range.low), Math.abs(range.high));
	const steps = 8;
	const runs: Run[] = [[`${valueText(range.low)} `, {color: theme.muted}]];
	for (let k = 0; k < steps; k++) {
		const value = range.low + ((range.high - range.low) * (k + 0.5) / steps);
		runs.push(cellRun(value / scale, 1, depth));
	}

	runs.push([` ${valueText(range.high)}`, {color: theme.muted}], ['  one cell a neuron', {color: theme.muted}]);
	return runs;
}
