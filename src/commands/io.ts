/** What a command needs from the outside world, so tests can run commands in-process. */
export type CommandIo = {
	readonly stdout: {write(text: string): unknown};
	readonly stderr: {write(text: string): unknown};
	readonly env: NodeJS.ProcessEnv;
	/** Aborts when the user asks to stop (Ctrl-C, SIGTERM); the reason is an Interrupted. */
	readonly signal: AbortSignal;
	/** The real terminal streams, for the terminal UI (absent in tests of the other commands). */
	readonly terminal?: {readonly stdout: NodeJS.WriteStream; readonly stdin: NodeJS.ReadStream};
	/** Route Ctrl-C and SIGTERM to `signal` from now on (without it they keep their default effect). */
	readonly listenForSignals?: () => void;
};

/** The reason a command was stopped by a signal. */
export class Interrupted extends Error {
	readonly signalName: 'SIGINT' | 'SIGTERM';

	constructor(signalName: 'SIGINT' | 'SIGTERM') {
		super(`interrupted by ${signalName}`);
		this.name = 'Interrupted';
		this.signalName = signalName;
	}

	/** The conventional exit code: 128 + the signal number. */
	get exitCode(): number {
		return this.signalName === 'SIGINT' ? 130 : 143;
	}
}
