/**
 * A real terminal for end-to-end tests: a detached tmux session on a server socket of its own, at a
 * given size, running one command. Tests send keys, read the screen (as text, or with colours as
 * SGR sequences), poll for conditions with a timeout, and read what the terminal looks like after
 * the command has exited: exit status, alternate screen, cursor and tty modes.
 *
 * The command runs under a small wrapper shell that, once the command exits, prints one line with
 * its status and the tty's modes (icanon, echo, isig), then holds the pane open (`tmux wait-for`)
 * until `exited()` has looked at it: tmux 3.3 reports the cursor of every dead pane as hidden, so
 * the cursor must be read while the pane lives, as the user's shell would find it. Then the wrapper
 * exits with the command's status, which tmux keeps (remain-on-exit) as `#{pane_dead_status}`.
 *
 * Every server is recorded; `killAllTmux()` (in afterEach/afterAll) kills whatever is left.
 */
import {execFile, spawnSync} from 'node:child_process';
import {readdirSync, readFileSync, rmSync} from 'node:fs';
import {homedir} from 'node:os';
import {setTimeout as delay} from 'node:timers/promises';
import {promisify} from 'node:util';
import {errorMessage} from '../../src/errors.js';

const execFileAsync = promisify(execFile);

export type StartOptions = {
	/** The command and its arguments, run without a shell. */
	readonly command: readonly string[];
	readonly columns: number;
	readonly rows: number;
	/** TERM inside the pane (tmux's default-terminal); xterm-256color unless given. */
	readonly term?: string;
	/** Variables added to the pane's environment, which otherwise holds only PATH, HOME and LANG. */
	readonly env?: Readonly<Record<string, string>>;
	readonly cwd?: string;
};

/** How the terminal was left when the command exited. */
export type AfterExit = {
	readonly status: number;
	readonly alternateScreen: boolean;
	readonly cursorVisible: boolean;
	/** The tty's line discipline: cooked (all three on) or raw (all off). */
	readonly canonical: boolean;
	readonly echo: boolean;
	/** Ctrl-C, Ctrl-Z... become signals. */
	readonly signals: boolean;
	/** The screen right after the exit, before the wrapper let the pane die. */
	readonly screen: string;
};

/** The line-discipline modes that raw mode turns off. */
export type TtyModes = Pick<AfterExit, 'canonical' | 'echo' | 'signals'>;

export type WaitOptions = {readonly timeout?: number};

// Wide, as the waits are for conditions: on a CI machine with both cores busy a frame can take seconds.
const defaultTimeout = 30_000;
const pollInterval = 50;
const session = 'e2e';
const exitMarker = /\[e2e exited (\d+); tty (.*?)\]/;
const release = 'e2e-release';
// $0 is the wrapper's name, "$@" the command. Like an interactive shell, the wrapper outlives a
// Ctrl-C that reaches it as a signal (the command gets the default disposition back when it starts).
// The tmux inside the pane finds its server through $TMUX.
const wrapper = [
	'trap : INT',
	'"$@"',
	'status=$?',
	'modes=$(stty -a | tr " ;" "\\n\\n" | grep -xE -- "-?(icanon|echo|isig)" | tr "\\n" " ")',
	'printf "\\n[e2e exited %d; tty %s]\\n" "$status" "$modes"',
	`tmux wait-for ${release}`,
	'exit "$status"',
].join('\n');

const live = new Set<Tmux>();
let counter = 0;

export class Tmux {
	private killed = false;
	private socketPath: string | undefined;

	private constructor(readonly socket: string, private readonly env: NodeJS.ProcessEnv) {}

	/** Start `command` in a new detached tmux server of its own. */
	static async start(options: StartOptions): Promise<Tmux> {
		const socket = `nnviz-e2e-${process.pid}-${++counter}-${Date.now().toString(36)}`;
		// The server's environment becomes the pane's: keep it minimal so that nothing of the test
		// runner's terminal (COLORTERM, NO_COLOR, FORCE_COLOR, NNVIZ_DATA...) leaks in.
		const env = {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? homedir(), LANG: 'C.UTF-8'};
		const tmux = new Tmux(socket, env);
		live.add(tmux);
		const extra = Object.entries(options.env ?? {}).flatMap(([name, value]) => ['-e', `${name}=${value}`]);
		await tmux.run(
			'start-server', ';',
			'set-option', '-g', 'default-terminal', options.term ?? 'xterm-256color', ';',
			'set-option', '-g', 'remain-on-exit', 'on', ';',
			'set-option', '-g', 'status', 'off', ';',
			'new-session', '-d', '-s', session, '-x', String(options.columns), '-y', String(options.rows),
			'-c', options.cwd ?? process.cwd(), ...extra, '--', 'sh', '-c', wrapper, 'e2e-wrapper', ...options.command,
		);
		tmux.socketPath = await tmux.format('#{socket_path}');
		return tmux;
	}

	/** Run a tmux command against this server; resolves to its stdout. */
	async run(...args: string[]): Promise<string> {
		const {stdout} = await execFileAsync('tmux', ['-L', this.socket, '-u', '-f', '/dev/null', ...args], {env: this.env, encoding: 'utf8'});
		return stdout;
	}

	/** Send keys in tmux's names: 'q', 'Right', 'Escape', 'C-c'. */
	async sendKeys(...keys: string[]): Promise<void> {
		await this.run('send-keys', '-t', session, ...keys);
	}

	/** The visible screen as text, one line per row, trailing blanks removed. */
	async screen(): Promise<string> {
		return this.run('capture-pane', '-p', '-t', session);
	}

	/** The visible screen with its attributes and colours as SGR escape sequences. */
	async styledScreen(): Promise<string> {
		return this.run('capture-pane', '-p', '-e', '-t', session);
	}

	/** The screen's rows, exactly as many as the pane is tall. */
	async lines(): Promise<string[]> {
		const rows = Number(await this.format('#{pane_height}'));
		const lines = (await this.screen()).split('\n').slice(0, rows);
		return [...lines, ...Array.from({length: rows - lines.length}, () => '')];
	}

	/** A tmux format expanded for the pane, e.g. '#{pane_pid}'. */
	async format(format: string): Promise<string> {
		return (await this.run('display-message', '-p', '-t', session, format)).replace(/\n$/, '');
	}

	async alternateScreenOn(): Promise<boolean> {
		return (await this.format('#{alternate_on}')) === '1';
	}

	async cursorVisible(): Promise<boolean> {
		return (await this.format('#{cursor_flag}')) === '1';
	}

	/** The process id of the command (the wrapper shell's child), once it runs. */
	async commandPid(options: WaitOptions = {}): Promise<number> {
		const wrapperPid = Number(await this.format('#{pane_pid}'));
		let pid: number | undefined;
		await this.waitUntil(() => {
			pid = childrenOf(wrapperPid)[0];
			return pid !== undefined;
		}, `a child process of the wrapper (pid ${wrapperPid})`, options);
		return pid!;
	}

	/** The pane's tty modes now, as `stty -a` on its device reads them. */
	async ttyModes(): Promise<TtyModes> {
		const {stdout} = await execFileAsync('stty', ['-a', '-F', await this.format('#{pane_tty}')], {encoding: 'utf8'});
		return ttyModes(stdout);
	}

	async resize(columns: number, rows: number): Promise<void> {
		await this.run('resize-window', '-t', session, '-x', String(columns), '-y', String(rows));
	}

	/** Poll until `check` holds; the error names what was awaited and shows the screen. */
	async waitUntil(check: () => boolean | Promise<boolean>, what: string, options: WaitOptions = {}): Promise<void> {
		await pollUntil(check, async () => `${what}; the screen:\n${await this.screenOrNote()}`, options);
	}

	/** Poll the screen until it matches; resolves to that screen. */
	async waitForScreen(pattern: string | RegExp, options: WaitOptions = {}): Promise<string> {
		let screen = '';
		const matches = (text: string): boolean => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
		await this.waitUntil(async () => matches(screen = await this.screen()), `the screen to show ${String(pattern)}`, options);
		return screen;
	}

	/** Poll until `read` gives a value for the screen; resolves to that value. */
	async waitForValue<T>(read: (screen: string) => T | undefined, what: string, options: WaitOptions = {}): Promise<T> {
		let value: T | undefined;
		await this.waitUntil(async () => (value = read(await this.screen())) !== undefined, what, options);
		return value!;
	}

	/**
	 * Wait for the command to exit, read how it left the terminal, then let the pane die and return
	 * the status tmux recorded.
	 */
	async exited(options: WaitOptions = {}): Promise<AfterExit> {
		const screen = await this.waitForScreen(exitMarker, options);
		const alternateScreen = await this.alternateScreenOn();
		const cursorVisible = await this.cursorVisible();
		const [, printed, modes] = exitMarker.exec(screen)!;
		await this.run('wait-for', '-S', release);
		const serverPid = Number(await this.format('#{pid}'));
		let status = '';
		await this.waitUntil(async () => {
			const [dead, deadStatus] = (await this.format('#{pane_dead}:#{pane_dead_status}')).split(':');
			if (dead === '1' && deadStatus === '') {
				// tmux 3.3 misses a pane's SIGCHLD now and then: when the tty closes first, its utempter
				// helper runs and takes the signal (tmux/tmux#311). Another SIGCHLD makes it reap.
				process.kill(serverPid, 'SIGCHLD');
			}

			status = deadStatus;
			return status !== '';
		}, 'the pane to die', options);
		if (status !== printed) {
			throw new Error(`tmux recorded status ${status} but the command exited with ${printed}`);
		}

		return {status: Number(status), alternateScreen, cursorVisible, ...ttyModes(modes), screen};
	}

	/** Kill the server and everything in it, and remove its socket (tmux leaves it); safe to call twice. */
	async kill(): Promise<void> {
		if (this.killed) {
			return;
		}

		this.killed = true;
		live.delete(this);
		await this.run('kill-server').catch(() => undefined);
		if (this.socketPath) {
			rmSync(this.socketPath, {force: true});
		}
	}

	private async screenOrNote(): Promise<string> {
		return this.screen().catch((error: unknown) => `(cannot read it: ${errorMessage(error)})`);
	}
}

/** Poll every 50 ms until `check` holds; after the timeout (30 s unless given), fail with `what()`. */
export async function pollUntil(check: () => boolean | Promise<boolean>, what: () => string | Promise<string>, options: WaitOptions = {}): Promise<void> {
	const timeout = options.timeout ?? defaultTimeout;
	const deadline = Date.now() + timeout;
	// Polling: each check waits for the one before.
	for (;;) {
		// eslint-disable-next-line no-await-in-loop
		if (await check()) {
			return;
		}

		if (Date.now() > deadline) {
			// eslint-disable-next-line no-await-in-loop
			throw new Error(`timed out after ${timeout} ms waiting for ${await what()}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await delay(pollInterval);
	}
}

/** Whether tmux can be run here. */
export function tmuxAvailable(): boolean {
	return spawnSync('tmux', ['-V']).status === 0;
}

/** Kill every tmux server these tests started and have not killed yet. */
export async function killAllTmux(): Promise<void> {
	await Promise.all([...live].map(async tmux => tmux.kill()));
}

/** The modes named in `stty -a` output, or in the wrapper's list of them. */
function ttyModes(text: string): TtyModes {
	const words = new Set(text.split(/[\s;]+/));
	return {canonical: words.has('icanon'), echo: words.has('echo'), signals: words.has('isig')};
}

/** Pids whose parent is `pid`, from /proc. */
function childrenOf(pid: number): number[] {
	const children: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) {
			continue;
		}

		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// pid (comm) state ppid ...; comm may hold spaces and parentheses, so split after the last ')'.
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid === pid) {
				children.push(Number(entry));
			}
		} catch {
			// The process exited while we looked.
		}
	}

	return children;
}
