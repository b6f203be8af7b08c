import meow from 'meow';
import {describe, expect, it} from 'vitest';
import {isExportCommand, parseExportCommandLine, refuseExportFlags} from '../../src/cli/export-options.js';
import {helpDescription, helpText} from '../../src/cli/help.js';
import {UsageError} from '../../src/errors.js';
import {runCli} from './run-cli.js';

describe('export and show on the command line', () => {
	it('parse into a command with the view, epoch, index and output given', () => {
		expect(isExportCommand(['export'])).toBe(true);
		expect(isExportCommand(['show'])).toBe(true);
		expect(isExportCommand(['eval'])).toBe(false);
		expect(parseExportCommandLine(['export'], {model: 'm.safetensors', view: 'example', epoch: '3', index: '12', outFile: 'a.png', json: true})).toEqual({
			kind: 'export', model: 'm.safetensors', view: 'example', epoch: 3, index: 12, output: 'a.png', data: {}, json: true, force: false,
		});
		expect(parseExportCommandLine(['show'], {model: 'm', view: 'confusion', dataset: 'fashion-mnist', data: 'dir'})).toEqual({
			kind: 'show', model: 'm', view: 'confusion', data: {dataset: 'fashion-mnist', data: 'dir'}, json: false, force: false,
		});
	});

	it('refuse flags that do not fit, each in words that name the flag', () => {
		const refused = (input: string[], flags: Record<string, unknown>) => {
			try {
				parseExportCommandLine(input, flags);
			} catch (error) {
				expect(error).toBeInstanceOf(UsageError);
				return (error as Error).message;
			}

			return 'accepted';
		};

		expect(refused(['export'], {model: 'm', view: 'weights', epoch: '-1'})).toBe('--epoch: expected a whole number, 0 or more; got "-1"');
		expect(refused(['export'], {model: 'm', view: 'weights', index: '2'})).toBe('--index applies to --view example, not weights');
		expect(refused(['show'], {model: 'm', view: 'weights', outFile: 'a.png'})).toBe('-o does not apply to show, which draws on the terminal; use export -o FILE.png');
		expect(refused(['export'], {model: 'm'})).toBe('--view: expected weights, maps, class-models, example, confusion, curves; export needs one');
		expect(refused(['export'], {model: 'm', view: 'weights', layers: '784,10'})).toBe('--layers does not apply to export (see nnviz-tui --help)');
		expect(refused(['export', 'extra'], {model: 'm', view: 'weights'})).toBe('unexpected argument "extra" after export');
		expect(refused(['export'], {model: 'm', view: 'weights', outFile: ['a.png', 'b.png']})).toBe('-o is given more than once');
		expect(() => refuseExportFlags('eval', {epoch: '2'})).toThrow('--epoch does not apply to eval; it is for export and show (see nnviz-tui --help)');
	});

	it('take the attribution maps of the example as the examples tab names them, and show a colour depth', () => {
		expect(parseExportCommandLine(['export'], {model: 'm', view: 'example', attribution: 'gradient', json: true})).toMatchObject({attribution: 'gradient'});
		expect(parseExportCommandLine(['export'], {model: 'm', view: 'example', attribution: 'gradient-x-input', json: true})).toMatchObject({attribution: 'gradient-times-input'});
		expect(parseExportCommandLine(['export'], {model: 'm', view: 'example', json: true})).not.toHaveProperty('attribution');
		expect(parseExportCommandLine(['show'], {model: 'm', view: 'weights', color: 'none'})).toMatchObject({color: 'none'});
		const refused = (input: string[], flags: Record<string, unknown>) => () => parseExportCommandLine(input, flags);
		expect(refused(['export'], {model: 'm', view: 'example', attribution: 'input'})).toThrow('--attribution: expected gradient-x-input, gradient; got "input"');
		expect(refused(['export'], {model: 'm', view: 'example', attribution: 'toString'})).toThrow('--attribution: expected');
		expect(refused(['export'], {model: 'm', view: 'weights', attribution: 'gradient'})).toThrow('--attribution applies to --view example, not weights');
		expect(refused(['show'], {model: 'm', view: 'weights', color: 'pink'})).toThrow('--color: expected auto, truecolor, 256, 16, none; got "pink"');
		expect(refused(['export'], {model: 'm', view: 'weights', color: 'none', json: true})).toThrow('--color does not apply to export, which writes a PNG; it is for show');
		expect(() => refuseExportFlags('train', {attribution: 'gradient'})).toThrow('--attribution does not apply to train; it is for export and show');
	});

	it('name export and show among the commands when the command is unknown', async () => {
		const {code, stderr} = await runCli(['exprt']);
		expect(code).toBe(2);
		expect(stderr).toBe('nnviz-tui: unknown command "exprt": expected train, eval, info, export or show (see nnviz-tui --help)\n');
	});
});

describe('--help with export and show', () => {
	it('lists both commands and the figure flags, every line within 79 columns', async () => {
		const {code, stdout} = await runCli(['--help']);
		expect(code).toBe(0);
		const lines = stdout.split('\n');
		expect(lines.filter(line => Buffer.byteLength(line) > 79)).toEqual([]);
		expect(stdout).toContain('$ nnviz-tui export --model FILE --view VIEW -o FILE.png');
		expect(stdout).toContain('$ nnviz-tui show --model FILE --view VIEW');
		for (const flag of ['--view VIEW', '--epoch N', '--index K', '--attribution KIND', '-o FILE.png', '--color MODE']) {
			expect(lines.some(line => line.trimStart().startsWith(flag)), flag).toBe(true);
		}

		// The figures section comes before Output, and everything the help said before is still there.
		expect(lines.findIndex(line => line.trim() === 'Figures (export and show)')).toBeLessThan(lines.findIndex(line => line.trim() === 'Output'));
		const before = meow(helpText, {importMeta: import.meta, argv: [], description: helpDescription, autoHelp: false, autoVersion: false}).help;
		let at = 0;
		for (const line of before.split('\n')) {
			at = lines.indexOf(line, at) + 1;
			expect(at, line).toBeGreaterThan(0);
		}
	});

	it('answers --help after export without parsing its flags', async () => {
		const {code, stdout} = await runCli(['export', '--view', 'weights', '--help']);
		expect(code).toBe(0);
		expect(stdout).toContain('Figures (export and show)');
	});
});
