/**
 * Checks that tell a learner when training has gone quietly wrong: a class the network never
 * predicts, hidden units that are saturated (sigmoid, tanh) or dead (relu), and a loss that keeps
 * rising; and, loudly wrong, training that diverged. Pure: the checks read predictions, a workspace,
 * a loss history or a failed epoch's message, and return words.
 */
import type {DatasetSplit} from '../data/dataset.js';
import type {Workspace} from './workspace.js';

export type WarningKind = 'never-predicted' | 'saturated' | 'dead' | 'loss-rising' | 'diverged';
/** `message` is a full sentence; `brief` says it in a few words for the training pane (which cuts what does not fit). */
export type Warning = {readonly kind: WarningKind; readonly message: string; readonly brief: string};

/** How the hidden units behave on a sample of images. */
export type HiddenHealth = {
	/** Saturated: |pre-activation| > saturationLimit (sigmoid, tanh); dead: output 0 (relu). */
	readonly kind: 'saturated' | 'dead';
	readonly units: number;
	/** Units saturated on most of the sampled images, or dead on all of them. */
	readonly unhealthy: number;
	readonly images: number;
};

/** What an epoch's evaluation tells about the network, beyond its accuracy. */
export type EpochCheck = {
	/** How many test images the network assigns to each class. */
	readonly predicted: readonly number[];
	/** Absent for a network without hidden layers. */
	readonly hidden?: HiddenHealth;
};

/** Beyond this |pre-activation| a sigmoid's slope is under 0.018 (tanh's under 0.0014): the unit barely learns. */
export const saturationLimit = 4;
/** Loss rises in a row that count as "rising". */
export const risingEpochs = 3;
const sampleSize = 200;
const sigmoidLow = 1 / (1 + Math.exp(saturationLimit));
const sigmoidHigh = 1 / (1 + Math.exp(-saturationLimit));
const tanhHigh = Math.tanh(saturationLimit);

/** How many of `predictions` fall in each of `classes` classes. */
export function predictionCounts(predictions: ArrayLike<number>, classes: number): number[] {
	const counts = Array.from({length: classes}, () => 0);
	for (let i = 0; i < predictions.length; i++) {
		counts[predictions[i]]++;
	}

	return counts;
}

/**
 * The hidden units' health on up to 200 images of `split`, spread evenly over it. A sigmoid or tanh
 * unit counts as saturated when its |pre-activation| passes saturationLimit on more than half of the
 * images; a relu unit as dead when it outputs 0 on every one. Undefined without hidden layers or images.
 */
export function hiddenHealth(ws: Workspace, split: DatasetSplit, sample = sampleSize): HiddenHealth | undefined {
	const {layers, depth} = ws;
	const activation = ws.config.activation;
	const units = layers.slice(1, depth).reduce((s, n) => s + n, 0);
	const images = Math.min(sample, split.count);
	if (units === 0 || images === 0) {
		return undefined;
	}

	const hits = new Int32Array(units); // per unit: images on which it is saturated (or alive, for relu)
	const step = split.count / images;
	for (let k = 0; k < images; k++) {
		ws.setInput(split.images, Math.floor(k * step));
		ws.forward();
		for (let l = 1, u = 0; l < depth; l++) {
			const a = ws.acts[l];
			for (let j = 0; j < layers[l]; j++, u++) {
				if (unitHit(activation, a[j])) {
					hits[u]++;
				}
			}
		}
	}

	let unhealthy = 0;
	for (const h of hits) {
		if (activation === 'relu' ? h === 0 : h * 2 > images) {
			unhealthy++;
		}
	}

	return {kind: activation === 'relu' ? 'dead' : 'saturated', units, unhealthy, images};
}

/** Saturated (sigmoid, tanh) or alive (relu), judged from the activation value a. */
function unitHit(activation: Workspace['config']['activation'], a: number): boolean {
	switch (activation) {
		case 'sigmoid': {
			return a < sigmoidLow || a > sigmoidHigh;
		}

		case 'tanh': {
			return Math.abs(a) > tanhHigh;
		}

		case 'relu': {
			return a > 0;
		}
	}
}

/** Whether the last `epochs` epochs each ended with a higher loss than the one before. */
export function lossRising(losses: readonly number[], epochs = risingEpochs): boolean {
	if (losses.length <= epochs) {
		return false;
	}

	for (let i = losses.length - epochs; i < losses.length; i++) {
		if (!(losses[i] > losses[i - 1])) {
			return false;
		}
	}

	return true;
}

/** The warnings an epoch's check and the loss history call for, in words (no flag names). */
export function diagnose(check: EpochCheck | undefined, losses: readonly number[], classNames: readonly string[]): Warning[] {
	const warnings: Warning[] = [];
	if (check !== undefined) {
		const total = check.predicted.reduce((s, v) => s + v, 0);
		const never = classNames.filter((_, c) => (check.predicted[c] ?? 0) === 0);
		if (total > 0 && never.length > 0) {
			const which = never.length === 1 ? `class ${never[0]}` : `classes ${never.join(', ')}`;
			warnings.push({kind: 'never-predicted', message: `never predicts ${which} on the ${total} test images`, brief: `never predicts ${never.length > 3 ? `${never.length} classes` : never.join(',')}`});
		}

		const hidden = check.hidden;
		if (hidden !== undefined && hidden.unhealthy * 2 > hidden.units) {
			const share = `${hidden.unhealthy} of ${hidden.units}`;
			const short = `${hidden.unhealthy}/${hidden.units}`;
			warnings.push(hidden.kind === 'dead'
				? {kind: 'dead', message: `${share} hidden units are dead (output 0 on all of ${hidden.images} test images): they no longer learn`, brief: `${short} units dead`}
				: {kind: 'saturated', message: `${share} hidden units are saturated (|input| > ${saturationLimit} on most of ${hidden.images} test images): they learn slowly`, brief: `${short} units saturated`});
		}
	}

	if (lossRising(losses)) {
		warnings.push({kind: 'loss-rising', message: `the loss rose ${risingEpochs} epochs in a row: the learning rate may be too high`, brief: `loss up ${risingEpochs} epochs running`});
	}

	return warnings;
}

/**
 * The warning for epoch `epoch` diverging (its loss or weights became NaN or Infinity), with the failure's
 * whole message (what went wrong and what to try) as its sentence.
 */
export function divergenceWarning(epoch: number, message: string): Warning {
	return {kind: 'diverged', message, brief: `diverged in epoch ${epoch}`};
}
