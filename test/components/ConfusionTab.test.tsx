import chalk from 'chalk';
import {Box, renderToString} from 'ink';
import {afterEach, describe, expect, it} from 'vitest';
import {confusionLayout, matrixColumns} from '../../src/app/confusion-layout.js';
import type {TestAnalysis} from '../../src/app/test-analysis.js';
import {setThemeColours} from '../../src/app/theme.js';
import {ConfusionTab} from '../../src/components/ConfusionTab.js';
import type {DatasetSplit} from '../../src/data/dataset.js';
import type {ColorDepth} from '../../src/render/color-depth.js';
import {digitNames, fashionNames, plain, syntheticSplit} from './fixtures.js';

afterEach(() => {
	chalk.level = 0;
	setThemeColours(true);
});

const image = {rows: 28, cols: 28};

/** `count` (60) test images labelled i mod 10; every image predicted right except: 4s -> 9 for i < 40, every 8 -> 3, and nothing predicted 5 (5s -> 6). */
function known(count = 60): {split: DatasetSplit; analysis: TestAnalysis} {
	const split = syntheticSplit(count);
	const classes = 10;
	const predictions = Uint8Array.from(split.labels, (label, i) => {
		if (label === 4 && i < 40) {
			return 9;
		}

		return label === 8 ? 3 : (label === 5 ? 6 : label);
	});
	const confidence = Float32Array.from(predictions, (_, i) => 0.5 + (i / 200));
	const confusion = new Int32Array(classes * classes);
	split.labels.forEach((label, i) => {
		confusion[(label * classes) + predictions[i]]++;
	});
	const rowSum = (c: number) => confusion.slice(c * classes, (c + 1) * classes).reduce((a, b) => a + b, 0);
	const colSum = (c: number) => Array.from({length: classes}, (_, r) => confusion[(r * classes) + c]).reduce((a, b) => a + b, 0);
	const diagonal = (c: number) => confusion[(c * classes) + c];
	const recall = Float64Array.from({length: classes}, (_, c) => diagonal(c) / rowSum(c));
	const precision = Float64Array.from({length: classes}, (_, c) => (colSum(c) === 0 ? Number.NaN : diagonal(c) / colSum(c)));
	const neverPredicted = Array.from({length: classes}, (_, c) => c).filter(c => colSum(c) === 0);
	const correct = Array.from({length: classes}, (_, c) => diagonal(c)).reduce((a, b) => a + b, 0);
	const analysis: TestAnalysis = {
		count: split.count, classes, labels: split.labels, predictions, confidence, confusion, recall, precision, neverPredicted,
		accuracy: correct / split.count, neurons: 0, topK: 8, topActivating: new Int32Array(0), topActivation: new Float32Array(0),
	};
	return {split, analysis};
}

type Options = {
	width?: number; height?: number; names?: readonly string[]; row?: number; col?: number; open?: boolean; item?: number;
	depth?: ColorDepth; analysis?: TestAnalysis | undefined; stale?: TestAnalysis; progress?: number; count?: number;
};

function draw(options: Options = {}): string {
	const {split, analysis} = known(options.count);
	const width = options.width ?? 79;
	const height = options.height ?? 16;
	return renderToString(
		<Box flexDirection='column' width={width} height={height} overflow='hidden'>
			<ConfusionTab
				analysis={'analysis' in options ? options.analysis : analysis} progress={options.progress ?? 1} stale={options.stale}
				classNames={options.names ?? fashionNames} split={split} image={image} width={width} height={height}
				cursor={{row: options.row ?? 0, col: options.col ?? 0}} open={options.open ?? false} item={options.item ?? 0}
				focused depth={options.depth ?? 'none'} epochLabel='epoch 12'
			/>
		</Box>,
		{columns: width},
	);
}

/** The matrix line of true class `c`: its cells' counts and the two metrics, as words split on spaces. */
function rowOf(out: string, c: number, name: string): string[] {
	const line = out.split('\n').find(text => text.includes(` ${c} ${name}`));
	expect(line, `row ${c}`).toBeDefined();
	return line!.slice(line!.indexOf(name) + name.length, line!.lastIndexOf('│')).trim().split(/\s+/);
}

describe('ConfusionTab', () => {
	it('shows each cell\'s count under column headers 0-9, with recall and precision per class and the accuracy', () => {
		const out = plain(draw());
		expect(out).toContain('Confusion · test set · epoch 12');
		expect(out).toMatch(/ 0 {4}1 {4}2 {4}3 {4}4 {4}5 {4}6 {4}7 {4}8 {4}9 +rec +prec/);
		// Class 4: 6 images, 4 predicted 9, 2 right: recall 33%, precision 100%.
		expect(rowOf(out, 4, 'Coat')).toEqual(['·', '·', '·', '·', '2', '·', '·', '·', '·', '4', '33%', '100%']);
		// Class 3 is predicted for its own 6 and the 6 eights: recall 100%, precision 50%.
		expect(rowOf(out, 3, 'Dress')).toEqual(['·', '·', '·', '6', '·', '·', '·', '·', '·', '·', '100%', '50%']);
		const {analysis} = known();
		expect(analysis.accuracy).toBe(44 / 60); // 4 fours, 6 fives and 6 eights wrong
		expect(out).toContain(`accuracy ${(analysis.accuracy * 100).toFixed(1)}%`);
	});

	it('flags a class never predicted in words and in its precision column', () => {
		const out = plain(draw());
		expect(out).toContain('never predicted: 5 Sandal, 8 Bag');
		// One word at every width: 'never', as in the line under the matrix.
		expect(rowOf(out, 5, 'Sandal').at(-1)).toBe('never');
		expect(rowOf(out, 8, 'Bag').at(-1)).toBe('never');
		const wide = plain(draw({width: 150, height: 40}));
		expect(rowOf(wide, 5, 'Sandal')).toContain('never');
		expect(wide).not.toContain('none');
		expect(rowOf(out, 9, 'Ankle boot').at(-1)).toBe('60%');
	});

	it('draws the flag in the warning colour', () => {
		chalk.level = 3;
		const out = draw({depth: 'truecolor'});
		// Yellow (33) around the words.
		expect(out).toMatch(/\u001B\[33mnever predicted: 5 Sandal/);
	});

	it('marks the cursor cell inverse and says what it means', () => {
		setThemeColours(false);
		chalk.level = 1;
		const out = draw({row: 4, col: 9});
		const rows = out.split('\n').slice(1, 12);
		// Inverse: the cell (true 4, predicted 9) and its column header, nothing else in the matrix.
		expect(rows[5]).toMatch(/\u001B\[7m(\u001B\[1m)?\s*4 (\u001B\[22m)?\u001B\[27m/);
		expect(rows[0]).toMatch(/\u001B\[7m(\u001B\[1m)?\s*9(\u001B\[22m)?\u001B\[27m/);
		expect(rows.join('\n').match(/\u001B\[7m/g)).toHaveLength(2);
		expect(plain(out)).toContain('true 4, predicted 9: 4 test images (Enter lists them)');
		expect(plain(out)).toContain('▸4 Coat');
	});

	it('keeps the grid whole with Fashion-MNIST names at 79 columns, and with digits', () => {
		for (const names of [fashionNames, digitNames]) {
			const lines = plain(draw({names})).split('\n');
			expect(lines).toHaveLength(16);
			for (const line of lines) {
				expect([...line].length).toBeLessThanOrEqual(79);
			}

			const rows = lines.filter(line => /^│[ ▸]\d /.test(line));
			expect(rows).toHaveLength(10);
			// Every row is one line the panel's width, each cell in the header's columns: the grid does not break.
			const header = lines[1];
			for (const line of rows) {
				expect([...line]).toHaveLength(79);
				expect(line.at(-1)).toBe('│');
				for (let c = 0; c < 10; c++) {
					const column = header.indexOf(` ${c} `) + 1;
					expect(line[column], `${line} column ${c}`).toMatch(/[\d·]/);
				}
			}
			expect(lines.at(-1)).toMatch(/^╰─+╯$/);
		}
	});

	it('shows the last analysis marked updating while a new one is computed, and progress before any', () => {
		const {analysis} = known();
		expect(plain(draw({analysis: undefined, stale: analysis, progress: 0.4}))).toContain('updating… 40%');
		const first = plain(draw({analysis: undefined, progress: 0.25}));
		expect(first).toContain('computing');
		expect(first).toContain('25%');
	});

	it('lists the open cell\'s test images with index and confidence, paged so the selected one shows', () => {
		const {analysis} = known();
		// true 4 -> predicted 9: images 4, 14, 24, 34.
		const out = plain(draw({row: 4, col: 9, open: true, width: 150, height: 56}));
		expect(out).toContain('true 4 → predicted 9 · 4 images · Enter opens · Esc back');
		for (const i of [4, 14, 24, 34]) {
			expect(out).toContain(`#${i} ${analysis.confidence[i].toFixed(2)}`);
		}

		// Of 200 images, class 0's 20 right ones (0, 10, ..., 190) at 79x16, where a page holds fewer: the list alone.
		const {thumbPerPage, listAlone} = confusionLayout(79, 16, 10, 11, image);
		expect(listAlone).toBe(true);
		expect(thumbPerPage).toBeLessThan(20);
		const paged = plain(draw({count: 200, row: 0, col: 0, open: true, item: 19}));
		expect(paged).toContain('#190 ');
		expect(paged).not.toContain('#0 ');
		expect(paged).toContain(`page 2/${Math.ceil(20 / thumbPerPage)}`);
		expect(paged.split('\n')).toHaveLength(16);
		const firstPage = plain(draw({count: 200, row: 0, col: 0, open: true, item: 0}));
		expect(firstPage).toContain('#0 ');
		expect(firstPage).not.toContain('#190 ');
	});

	it('previews the cursor cell\'s first test images while it is closed, where the open list goes', () => {
		const {analysis} = known();
		// true 4 -> predicted 9: images 4, 14, 24, 34; nothing selected, nothing paged.
		const out = plain(draw({row: 4, col: 9, width: 150, height: 56}));
		expect(out).toContain('true 4 → predicted 9 · 4 images');
		expect(out).not.toContain('Esc back');
		for (const i of [4, 14, 24, 34]) {
			expect(out).toContain(`#${i} ${analysis.confidence[i].toFixed(2)}`);
		}

		expect(plain(draw({row: 4, col: 3, width: 150, height: 56}))).toContain('no test image of class 4 was predicted 3');
		// At 79x16 the list would cover the matrix: no preview there.
		expect(plain(draw({row: 4, col: 9}))).not.toContain('#14');
	});

	it('draws each class\'s recall as a bar when the width has room, as long as the recall says', () => {
		const out = plain(draw({width: 150, height: 56, names: digitNames}));
		// Every 8 is taken for a 3 (recall 0): the axis starts at 0%, said over the bars.
		expect(out).toMatch(/prec\. {2}0% +100% +│/u);
		const {barWidth} = matrixColumns(148, 10, 1);
		const bar = (c: number): number => {
			const line = out.split('\n').find(text => text.startsWith(`│ ${c} `) || text.startsWith(`│▸${c} `))!;
			return [...line].filter(ch => ch === '█').length;
		};

		expect(bar(0)).toBe(barWidth); // every 0 right
		expect(bar(4)).toBe(Math.floor(barWidth / 3)); // 2 of the 6 4s right (4, 14, 24 and 34 taken for a 9)
		expect(bar(8)).toBe(0); // every 8 taken for a 3
		expect(plain(draw({names: digitNames}))).not.toMatch(/0% +100%/u);
	});

	it('starts the recall bars\' axis at the lowest recall\'s tenth, so 89.9% and 99.1% differ by most of a bar', () => {
		const {split, analysis} = known();
		const recall = Float64Array.from({length: 10}, (_, c) => (c === 2 ? 0.899 : 0.991));
		const out = plain(renderToString(
			<ConfusionTab
				analysis={{...analysis, recall}} progress={1} classNames={digitNames} split={split} image={image} width={150} height={56}
				cursor={{row: 0, col: 0}} open={false} item={0} focused depth='none' epochLabel='epoch 12'
			/>,
			{columns: 150},
		));
		expect(out).toMatch(/80% +100% +│/u);
		expect(out).toContain('recall bars from 80%');
		const {barWidth} = matrixColumns(148, 10, 1);
		const bar = (c: number): number => [...out.split('\n').find(text => text.startsWith(`│ ${c} `) || text.startsWith(`│▸${c} `))!].filter(ch => ch === '█').length;
		expect(bar(2)).toBe(Math.floor(barWidth * 0.099 / 0.2));
		expect(bar(1)).toBe(Math.floor(barWidth * 0.191 / 0.2));
		expect(bar(1) - bar(2)).toBeGreaterThan(barWidth / 3);
	});

	it('colours an error cell by its count against the largest error\'s, and says that scale', () => {
		chalk.level = 3;
		const {split, analysis} = known();
		const confusion = analysis.confusion.slice();
		confusion[(1 * 10) + 2] = 1; // one 1 taken for a 2, three 2s for a 1: the most is 6 (8s taken for 3s)
		confusion[(2 * 10) + 1] = 3;
		const out = renderToString(
			<ConfusionTab
				analysis={{...analysis, confusion}} progress={1} classNames={digitNames} split={split} image={image} width={150} height={40}
				cursor={{row: 0, col: 0}} open={false} item={0} focused depth='truecolor' epochLabel='epoch 12'
			/>,
			{columns: 150},
		);
		// The background of the cell holding a count: the last 48;2 before it.
		const background = (count: number, row: number): string => {
			const line = out.split('\n').find(text => plain(text).startsWith(`│ ${row} `) || plain(text).startsWith(`│▸${row} `))!;
			const at = line.search(new RegExp(` ${count} \u001B`, 'u'));
			return [...line.slice(0, at).matchAll(/\u001B\[48;2;(\d+;\d+;\d+)m/gu)].at(-1)![1];
		};

		expect(background(1, 1)).not.toBe(background(3, 2));
		expect(background(3, 2)).not.toBe(background(6, 8));
		expect(plain(out)).toContain('error colour: count, full at 6');
	});

	it('drops the key hint, then the count, from the open list\'s title before cutting a word', () => {
		for (const width of [79, 119, 150]) {
			const out = plain(draw({width, height: 32, names: digitNames, row: 0, col: 0, open: true}));
			const title = out.split('\n').find(line => line.includes('true 0 → '))!;
			expect(title, `${width}`).not.toMatch(/[a-z]…/u);
		}

		expect(plain(draw({width: 150, height: 56, names: digitNames, open: true}))).toContain('· Enter opens · Esc back');
	});

	it('lists the pairs most often confused in columns when the width has room', () => {
		const out = plain(draw({width: 150, height: 40, names: digitNames, count: 60}));
		const pairLines = out.split('\n').filter(line => /\d → \d: \d+ test image/.test(line));
		expect(pairLines.length).toBeGreaterThan(0);
		expect(pairLines.some(line => (line.match(/→/g) ?? []).length >= 2)).toBe(true);
	});
});

