/**
 * Issue 8 end to end, the built binary in tmux: the overview of all 30 neurons at 120x40, the
 * confusion tab's way from a cell to an example, the epoch timeline on a 3-epoch model file, and the
 * dashboard's multi-row charts.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {analyse, cellExamples} from '../../src/app/test-analysis.js';
import {loadDataset} from '../../src/data/load.js';
import {readModelFile} from '../../src/model/model-file.js';
import {killAllTmux, Tmux, tmuxAvailable} from './tmux.js';

const builtCli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const statusHint = '? help · q quit';

async function startTui(args: readonly string[], columns = 120, rows = 40): Promise<Tmux> {
	const tmux = await Tmux.start({command: [process.execPath, builtCli, ...args], columns, rows, term: 'xterm-256color', cwd: tmpdir()});
	await tmux.waitForScreen(statusHint);
	await tmux.waitUntil(async () => !(await tmux.ttyModes()).canonical, 'raw mode');
	return tmux;
}

describe.skipIf(!tmuxAvailable())('overview, confusion, timeline and dashboard in a real terminal', {timeout: 90_000}, () => {
	let folder = '';
	let modelFile = '';
	beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 'nnviz-e2e-overview-'));
		modelFile = join(folder, 'three.safetensors');
		// Three epochs of a small network on the embedded digits: a few seconds.
		execFileSync(process.execPath, [builtCli, 'train', '--layers', '784,30,10', '--epochs', '3', '--save', modelFile], {env: {...process.env, NNVIZ_DATA: ''}, stdio: 'pipe'});
	}, 120_000);
	afterAll(() => {
		rmSync(folder, {recursive: true, force: true});
	});
	afterEach(killAllTmux);

	it('shows all 30 first-layer neurons, tiles 0-29, on one screen at 120x40, with the selected one in detail', async () => {
		const tmux = await startTui(['--model', modelFile]);
		await tmux.sendKeys('2');
		const label = (j: number): RegExp => new RegExp(`(?:│|\\s)${j} B -?\\d+\\.\\d`);
		// Read until a whole frame is on screen (a capture can fall between the writes of one).
		const screen = await tmux.waitForValue(
			text => (text.includes('neurons 0-29 of 30') && Array.from({length: 30}, (_, j) => j).every(j => label(j).test(text)) ? text : undefined),
			'the overview with the labels of tiles 0-29',
		);
		for (let j = 0; j < 30; j++) {
			expect(screen, `tile ${j}`).toMatch(label(j));
		}

		expect(screen).toContain('Neuron 0');
		await tmux.sendKeys('Down', 'End');
		await tmux.waitForScreen('Neuron 29');
	});

	it('goes from a confusion cell to its images and from an image to the examples tab: 4, Enter, Enter', async () => {
		const model = readModelFile(modelFile);
		const dataset = loadDataset({env: {}});
		const expected = cellExamples(analyse(model.current, model.config, dataset.test), 0, 0)[0];
		const tmux = await startTui(['--model', modelFile]);
		await tmux.sendKeys('4');
		await tmux.waitForScreen(/Confusion · test set/);
		await tmux.waitForScreen(/true 0, predicted 0: \d+ test images/);
		await tmux.sendKeys('Enter'); // into the tab
		await tmux.sendKeys('Enter'); // list the cell's images
		await tmux.waitForScreen(new RegExp(`#${expected} `));
		await tmux.sendKeys('Enter'); // open the first one
		await tmux.waitForScreen(`Example ${expected} of 997`);
		expect(await tmux.screen()).toContain('1 Examples');
	});

	it('steps back through the epochs of a 3-epoch model: [ twice shows epoch 1, { the untrained network, } live', async () => {
		const tmux = await startTui(['--model', modelFile]);
		await tmux.waitForScreen('live · epoch 3');
		await tmux.sendKeys('[');
		await tmux.waitForScreen('epoch 2 of 3');
		await tmux.sendKeys('[');
		await tmux.waitForScreen('epoch 1 of 3');
		await tmux.sendKeys('{');
		await tmux.waitForScreen('epoch 0 (untrained)');
		await tmux.sendKeys('}');
		await tmux.waitForScreen('live · epoch 3');
	});

	it('puts the class models in the untrained maps\' place with u when trained and untrained class maps are side by side, and back', async () => {
		const tmux = await startTui(['--model', modelFile], 200, 60);
		await tmux.sendKeys('3');
		await tmux.waitForScreen('untrained (initial)');
		await tmux.sendKeys('u');
		const models = await tmux.waitForScreen('class models (gradient ascent)');
		expect(models).not.toContain('untrained (initial)');
		await tmux.sendKeys('u');
		await tmux.waitForScreen('untrained (initial)');
	});

	it('draws the dashboard\'s charts several rows tall beside the tab at 200x60', async () => {
		const tmux = await startTui(['--model', modelFile], 200, 60);
		const screen = await tmux.waitForScreen('loss');
		const paneRows = screen.split('\n').map(line => line.slice(-56));
		const chartRows = paneRows.filter(line => /[\u2801-\u28FF]/.test(line));
		expect(chartRows.length).toBeGreaterThanOrEqual(6); // two charts of at least three rows
	});
});
