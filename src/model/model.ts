/**
 * A trained (or partly trained) network as it is saved to and loaded from a model file: the
 * configuration, the dataset it was trained on, its weights now, before training and after every
 * epoch, the per-epoch history and what is needed to resume training bit for bit.
 */
import type {TrainConfig} from '../nn/config.js';
import type {Parameters} from '../nn/network.js';

/** What happened in one epoch. Accuracies are fractions correct, 0..1. */
export type EpochRecord = {
	epoch: number; // 1-based
	seconds: number;
	trainLoss: number;
	validationAccuracy: number;
	testAccuracy: number;
};

/** The dataset a model was trained on, enough to check that a dataset given later fits it. */
export type DatasetInfo = {
	name: string;
	classNames: string[]; // index = label; length = output layer size
	rows: number;
	cols: number; // rows * cols = input layer size
	trainCount: number;
	validationCount: number;
	testCount: number;
	/** sha256 (hex) of the labels of the training, validation and test sets, in that order: tells datasets of the same size apart. */
	fingerprint?: string;
};

/** Where training stands, so that resuming continues exactly as an uninterrupted run would. */
export type TrainingPosition = {
	epoch: number; // completed epochs
	rng: number[]; // generator state: 4 uint32 values, not all zero
	velocity: Parameters | null; // momentum buffers, same shapes as the weights; null when momentum is 0 (or none yet)
};

/** The weights after one epoch. */
export type EpochSnapshot = {
	readonly epoch: number; // 1-based
	readonly parameters: Parameters;
};

export type Model = {
	config: TrainConfig;
	dataset: DatasetInfo;
	current: Parameters; // weights now
	initial: Parameters; // weights before any training (the untrained network)
	/** Weights after completed epochs, in epoch order: every epoch, or those the thinning rule keeps (snapshot-thinning.ts). */
	snapshots: EpochSnapshot[];
	history: EpochRecord[]; // one per completed epoch
	position: TrainingPosition;
};

/** The `format` metadata value that marks a safetensors file as one of our models. */
export const modelFormat = 'nnviz-tui-model';
/** The model file version this build writes; it reads this one and version 1 (history as JSON metadata). */
export const modelVersion = '2';
/** The older version still read: the per-epoch history is JSON in metadata "history", not a tensor. */
export const modelVersion1 = '1';
