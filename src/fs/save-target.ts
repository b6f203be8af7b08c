/**
 * Whether a model can be saved at a path, checked before any work is done (train and the UI check
 * their --save at startup, so a bad name costs nothing): what writeFileAtomic would refuse or fail on.
 */
import {accessSync, constants, lstatSync, readlinkSync, realpathSync, statSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {NnvizError} from '../errors.js';

/** Why a save target is refused. */
export type SaveTargetProblem = 'directory' | 'dangling-link' | 'no-folder' | 'folder-not-writable';

/** A save target that cannot be written; exit code 2 for a directory (a usage mistake), else 1. */
export class SaveTargetError extends NnvizError {
	override readonly exitCode: number;

	constructor(readonly problem: SaveTargetProblem, message: string) {
		super(message);
		this.exitCode = problem === 'directory' ? 2 : 1;
	}
}

/**
 * The file a write to `path` replaces: `path` itself (also when nothing is there yet), or the file a
 * symbolic link at `path` leads to; undefined when the link leads to nothing. Other failures (of
 * lstat, or of following the link for another reason than a missing target) are thrown.
 */
export function fileBehind(path: string): string | undefined {
	if (!(lstatSync(path, {throwIfNoEntry: false})?.isSymbolicLink() ?? false)) {
		return path;
	}

	try {
		return realpathSync(path);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return undefined;
		}

		throw error;
	}
}

/** Why a symbolic link at `path` that leads to nothing is not written through; `label` starts the text. */
export function danglingLinkMessage(path: string, label = path): string {
	return `${label}: cannot write: it is a symbolic link to ${readlinkSync(path)}, which does not exist; create the target or save to another name`;
}

/**
 * Throws SaveTargetError when a model cannot be saved at `path`: it is a directory (or a link to one),
 * a symbolic link to nothing, or its folder is missing or not writable. `label` starts the message
 * (`--save m.safetensors` names the flag).
 */
export function checkSaveTarget(path: string, label = path): void {
	let file: string | undefined;
	try {
		file = fileBehind(path);
	} catch (error) {
		// A link that cannot be followed (a loop, a folder on its way not searchable) is refused as one leading nowhere.
		if (!(lstatSync(path, {throwIfNoEntry: false})?.isSymbolicLink() ?? false)) {
			throw error;
		}
	}

	if (file === undefined) {
		throw new SaveTargetError('dangling-link', danglingLinkMessage(path, label));
	}

	if (statSync(file, {throwIfNoEntry: false})?.isDirectory() ?? false) {
		throw new SaveTargetError('directory', `${label}: is a directory, expected a file name (such as ${join(path, 'model.safetensors')})`);
	}

	const folder = dirname(file);
	if (!(statSync(folder, {throwIfNoEntry: false})?.isDirectory() ?? false)) {
		throw new SaveTargetError('no-folder', `${label}: cannot write: the folder ${folder} does not exist`);
	}

	try {
		accessSync(folder, constants.W_OK);
	} catch {
		throw new SaveTargetError('folder-not-writable', `${label}: cannot write: the folder ${folder} is not writable`);
	}
}
