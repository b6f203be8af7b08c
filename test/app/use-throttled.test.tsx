import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {useThrottled} from '../../src/app/use-throttled.js';

function Shown({value, ms}: {readonly value: number; readonly ms: number}) {
	return <Text>{String(useThrottled(value, ms))}</Text>;
}

describe('useThrottled', () => {
	beforeEach(() => {
		vi.useFakeTimers({toFake: ['performance']});
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('takes a new value up at most every ms, on the first render after that', () => {
		const app = render(<Shown value={1} ms={1000}/>);
		expect(app.lastFrame()).toBe('1');
		vi.advanceTimersByTime(100);
		app.rerender(<Shown value={2} ms={1000}/>); // the first change is taken up at once
		expect(app.lastFrame()).toBe('2');
		for (const [value, after] of [[3, 250], [4, 250], [5, 250]] as const) {
			vi.advanceTimersByTime(after);
			app.rerender(<Shown value={value} ms={1000}/>);
			expect(app.lastFrame()).toBe('2');
		}

		vi.advanceTimersByTime(250); // a second after 2 was taken up
		app.rerender(<Shown value={6} ms={1000}/>);
		expect(app.lastFrame()).toBe('6');
		app.unmount();
	});

	it('takes every value up at once when ms is 0, such as the last weights when training pauses', () => {
		const app = render(<Shown value={1} ms={1000}/>);
		app.rerender(<Shown value={2} ms={1000}/>);
		app.rerender(<Shown value={3} ms={1000}/>);
		expect(app.lastFrame()).toBe('2');
		app.rerender(<Shown value={3} ms={0}/>);
		expect(app.lastFrame()).toBe('3');
		app.rerender(<Shown value={4} ms={0}/>);
		expect(app.lastFrame()).toBe('4');
		app.unmount();
	});
});
