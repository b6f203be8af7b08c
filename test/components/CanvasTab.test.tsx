import {renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {canvasFromImage, pixelCentre, stroke} from '../../src/app/canvas.js';
import {canvasLayout} from '../../src/app/canvas-layout.js';
import {initialDraw, type DrawState} from '../../src/app/state.js';
import {blankMessage} from '../../src/components/CanvasSeen.js';
import {CanvasTab} from '../../src/components/CanvasTab.js';
import {renderGrayImage} from '../../src/render/half-block.js';
import {defaultConfig, type TrainConfig} from '../../src/nn/config.js';
import type {Parameters} from '../../src/nn/network.js';
import {digitNames, plain, syntheticSplit} from './fixtures.js';

/**
 * Layers [784,2,10] by hand: hidden neuron 0 sums the left half of the image, neuron 1 the right half;
 * class 1's score is the left half, class 7's the right half, every other class's a little below zero.
 */
function halves(): {config: TrainConfig; parameters: Parameters} {
	const w0 = new Float32Array(2 * 784);
	for (let p = 0; p < 784; p++) {
		w0[(p % 28 < 14 ? 0 : 1) * 784 + p] = 0.05;
	}

	const w1 = new Float32Array(10 * 2);
	w1[(1 * 2) + 0] = 8;
	w1[(7 * 2) + 1] = 8;
	const b1 = new Float32Array(10).fill(-1);
	const config: TrainConfig = {...defaultConfig, layers: [784, 2, 10], activation: 'relu', output: 'softmax', cost: 'cross-entropy'};
	return {config, parameters: {layers: [784, 2, 10], weights: [w0, w1], biases: [new Float32Array(2), b1]}};
}

const split = syntheticSplit(12);

function drawTab(draw: DrawState, width: number, height: number, attribution: 'gradient-times-input' | 'gradient' = 'gradient-times-input', example?: number): string[] {
	const {config, parameters} = halves();
	return plain(renderToString(
		<CanvasTab
			draw={draw} parameters={parameters} config={config} classNames={digitNames} labels={split.labels} attribution={attribution}
			depth='none' width={width} height={height} epochLabel='epoch 3' test={example === undefined ? undefined : {images: split.images, example}}
		/>,
		{columns: width + 1},
	)).split('\n');
}

/** A stroke down the canvas at column x. */
function line(x: number): DrawState {
	const draw = initialDraw();
	return {...draw, canvas: stroke(draw.canvas, pixelCentre(x, 3), pixelCentre(x, 24), 2, 'paint')};
}

describe('the draw tab', () => {
	it('says what the network answers for the drawing, which is centred first: a stroke anywhere is the same stroke', () => {
		for (const x of [3, 14, 25]) {
			const text = drawTab(line(x), 119, 32).join('\n');
			// Centred, the stroke covers both halves' middle columns: the left half (class 1) gets more of it at 13.5 or 14.
			expect(text, `stroke at ${x}`).toMatch(/the network says [17]/);
		}

		// Right of the canvas (58 cells and a gap at zoom 2) everything is the same: the input, the answer, the map.
		const right = (x: number): string[] => drawTab(line(x), 119, 32).map(row => [...row].slice(59).join(''));
		expect(right(3)).toEqual(right(25));
	});

	it('says so when the canvas is blank, and marks the answer with ◀', () => {
		const text = drawTab(initialDraw(), 119, 32).join('\n');
		expect(text).toMatch(/the canvas is blank; the network says \d/);
		expect(text).toMatch(/◀/);
	});

	it('says how to draw in place of the maps while the canvas is blank, and hints so inside the canvas, at every size', () => {
		const words = (text: string): string => text.replaceAll(/[│\s]+/g, ' ');
		for (const [width, height] of [[147, 57], [119, 32], [79, 17]] as const) {
			const lines = drawTab(initialDraw(), width, height);
			// The maps' panel's columns alone, so a message wrapped in it reads whole.
			const {left, width: across} = canvasLayout(width, height, {rows: 28, cols: 28}, 10, 1, [2]).input!;
			const text = words(lines.map(row => [...row].slice(left, left + across).join('')).join('\n'));
			expect(text, `${width}x${height}`).toContain(blankMessage);
			expect(text, `${width}x${height}`).not.toMatch(/±|input \(MNIST-style\)/);
			// The hint is on the canvas's first row (the brush starts in its middle), inside the canvas's border.
			expect([...lines[1]].slice(0, 30).join(''), `${width}x${height}`).toMatch(/│ *draw here/);
		}

		const drawn = words(drawTab(line(10), 119, 32).join('\n'));
		expect(drawn).not.toContain(blankMessage);
		expect(drawn).not.toContain('draw here');
	});

	it('shows the test example e would copy under the message while the canvas is blank, where it fits, and not once something is drawn', () => {
		const picture = renderGrayImage(split.images.subarray(5 * 784, 6 * 784), 28, 28, 'none');
		for (const [width, height] of [[147, 57], [119, 32]] as const) {
			const lines = drawTab(initialDraw(), width, height, 'gradient-times-input', 5);
			expect(lines.join('\n'), `${width}x${height}`).toContain(`e: start from test example 5 (true ${split.labels[5]})`);
			// Its picture, row by row, in the maps' panel's columns.
			const {left, width: across} = canvasLayout(width, height, {rows: 28, cols: 28}, 10, 1, [2]).input!;
			const panel = lines.map(row => [...row].slice(left, left + across).join(''));
			// Found by its first row with ink (its blank rows match anywhere).
			const inked = picture.findIndex(row => row.trim() !== '');
			const first = panel.findIndex(row => row.includes(picture[inked]!)) - inked;
			expect(first, `${width}x${height}`).toBeGreaterThan(0);
			expect(panel.slice(first, first + picture.length).every((row, k) => row.includes(picture[k]!)), `${width}x${height}`).toBe(true);
		}

		expect(drawTab(line(10), 147, 57, 'gradient-times-input', 5).join('\n')).not.toContain('start from test example');
	});

	it('at 200x60 shows the answer\'s map, the runner-up\'s and the difference, and the hidden layers and keys under the canvas', () => {
		const text = drawTab(line(10), 147, 57).join('\n');
		const answer = /the network says (\d)/.exec(text)?.[1];
		expect(text).toContain(`why ${answer}, the answer`);
		const other = /why (\d), the runner-up/.exec(text)?.[1];
		expect(other).toMatch(/\d/);
		expect(other).not.toBe(answer);
		expect(text).toContain(`${answer} rather than ${other}`);
		expect(text).toContain('Hidden activations');
		expect(text).toContain('centred by its centre of mass');
		expect(drawTab(line(10), 147, 57)).toHaveLength(57);
	});

	it('compares a wrongly answered copied example with its true class rather than the runner-up', () => {
		const index = [...split.labels.keys()].find(k => {
			const text = drawTab({...initialDraw(), canvas: canvasFromImage(split.images, k, 28, 28), copiedFrom: k}, 147, 57).join('\n');
			return text.includes('✗');
		});
		expect(index).toBeDefined();
		const text = drawTab({...initialDraw(), canvas: canvasFromImage(split.images, index!, 28, 28), copiedFrom: index!}, 147, 57).join('\n');
		expect(text).toContain(`why ${split.labels[index!]}, the true`);
	});

	it('shows the network input beside the canvas and the attribution map for the answer at 120x40, naming its kind', () => {
		const text = drawTab(line(10), 119, 32).join('\n');
		expect(text).toContain('What the network sees · why');
		expect(text).toMatch(/gradient × input ±/);
		expect(drawTab(line(10), 119, 32, 'gradient').join('\n')).toMatch(/gradient ±/);
	});

	it('keeps the network input at 80x24 and gives the attribution map up, every panel inside the area', () => {
		const lines = drawTab(line(10), 79, 17);
		const text = lines.join('\n');
		expect(text).toContain('Network input');
		expect(text).not.toContain('gradient');
		expect(lines.length).toBeLessThanOrEqual(17);
		expect(lines.every(row => [...row].length <= 79)).toBe(true);
	});

	it('says the true class of a copied test example, and whether the answer is right', () => {
		const index = 3;
		const draw = {...initialDraw(), canvas: canvasFromImage(split.images, index, 28, 28), copiedFrom: index};
		const text = drawTab(draw, 119, 32).join('\n');
		expect(text).toMatch(new RegExp(`the network says \\d · true ${split.labels[index]} [✓✗]`));
		expect(text).toContain(`example ${index}`);
	});

	it('draws the canvas where the layout says, so the mouse lands where it points', () => {
		for (const [width, height] of [[79, 17], [119, 32], [148, 56], [114, 46]] as const) {
			const lines = drawTab(line(10), width, height);
			const layout = canvasLayout(width, height, {rows: 28, cols: 28}, 10, 1);
			expect(lines[layout.canvas.top].indexOf('╭─ Draw'), `${width}x${height}`).toBe(layout.canvas.left);
			// The panel's bottom border is as far down as the canvas's rows say.
			expect(lines[layout.canvas.top + layout.canvas.height - 1][0]).toBe('╰');
			expect(layout.canvas.height).toBe(Math.ceil((28 * layout.zoom) / 2) + 2);
		}

		expect(canvasLayout(119, 32, {rows: 28, cols: 28}, 10, 1)).toMatchObject({zoom: 2, arrangement: 'column'});
		expect(canvasLayout(148, 56, {rows: 28, cols: 28}, 10, 1)).toMatchObject({zoom: 3, arrangement: 'column'});
		expect(canvasLayout(79, 17, {rows: 28, cols: 28}, 10, 1)).toMatchObject({zoom: 1, arrangement: 'row', showsAttribution: false});
		expect(canvasLayout(114, 46, {rows: 28, cols: 28}, 10, 1)).toMatchObject({zoom: 2, arrangement: 'row', showsAttribution: true});
	});
});
