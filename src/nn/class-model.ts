import type {TrainConfig} from './config.js';
import {Explainer} from './explain.js';
import type {Parameters} from './network.js';
import {Random} from './random.js';

/**
 * Class models (Simonyan, Vedaldi and Zisserman 2013, section 2): the input that maximises a class's
 * score z_c - l2 ||x||^2, found by gradient ascent from a nearly blank image, pixels clamped to
 * [0, 1] after each step. The step size is fixed at the first step so that the pixel with the largest
 * gradient component changes by `rate` (one rate suits networks whose gradients differ by orders of
 * magnitude); every later step is that multiple of its gradient, so steps shrink as the ascent
 * nears a maximum. Deterministic: the same seed gives the same image.
 */
export type ClassModelOptions = {
	/** Gradient steps (default 150). */
	readonly steps?: number;
	/** The largest change of a pixel in the first step, which fixes the step size (default 0.05). */
	readonly rate?: number;
	/** The L2 penalty's weight: the ascent maximises z_c - l2 ||x||^2 (default 0.01). */
	readonly l2?: number;
	/** Seed of the start image's noise, uniform in [0, 0.01) (default 1). */
	readonly seed?: number;
};

export const classModelDefaults = {steps: 150, rate: 0.05, l2: 0.01, seed: 1} as const;

/** The noise of the start image is below this. */
const startNoise = 0.01;

/** One class's ascent, a step at a time. */
export class ClassModelAscent {
	/** The image so far (layers[0] values in [0, 1]); the caller may read it between steps. */
	readonly image: Float64Array;
	private readonly gradient: Float64Array;
	private readonly steps: number;
	private readonly rate: number;
	private readonly l2: number;
	private taken = 0;
	/** Pixel change per unit of gradient, fixed by the first step with a gradient. */
	private scale = 0;

	constructor(private readonly explainer: Explainer, private readonly classIndex: number, options: ClassModelOptions = {}) {
		const {steps, rate, l2, seed} = {...classModelDefaults, ...definedOnly(options)};
		checkOptions(steps, rate, l2, seed);
		this.steps = steps;
		this.rate = rate;
		this.l2 = l2;
		const n = explainer.layers[0];
		const rng = Random.fromSeed(seed);
		this.image = Float64Array.from({length: n}, () => rng.nextFloat() * startNoise);
		this.gradient = new Float64Array(n);
	}

	get done(): boolean {
		return this.taken >= this.steps;
	}

	/** One step of gradient ascent, the pixels then clamped to [0, 1]; returns the score z_c before the step. */
	step(): number {
		const {image: x, gradient: g, l2} = this;
		const score = this.explainer.classScoreGradient(x, this.classIndex, g);
		for (let i = 0; i < x.length; i++) {
			g[i] -= 2 * l2 * x[i];
		}

		if (this.scale === 0) {
			const largest = largestFreeComponent(x, g);
			this.scale = largest > 0 ? this.rate / largest : 0;
		}

		const {scale} = this;
		for (let i = 0; i < x.length; i++) {
			const v = x[i] + (scale * g[i]);
			x[i] = v < 0 ? 0 : (v > 1 ? 1 : v);
		}

		this.taken++;
		return score;
	}
}

/** Gradient ascent on class c's score from a nearly blank image: L2 penalty, pixels clamped to [0, 1]; deterministic. */
export function classModel(config: TrainConfig, parameters: Parameters, classIndex: number, options?: ClassModelOptions): Float64Array {
	const ascent = new ClassModelAscent(new Explainer(config, parameters), classIndex, options);
	while (!ascent.done) {
		ascent.step();
	}

	return ascent.image;
}

export type ClassModelsInSlicesOptions = ClassModelOptions & {
	readonly signal?: AbortSignal;
	/** How long a slice of work may run before yielding to the event loop, in ms (default 10). */
	readonly sliceMs?: number;
	/** Called with each class's image as it is finished, class 0 first. */
	readonly onImage?: (classIndex: number, image: Float64Array) => void;
};

/**
 * Every class's model, the same images as classModel gives, computed in slices that yield to the event
 * loop (setImmediate) so keys and timers are handled; undefined when `signal` aborts (checked before
 * every step, so no work is done after the slice in which it aborts).
 */
export async function classModelsInSlices(config: TrainConfig, parameters: Parameters, options: ClassModelsInSlicesOptions = {}): Promise<Float64Array[] | undefined> {
	const {signal, sliceMs = 10, onImage} = options;
	const explainer = new Explainer(config, parameters);
	const classes = config.layers.at(-1)!;
	const images: Float64Array[] = [];
	let sliceStart = performance.now();
	for (let c = 0; c < classes; c++) {
		const ascent = new ClassModelAscent(explainer, c, options);
		while (!ascent.done) {
			if (signal?.aborted) {
				return undefined;
			}

			ascent.step();
			if (performance.now() - sliceStart >= sliceMs) {
				// eslint-disable-next-line no-await-in-loop -- yielding between slices is the point
				await new Promise<void>(resolve => {
					setImmediate(resolve);
				});
				sliceStart = performance.now();
			}
		}

		images.push(ascent.image);
		onImage?.(c, ascent.image);
	}

	return signal?.aborted ? undefined : images;
}

/** The largest |g_i| among the pixels the clamp lets move (not at 0 going down or at 1 going up). */
function largestFreeComponent(x: Float64Array, g: Float64Array): number {
	let largest = 0;
	for (let i = 0; i < x.length; i++) {
		const pinned = (g[i] < 0 && x[i] <= 0) || (g[i] > 0 && x[i] >= 1);
		if (!pinned && Math.abs(g[i]) > largest) {
			largest = Math.abs(g[i]);
		}
	}

	return largest;
}

function definedOnly(options: ClassModelOptions): ClassModelOptions {
	return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ClassModelOptions;
}

function checkOptions(steps: number, rate: number, l2: number, seed: number): void {
	if (!Number.isInteger(steps) || steps < 0) {
		throw new RangeError(`class model steps must be an integer >= 0, got ${steps}`);
	}

	if (!(rate > 0 && Number.isFinite(rate))) {
		throw new RangeError(`class model rate must be a number > 0, got ${rate}`);
	}

	if (!(l2 >= 0 && Number.isFinite(l2))) {
		throw new RangeError(`class model l2 must be a number >= 0, got ${l2}`);
	}

	if (!Number.isInteger(seed)) {
		throw new RangeError(`class model seed must be an integer, got ${seed}`);
	}
}
