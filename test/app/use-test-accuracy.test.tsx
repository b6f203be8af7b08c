import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {useTestAccuracy} from '../../src/app/use-test-accuracy.js';
import {waitFor} from '../components/fixtures.js';
import {tinyConfig, tinyParameters, tinySplit} from './tiny-classifier.js';

function Probe({needed}: {readonly needed: boolean}) {
	const {accuracy, progress} = useTestAccuracy(tinyParameters, tinyConfig, tinySplit, needed);
	return <Text>{accuracy === undefined ? `pending ${progress}` : `accuracy ${accuracy}`}</Text>;
}

const rendered: Array<ReturnType<typeof render>> = [];
afterEach(() => {
	for (const instance of rendered.splice(0)) {
		instance.unmount();
	}
});

describe('useTestAccuracy', () => {
	it('renders first with the accuracy pending, then with the accuracy (3 of the 4 tiny examples right)', async () => {
		const instance = render(<Probe needed/>);
		rendered.push(instance);
		expect(instance.frames[0]).toBe('pending 0');
		await waitFor(() => instance.lastFrame() === 'accuracy 0.75', 'the accuracy');
	});

	it('computes nothing while it is not needed', async () => {
		const instance = render(<Probe needed={false}/>);
		rendered.push(instance);
		const needed = render(<Probe needed/>);
		rendered.push(needed);
		await waitFor(() => needed.lastFrame() === 'accuracy 0.75', 'the accuracy where it is needed');
		expect(instance.lastFrame()).toBe('pending 0');
	});
});
