import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Size} from '../../src/app/layout.js';
import {useTerminalSize} from '../../src/app/use-terminal-size.js';
import {waitFor} from '../components/fixtures.js';

/** Records every size the hook returns. */
function Probe({seen}: {readonly seen: Size[]}) {
	const size = useTerminalSize();
	seen.push(size);
	return <Text>{`${size.columns}x${size.rows}`}</Text>;
}

let app: ReturnType<typeof render> | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('useTerminalSize', () => {
	it('keeps the same size object through a resize event that changes nothing, and gives a new one when the size changes', async () => {
		const seen: Size[] = [];
		app = render(<Probe seen={seen}/>);
		await waitFor(() => app?.lastFrame() === '100x24', 'the first size');
		const first = seen.at(-1);
		app.stdout.emit('resize');
		app.rerender(<Probe seen={seen}/>);
		expect(seen.at(-1)).toBe(first);
		Object.defineProperty(app.stdout, 'columns', {value: 120});
		app.stdout.emit('resize');
		await waitFor(() => app?.lastFrame() === '120x24', 'the new size');
		expect(seen.at(-1)).toEqual({columns: 120, rows: 24});
	});
});
