/** Small known models, a synthetic dataset and helpers for the view tests. */
import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import stripAnsi from 'strip-ansi';
import {afterEach} from 'vitest';
import type {Dataset, DatasetSplit} from '../../src/data/dataset.js';
import type {Parameters} from '../../src/nn/network.js';

/** Text without its escape codes (strip-ansi, as Ink itself uses). */
export const plain: (text: string) => string = stripAnsi;

/** Poll `condition` until it holds, failing after a few seconds. */
export async function waitFor(condition: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + 5000;
	while (!condition()) {
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 5);
		});
	}
}

/** The mean of the values, summed in order as plain numbers. */
export function meanOf(values: ArrayLike<number>): number {
	let sum = 0;
	for (let i = 0; i < values.length; i++) {
		sum += values[i];
	}

	return sum / values.length;
}

/**
 * Layers [784,3,2] with hand-chosen first-layer weights: neuron 0 all +0.25 (bias 1.5), neuron 1 all
 * -0.5 (bias -0.75), neuron 2 an irregular pattern (bias 0.3333) whose mean the tests compute.
 */
export function handWeights(): Parameters {
	const w = new Float32Array(3 * 784); // 3 x 784
	w.fill(0.25, 0, 784);
	w.fill(-0.5, 784, 2 * 784);
	for (let p = 0; p < 784; p++) {
		w[(2 * 784) + p] = (((p * 37) % 101) - 40) / 400; // mean about 0.025
	}

	return {
		layers: [784, 3, 2],
		weights: [w, Float32Array.of(1, 0, 0, 0, 1, 0)],
		biases: [Float32Array.of(1.5, -0.75, 0.3333), Float32Array.of(0, 0)],
	};
}

export const fashionNames = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
export const digitNames = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** `count` 28x28 images, image i a bright square whose place depends on i, labelled i mod 10. */
export function syntheticSplit(count: number): DatasetSplit {
	const images = new Uint8Array(count * 784);
	const labels = new Uint8Array(count);
	for (let i = 0; i < count; i++) {
		labels[i] = i % 10;
		const top = 2 + ((i * 5) % 18);
		const left = 2 + ((i * 7) % 18);
		for (let y = top; y < top + 8; y++) {
			for (let x = left; x < left + 8; x++) {
				images[(i * 784) + (y * 28) + x] = 128 + ((x * y) % 128);
			}
		}
	}

	return {count, images, labels};
}

export function syntheticDataset(classNames: readonly string[] = digitNames): Dataset {
	return {
		name: 'synthetic', source: 'test', rows: 28, cols: 28, classNames,
		train: syntheticSplit(20), validation: syntheticSplit(5), test: syntheticSplit(12),
	};
}

/**
 * One Ink tree per test, unmounted after it: show() renders it the first time and rerenders after;
 * stdout() is the fake terminal it draws on.
 */
export function testTree(): {show: (element: ReactElement) => void; frame: () => string; stdout: () => ReturnType<typeof render>['stdout']} {
	let app: ReturnType<typeof render> | undefined;
	afterEach(() => {
		app?.unmount();
		app = undefined;
	});
	return {
		show(element) {
			if (app) {
				app.rerender(element);
			} else {
				app = render(element);
			}
		},
		frame: () => plain(app?.lastFrame() ?? ''),
		stdout() {
			if (app === undefined) {
				throw new Error('stdout() before show()');
			}

			return app.stdout;
		},
	};
}
