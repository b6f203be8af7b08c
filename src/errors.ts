/**
 * The one error hierarchy of nnviz-tui. Every message says what went wrong, where (a path, a byte
 * offset, a flag) and what was expected, in one line. The CLI prints `message` alone, with no stack
 * trace, and exits with `exitCode`.
 */
export class NnvizError extends Error {
	/** Process exit code the CLI uses for this kind of error. */
	readonly exitCode: number = 1;

	constructor(message: string, options?: {cause?: unknown}) {
		super(message, options);
		this.name = new.target.name;
	}
}

/** A bad flag, a bad flag value, or flags that contradict each other or a model file. Exit code 2. */
export class UsageError extends NnvizError {
	override readonly exitCode = 2;
}

/** A dataset file that is missing, unreadable or not in the expected format. */
export class DatasetFormatError extends NnvizError {}

/**
 * A dataset folder named by the environment rather than the command line, which failed to load.
 * `reason` says why; the CLI words where the folder came from.
 */
export class DatasetFromEnvironmentError extends DatasetFormatError {
	constructor(readonly folder: string, readonly reason: DatasetFormatError) {
		super(`dataset folder from the environment: ${reason.message}`, {cause: reason});
	}
}

/** A dataset name that is not one of `expected`; the CLI names the flag it came from. Exit code 2. */
export class UnknownDatasetError extends UsageError {
	constructor(readonly dataset: string, readonly expected: readonly string[]) {
		super(`unknown dataset ${JSON.stringify(dataset)}, expected ${expected.join(' or ')}`);
	}
}

/** A dataset that exists but is not the one a model needs (resuming on other data). */
export class DatasetMismatchError extends NnvizError {}

/**
 * `file` was trained on a dataset named `trainedOn`, and the dataset loaded now is another (`message`
 * describes both). The message names no flag; the command line says which flags load the original.
 */
export class DatasetsDifferError extends DatasetMismatchError {
	constructor(message: string, readonly file: string, readonly trainedOn: string) {
		super(message);
	}
}

/** A model file that is missing, unreadable, corrupt or not a model of ours. */
export class ModelFormatError extends NnvizError {}

/** A file that could not be written (a model file, a cache): the message names the target, never a temporary file. */
export class FileWriteError extends NnvizError {}

/** Arrays whose lengths or dimensions do not fit together. */
export class ShapeError extends NnvizError {}

/** Training stopped because the loss or the weights stopped being finite numbers. */
export class DivergenceError extends NnvizError {}

/**
 * Training diverged at `epoch` (`what` happened) with learning rate `eta` and L2 `lambda`. The message
 * names no flag; the command line words which flags to change.
 */
export class TrainingDivergedError extends DivergenceError {
	constructor(readonly epoch: number, readonly what: string, readonly eta: number, readonly lambda: number) {
		super(`epoch ${epoch}: training diverged (${what}); try a smaller learning rate than ${eta}${lambda > 0 ? ` or less L2 regularization than ${lambda}` : ''}`);
	}
}

/**
 * The network's first or last layer does not fit the dataset: `expected` neurons (`because`), not `got`.
 * The message names no flag or file; the caller says where the layers came from. Exit code 2.
 */
export class LayersDoNotFitError extends UsageError {
	constructor(readonly end: 'first' | 'last', readonly expected: number, readonly got: number, readonly because: string) {
		super(`the ${end} layer must be ${expected} (${because}), got ${got}`);
	}
}

/** The message of a thrown value: an Error's message, anything else as a string. */
export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Describe a file-system error (ENOENT, EACCES, ...) in words, for a one-line message. */
export function describeIoError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT': {
			return 'no such file or directory';
		}

		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'EISDIR': {
			return 'is a directory, expected a file';
		}

		case 'ENOTDIR': {
			return 'a part of the path is not a directory';
		}

		case 'ENOSPC': {
			return 'no space left on the device';
		}

		case 'EROFS': {
			return 'read-only file system';
		}

		case 'EDQUOT': {
			return 'disk quota exceeded';
		}

		case 'ELOOP': {
			return 'too many symbolic links (a loop?)';
		}

		case 'ENAMETOOLONG': {
			return 'file name too long';
		}

		default: {
			// Node's text names the file it worked on, which may be a temporary one: leave the names out.
			return errorMessage(error).replaceAll(/,? '[^']*'(?: -> '[^']*')?/g, '');
		}
	}
}

/**
 * Characters that must never reach a terminal unescaped: C0 controls, DEL, C1 controls, and the marks
 * that reorder or break text (Arabic letter mark, LRM and RLM, line and paragraph separators, bidi
 * embeddings, overrides and isolates).
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
export const unsafeCharacters = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/;
const unsafeGlobal = new RegExp(unsafeCharacters.source, 'g');

/**
 * `text` safe to show on a terminal: each unsafe character written as a `\uXXXX` escape (`\u001B`,
 * `\u202E`), so a path or a string from a file prints as what it is and cannot colour, move or reorder
 * what follows. The one place the command line and the model reader escape text.
 */
export function printable(text: string): string {
	return text.replaceAll(unsafeGlobal, c => `\\u${codePointLabel(c)}`);
}

/** The code point of `c`'s first character as at least four upper-case hex digits: `001B`, `202E`, `1F642`. */
export function codePointLabel(c: string): string {
	return c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}
