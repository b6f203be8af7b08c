// Shared by the TUI benchmarks: in-process stand-ins for a terminal (for rendering the real components
// with Ink), and helpers to run the built CLI in a pseudo-terminal and wait on what it prints.
import {EventEmitter} from 'node:events';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {repoRoot} from './common.mjs';

/** A stdout that looks like a terminal of columns x rows and counts what reaches it. */
export class FakeTerminal extends EventEmitter {
	isTTY = true;
	writable = true;
	destroyed = false;
	writableEnded = false;
	writableLength = 0;
	bytes = 0;
	writes = 0;
	/** Called with (byteCount, text) for every write. */
	onWrite = undefined;

	constructor(columns, rows) {
		super();
		this.columns = columns;
		this.rows = rows;
	}

	write(chunk, encoding, callback) {
		const done = typeof encoding === 'function' ? encoding : callback;
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		const n = Buffer.byteLength(text);
		this.bytes += n;
		this.writes++;
		this.onWrite?.(n, text);
		done?.();
		return true;
	}
}

/** A stdin that looks like a terminal in raw mode; write key sequences into it. */
export function fakeStdin() {
	const stdin = new PassThrough();
	stdin.isTTY = true;
	stdin.setRawMode = () => stdin;
	stdin.ref = () => stdin;
	stdin.unref = () => stdin;
	return stdin;
}

/** Nearest-rank percentile of values (p in 0..100). */
export function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank];
}

/** Text that only the tab's own first line shows: the weights tab's page range, the examples tab's position. */
export const headings = {weights: /neurons \d+-\d+ of \d+/, examples: /Example \d+ of \d+/, timeline: /neurons \d+-\d+ of \d+/};

export const keys = {right: '\u001B[C', left: '\u001B[D', down: '\u001B[B', up: '\u001B[A', enter: '\r'};

/** The built CLI, or $BENCH_CLI (another build of it, for an A/B comparison). */
export const cliPath = process.env.BENCH_CLI || join(repoRoot, 'dist', 'cli.js');
export const cliName = process.env.BENCH_CLI ? `node ${process.env.BENCH_CLI}` : 'node dist/cli.js';

/**
 * Extra node options for the spawned TUI from $BENCH_NODE_ARGS, to profile it:
 * BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' (NODE_OPTIONS does not take --cpu-prof).
 */
export const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

/**
 * The pseudo-terminal module (devDependency @lydell/node-pty), or an exit with a hint when it is not
 * installed.
 */
export async function loadPty() {
	try {
		const module = await import('@lydell/node-pty');
		return module.default ?? module;
	} catch (error) {
		console.error(`bench: @lydell/node-pty does not load (${error.message}); run npm install`);
		process.exit(1);
	}
}

/**
 * The environment for a child TUI: the caller's, with TERM as given, no COLORTERM (256 colours, as
 * over SSH) unless asked, no NNVIZ_DATA (the embedded digits, the README's main command) and no CI.
 */
export function childEnv(extra = {}) {
	const env = {...process.env, TERM: 'xterm-256color', ...extra};
	for (const name of ['COLORTERM', 'NNVIZ_DATA', 'CI', 'NO_COLOR', 'FORCE_COLOR']) {
		if (!(name in extra)) {
			delete env[name];
		}
	}

	return env;
}

/**
 * Output of a pty, kept as one growing string with the time each chunk arrived, so a caller can wait
 * for a pattern to appear after a given offset.
 */
export class PtyOutput {
	text = '';
	waiters = new Set();

	constructor(pty) {
		pty.onData(data => {
			const at = performance.now();
			this.text += data;
			for (const waiter of this.waiters) {
				waiter.check(at);
			}
		});
	}

	/** Resolves with the arrival time of the chunk that completed `pattern` after offset `from`. */
	waitFor(pattern, from = 0, timeoutMs = 10_000) {
		return new Promise((resolve, reject) => {
			const waiter = {
				check: at => {
					if (matchesFrom(this.text, pattern, from)) {
						this.waiters.delete(waiter);
						clearTimeout(timer);
						resolve(at);
					}
				},
			};
			const timer = setTimeout(() => {
				this.waiters.delete(waiter);
				reject(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}; last output: ${JSON.stringify(this.text.slice(-300))}`));
			}, timeoutMs);
			this.waiters.add(waiter);
			if (matchesFrom(this.text, pattern, from)) {
				waiter.check(performance.now());
			}
		});
	}
}

function matchesFrom(text, pattern, from) {
	const tail = text.slice(from);
	return typeof pattern === 'string' ? tail.includes(pattern) : pattern.test(tail);
}
