import {render} from 'ink';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../src/app/App.js';
import {createModel} from '../../src/model/model-dataset.js';
import {newConfig} from '../../src/nn/config.js';
import {plain, syntheticDataset, waitFor} from '../components/fixtures.js';
import {fakeStdin, idleClient, Terminal} from './fake-terminal.js';

/**
 * Where a frame's boxes are broken: for every top corner ╭ the column of its ╮, and below them, down to
 * the ╰ … ╯ row, a vertical border at both columns on every row. Returns the first place that breaks.
 */
export function brokenBorder(frame: string): string | undefined {
	const lines = frame.split('\n').map(line => [...line]);
	for (const [y, line] of lines.entries()) {
		for (let left = line.indexOf('╭'); left !== -1; left = line.indexOf('╭', left + 1)) {
			const right = line.indexOf('╮', left);
			if (right === -1) {
				return `row ${y}: ╭ at column ${left} has no ╮`;
			}

			let bottom = y + 1;
			while (bottom < lines.length && lines[bottom][left] !== '╰') {
				if (lines[bottom][left] !== '│' || lines[bottom][right] !== '│') {
					return `row ${bottom}: the box from row ${y}, columns ${left}-${right}, is broken: ${JSON.stringify(lines[bottom].join(''))}`;
				}

				bottom++;
			}

			if (lines[bottom]?.[right] !== '╯') {
				return `the box from row ${y}, columns ${left}-${right}, is not closed`;
			}
		}
	}

	return undefined;
}

describe('the frame at every size', () => {
	let unmount: (() => void) | undefined;
	afterEach(() => {
		unmount?.();
		unmount = undefined;
	});

	const sizes: Array<[number, number]> = [[80, 24], [100, 30], [120, 40], [159, 40], [160, 50], [200, 60]];
	for (const [columns, rows] of sizes) {
		it(`closes every panel on every tab at ${columns}x${rows}, whatever the content`, async () => {
			const dataset = syntheticDataset();
			const model = createModel(newConfig(undefined, {layers: [784, 30, 10]}), dataset);
			const terminal = new Terminal(columns, rows);
			const stdin = fakeStdin();
			const instance = render(<App model={model} dataset={dataset} client={idleClient} depth='none' savePath={undefined}/>, {
				stdout: terminal as unknown as NodeJS.WriteStream, stdin, debug: true, exitOnCtrlC: false, patchConsole: false,
			});
			unmount = () => {
				instance.unmount();
			};

			const headings = [/╭─ Example/, /╭─ (Weights|Neurons)/, /╭─ (Generalized|Classes)/, /╭─ Confusion/, /╭─ Draw/];
			for (const [k, heading] of headings.entries()) {
				stdin.write(String(k + 1));
				// eslint-disable-next-line no-await-in-loop
				await waitFor(() => heading.test(plain(terminal.last)), `tab ${k + 1} at ${columns}x${rows}`).catch((error: unknown) => {
					throw new Error(`${String(error)}; the screen:\n${plain(terminal.last)}`);
				});
				const frame = plain(terminal.last);
				expect(brokenBorder(frame), `tab ${k + 1} at ${columns}x${rows}:\n${frame}`).toBeUndefined();
				expect(frame.split('\n').every(line => [...line].length <= columns), `a line wider than ${columns}`).toBe(true);
			}
		});
	}

	it('finds a box whose right border something drew over', () => {
		expect(brokenBorder('╭─╮\n│ │\n╰─╯')).toBeUndefined();
		expect(brokenBorder('╭──╮\n│ xxx\n╰──╯')).toMatch(/row 1/);
		expect(brokenBorder('╭──╮\n│  │')).toMatch(/not closed/);
	});
});
