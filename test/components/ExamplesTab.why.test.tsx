import {renderToString} from 'ink';
import {describe, expect, it} from 'vitest';
import {keyOf} from '../../src/app/key-map.js';
import {classify} from '../../src/app/model-view.js';
import {attributionMaps, attributionWidth} from '../../src/components/Attribution.js';
import {contributorBarWidth, tileBandRows} from '../../src/components/Contributors.js';
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

	it('fills the width and the height it is given, each column of the top as tall as the top', () => {
		for (const [width, height] of [[79, 16], [99, 21], [119, 31], [119, 32], [158, 31], [114, 46], [148, 56]]) {
			for (const names of [digitNames, fashionNames]) {
				for (const maps of [1, 3]) {
					const plan = whyPlan(width, height, digit, Math.max(...names.map(name => name.length)), {...wanted, maps, tiles: true, classes: names.length});
					const where = `${width}x${height} ${maps} maps`;
					if (plan === undefined) {
						expect(names, where).toBe(fashionNames);
						continue;
					}

					const hiddenAt = (place: string) => (plan.hiddenPlace === place ? plan.hiddenHeight : 0);
					expect(plan.leftWidth + 1 + plan.sideWidth, where).toBe(width);
					expect(plan.exampleWidth + 1 + plan.mapsWidth, where).toBe(plan.leftWidth);
					expect(plan.exampleHeight + hiddenAt('under-example'), where).toBe(plan.topHeight);
					expect(plan.mapsHeight + hiddenAt('under-maps'), where).toBe(plan.topHeight);
					expect(plan.topHeight + hiddenAt('below') + plan.contributorsHeight, where).toBe(height);
					expect(hiddenAt('side'), where).toBeLessThanOrEqual(Math.max(0, height - (2 * names.length) - 6));
				}
			}
		}
	});

	it('gives up when not even one map fits', () => {
		expect(whyPlan(60, 16, digit, 1, wanted)).toBeUndefined();
		expect(whyPlan(158, 31, digit, 1, {...wanted, maps: 0})).toBeUndefined();
	});
});

/** The content sizes the tab gets at 80x24, 120x40, 160x50 and 200x60 (less its key line), with the training pane where it shows. */
const sizes = {'80x24': [79, 16], '120x40': [119, 32], '160x50': [114, 46], '200x60': [148, 56]} as const;

describe('whyPlan at the terminal sizes people use', () => {
	const digit = {rows: 28, cols: 28};
	const right = {maps: 1, hidden: [30], contributors: true, tiles: true, classes: 10};
	const wrong = {...right, maps: 3};
	const plan = (size: keyof typeof sizes, wanted: typeof right) => whyPlan(sizes[size][0], sizes[size][1], digit, 1, wanted)!;

	it('keeps the example and one map at zoom 1 at 80x24, the scale in words, nothing under them', () => {
		for (const wanted of [right, wrong]) {
			expect(plan('80x24', wanted)).toMatchObject({exampleZoom: 1, mapZoom: 1, maps: 1, scaleBar: false, hiddenHeight: 0, contributorsHeight: 0, topHeight: 16});
		}
	});

	it('keeps zoom 1 at 120x40 so the contributors keep their rows, and puts the strips in the side column so the weight tiles fit', () => {
		const p = plan('120x40', right);
		expect(p).toMatchObject({exampleZoom: 1, mapZoom: 1, maps: 1, scaleBar: true, hiddenPlace: 'side', topHeight: 17, contributorsHeight: 15});
		expect(p.contributorsHeight).toBeGreaterThanOrEqual(tileBandRows(28) + 5);
		expect(plan('120x40', wrong)).toMatchObject({exampleZoom: 1, maps: 2, mapColumns: 2, hiddenPlace: 'side', contributorsHeight: 15});
	});

	it('draws the example twice as large at 160x50, its map at zoom 1 with the strips in the rows under it', () => {
		const p = plan('160x50', right);
		expect(p).toMatchObject({exampleZoom: 2, mapZoom: 1, maps: 1, hiddenPlace: 'under-maps', exampleHeight: 30, topHeight: 30});
		expect(p.hiddenHeight).toBe(30 - p.mapsHeight);
		expect(p.contributorsHeight).toBeGreaterThanOrEqual(tileBandRows(28) + 5);
	});

	it('shows all three maps of a misclassified example at 160x50, two a row, the strips under the example', () => {
		expect(plan('160x50', wrong)).toMatchObject({exampleZoom: 1, mapZoom: 1, maps: 3, mapColumns: 2, hiddenPlace: 'under-example', topHeight: 32});
	});

	it('draws the example and its map twice as large at 200x60', () => {
		expect(plan('200x60', right)).toMatchObject({exampleZoom: 2, mapZoom: 2, maps: 1, mapColumns: 1, hiddenPlace: 'below', topHeight: 31});
	});

	it('shows the true-class map and the difference of a misclassified example at 200x60 beside the example at zoom 2, the scale bar in the free place', () => {
		const p = plan('200x60', wrong);
		expect(p).toMatchObject({exampleZoom: 2, mapZoom: 1, maps: 3, mapColumns: 2, captions: true, scaleBar: true, hiddenPlace: 'below'});
		expect(p.mapsWidth).toBe(attributionWidth(2, 28, false));
	});

	it('gives the contributors\' bars the panel\'s width less the numbers before them, wider than the old 32 cells from 160 columns on', () => {
		for (const size of Object.keys(sizes) as Array<keyof typeof sizes>) {
			for (const wanted of [right, wrong]) {
				const p = plan(size, wanted);
				expect(p.contributorBarWidth, size).toBe(contributorBarWidth(p.leftWidth, 3, 5));
			}
		}

		expect(plan('160x50', right).contributorBarWidth).toBe(89 - 2 - 27);
		expect(plan('200x60', right).contributorBarWidth).toBeGreaterThan(80);
	});
});
