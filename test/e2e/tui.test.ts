/**
 * The built binary in a real terminal (tmux): tabs, training, help, quitting in every way, small
 * terminals, resizing and colour depth, as a user at a keyboard would meet them.
 */
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {colourCodes} from './sgr-colours.js';
import {killAllTmux, Tmux, tmuxAvailable} from './tmux.js';

const builtCli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const statusHint = '? help · q quit';
const firstExample = 'Example 0 of 997';
// The headings of the weights and generalized-images tabs, by the page ranges they show.
const weightsHeading = /neurons \d+-\d+ of 30/;
const mapsHeading = /[Cc]lasses \d+-\d+ of 10/;
// For the tests that train: an epoch of it takes a third of the default [784,30,10]'s time.
const smallNetwork = ['--layers', '784,10,10'];

/** Start the TUI on the embedded dataset at the given size; resolves once its first frame shows `waitFor`. */
async function startTui(options: {columns?: number; rows?: number; env?: Record<string, string>; waitFor?: string; args?: string[]; cwd?: string; rawMode?: boolean} = {}): Promise<Tmux> {
	const tmux = await Tmux.start({
		command: [process.execPath, builtCli, ...(options.args ?? [])],
		columns: options.columns ?? 120,
		rows: options.rows ?? 40,
		term: 'xterm-256color',
		env: options.env,
		cwd: options.cwd ?? tmpdir(),
	});
	await tmux.waitForScreen(options.waitFor ?? statusHint);
	if (options.rawMode === false) {
		return tmux; // the caller looks before the first frame
	}

	// Ink turns raw mode on just after its first frame; keys sent before would meet a cooked tty.
	await tmux.waitUntil(async () => !(await tmux.ttyModes()).canonical, 'the TUI to put the terminal in raw mode');
	return tmux;
}

/** The last completed epoch, as the timeline line says it, once there is one. */
function paneEpoch(screen: string): number | undefined {
	const match = /live · epoch (\d+)( under way)?/.exec(screen);
	const done = match ? Number(match[1]) - (match[2] === undefined ? 0 : 1) : 0;
	return done > 0 ? done : undefined;
}

/** The terminal as a shell finds it after a clean exit. */
const restored = {alternateScreen: false, cursorVisible: true, canonical: true, echo: true, signals: true};

// Every wait is for a condition, so the limit costs nothing when the machine is idle; it is wide
// for a CI machine whose two cores other jobs keep busy.
describe.skipIf(!tmuxAvailable())('nnviz-tui in a real terminal', {timeout: 90_000}, () => {
	afterEach(killAllTmux);

	it('opens on the examples tab in the alternate screen, with the cursor hidden and the tty in raw mode', async () => {
		const tmux = await startTui({waitFor: firstExample});
		const lines = await tmux.lines();
		expect(lines[0]).toMatch(/^ 1 Examples +2 Weights +3 Generalized images/);
		expect(lines[38]).toContain(statusHint);
		expect(lines[39]).toBe('');
		expect(await tmux.alternateScreenOn()).toBe(true);
		expect(await tmux.cursorVisible()).toBe(false);
		expect(await tmux.ttyModes()).toEqual({canonical: false, echo: false, signals: false});
	});

	it('switches to the weights tab with Right on the tab bar, to generalized images with 3, and back with 1', async () => {
		const tmux = await startTui({waitFor: firstExample});
		await tmux.sendKeys('Right');
		const weights = await tmux.waitForScreen(weightsHeading);
		expect(weights).not.toContain(firstExample);
		await tmux.sendKeys('3');
		const maps = await tmux.waitForScreen(mapsHeading);
		expect(maps).not.toMatch(weightsHeading);
		await tmux.sendKeys('Left');
		await tmux.waitForScreen(weightsHeading);
		await tmux.sendKeys('1');
		await tmux.waitForScreen(firstExample);
	});

	it('starts training with t: the epoch in the side pane advances; q while it runs asks once about the unsaved epochs, q again quits', async () => {
		const tmux = await startTui({args: smallNetwork});
		expect(await tmux.screen()).toContain('test accuracy: after epoch 1');
		await tmux.sendKeys('t');
		const first = await tmux.waitForValue(paneEpoch, 'a test accuracy after an epoch in the pane');
		expect(first).toBeGreaterThanOrEqual(1);
		await tmux.waitForValue(screen => (paneEpoch(screen)! > first ? true : undefined), `an epoch after ${first} in the pane`);
		expect(await tmux.screen()).toContain('training · t to pause');
		if (process.platform === 'linux') {
			// The training thread runs at a lower priority (nice 10) than the thread that draws and reads keys.
			const pid = await tmux.commandPid();
			const nice = (tid: string): number => Number(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[16]);
			const threads = readdirSync(`/proc/${pid}/task`);
			expect(nice(String(pid))).toBe(0);
			expect(threads.filter(tid => nice(tid) === 10)).toHaveLength(1);
		}

		await tmux.sendKeys('q');
		await tmux.waitForScreen(/\d+ epochs? not saved: s saves, q quits anyway/);
		await tmux.sendKeys('q');
		expect(await tmux.exited()).toMatchObject({status: 0, ...restored});
	});

	it('opens the help overlay with ? and closes it with Esc', async () => {
		const tmux = await startTui({waitFor: firstExample});
		await tmux.sendKeys('?');
		const help = await tmux.waitForScreen('Esc or ? closes this help');
		expect(help).toContain('start / pause training');
		expect(help).not.toContain(firstExample);
		await tmux.sendKeys('Escape');
		const after = await tmux.waitForScreen(firstExample);
		expect(after).not.toContain('closes this help');
	});

	it('quits with q: status 0, the alternate screen left, the cursor shown, the tty cooked again', async () => {
		const tmux = await startTui();
		await tmux.sendKeys('q');
		const after = await tmux.exited();
		expect(after).toMatchObject({status: 0, ...restored});
		expect(after.screen).not.toContain(statusHint);
	});

	it('quits with Ctrl-C just as with q: status 0 and the terminal restored', async () => {
		const tmux = await startTui();
		await tmux.sendKeys('C-c');
		expect(await tmux.exited()).toMatchObject({status: 0, ...restored});
	});

	it('exits with 143 on SIGTERM and restores the terminal', async () => {
		const tmux = await startTui();
		process.kill(await tmux.commandPid(), 'SIGTERM');
		expect(await tmux.exited()).toMatchObject({status: 143, ...restored});
	});

	it('says in one line how large the terminal must be when it is smaller than 80x24', async () => {
		const tmux = await startTui({columns: 70, rows: 20, waitFor: 'needs 80x24 or more'});
		const shown = (await tmux.lines()).filter(line => line.trim() !== '');
		expect(shown).toHaveLength(1);
		expect(shown[0]).toMatch(/^nnviz-tui needs 80x24 or more \(now 70x20\); q quits$/);
	});

	it('exits with 143 on SIGTERM while training runs, and restores the terminal', async () => {
		const tmux = await startTui({args: smallNetwork});
		await tmux.sendKeys('t');
		await tmux.waitForValue(paneEpoch, 'a test accuracy after an epoch in the pane');
		process.kill(await tmux.commandPid(), 'SIGTERM');
		expect(await tmux.exited()).toMatchObject({status: 143, ...restored});
	});

	it('lays out again when the terminal is resized, with no leftover lines', async () => {
		const tmux = await startTui({columns: 70, rows: 20, waitFor: 'needs 80x24 or more'});
		// The exact minimum; wide enough for the side pane; narrower and shorter; too narrow again.
		const steps = [[80, 24, 'layout'], [120, 40, 'layout'], [160, 40, 'layout and pane'], [90, 26, 'layout'], [79, 30, 'message']] as const;
		for (const [columns, rows, expected] of steps) {
			// eslint-disable-next-line no-await-in-loop -- one size after the other
			await tmux.resize(columns, rows);
			let lines: string[] = [];
			const settled = (): boolean => {
				const text = lines.join('\n');
				return expected === 'message'
					? text.includes(`(now ${columns}x${rows})`) && !text.includes(statusHint)
					: lines[rows - 2]?.includes(statusHint) && lines[0].includes('1 Examples') && text.includes('Training')
						// The dashboard beside the tab shows its charts; the strip folded below it does not.
						&& text.includes('loss') === (expected === 'layout and pane');
			};

			// eslint-disable-next-line no-await-in-loop
			await tmux.waitUntil(async () => {
				lines = await tmux.lines();
				return settled();
			}, `the ${expected} at ${columns}x${rows}`);
			expect(lines).toHaveLength(rows);
			if (expected === 'message') {
				expect(lines.filter(line => line.trim() !== '')).toEqual([expect.stringMatching(/^nnviz-tui needs 80x24 or more/)]);
				continue;
			}

			expect(lines.join('\n')).not.toContain('needs 80x24 or more');
			expect(lines.filter(line => line.includes('1 Examples'))).toHaveLength(1);
			expect(lines.filter(line => line.includes(statusHint))).toHaveLength(1);
			expect(lines.filter(line => line.includes(firstExample))).toHaveLength(1);
			expect(lines[rows - 1]).toBe('');
		}
	});

	it('draws in 256 colours for xterm-256color without COLORTERM, and in truecolour with COLORTERM=truecolor', async () => {
		const plain = await startTui({waitFor: firstExample});
		const codes256 = colourCodes(await plain.styledScreen());
		// The enlarged example is drawn in background colours (each pixel fills whole cells).
		expect(codes256.some(code => code.startsWith('48;5;'))).toBe(true);
		expect(codes256.filter(code => code.startsWith('38;2;') || code.startsWith('48;2;'))).toEqual([]);
		await plain.kill();
		const truecolor = await startTui({env: {COLORTERM: 'truecolor'}, waitFor: firstExample});
		expect(colourCodes(await truecolor.styledScreen()).some(code => code.startsWith('48;2;'))).toBe(true);
	});

	it('uses no colour codes with NO_COLOR=1, and still shows the digit in shade characters', async () => {
		const tmux = await startTui({env: {NO_COLOR: '1'}, waitFor: firstExample});
		const styled = await tmux.styledScreen();
		expect(colourCodes(styled)).toEqual([]);
		// No colour, but the active tab is still marked (inverse while the tab bar has the focus).
		expect(styled).toMatch(/\u001B\[(?:[\d;]*;)?7(?:;[\d;]*)?m 1 Examples /);
		const screen = await tmux.screen();
		expect(screen).not.toContain('▀');
		// Test example 0 is a zero: a ring of ink some dozens of cells large, drawn with ░ ▒ ▓ █.
		const image = screen.split('\n').slice(5, 21).map(line => line.slice(0, 30)).join('');
		expect(image.match(/[░▒▓█]/g)?.length ?? 0).toBeGreaterThan(30);
	});

	// Ink passes useInput a whole read of printable characters as one input; the app looks that string
	// up as a single key, so keys that arrive together (typed while the app is busy rendering, a held
	// key repeating, a slow SSH link) are all lost. Escape sequences (arrows) are split and work.
	it('answers each key when several printable keys arrive in one read', async () => {
		const tmux = await startTui({waitFor: firstExample});
		// One send-keys call writes the keys together, so the app reads them at once.
		await tmux.sendKeys('2', '3');
		await tmux.waitForScreen(mapsHeading);
		await tmux.sendKeys('1', 'Down');
		await tmux.waitForScreen(firstExample);
		await tmux.sendKeys('l', 'l', 'l');
		await tmux.waitForScreen('Example 3 of 997');
		await tmux.sendKeys('q');
		expect(await tmux.exited()).toMatchObject({status: 0});
	});

	it('asks for a file on s when none is set, saves there after every epoch, and never overwrites a file', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'nnviz-e2e-save-'));
		try {
			const file = join(folder, 'nnviz-model.safetensors');
			const first = await startTui({args: [...smallNetwork, '--epochs', '1'], cwd: folder});
			await first.sendKeys('t');
			await first.waitForScreen('done · t trains 1 more');
			await first.sendKeys('s');
			await first.waitForScreen('save to: nnviz-model.safetensors');
			await first.sendKeys('Enter');
			await first.waitForScreen(`saved epoch 1 to ${file}`);
			await first.sendKeys('t');
			await first.waitForScreen(`saved epoch 2 to ${file}`); // saved after every epoch from then on
			await first.sendKeys('q');
			expect(await first.exited()).toMatchObject({status: 0});
			const saved = readFileSync(file);

			const second = await startTui({args: [...smallNetwork, '--epochs', '1'], cwd: folder});
			await second.sendKeys('t');
			await second.waitForScreen('done · t trains 1 more');
			await second.sendKeys('s');
			await second.waitForScreen('save to: nnviz-model.safetensors');
			await second.sendKeys('Enter');
			await second.waitForScreen('exists; nothing was written');
			await second.sendKeys('q');
			await second.waitForScreen('1 epoch not saved: s saves, q quits anyway');
			await second.sendKeys('q');
			expect(await second.exited()).toMatchObject({status: 0});
			expect(readFileSync(file).equals(saved)).toBe(true);
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});

	it('says why u does nothing on a network not trained yet', async () => {
		const tmux = await startTui({columns: 200, rows: 60, waitFor: firstExample});
		await tmux.sendKeys('3');
		await tmux.waitForScreen(mapsHeading);
		await tmux.sendKeys('u');
		await tmux.waitForScreen('the network shown is untrained');
	});

	it('draws the first frame before the test set is classified, shows how far that is, then the figures', async () => {
		// 328,000 weights take 1-3 s over the 997 test digits on the JavaScript kernels: long enough to watch,
		// short enough to wait for (the WebAssembly ones classify them in a few slices, too fast to watch).
		const tmux = await startTui({args: ['--layers', '784,300,300,10', '--kernels', 'js'], waitFor: firstExample});
		// Said whole where the panel is wide enough, shorter where it is not (the examples tab's why takes room).
		expect(await tmux.screen()).toMatch(/classifying(?: the test set)?… \d+%/);
		await tmux.waitForScreen(/classifying(?: the test set)?… [1-9]\d?%/);
		const screen = await tmux.waitForScreen(/\d+\.\d\d% of 997 right/);
		expect(screen).not.toContain('classifying');
		expect(screen).not.toContain('starting…');
	});
});

