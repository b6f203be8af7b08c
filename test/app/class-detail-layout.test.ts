import {describe, expect, it} from 'vitest';
import {classDetailPlan, fillPlan} from '../../src/app/class-detail-layout.js';

const image = {rows: 28, cols: 28};

describe('classDetailPlan', () => {
	const counts = {takenFor: 2, takenForIt: 3, mistakes: 4, right: 96};

	it('doubles the image by the panel\'s size alone, so every class shows it at one size', () => {
		expect(classDetailPlan({width: 85, height: 54, image, ...counts}).zoom).toBe(2);
		expect(classDetailPlan({width: 85, height: 54, image, takenFor: 9, takenForIt: 9, mistakes: 60, right: 0}).zoom).toBe(2);
		expect(classDetailPlan({width: 85, height: 36, image, ...counts}).zoom).toBe(1); // 28 rows would leave 8
		expect(classDetailPlan({width: 61, height: 54, image, ...counts}).zoom).toBe(1); // 56 + scale do not fit
	});

	it('puts the untrained map and the recall and precision beside the image when there is room, else the figures in a line under it', () => {
		expect(classDetailPlan({width: 85, height: 54, image, ...counts})).toMatchObject({untrainedBeside: true, figuresBeside: 4, figuresLine: false});
		expect(classDetailPlan({width: 61, height: 30, image, ...counts})).toMatchObject({untrainedBeside: true, figuresBeside: 4, figuresLine: false});
		expect(classDetailPlan({width: 44, height: 15, image, ...counts})).toMatchObject({untrainedBeside: false, figuresBeside: 0, figuresLine: true, pairs: -1});
	});

	it('lists every confusion side by side, shows all the mistakes and fills the rows left with the least sure', () => {
		const plan = classDetailPlan({width: 85, height: 54, image, ...counts});
		expect(plan).toMatchObject({pairs: 3, pairColumns: 2});
		expect(plan.mistakes.shown).toBe(4);
		expect(plan.leastSure.shown).toBeGreaterThan(0);
		const used = plan.imageRows + 1 + plan.pairs + plan.mistakes.height + plan.leastSure.height;
		expect(used).toBeLessThanOrEqual(54);
		expect(54 - used).toBeLessThan(6); // no room left for another row of thumbnails
	});

	it('makes the mistakes smaller to leave a row for the least sure when they still all show', () => {
		const plan = classDetailPlan({width: 85, height: 54, image, takenFor: 1, takenForIt: 1, mistakes: 20, right: 50});
		expect(plan.mistakes.shown).toBe(20);
		expect(plan.leastSure.shown).toBeGreaterThan(0);
	});

	it('never plans more rows than the panel has, from 80x24 to 300x90', () => {
		for (const [width, height] of [[44, 15], [61, 30], [85, 54], [150, 86], [40, 10]]) {
			for (const [takenFor, mistakes, right] of [[0, 0, 0], [2, 4, 96], [9, 300, 700]]) {
				const plan = classDetailPlan({width, height, image, takenFor, takenForIt: takenFor, mistakes, right});
				const lists = plan.pairs < 0 ? 0 : 1 + Math.min(plan.pairs, takenFor) + (plan.pairColumns === 1 ? 1 + Math.min(plan.pairs, takenFor) : 0);
				const used = plan.imageRows + (plan.figuresLine ? 1 : 0) + lists + plan.mistakes.height + plan.leastSure.height;
				expect(used, `${width}x${height} ${mistakes}`).toBeLessThanOrEqual(Math.max(height, plan.imageRows));
			}
		}
	});
});

describe('fillPlan', () => {
	it('takes the factor that leaves the fewest rows unused, the sharpest on a tie', () => {
		expect(fillPlan(85, 9, image, 100)).toMatchObject({factor: 2, perRow: 5, shown: 5, height: 9});
		expect(fillPlan(85, 13, image, 100)).toMatchObject({factor: 3, perRow: 7, shown: 14, height: 13});
		expect(fillPlan(85, 11, image, 100)).toMatchObject({factor: 4, height: 11});
		expect(fillPlan(85, 5, image, 100).shown).toBe(0);
		expect(fillPlan(85, 54, image, 3)).toMatchObject({factor: 2, shown: 3, height: 9});
	});
});
