import {Text} from 'ink';
import {describe, expect, it} from 'vitest';
import type {Size} from '../../src/app/layout.js';
import {useTerminalSize} from '../../src/app/use-terminal-size.js';
import {testTree, waitFor} from '../components/fixtures.js';

/** Records every size the hook returns. */
function Probe({seen}: {readonly seen: Size[]}) {
	const size = useTerminalSize();
	seen.push(size);
	return <Text>{`${size.columns}x${size.rows}`}</Text>;
}

const tree = testTree();

describe('useTerminalSize', () => {
	it('keeps the same size object through a resize event that changes nothing, and gives a new one when the size changes', async () => {
		const seen: Size[] = [];
		tree.show(<Probe seen={seen}/>);
		await waitFor(() => tree.frame() === '100x24', 'the first size');
		const first = seen.at(-1);
		tree.stdout().emit('resize');
		tree.show(<Probe seen={seen}/>);
		expect(seen.at(-1)).toBe(first);
		Object.defineProperty(tree.stdout(), 'columns', {value: 120});
		tree.stdout().emit('resize');
		await waitFor(() => tree.frame() === '120x24', 'the new size');
		expect(seen.at(-1)).toEqual({columns: 120, rows: 24});
	});
});
