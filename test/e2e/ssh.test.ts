/**
 * nnviz-tui over a real SSH connection, as on a headless server: an sshd of the test's own on a
 * loopback port, with a throwaway host key and user key, everything in one temporary folder; the
 * client runs in tmux with `ssh -tt`, and no COLORTERM anywhere, so TERM=xterm-256color alone must
 * give 256-colour codes.
 */
import {type ChildProcess, execFileSync, spawn, spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {type AddressInfo, connect, createServer} from 'node:net';
import {tmpdir, userInfo} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {canvasLayout, contentTop} from '../../src/app/canvas-layout.js';
import {computeLayout} from '../../src/app/layout.js';
import {mouseBytes} from '../../src/app/mouse.js';
import {colourCodes} from './sgr-colours.js';
import {killAllTmux, pollUntil, Tmux, tmuxAvailable} from './tmux.js';

const sshdPath = '/usr/sbin/sshd';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const user = userInfo().username;

/** A port on 127.0.0.1 that was free a moment ago. */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject).listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	await new Promise(resolve => server.close(resolve));
	return port;
}

async function accepts(port: number): Promise<boolean> {
	return new Promise(resolve => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => {
			resolve(false);
		});
	});
}

/** A word for a POSIX shell, quoted. */
function shellQuote(word: string): string {
	return `'${word.replaceAll('\'', '\'\\\'\'')}'`;
}

type Server = {readonly dir: string; readonly port: number; readonly userKey: string; readonly process: ChildProcess; log: string};

/** Keys, config and a running sshd, all in a fresh temporary folder. */
async function startSshd(): Promise<Server> {
	const dir = mkdtempSync(join(tmpdir(), 'nnviz-e2e-ssh-'));
	const hostKey = join(dir, 'host_ed25519');
	const userKey = join(dir, 'user_ed25519');
	for (const key of [hostKey, userKey]) {
		execFileSync('ssh-keygen', ['-q', '-N', '', '-t', 'ed25519', '-C', 'nnviz-e2e', '-f', key]);
	}

	copyFileSync(`${userKey}.pub`, join(dir, 'authorized_keys'));
	const port = await freePort();
	const config = join(dir, 'sshd_config');
	writeFileSync(config, [
		`Port ${port}`,
		'ListenAddress 127.0.0.1',
		`HostKey ${hostKey}`,
		`AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
		`PidFile ${join(dir, 'sshd.pid')}`,
		// CI runs as root; a developer runs as themself, and an sshd not run as root can only log them in.
		'PermitRootLogin yes',
		`AllowUsers ${user}`,
		'PubkeyAuthentication yes',
		'PasswordAuthentication no',
		'KbdInteractiveAuthentication no',
		'UsePAM no',
		'StrictModes no',
		'PrintMotd no',
		'PrintLastLog no',
		'X11Forwarding no',
		'AllowTcpForwarding no',
		'',
	].join('\n'));
	// As root, sshd wants its privilege-separation folder (Debian's is /run/sshd, made by the service).
	if (process.getuid?.() === 0 && !existsSync('/run/sshd')) {
		mkdirSync('/run/sshd', {recursive: true, mode: 0o755});
	}

	const child = spawn(sshdPath, ['-D', '-e', '-f', config], {env: {PATH: process.env.PATH}, stdio: ['ignore', 'ignore', 'pipe']});
	const server: Server = {dir, port, userKey, process: child, log: ''};
	child.stderr!.setEncoding('utf8').on('data', (text: string) => {
		server.log += text;
	});
	await pollUntil(async () => {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`sshd exited (${child.exitCode ?? child.signalCode}):\n${server.log}`);
		}

		return accepts(port);
	}, () => `sshd to accept connections on port ${port}; its log:\n${server.log}`);
	return server;
}

async function stopSshd(server: Server | undefined): Promise<void> {
	if (server === undefined) {
		return;
	}

	const {process: child} = server;
	if (child.exitCode === null && child.signalCode === null) {
		const exited = new Promise(resolve => child.once('exit', resolve));
		child.kill('SIGTERM');
		await exited;
	}

	rmSync(server.dir, {recursive: true, force: true});
}

describe.skipIf(!existsSync(sshdPath) || !tmuxAvailable())('nnviz-tui over SSH', {timeout: 90_000}, () => {
	let server: Server | undefined;

	beforeAll(async () => {
		server = await startSshd();
	});

	afterAll(async () => {
		await killAllTmux();
		await stopSshd(server);
	});

	it('shows the examples tab in 256 colours without COLORTERM, answers keys, and ssh ends with status 0 after q', async ({onTestFailed}) => {
		const {port, userKey} = server!;
		onTestFailed(() => {
			console.error(`sshd log:\n${server!.log}`);
		});
		const remote = `cd ${shellQuote(repoRoot)} && TERM=xterm-256color ${shellQuote(process.execPath)} dist/cli.js`;
		const tmux = await Tmux.start({
			// The pane's environment is minimal already; `env -u` makes sure COLORTERM is not even there to forward.
			command: [
				'env', '-u', 'COLORTERM', 'ssh', '-tt', '-F', '/dev/null', '-p', String(port), '-i', userKey,
				'-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'BatchMode=yes',
				'-o', 'IdentitiesOnly=yes', '-o', 'LogLevel=ERROR', `${user}@127.0.0.1`, remote,
			],
			columns: 120,
			rows: 40,
			term: 'xterm-256color',
		});
		try {
			await tmux.waitForScreen('Example 0 of 997');
			expect(server!.log).toMatch(new RegExp(`Accepted publickey for ${user} from 127\\.0\\.0\\.1`));
			const codes = colourCodes(await tmux.styledScreen());
			// The enlarged example is drawn in background colours (each pixel fills whole cells); the tiles use both.
			expect(codes.filter(code => code.startsWith('48;5;')).length).toBeGreaterThan(10);
			expect(codes.filter(code => code.startsWith('38;2;') || code.startsWith('48;2;'))).toEqual([]);
			await tmux.sendKeys('2');
			await tmux.waitForScreen(/neurons \d+-\d+ of 30/);
			await tmux.sendKeys('q');
			expect(await tmux.exited()).toMatchObject({status: 0, alternateScreen: false, cursorVisible: true, canonical: true, echo: true, signals: true});
		} finally {
			await tmux.kill();
		}
	});

	it('reads a stroke drawn with SGR mouse reports over SSH as a 1 on the draw tab, and quits with the terminal restored', async () => {
		const {port, userKey, dir} = server!;
		const model = join(dir, 'two-epochs.safetensors');
		// On the embedded digits, as the remote side opens it (ssh does not pass NNVIZ_DATA on).
		const trainEnv = {...process.env};
		delete trainEnv.NNVIZ_DATA;
		const trained = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'train', '--epochs', '2', '--save', model], {encoding: 'utf8', timeout: 120_000, env: trainEnv});
		expect(trained.status, trained.stderr).toBe(0);
		const remote = `cd ${shellQuote(repoRoot)} && TERM=xterm-256color ${shellQuote(process.execPath)} dist/cli.js --model ${shellQuote(model)}`;
		const tmux = await Tmux.start({
			command: [
				'ssh', '-tt', '-F', '/dev/null', '-p', String(port), '-i', userKey, '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null',
				'-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', 'LogLevel=ERROR', `${user}@127.0.0.1`, remote,
			],
			columns: 120,
			rows: 40,
			term: 'xterm-256color',
		});
		try {
			await tmux.waitForScreen('Example 0 of 997');
			await tmux.sendKeys('5');
			await tmux.waitForScreen('the canvas is blank');
			// The canvas as the app lays it out at 120x40; a stroke down its middle, column 14, rows 4 to 23.
			const area = computeLayout({columns: 120, rows: 40}, undefined, {rows: 28, cols: 28});
			const {canvas, zoom} = canvasLayout(area.contentWidth, area.contentHeight, {rows: 28, cols: 28}, 10, 1);
			const [left, top] = [canvas.left + 1, contentTop + canvas.top + 1];
			const x = left + (14 * zoom);
			const [from, to] = [top + Math.round((4 * zoom) / 2), top + Math.round((23 * zoom) / 2)];
			let reports = mouseBytes('press', x, from);
			for (let y = from + 1; y <= to; y++) {
				reports += mouseBytes('drag', x, y);
			}

			// The bytes go through tmux, ssh and sshd to the app, as a terminal's mouse reports do.
			await tmux.sendKeys('-l', reports + mouseBytes('release', x, to));
			await tmux.waitForScreen(/(?<!blank; )the network says 1\b/u);
			await tmux.sendKeys('q');
			expect(await tmux.exited()).toMatchObject({status: 0, alternateScreen: false, cursorVisible: true});
		} finally {
			await tmux.kill();
		}
	});
});
