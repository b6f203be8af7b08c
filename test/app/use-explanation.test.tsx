import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {useExplanation} from '../../src/app/use-explanation.js';
import type {Explanation} from '../../src/nn/explain.js';
import type {Parameters} from '../../src/nn/network.js';
import {whyConfig, whyParameters, whySplit} from '../components/why-fixtures.js';

const seen: Array<Explanation | undefined> = [];

function Probe({parameters, index, trueClass}: {readonly parameters: Parameters | undefined; readonly index: number; readonly trueClass: number}) {
	const explanation = useExplanation(parameters, whyConfig, whySplit, index, trueClass);
	seen.push(explanation);
	return <Text>{explanation === undefined ? 'none' : `predicted ${explanation.predicted}`}</Text>;
}

describe('useExplanation', () => {
	let unmount: (() => void) | undefined;
	afterEach(() => {
		unmount?.();
		seen.length = 0;
	});

	it('explains the example for the predicted and the true class, and works it out again only when they change', () => {
		const parameters = whyParameters();
		const app = render(<Probe parameters={parameters} index={1} trueClass={1}/>);
		unmount = app.unmount;
		expect(app.lastFrame()).toBe('predicted 0');
		const first = seen.at(-1);
		expect(first?.other?.classIndex).toBe(1);
		expect(first?.hidden[0]).toHaveLength(3);
		app.rerender(<Probe parameters={parameters} index={1} trueClass={1}/>);
		expect(seen.at(-1)).toBe(first);
		app.rerender(<Probe parameters={parameters} index={0} trueClass={0}/>);
		expect(seen.at(-1)).not.toBe(first);
		expect(seen.at(-1)?.other?.classIndex).toBe(0);
		app.rerender(<Probe parameters={whyParameters()} index={0} trueClass={0}/>);
		expect(seen.at(-2)).not.toBe(seen.at(-1));
	});

	it('explains nothing without a network', () => {
		const app = render(<Probe parameters={undefined} index={0} trueClass={0}/>);
		unmount = app.unmount;
		expect(app.lastFrame()).toBe('none');
	});
});
