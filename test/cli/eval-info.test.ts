import {copyFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {runCli, temporaryFolder} from './run-cli.js';

let file = '';

beforeAll(async () => {
	file = join(temporaryFolder(), 'm.safetensors');
	const result = await runCli(['train', '--preset', 'nielsen-ch1', '--layers', '784,16,10', '--epochs', '2', '--save', file]);
	expect(result.code).toBe(0);
});

describe('nnviz-tui eval', () => {
	it('reports test accuracy, per-class accuracy and a confusion matrix that agree', async () => {
		const {code, stdout} = await runCli(['eval', '--model', file, '--json']);
		expect(code).toBe(0);
		const result = JSON.parse(stdout) as {count: number; correct: number; accuracy: number; perClass: number[]; confusion: number[][]; classNames: string[]};
		expect(result.count).toBe(997);
		expect(result.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
		expect(result.confusion.flat().reduce((s, v) => s + v, 0)).toBe(997);
		expect(result.confusion.reduce((s, row, i) => s + row[i], 0)).toBe(result.correct);
		expect(result.accuracy).toBeCloseTo(result.correct / 997, 12);
		expect(result.accuracy).toBeGreaterThan(0.7);
		for (const [c, row] of result.confusion.entries()) {
			expect(result.perClass[c]).toBeCloseTo(row[c] / row.reduce((s, v) => s + v, 0), 12);
		}
	});

	it('agrees with the test accuracy recorded for the last epoch', async () => {
		const info = JSON.parse((await runCli(['info', '--model', file, '--json'])).stdout) as {history: Array<{testAccuracy: number}>};
		const result = JSON.parse((await runCli(['eval', '--model', file, '--json'])).stdout) as {accuracy: number};
		expect(result.accuracy).toBe(info.history.at(-1)!.testAccuracy);
	});

	it('prints a readable report', async () => {
		const {stdout} = await runCli(['eval', '--model', file]);
		expect(stdout).toMatch(/^test accuracy \d+\.\d\d% \(\d+ of 997\)$/m);
		expect(stdout).toContain('confusion matrix (rows: true class, columns: predicted class)');
	});

	it('warns in words and in JSON when a class is never predicted and most hidden units are saturated', async () => {
		// The chapter-1 network untrained: N(0,1) weights saturate every hidden unit.
		const untrained = join(temporaryFolder(), 'untrained.safetensors');
		expect((await runCli(['train', '--preset', 'nielsen-ch1', '--layers', '784,16,10', '--epochs', '0', '--save', untrained])).code).toBe(0);
		const {stdout} = await runCli(['eval', '--model', untrained]);
		expect(stdout).toMatch(/^test accuracy .*\nwarning: never predicts classes [\d, ]+ on the 997 test images\nwarning: 16 of 16 hidden units are saturated \(\|input\| > 4 on most of 200 test images\): they learn slowly\n/m);
		const json = JSON.parse((await runCli(['eval', '--model', untrained, '--json'])).stdout) as {warnings: Array<{kind: string; message: string}>};
		expect(json.warnings.map(w => w.kind)).toEqual(['never-predicted', 'saturated']);
	});

	it('gives an empty warnings array for a network trained with the default settings', async () => {
		const healthy = join(temporaryFolder(), 'healthy.safetensors');
		expect((await runCli(['train', '--layers', '784,16,10', '--epochs', '2', '--save', healthy])).code).toBe(0);
		const json = JSON.parse((await runCli(['eval', '--model', healthy, '--json'])).stdout) as {warnings: unknown[]};
		expect(json.warnings).toEqual([]);
		expect((await runCli(['eval', '--model', healthy])).stdout).not.toContain('warning');
	});

	it('names the file and the problem for a file that is not a model', async () => {
		const text = join(temporaryFolder(), 'notes.txt');
		writeFileSync(text, 'these are not weights at all, just some words in a file');
		const {code, stderr} = await runCli(['eval', '--model', text]);
		expect(code).toBe(1);
		expect(stderr.startsWith(`nnviz-tui: ${text}: `)).toBe(true);
		expect(stderr.trim().split('\n')).toHaveLength(1);
	});
});

describe('paths on the terminal', () => {
	it('escapes control and direction characters of a --model path in eval\'s and info\'s output and in errors', async () => {
		const odd = join(temporaryFolder(), 'evil\u202Etxt\u001B[2J.safetensors');
		copyFileSync(file, odd);
		const shown = odd.replace('\u202E', '\\u202E').replace('\u001B', '\\u001B');
		const evaluated = await runCli(['eval', '--model', odd]);
		expect(evaluated.code).toBe(0);
		expect(evaluated.stdout.startsWith(`${shown} (2 epochs)`)).toBe(true);
		const info = await runCli(['info', '--model', odd]);
		expect(info.stdout).toMatch(new RegExp(`^model file +${shown.replaceAll(/[\\[.]/g, '\\$&')}$`, 'm'));
		const json = await runCli(['info', '--model', odd, '--json']);
		expect((JSON.parse(json.stdout) as {model: string}).model).toBe(odd);
		const missing = await runCli(['eval', '--model', `${odd}.gone`]);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain(`${shown}.gone`);
		for (const output of [evaluated, info, json, missing]) {
			expect(`${output.stdout}${output.stderr}`).not.toMatch(/[\u001B\u202E]/);
		}
	});
});

describe('nnviz-tui info', () => {
	it('describes the architecture, hyperparameters and history', async () => {
		const {code, stdout} = await runCli(['info', '--model', file]);
		expect(code).toBe(0);
		expect(stdout).toContain('[784,16,10], 12,730 parameters; hidden sigmoid, output sigmoid');
		expect(stdout).toContain('quadratic cost, large init, batch 10, eta 3, lambda 0, momentum 0, seed 1');
		expect(stdout).toMatch(/^epochs +2 trained/m);
		expect(stdout).toMatch(/^kernels +wasm \(WebAssembly SIMD\) by default here/m);
		expect(stdout).toMatch(/^ +2 +\d+\.\d\d +\d\.\d{5} +\d+\.\d\d% +\d+\.\d\d%$/m);
	});

	it('gives JSON with the config and one history entry per epoch', async () => {
		const info = JSON.parse((await runCli(['info', '--model', file, '--json'])).stdout) as {config: {layers: number[]}; epochs: number; history: unknown[]; kernels: unknown};
		expect(info.config.layers).toEqual([784, 16, 10]);
		expect(info.kernels).toEqual({default: 'wasm', wasm: 'available'});
		expect(info.epochs).toBe(2);
		expect(info.history).toHaveLength(2);
	});
});
