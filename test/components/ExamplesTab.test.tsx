import {renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {classify} from '../../src/app/model-view.js';
import {axisLine, exampleZoom, ExamplesTab, type TestSetSummary, verdictTitle} from '../../src/components/ExamplesTab.js';
import {axisStart} from '../../src/components/ConfidenceColumn.js';
import {renderGrayImage} from '../../src/render/half-block.js';
import {tinyClassNames, tinyConfig, tinyParameters, tinySplit} from '../app/tiny-classifier.js';
import {digitNames, fashionNames, plain, testTree, waitFor} from './fixtures.js';

type Options = {goto?: string | null; hint?: 'keys' | 'enter' | 'none'; shape?: {rows: number; cols: number}; summary?: TestSetSummary; width?: number; height?: number};

function tab(index: number, options: Options = {}) {
	const {goto = null, hint = 'keys', shape = {rows: 2, cols: 2}, summary, width = 100, height = 16} = options;
	const result = classify(tinyParameters, tinyConfig, tinySplit, index);
	return (
		<ExamplesTab
			split={tinySplit} rows={shape.rows} cols={shape.cols} index={index} result={result} classNames={tinyClassNames}
			depth='none' width={width} height={height} epochLabel='epoch 3' summary={summary} progress={0.42} goto={goto} hint={hint}
		/>
	);
}

const summary: TestSetSummary = {count: 4, accuracy: 0.75, recall: Float64Array.of(0.5, 1, Number.NaN), neverPredicted: [2]};
const tree = testTree();
const frame = tree.frame;

describe('the confidence panel\'s title', () => {
	it('says the true class, the answer and the network whole where it fits, and shorter in a narrow panel', () => {
		expect(verdictTitle('9', '0', false, 'live · epoch 15')).toBe('true 9 · predicted 0 ✗ · live · epoch 15');
		expect(verdictTitle('9', '0', false, 'live · epoch 15', 30)).toBe('true 9 · predicted 0 ✗');
		expect(verdictTitle('9', '9', true, 'live · epoch 15', 20)).toBe('true 9 · said 9 ✓');
		expect(verdictTitle('Ankle boot', 'Sandal', false, 'epoch 3', 20)).toBe('Ankle boot → Sandal ✗');
	});
});

describe('ExamplesTab', () => {
	it('names the example, and says the true label and the right prediction over the confidence column', async () => {
		tree.show(tab(0));
		await waitFor(() => frame().includes('Example 0 of 4'), 'the first frame');
		expect(frame().split('\n')[0]).toMatch(/^╭─ Example 0 of 4 ─*╮ ╭─ true top · predicted top ✓ · epoch 3 ─*╮/);
	});

	it('shows a wrong prediction beside the true label', async () => {
		tree.show(tab(1));
		await waitFor(() => frame().includes('Example 1 of 4'), 'the first frame');
		expect(frame().split('\n')[0]).toContain('true top · predicted bottom ✗ · epoch 3');
	});

	it('follows the index when it changes', async () => {
		tree.show(tab(0));
		await waitFor(() => frame().includes('Example 0 of 4'), 'the first frame');
		tree.show(tab(3));
		await waitFor(() => frame().includes('Example 3 of 4'), 'example 3');
		expect(frame().split('\n')[0]).toContain('true bottom · predicted bottom ✓');
	});

	it('draws the example image in a frame, with the confidence of every class beside it, for the epoch shown', async () => {
		tree.show(tab(1));
		const [line] = renderGrayImage(tinySplit.images.subarray(4, 8), 2, 2, 'none', exampleZoom(100, 16, {rows: 2, cols: 2}, 6));
		await waitFor(() => frame().includes('predicted bottom ✗ · epoch 3'), 'the confidence panel');
		expect(frame()).toContain(`│${line}│`);
		expect(frame()).toMatch(/ top .* 0\.017 true/);
		expect(frame()).toMatch(/bottom .* 0\.909 ◀✗/);
		expect(frame()).toMatch(/blank .* 0\.075/);
	});

	it('draws the image at the shape it is given now, for the same example', async () => {
		const zoom = exampleZoom(100, 16, {rows: 1, cols: 4}, 6);
		tree.show(tab(0, {shape: {rows: 1, cols: 4}}));
		const [row] = renderGrayImage(tinySplit.images.subarray(0, 4), 1, 4, 'none', zoom);
		await waitFor(() => frame().includes(`│${row}│`), 'the 1x4 image');
	});

	it('shows the test set class by class, and says which class is never predicted', async () => {
		tree.show(tab(0, {summary}));
		await waitFor(() => frame().includes('Test set'), 'the test-set panel');
		expect(frame()).toContain('75.00% of 4 right · never predicted: blank');
		// The bars start at the lowest class's 50%: top's is empty, bottom's full.
		expect(frame()).toContain('bars 50% to 100%');
		expect(frame()).toMatch(/ top ─+ +50\.0%/);
		expect(frame()).toMatch(/bottom █+ 100\.0%/);
		expect(frame()).toMatch(/blank ─+ +— *│/);
	});

	it('says the test set is being classified until its summary comes', async () => {
		tree.show(tab(0));
		await waitFor(() => frame().includes('classifying the test set… 42%'), 'the progress');
	});

	it('shows the keys to move, or the index typed after g', async () => {
		tree.show(tab(0));
		await waitFor(() => frame().includes('g go to'), 'the key hint');
		tree.show(tab(0, {goto: '12'}));
		await waitFor(() => frame().includes('go to example (0-3): 12'), 'the prompt');
		expect(frame()).not.toContain('g go to');
	});

	it('says how to get into the tab while the tab bar has the focus, and nothing in a snapshot', async () => {
		tree.show(tab(0, {hint: 'enter'}));
		await waitFor(() => frame().includes('↓ to browse the examples'), 'the hint to enter');
		expect(frame()).not.toContain('PgUp/PgDn');
		tree.show(tab(0, {hint: 'none'}));
		await waitFor(() => !frame().includes('↓ to browse'), 'no hint');
		expect(frame()).not.toContain('go to');
	});

	it('enlarges a 28x28 digit as far as the area allows: once at 80x24, twice at 120x40, three times at 200x60', () => {
		const digit = {rows: 28, cols: 28};
		expect(exampleZoom(79, 17, digit, 1)).toBe(1);
		expect(exampleZoom(119, 32, digit, 1)).toBe(2);
		expect(exampleZoom(149, 56, digit, 1)).toBe(3);
		expect(exampleZoom(119, 32, digit, 11)).toBe(2); // Fashion-MNIST's longest name
		expect(exampleZoom(60, 10, digit, 1)).toBe(1); // never below 1
	});

	it('fills its area and never draws past it, at 80x24, 120x40 and 200x60, digits and Fashion-MNIST', () => {
		const split = {count: 40, images: new Uint8Array(40 * 784).fill(200), labels: new Uint8Array(40).fill(3)};
		const result = {outputs: Float64Array.from({length: 10}, (_, c) => c / 10), predicted: 9, label: 3, correct: false};
		for (const names of [digitNames, fashionNames]) {
			for (const [width, height] of [[79, 17], [119, 32], [149, 56]]) {
				const out = plain(renderToString(
					<ExamplesTab
						split={split} rows={28} cols={28} index={0} result={result} classNames={names} depth='none' width={width} height={height}
						epochLabel='live' summary={{count: 1, accuracy: 0.9, recall: new Float64Array(10).fill(0.9), neverPredicted: [], predictions: new Uint8Array(40).fill(9)}} goto={null} hint='keys'
					/>,
					{columns: width + 10},
				));
				const lines = out.split('\n');
				const where = `${width}x${height} ${names[0]}`;
				expect(lines.length, where).toBeLessThanOrEqual(height);
				expect(Math.max(...lines.map(l => [...l].length)), where).toBeLessThanOrEqual(width);
				expect(out, where).toContain(`${names[9]} `);
				const blank = lines.reduce((n, l) => n + [...l.padEnd(width)].filter(ch => ch === ' ').length, 0) + ((height - lines.length) * width);
				expect(blank / (width * height), where).toBeLessThan(0.25);
			}
		}
	});

	it('draws the classes\' accuracy on an axis from the lowest rounded down to a tenth, so 89.9% and 99.1% look apart, and says the axis', () => {
		expect(axisStart([0.98, 0.991, 0.899, 0.93])).toBe(0.8);
		expect(axisStart([0.5, 1, Number.NaN])).toBe(0.5);
		expect(axisStart([1, 1])).toBe(0.9);
		expect(axisStart([0.04, 0.9])).toBe(0);
		expect(axisStart([Number.NaN])).toBe(0);
		expect(axisLine(0.8, 30)).toBe('80%           90%         100%');
		expect(axisLine(0.8, 9)).toBe('80%  100%');
		const recall = Float64Array.of(0.98, 0.991, 0.899, 0.903, 0.969, 0.907, 0.97, 0.953, 0.926, 0.928);
		const split = {count: 40, images: new Uint8Array(40 * 784).fill(200), labels: new Uint8Array(40).fill(3)};
		const result = {outputs: Float64Array.from({length: 10}, (_, c) => c / 10), predicted: 9, label: 3, correct: false};
		const out = plain(renderToString(
			<ExamplesTab
				split={split} rows={28} cols={28} index={0} result={result} classNames={digitNames} depth='none'
				width={119} height={32} epochLabel='live' summary={{count: 1000, accuracy: 0.94, recall, neverPredicted: []}} goto={null} hint='keys'
			/>,
			{columns: 130},
		));
		expect(out).toContain('bars 80% to 100%');
		const filled = (c: number): number => [...(out.split('\n').filter(line => new RegExp(`│${c} [█▏▎▍▌▋▊▉─]`).test(line)).at(-1) ?? '')].filter(ch => ch === '█').length;
		// 99.1% is 19.1 of the 20 points, 89.9% 9.9: about twice the bar, where on 0-100% they were nine tenths alike.
		expect(filled(1) / filled(2)).toBeGreaterThan(1.8);
		expect(out).toMatch(/│ +80% +90% +100% +│/);
	});

	it('beside its panels draws the example\'s frame as tall as they are, the image in its middle, at 120x40 and 200x60', () => {
		const split = {count: 40, images: new Uint8Array(40 * 784).fill(200), labels: new Uint8Array(40).fill(3)};
		const result = {outputs: Float64Array.from({length: 10}, (_, c) => c / 10), predicted: 9, label: 3, correct: false};
		for (const [width, height] of [[119, 32], [149, 56]]) {
			for (const predictions of [new Uint8Array(40).fill(9), undefined]) {
				const lines = plain(renderToString(
					<ExamplesTab
						split={split} rows={28} cols={28} index={0} result={result} classNames={digitNames} depth='none' width={width} height={height}
						epochLabel='live' summary={{count: 40, accuracy: 0.9, recall: new Float64Array(10).fill(0.9), neverPredicted: [], predictions}} goto={null} hint='keys'
					/>,
					{columns: width + 10},
				)).split('\n');
				const where = `${width}x${height}${predictions ? '' : ' without predictions'}`;
				expect(lines[height - 2], where).toMatch(/^╰─+╯ ╰─+╯$/);
				const inside = 28 * exampleZoom(width, height, {rows: 28, cols: 28}, 1);
				const image = lines.flatMap((line, i) => (i > 0 && i < height - 2 && [...line].slice(1, inside + 1).join('').trim() !== '' ? [i] : []));
				const above = image[0] - 1;
				const below = (height - 2) - image.at(-1)! - 1;
				expect(Math.abs(above - below), where).toBeLessThanOrEqual(1);
			}
		}
	});
});
