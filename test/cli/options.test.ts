import {describe, expect, it} from 'vitest';
import {parseCommandLine} from '../../src/cli/options.js';
import {helpText} from '../../src/cli/help.js';
import {defaultConfig} from '../../src/nn/config.js';
import {runCli} from './run-cli.js';

describe('command line usage', () => {
	it('explains itself with --help, with examples', async () => {
		const {code, stdout} = await runCli(['--help']);
		expect(code).toBe(0);
		expect(stdout).toContain('nnviz-tui train');
		expect(stdout).toContain('--resume FILE');
		expect(stdout).toContain('Examples');
	});

	it('prints the package version with --version', async () => {
		const {code, stdout} = await runCli(['--version']);
		expect(code).toBe(0);
		expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it.each([
		[['train', '--bogus'], 'unknown flag --bogus'],
		[['train', '--eta', 'abc'], '--eta: expected a number above 0; got "abc"'],
		[['train', '--eta', '0'], '--eta: expected a number above 0; got "0"'],
		[['train', '--eta'], '--eta needs a value'],
		[['train', '--layers', '784'], '--layers: expected at least two sizes'],
		[['train', '--layers', '784,x,10'], '--layers: expected at least two sizes'],
		[['train', '--layers', '784,200000,10'], '--layers: at most 100,000,000 weights'],
		[['train', '--activation', 'softsign'], '--activation: expected sigmoid, tanh, relu; got "softsign"'],
		[['train', '--epochs', '-1'], '--epochs: expected a whole number, 0 or more; got "-1"'],
		[['train', '--batch', '0'], '--batch: expected a whole number, 1 or more; got "0"'],
		[['train', '--momentum', '1'], '--momentum: expected a number from 0 up to (not including) 1; got "1"'],
		[['train', '--seed', '1.5'], '--seed: expected a whole number, 0 to 4294967295; got "1.5"'],
		[['train', '--dataset', 'cifar'], '--dataset: expected mnist, fashion-mnist; got "cifar"'],
		[['train', '--eta', '1', '--eta', '2'], '--eta is given more than once'],
		[['eval'], 'eval needs --model FILE'],
		[['eval', '--model', 'm', '--eta', '1'], '--eta does not apply to eval'],
		[['info', '--model', 'm', '--data', 'x'], '--data does not apply to info'],
		[['fly'], 'unknown command "fly"'],
		[['train', 'extra'], 'unexpected argument "extra" after train'],
		[['train', '--layers', '100,30,10'], '--layers: the first layer must be 784 (28x28 pixels of mnist-embedded), got 100'],
		[['train', '--layers', '784,30,5'], '--layers: the last layer must be 10 (the classes of mnist-embedded), got 5'],
		[['--color', 'rainbow'], '--color: expected auto, truecolor, 256, 16, none; got "rainbow"'],
		[['--model', 'm.safetensors', '--eta', '1'], '--eta cannot change a saved model'],
		[['--json'], '--json does not apply to the terminal UI'],
		[['--epochs', '0'], '--epochs: expected a whole number, 1 or more; got "0"'],
		[['--epochs', 'many'], '--epochs: expected a whole number, 1 or more; got "many"'],
		[['--resume', 'm.safetensors'], '--resume does not apply to the terminal UI'],
		[['train', '--color', '256'], '--color does not apply to train'],
		[['train', '--preset', 'nielsen-ch2'], '--preset: expected nielsen-ch1, nielsen-ch3; got "nielsen-ch2"'],
		[['--model', 'm.safetensors', '--preset', 'nielsen-ch1'], '--preset cannot change a saved model'],
		[['eval', '--model', 'm', '--preset', 'nielsen-ch1'], '--preset does not apply to eval'],
		[['train', '--kernels', 'gpu'], '--kernels: expected auto, js, wasm; got "gpu"'],
		[['info', '--model', 'm', '--kernels', 'js'], '--kernels does not apply to info'],
	])('rejects %j with exit code 2 and one line: %s', async (argv, message) => {
		const {code, stdout, stderr} = await runCli(argv);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toContain(message);
		expect(stderr.trim().split('\n')).toHaveLength(1);
		expect(stderr).not.toMatch(/\n\s+at /);
	});

	it('prints a snapshot of the three views without a command when stdout is not a terminal', async () => {
		const {code, stdout, stderr} = await runCli([]);
		expect(code).toBe(0);
		expect(stdout).toContain('Example 0 of 997');
		expect(stdout).toContain('Weights · neurons 0-29 of 30');
		expect(stdout).toContain('Generalized images');
		expect(stdout).not.toContain('\u001B');
		expect(stderr).toContain('stdout is not a terminal');
		expect(stderr.trim().split('\n')).toHaveLength(1);
	});

	it('draws the snapshot in colour only when --color asks for it', async () => {
		const {stdout} = await runCli(['--color', '256']);
		expect(stdout).toMatch(/\u001B\[38;5;\d+/);
		expect(stdout).not.toMatch(/\u001B\[38;2;/);
	});

	it('takes --epochs for the terminal UI: how many epochs a press of t trains, 30 unless given', async () => {
		expect(parseCommandLine([], {epochs: '5'})).toMatchObject({kind: 'tui', epochs: 5});
		expect(parseCommandLine([], {})).toMatchObject({kind: 'tui', epochs: 30});
		expect(parseCommandLine([], {model: 'm.safetensors', epochs: '10'})).toMatchObject({kind: 'tui', model: 'm.safetensors', epochs: 10});
		const {code, stderr} = await runCli(['--epochs', '5']);
		expect(code).toBe(0);
		expect(stderr).not.toContain('does not apply');
	});

	it('lists --epochs among the terminal UI flags in --help', () => {
		const ui = helpText.slice(helpText.indexOf('Terminal UI'), helpText.indexOf('Output'));
		expect(ui).toMatch(/--epochs N +epochs a press of t trains/);
	});

	it('takes --preset for train and the terminal UI and keeps the flags given beside it apart', () => {
		expect(parseCommandLine(['train'], {preset: 'nielsen-ch1', eta: '1'})).toMatchObject({kind: 'train', preset: 'nielsen-ch1', overrides: {eta: 1}});
		expect(parseCommandLine([], {preset: 'nielsen-ch3'})).toMatchObject({kind: 'tui', preset: 'nielsen-ch3', overrides: {}});
		expect(parseCommandLine(['train'], {})).not.toHaveProperty('preset');
	});

	it('gives the default preset\'s values as the defaults in --help', () => {
		for (const key of ['activation', 'output', 'cost', 'init', 'batch', 'eta', 'lambda', 'momentum', 'seed'] as const) {
			expect(helpText).toMatch(new RegExp(`--${key} .* default ${String(defaultConfig[key])}\\n`));
		}

		const ch3 = helpText.slice(helpText.indexOf('nielsen-ch3'), helpText.indexOf('nielsen-ch1'));
		expect(ch3).toContain(`eta ${defaultConfig.eta}, lambda ${defaultConfig.lambda}.`);
	});

	it('names both presets in --help and says which is the default and why', () => {
		expect(helpText).toContain('--preset NAME');
		expect(helpText).toMatch(/nielsen-ch1 +the seed's network/);
		expect(helpText).toMatch(/nielsen-ch3 +\(default\)/);
	});
});
