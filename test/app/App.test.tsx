import {describe, expect, it} from 'vitest';
import {App} from '../../src/app/App.js';
import type {Dataset} from '../../src/data/dataset.js';
import {createModel} from '../../src/model/model-dataset.js';
import {newConfig} from '../../src/nn/config.js';
import {syntheticDataset, testTree, waitFor} from '../components/fixtures.js';
import {idleClient} from './fake-terminal.js';

const tree = testTree();

describe('App', () => {
	it('classifies the example of the dataset it is given now, with the weights unchanged', async () => {
		const dataset = syntheticDataset();
		const model = createModel(newConfig(undefined, {layers: [784, 10, 10]}), dataset);
		tree.show(<App model={model} dataset={dataset} client={idleClient} depth='none' savePath={undefined}/>);
		await waitFor(() => tree.frame().includes('Example 0 of 12') && tree.frame().includes('true 0 ·'), 'example 0, a 0');
		// The same images, labelled one class on: the true label shown must follow.
		const relabelled: Dataset = {...dataset, test: {...dataset.test, labels: dataset.test.labels.map(label => (label + 1) % 10)}};
		tree.show(<App model={model} dataset={relabelled} client={idleClient} depth='none' savePath={undefined}/>);
		await waitFor(() => tree.frame().includes('true 1 ·'), 'example 0, now a 1');
		expect(tree.frame()).not.toContain('true 0 ·');
	});
});
