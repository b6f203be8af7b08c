import {chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {prepare} from '../../src/app/run-tui.js';
import type {TuiCommand} from '../../src/commands/command-types.js';
import {checkSaveTarget, SaveTargetError} from '../../src/fs/save-target.js';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'nnviz-save-target-'));
});
afterEach(() => {
	chmodSync(dir, 0o700);
	rmSync(dir, {recursive: true, force: true});
});

function problemOf(path: string, label?: string): [string, string, number] | undefined {
	try {
		checkSaveTarget(path, label);
		return undefined;
	} catch (error) {
		expect(error).toBeInstanceOf(SaveTargetError);
		const {problem, message, exitCode} = error as SaveTargetError;
		return [problem, message, exitCode];
	}
}

describe('checkSaveTarget', () => {
	it('accepts a new file or an existing one in a writable folder, and a link to a file', () => {
		expect(problemOf(join(dir, 'new.safetensors'))).toBeUndefined();
		writeFileSync(join(dir, 'old.safetensors'), 'x');
		expect(problemOf(join(dir, 'old.safetensors'))).toBeUndefined();
		symlinkSync(join(dir, 'old.safetensors'), join(dir, 'link'));
		expect(problemOf(join(dir, 'link'))).toBeUndefined();
	});

	it('refuses a directory with exit code 2, naming a file in it as an example', () => {
		expect(problemOf(dir, `--save ${dir}`)).toEqual(['directory', `--save ${dir}: is a directory, expected a file name (such as ${join(dir, 'model.safetensors')})`, 2]);
	});

	it('refuses a symbolic link to nothing, naming where it leads, in one whole line', () => {
		symlinkSync(join(dir, 'gone.safetensors'), join(dir, 'dangling'));
		expect(problemOf(join(dir, 'dangling'))).toEqual(['dangling-link', `${join(dir, 'dangling')}: cannot write: it is a symbolic link to ${join(dir, 'gone.safetensors')}, which does not exist; create the target or save to another name`, 1]);
	});

	it('refuses a missing folder and a folder it cannot write to', () => {
		expect(problemOf(join(dir, 'no', 'm.safetensors'))?.[0]).toBe('no-folder');
		mkdirSync(join(dir, 'locked'));
		chmodSync(join(dir, 'locked'), 0o500);
		const locked = problemOf(join(dir, 'locked', 'm.safetensors'));
		// Root writes anywhere: the check then rightly finds nothing.
		expect(locked?.[0]).toBe(process.getuid?.() === 0 ? undefined : 'folder-not-writable');
		chmodSync(join(dir, 'locked'), 0o700);
	});
});

describe('the UI checks its --save at startup', () => {
	it('says a directory is a directory (not "open it with --model"), and refuses a dangling link before any work', () => {
		expect(() => prepare({save: dir, force: false} as unknown as TuiCommand, {})).toThrow(`--save ${dir}: is a directory`);
		symlinkSync(join(dir, 'gone'), join(dir, 'dangling'));
		expect(() => prepare({save: join(dir, 'dangling'), force: false} as unknown as TuiCommand, {})).toThrow(/symbolic link to .*gone, which does not exist/);
	});
});
