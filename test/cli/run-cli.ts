import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll} from 'vitest';
import {main} from '../../src/cli.js';
import type {CommandIo} from '../../src/commands/io.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const builtCli = join(repoRoot, 'dist', 'cli.js');

export type CliResult = {code: number; stdout: string; stderr: string};

/** Run the command line in this process, capturing its output; the environment has no NNVIZ_DATA unless given. */
export async function runCli(argv: string[], options: {env?: NodeJS.ProcessEnv; signal?: AbortSignal} = {}): Promise<CliResult> {
	let stdout = '';
	let stderr = '';
	const io: CommandIo = {
		stdout: {write: (s: string) => (stdout += s)},
		stderr: {write: (s: string) => (stderr += s)},
		env: options.env ?? {},
		signal: options.signal ?? new AbortController().signal,
	};
	const code = await main(argv, io);
	return {code, stdout, stderr};
}

const folders: string[] = [];
// Registered while the importing test file is collected, so it runs when that file's tests are done.
afterAll(() => {
	for (const folder of folders.splice(0)) {
		rmSync(folder, {recursive: true, force: true});
	}
});

/** A fresh temporary folder, removed when the test process ends. */
export function temporaryFolder(): string {
	const folder = mkdtempSync(join(tmpdir(), 'nnviz-test-'));
	folders.push(folder);
	return folder;
}

/** Spawn the built binary; resolves when it exits. `onStdout` sees output as it arrives. */
export function spawnCli(
	argv: string[], options: {env?: NodeJS.ProcessEnv; onStdout?: (text: string, child: ReturnType<typeof spawn>) => void} = {},
): Promise<CliResult & {signal: NodeJS.Signals | null}> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [builtCli, ...argv], {env: options.env ?? {PATH: process.env.PATH}, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (s: string) => {
			stdout += s;
			options.onStdout?.(stdout, child);
		});
		child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({code: code ?? -1, signal, stdout, stderr}));
		setTimeout(() => child.kill('SIGKILL'), 200_000).unref(); // a safety net, past any test's limit on a busy machine
	});
}
