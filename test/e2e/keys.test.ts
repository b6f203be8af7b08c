/**
 * Keys as a real terminal delivers them: several in one read (one tmux send-keys call is one write,
 * as a paste or a slow SSH link gives them), the prompts, and quitting with epochs in no file.
 */
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {killAllTmux, Tmux, tmuxAvailable} from './tmux.js';

const builtCli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
/** An epoch of the default network takes 1-3 s here; a busy CI machine may take several times that. */
const trainingWait = {timeout: 60_000};

/** The TUI on the embedded digits at 120x40, once its first frame shows and the tty is raw. */
async function startTui(args: readonly string[] = [], cwd = tmpdir()): Promise<Tmux> {
	const tmux = await Tmux.start({command: [process.execPath, builtCli, ...args], columns: 120, rows: 40, cwd});
	await tmux.waitForScreen('Example 0 of 997', {timeout: 30_000});
	await tmux.waitUntil(async () => !(await tmux.ttyModes()).canonical, 'the TUI to put the terminal in raw mode');
	return tmux;
}

/** Train the one epoch that --epochs 1 asks for, and wait until the pane says it is done. */
async function trainOneEpoch(tmux: Tmux): Promise<void> {
	await tmux.sendKeys('t');
	await tmux.waitForScreen('done · t trains 1 more', trainingWait);
}

describe.skipIf(!tmuxAvailable())('keys in a real terminal', {timeout: 240_000}, () => {
	afterEach(killAllTmux);

	it('applies each key of one write to the state the key before left, and keeps the digits typed after g', async () => {
		const tmux = await startTui();
		await tmux.sendKeys('Down', 'PgDn');
		await tmux.waitForScreen('Example 100 of 997');
		await tmux.sendKeys('g', '7', '0', 'Enter');
		await tmux.waitForScreen('Example 70 of 997');
		await tmux.sendKeys('g', '9', '9', '9', '9', 'Enter');
		const screen = await tmux.waitForScreen('no example 9999; the last is 996');
		expect(screen).toContain('Example 70 of 997');
		// The same on the weights tab: from its tab bar, Down and End select the last neuron.
		// (Esc and a key in one write would be Alt with that key, so Esc goes alone.)
		await tmux.sendKeys('Escape');
		await tmux.waitForScreen('←/→ tabs');
		await tmux.sendKeys('2');
		await tmux.waitForScreen('neurons 0-29 of 30');
		await tmux.sendKeys('Down', 'End');
		await tmux.waitForScreen('Neuron 29');
	});

	it('asks once before q throws epochs away; the typed file name replaces the suggestion; then q quits at once', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'nnviz-e2e-keys-'));
		try {
			const tmux = await startTui(['--epochs', '1'], folder);
			await trainOneEpoch(tmux);
			await tmux.sendKeys('q');
			await tmux.waitForScreen('1 epoch not saved: s saves, q quits anyway');
			await tmux.sendKeys('s');
			await tmux.waitForScreen('save to: nnviz-model.safetensors▏');
			// The name, two letters too many taken back with Backspace, and Enter: all in one write.
			await tmux.sendKeys('saved1.safetensorsXY', 'BSpace', 'BSpace', 'Enter');
			await tmux.waitForScreen(`saved epoch 1 to ${join(folder, 'saved1.safetensors')}`);
			expect(existsSync(join(folder, 'saved1.safetensors'))).toBe(true);
			await tmux.sendKeys('q');
			expect(await tmux.exited()).toMatchObject({status: 0, alternateScreen: false});
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});

	it('quits on Ctrl-C twice with an epoch in no file, the first Ctrl-C asking', async () => {
		const tmux = await startTui(['--epochs', '1']);
		await trainOneEpoch(tmux);
		await tmux.sendKeys('C-c');
		await tmux.waitForScreen('1 epoch not saved');
		await tmux.sendKeys('C-c');
		expect(await tmux.exited()).toMatchObject({status: 0, alternateScreen: false, canonical: true});
	});
});
