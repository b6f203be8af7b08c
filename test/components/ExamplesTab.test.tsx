import {describe, expect, it} from 'vitest';
import {classify} from '../../src/app/model-view.js';
import {ExamplesTab} from '../../src/components/ExamplesTab.js';
import {renderGrayImage} from '../../src/render/half-block.js';
import {tinyClassNames, tinyConfig, tinyParameters, tinySplit} from '../app/tiny-classifier.js';
import {testTree, waitFor} from './fixtures.js';

function tab(index: number, goto: string | null = null, hint: 'keys' | 'enter' | 'none' = 'keys', shape = {rows: 2, cols: 2}) {
	const result = classify(tinyParameters, tinyConfig, tinySplit, index);
	return (
		<ExamplesTab
			split={tinySplit} rows={shape.rows} cols={shape.cols} index={index} result={result} classNames={tinyClassNames}
			depth='none' accuracyText='test accuracy 75.00% after epoch 3' goto={goto} hint={hint}
		/>
	);
}

const tree = testTree();
const frame = tree.frame;

describe('ExamplesTab', () => {
	it('shows the example index, the true label and the right prediction', async () => {
		tree.show(tab(0));
		await waitFor(() => frame().includes('example 0 of 4'), 'the first frame');
		const [heading] = frame().split('\n');
		expect(heading).toMatch(/^example 0 of 4 \(test set\) +true: top +predicted: top ✓$/);
	});

	it('shows a wrong prediction beside the true label', async () => {
		tree.show(tab(1));
		await waitFor(() => frame().includes('example 1 of 4'), 'the first frame');
		expect(frame().split('\n')[0]).toMatch(/true: top +predicted: bottom ✗$/);
	});

	it('follows the index when it changes', async () => {
		tree.show(tab(0));
		await waitFor(() => frame().includes('example 0 of 4'), 'the first frame');
		tree.show(tab(3));
		await waitFor(() => frame().includes('example 3 of 4'), 'example 3');
		expect(frame().split('\n')[0]).toMatch(/true: bottom +predicted: bottom ✓$/);
	});

	it('shows the accuracy text it is given', async () => {
		tree.show(tab(2));
		await waitFor(() => frame().includes('test accuracy 75.00% after epoch 3'), 'the accuracy line');
	});

	it('draws the example image in a frame beside the confidence column', async () => {
		tree.show(tab(0));
		const [line] = renderGrayImage(tinySplit.images.subarray(0, 4), 2, 2, 'none');
		await waitFor(() => frame().includes(`│${line}│`), 'the image');
		const lines = frame().split('\n');
		const row = lines.findIndex(l => l.includes(`│${line}│`));
		expect(lines[row - 1].startsWith('╭──╮')).toBe(true);
		expect(lines[row + 1].startsWith('╰──╯')).toBe(true);
		expect(lines.slice(row - 1, row + 2).join('\n')).toMatch(/top .* 0\.909 ◀✓/);
	});

	it('draws the image at the shape it is given now, for the same example', async () => {
		tree.show(tab(0));
		const [square] = renderGrayImage(tinySplit.images.subarray(0, 4), 2, 2, 'none');
		await waitFor(() => frame().includes(`│${square}│`), 'the 2x2 image');
		// The same four pixels read as one row of four.
		tree.show(tab(0, null, 'keys', {rows: 1, cols: 4}));
		const [row] = renderGrayImage(tinySplit.images.subarray(0, 4), 1, 4, 'none');
		await waitFor(() => frame().includes(`│${row}│`), 'the 1x4 image');
	});

	it('shows the confidence of every class', async () => {
		tree.show(tab(1));
		await waitFor(() => frame().includes('blank'), 'the confidence column');
		expect(frame()).toMatch(/ top .* 0\.017 true/);
		expect(frame()).toMatch(/bottom .* 0\.909 ◀✗/);
		expect(frame()).toMatch(/blank .* 0\.075/);
	});

	it('shows the keys to move, or the index typed after g', async () => {
		tree.show(tab(0));
		await waitFor(() => frame().includes('g go to'), 'the key hint');
		tree.show(tab(0, '12'));
		await waitFor(() => frame().includes('go to example (0-3): 12'), 'the prompt');
		expect(frame()).not.toContain('g go to');
	});

	it('says how to get into the tab while the tab bar has the focus, and nothing in a snapshot', async () => {
		tree.show(tab(0, null, 'enter'));
		await waitFor(() => frame().includes('↓ to browse the examples'), 'the hint to enter');
		expect(frame()).not.toContain('PgUp/PgDn');
		tree.show(tab(0, null, 'none'));
		await waitFor(() => !frame().includes('↓ to browse'), 'no hint');
		expect(frame()).not.toContain('go to');
	});
});
