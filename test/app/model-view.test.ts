import {describe, expect, it, vi} from 'vitest';
import type {DatasetSplit} from '../../src/data/dataset.js';
import {classify, misclassified, misclassifiedOf, nextIndex} from '../../src/app/model-view.js';
import type {Parameters} from '../../src/nn/network.js';
import {Workspace} from '../../src/nn/workspace.js';
import {softmax, tinyConfig, tinyParameters, tinySplit} from './tiny-classifier.js';

const config = tinyConfig;
const parameters = tinyParameters;
const split = tinySplit;

describe('classify', () => {
	it('computes the outputs by hand: hidden [2,0,1], logits [2,-2,-0.5] for the top row', () => {
		const result = classify(parameters, config, split, 0);
		const expected = softmax([2, -2, -0.5]);
		expect(result.outputs).toHaveLength(3);
		for (let c = 0; c < 3; c++) {
			expect(result.outputs[c]).toBeCloseTo(expected[c], 5);
		}

		expect(result).toMatchObject({predicted: 0, label: 0, correct: true});
	});

	it('reports a wrong prediction with the true label beside it', () => {
		const result = classify(parameters, config, split, 1);
		expect(result.outputs[1]).toBeCloseTo(softmax([-2, 2, -0.5])[1], 5);
		expect(result).toMatchObject({predicted: 1, label: 0, correct: false});
	});

	it('lets the output bias decide a blank image', () => {
		const result = classify(parameters, config, split, 2);
		expect(result.outputs[2]).toBeCloseTo(softmax([0, 0, 0.5])[2], 5);
		expect(result).toMatchObject({predicted: 2, label: 2, correct: true});
	});

	it('builds the workspace of a network once, not again for every example a key moves to', () => {
		const own: Parameters = {...parameters};
		const create = vi.spyOn(Workspace, 'create');
		try {
			classify(own, config, split, 0);
			classify(own, config, split, 1);
			expect(create).toHaveBeenCalledTimes(1);
		} finally {
			create.mockRestore();
		}
	});

	it('answers for the parameters it is given, not for the ones it saw before', () => {
		const flipped: Parameters = {...parameters, biases: [parameters.biases[0], Float32Array.of(0, 10, 0)]};
		expect(classify(parameters, config, split, 0).predicted).toBe(0);
		expect(classify(flipped, config, split, 0).predicted).toBe(1);
	});

	it('leaves the parameters as they were', () => {
		const before = parameters.weights.map(w => [...w]);
		classify(parameters, config, split, 3);
		expect(parameters.weights.map(w => [...w])).toEqual(before);
	});
});

describe('misclassified', () => {
	it('lists the indices of the wrongly classified examples, ascending', () => {
		expect([...misclassified(parameters, config, split)]).toEqual([1]);
	});

	it('lists every example when every label is wrong', () => {
		const wrong: DatasetSplit = {...split, labels: Uint8Array.of(1, 2, 0, 0)};
		expect([...misclassified(parameters, config, wrong)]).toEqual([0, 1, 2, 3]);
	});

	it('lists none when all are right', () => {
		const right: DatasetSplit = {...split, labels: Uint8Array.of(0, 1, 2, 1)};
		expect(misclassified(parameters, config, right)).toHaveLength(0);
	});
});

describe('misclassifiedOf', () => {
	it('lists the indices where the prediction is not the label, ascending', () => {
		expect([...misclassifiedOf(Uint8Array.of(1, 2, 0, 0), Uint8Array.of(1, 0, 0, 3))]).toEqual([1, 3]);
		expect(misclassifiedOf(Uint8Array.of(4, 5), Uint8Array.of(4, 5))).toHaveLength(0);
	});

	it('finds what misclassified finds, from the predictions', () => {
		const predictions = Uint8Array.from({length: split.count}, (_, i) => classify(parameters, config, split, i).predicted);
		expect([...misclassifiedOf(predictions, split.labels)]).toEqual([...misclassified(parameters, config, split)]);
	});
});

describe('nextIndex', () => {
	const indices = Int32Array.of(3, 7, 12);

	it('finds the next index after the current one', () => {
		expect(nextIndex(indices, 0, 1)).toBe(3);
		expect(nextIndex(indices, 3, 1)).toBe(7);
		expect(nextIndex(indices, 5, 1)).toBe(7);
		expect(nextIndex(indices, 7, 1)).toBe(12);
	});

	it('wraps to the first after the last', () => {
		expect(nextIndex(indices, 12, 1)).toBe(3);
		expect(nextIndex(indices, 500, 1)).toBe(3);
	});

	it('finds the previous index before the current one', () => {
		expect(nextIndex(indices, 12, -1)).toBe(7);
		expect(nextIndex(indices, 9, -1)).toBe(7);
		expect(nextIndex(indices, 100, -1)).toBe(12);
	});

	it('wraps to the last before the first', () => {
		expect(nextIndex(indices, 3, -1)).toBe(12);
		expect(nextIndex(indices, 0, -1)).toBe(12);
	});

	it('comes back to the one index there is, in both directions', () => {
		expect(nextIndex(Int32Array.of(5), 5, 1)).toBe(5);
		expect(nextIndex(Int32Array.of(5), 5, -1)).toBe(5);
	});

	it('answers undefined when there is no index', () => {
		expect(nextIndex(new Int32Array(0), 4, 1)).toBeUndefined();
		expect(nextIndex(new Int32Array(0), 4, -1)).toBeUndefined();
	});
});
