import {renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {keyOf} from '../../src/app/key-map.js';
import {classify} from '../../src/app/model-view.js';
import {attributionMaps} from '../../src/components/Attribution.js';
import {ExamplesTab} from '../../src/components/ExamplesTab.js';
import {whyPlan} from '../../src/components/why-plan.js';
import {Explainer, imageInput} from '../../src/nn/explain.js';
import type {AttributionKind} from '../../src/nn/explain.js';
import {digitNames, fashionNames, plain} from './fixtures.js';
import {whyConfig, whyParameters, whySplit} from './why-fixtures.js';

const parameters = whyParameters();
const names = ['0', '1'];

function screen(index: number, width: number, height: number, options: {kind?: AttributionKind; explain?: boolean} = {}): string {
	const result = classify(parameters, whyConfig, whySplit, index);
	const explain = options.explain ?? true;
	return plain(renderToString(
		<ExamplesTab
			split={whySplit} rows={28} cols={28} index={index} result={result} classNames={names} depth='none' width={width} height={height}
			epochLabel='epoch 1' summary={undefined} goto={null} hint='keys'
			{...(explain ? {parameters, config: whyConfig, attribution: options.kind} : {})}
		/>,
		{columns: width + 10},
	));
}

/** Where a box in the text is broken (a ╭ without its ╮, a side missing, no bottom), or undefined. */
function brokenBox(frame: string): string | undefined {
	const lines = frame.split('\n').map(line => [...line]);
	for (const [y, line] of lines.entries()) {
		for (let left = line.indexOf('╭'); left !== -1; left = line.indexOf('╭', left + 1)) {
			const right = line.indexOf('╮', left);
			let bottom = y + 1;
			while (bottom < lines.length && lines[bottom][left] !== '╰') {
				if (right === -1 || lines[bottom][left] !== '│' || lines[bottom][right] !== '│') {
					return `row ${bottom}, box from row ${y} column ${left}`;
				}

				bottom++;
			}

			if (lines[bottom]?.[right] !== '╯') {
				return `box from row ${y} column ${left} not closed`;
			}
		}
	}

	return undefined;
}

describe('the examples tab explains its prediction', () => {
	it('shows one map for a right prediction and the predicted, true and difference maps for a wrong one', () => {
		const explainer = new Explainer(whyConfig, parameters);
		const right = explainer.explain(imageInput(whySplit.images, 0, 784), 0);
		const wrong = explainer.explain(imageInput(whySplit.images, 1, 784), 1);
		expect(attributionMaps(right, 'gradient-times-input', names).map(map => map.role)).toEqual(['predicted']);
		const maps = attributionMaps(wrong, 'gradient', names);
		expect(maps.map(map => map.role)).toEqual(['predicted', 'true', 'difference']);
		expect(maps[0].values).toBe(wrong.gradient);
		expect(maps[1].values).toBe(wrong.other?.gradient);
		for (const p of [0, 3, 500]) {
			expect(maps[2].values[p]).toBeCloseTo(wrong.gradient[p] - wrong.other!.gradient[p], 12);
		}
	});

	it('says the predicted, the true class and what pushed it to the one rather than the other when wrong, at 159x40', () => {
		const text = screen(1, 158, 32);
		expect(text).toContain('Why: gradient × input');
		expect(text).toContain('for 0, predicted');
		expect(text).toContain('for 1, the true class');
		expect(text).toContain('0 rather than 1');
		expect(brokenBox(text)).toBeUndefined();
	});

	it('shows no true-class map and no difference when the prediction is right', () => {
		const text = screen(0, 158, 32);
		expect(text).toContain('for 0, the class predicted');
		expect(text).not.toContain('the true class');
		expect(text).not.toContain('rather than');
	});

	it('names the kind of map it draws in the panel title', () => {
		expect(screen(1, 158, 32, {kind: 'gradient'})).toContain(`Why: gradient (${keyOf('toggleAttribution')} switches) ─`);
		expect(screen(1, 158, 32, {kind: 'gradient-times-input'})).toContain(`Why: gradient × input (${keyOf('toggleAttribution')} switches)`);
	});

	it('lists the neurons behind the prediction by their share of its score, largest first', () => {
		const text = screen(0, 158, 32);
		const rows = text.split('\n').filter(line => /#\d +\d\.\d\d × /.test(line));
		expect(rows.map(line => /#(\d)/.exec(line)?.[1])).toEqual(['1', '0', '2']);
		expect(rows[0]).toContain('0.32 × +3.00 = +0.96');
		expect(rows[2]).toContain('0.58 × -1.00 = -0.58');
	});

	it('shows the hidden layer as a strip with its size', () => {
		expect(screen(0, 158, 32)).toContain('hidden 1 · 3 neurons');
	});

	it('closes every panel and stays in its area at the content sizes of 80x24 to 200x60, with and without the explanation', () => {
		for (const [width, height] of [[79, 17], [99, 22], [119, 32], [158, 32], [114, 46], [148, 56]]) {
			for (const index of [0, 1]) {
				for (const explain of [true, false]) {
					const text = screen(index, width, height, {explain});
					const where = `${width}x${height} example ${index}${explain ? ' explained' : ''}`;
					expect(brokenBox(text), where).toBeUndefined();
					const lines = text.split('\n');
					expect(lines.length, where).toBeLessThanOrEqual(height);
					expect(Math.max(...lines.map(line => [...line].length)), where).toBeLessThanOrEqual(width);
				}
			}
		}
	});
});

describe('whyPlan', () => {
	const digit = {rows: 28, cols: 28};
	const wanted = {maps: 3, hidden: [30], contributors: true};
	it('keeps only the predicted class\'s map, its scale in words, at 80x24', () => {
		const plan = whyPlan(79, 16, digit, 1, wanted);
		expect(plan).toMatchObject({maps: 1, scaleBar: false, hiddenHeight: 0, contributorsHeight: 0, topHeight: 16});
	});

	it('shows all three maps where they fit beside the example and the confidence column', () => {
		expect(whyPlan(158, 31, digit, 1, wanted)?.maps).toBe(3);
		expect(whyPlan(119, 31, digit, 1, wanted)?.maps).toBe(2);
	});

	it('fills the width and the height it is given', () => {
		for (const [width, height] of [[79, 16], [99, 21], [119, 31], [158, 31], [114, 45], [148, 55]]) {
			for (const names of [digitNames, fashionNames]) {
				const plan = whyPlan(width, height, digit, Math.max(...names.map(name => name.length)), wanted);
				if (plan === undefined) {
					expect(names, `${width}x${height}`).toBe(fashionNames);
					continue;
				}

				expect(plan.leftWidth + 1 + plan.sideWidth, `${width}x${height}`).toBe(width);
				expect(plan.topHeight + plan.hiddenHeight + plan.contributorsHeight, `${width}x${height}`).toBe(height);
			}
		}
	});

	it('gives up when not even one map fits', () => {
		expect(whyPlan(60, 16, digit, 1, wanted)).toBeUndefined();
		expect(whyPlan(158, 31, digit, 1, {...wanted, maps: 0})).toBeUndefined();
	});
});
