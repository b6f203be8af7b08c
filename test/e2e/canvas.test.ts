/**
 * The draw tab in a real pseudo-terminal (node-pty): mouse reporting goes on with the tab and off on
 * every way out, read from every byte the built binary writes; and a stroke drawn with SGR mouse
 * reports down the middle of the canvas is read as a 1 by a network trained for two epochs.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import pty from '@lydell/node-pty';
import stripAnsi from 'strip-ansi';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {canvasLayout, contentTop} from '../../src/app/canvas-layout.js';
import {computeLayout} from '../../src/app/layout.js';
import {disableMouse, enableMouse, mouseBytes} from '../../src/app/mouse.js';

const builtCli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
/** Wide, as the waits are for conditions: on a busy CI machine a frame can take seconds. */
const waitMs = 30_000;

type Session = {
	readonly term: pty.IPty;
	/** Everything the program wrote, as it arrived. */
	output: () => string;
	/** Resolves with the exit code once the program has exited. */
	readonly exited: Promise<{exitCode: number; signal?: number}>;
};

const sessions: Session[] = [];
let folder = '';
let modelFile = '';

function env(): NodeJS.ProcessEnv {
	const vars: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color'};
	for (const name of ['COLORTERM', 'NNVIZ_DATA', 'CI', 'NO_COLOR', 'FORCE_COLOR']) {
		delete vars[name];
	}

	return vars;
}

/** The TUI on the trained model at columns x rows, once its first frame shows. */
async function start(columns = 120, rows = 40): Promise<Session> {
	const term = pty.spawn(process.execPath, [builtCli, '--model', modelFile], {name: 'xterm-256color', cols: columns, rows, cwd: folder, env: env()});
	let text = '';
	term.onData(data => {
		text += data;
	});
	const exited = new Promise<{exitCode: number; signal?: number}>(resolve => {
		term.onExit(resolve);
	});
	const session = {term, output: () => text, exited};
	sessions.push(session);
	await waitUntil(() => text.includes('Example 0 of 997'), 'the first frame', session);
	return session;
}

async function waitUntil(check: () => boolean, what: string, session: Session): Promise<void> {
	const deadline = Date.now() + waitMs;
	while (!check()) {
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}; last output: ${JSON.stringify(stripAnsi(session.output()).slice(-400))}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}
}

/** Go to the draw tab and wait until mouse reporting is on. */
async function toCanvas(session: Session): Promise<void> {
	session.term.write('5');
	await waitUntil(() => session.output().includes(enableMouse), 'the mouse reporting codes', session);
}

/** Reporting was turned off after it was last turned on. */
function mouseOffAtTheEnd(text: string): boolean {
	return text.lastIndexOf(disableMouse) > text.lastIndexOf(enableMouse);
}

describe('the draw tab in a real terminal', {timeout: 180_000}, () => {
	beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 'nnviz-e2e-canvas-'));
		modelFile = join(folder, 'two-epochs.safetensors');
		const trained = spawnSync(process.execPath, [builtCli, 'train', '--epochs', '2', '--save', modelFile], {cwd: folder, env: env(), encoding: 'utf8', timeout: 120_000});
		expect(trained.status, trained.stderr).toBe(0);
	});

	afterEach(() => {
		for (const session of sessions.splice(0)) {
			try {
				session.term.kill('SIGKILL');
			} catch {
				// Already gone.
			}
		}
	});

	afterAll(() => {
		rmSync(folder, {recursive: true, force: true});
	});

	it('turns mouse reporting on with the draw tab and off on leaving it, and never on another tab', async () => {
		const session = await start();
		expect(session.output()).not.toContain(enableMouse);
		await toCanvas(session);
		const on = session.output().lastIndexOf(enableMouse);
		session.term.write('1');
		await waitUntil(() => session.output().indexOf(disableMouse, on) !== -1, 'the codes that turn it off', session);
		session.term.write('q');
		expect((await session.exited).exitCode).toBe(0);
		expect(mouseOffAtTheEnd(session.output())).toBe(true);
	});

	for (const [way, leave, status] of [
		['q', (s: Session) => s.term.write('q'), 0],
		['Ctrl-C', (s: Session) => s.term.write('\u0003'), 0],
		['SIGTERM', (s: Session) => s.term.kill('SIGTERM'), 143],
		['SIGHUP', (s: Session) => s.term.kill('SIGHUP'), 129],
	] as const) {
		it(`turns mouse reporting off when the UI ends on ${way} while the canvas shows`, async () => {
			const session = await start();
			await toCanvas(session);
			leave(session);
			const {exitCode} = await session.exited;
			expect(exitCode).toBe(status);
			expect(mouseOffAtTheEnd(session.output()), 'the disable codes after the last enable').toBe(true);
		});
	}

	it('reads a vertical stroke drawn with the mouse down the middle of the canvas as a 1', async () => {
		const [columns, rows] = [120, 40];
		const session = await start(columns, rows);
		await toCanvas(session);
		// Where the canvas is, from the layout the app draws it with: inside its panel, below the tab bar and the timeline.
		const area = computeLayout({columns, rows}, undefined, {rows: 28, cols: 28});
		const {canvas, zoom} = canvasLayout(area.contentWidth, area.contentHeight, {rows: 28, cols: 28}, 10, 1);
		const [left, top] = [canvas.left + 1, contentTop + canvas.top + 1];
		// Canvas column 14, rows 4 to 23: a cell is 1 / zoom pixels wide and 2 / zoom tall.
		const x = left + (14 * zoom);
		const [from, to] = [top + Math.round((4 * zoom) / 2), top + Math.round((23 * zoom) / 2)];
		await waitUntil(() => stripAnsi(session.output()).includes('the canvas is blank'), 'the blank canvas', session);
		const before = session.output().length;
		let reports = mouseBytes('press', x, from);
		for (let y = from + 1; y <= to; y++) {
			reports += mouseBytes('drag', x, y);
		}

		reports += mouseBytes('release', x, to);
		session.term.write(reports);
		// Not 'the canvas is blank; the network says …': the answer for the stroke.
		await waitUntil(() => /(?<!blank; )the network says 1\b/.test(stripAnsi(session.output().slice(before))), 'the answer 1', session);
		session.term.write('q');
		expect((await session.exited).exitCode).toBe(0);
	});
});
