import {EventEmitter} from 'node:events';
import {PassThrough} from 'node:stream';
import type {TrainingClient} from '../../src/training/client.js';

/** A terminal of a given size that keeps the last frame Ink wrote (debug mode writes whole frames) and counts them. */
export class Terminal extends EventEmitter {
	isTTY = true;
	last = '';
	frames = 0;
	constructor(readonly columns: number, readonly rows: number) {
		super();
	}

	write(chunk: string | Uint8Array, callback?: () => void): boolean {
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		if (text !== '') {
			this.last = text;
		}

		this.frames++;
		callback?.();
		return true;
	}
}

/** Keys for Ink: a TTY stream the test writes to. */
export function fakeStdin(): NodeJS.ReadStream {
	const stdin = new PassThrough() as unknown as NodeJS.ReadStream & {setRawMode: () => void};
	stdin.isTTY = true;
	stdin.setRawMode = () => stdin;
	stdin.ref = () => stdin;
	stdin.unref = () => stdin;
	return stdin;
}

/** A training client that never trains: what the App needs of one. */
export const idleClient = {epochs: 1, subscribe: () => () => undefined, snapshot: async () => undefined, quietFor() {}} as unknown as TrainingClient;
