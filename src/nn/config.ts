/** Hidden-layer activation functions. */
export type Activation = 'sigmoid' | 'tanh' | 'relu';
/** Output-layer functions. */
export type OutputFunction = 'sigmoid' | 'softmax';
/** Cost functions: quadratic (Nielsen ch. 1), cross-entropy (ch. 3; log-likelihood with softmax). */
export type Cost = 'quadratic' | 'cross-entropy';
/** Weight initialisation: 'large' = N(0,1) (ch. 1), 'scaled' = N(0,1/n_in) (ch. 3). Biases are N(0,1). */
export type Init = 'large' | 'scaled';

/** Everything that defines a network and how it is trained, apart from the data. */
export type TrainConfig = {
	/** Layer sizes from input to output, e.g. [784, 30, 10]. */
	readonly layers: readonly number[];
	readonly activation: Activation;
	readonly output: OutputFunction;
	readonly cost: Cost;
	readonly init: Init;
	/** Mini-batch size m. */
	readonly batch: number;
	/** Learning rate eta. */
	readonly eta: number;
	/** L2 regularisation lambda (Nielsen's weight decay 1 - eta*lambda/n). */
	readonly lambda: number;
	/** Momentum coefficient mu, 0 = plain SGD. */
	readonly momentum: number;
	/** Seed of the one random generator behind initialisation and every epoch's shuffle. */
	readonly seed: number;
};

export const activations: readonly Activation[] = ['sigmoid', 'tanh', 'relu'];
export const outputFunctions: readonly OutputFunction[] = ['sigmoid', 'softmax'];
export const costs: readonly Cost[] = ['quadratic', 'cross-entropy'];
export const inits: readonly Init[] = ['large', 'scaled'];

/** The hyperparameters a preset fixes: all but the seed. */
export type Preset = Omit<TrainConfig, 'seed'>;
export type PresetName = 'nielsen-ch1' | 'nielsen-ch3';

/**
 * Named starting points. `nielsen-ch1` is the seed's network exactly as NNviewer trained it (Nielsen's
 * chapter 1): quadratic cost and N(0,1) weights, whose hidden units start saturated, so its weights and
 * generalized images rarely show strokes. `nielsen-ch3` adds chapter 3's remedies (cross-entropy cost,
 * N(0,1/n_in) weights, L2) and learns weights with strokes and generalized images with digit outlines.
 */
export const presets: Readonly<Record<PresetName, Preset>> = {
	'nielsen-ch1': {
		layers: [784, 30, 10], activation: 'sigmoid', output: 'sigmoid', cost: 'quadratic', init: 'large',
		batch: 10, eta: 3, lambda: 0, momentum: 0,
	},
	// eta 0.1, not the book's 0.5: on the 8,006 embedded training digits 0.5 leaves some seeds' 30th
	// epoch with a class under 80% (the last steps jump about); 0.1 holds every class above it.
	'nielsen-ch3': {
		layers: [784, 30, 10], activation: 'sigmoid', output: 'sigmoid', cost: 'cross-entropy', init: 'scaled',
		batch: 10, eta: 0.1, lambda: 5, momentum: 0,
	},
};
export const presetNames = Object.keys(presets) as PresetName[];
/** The preset of a new network when none is named: the one that shows the pictures. */
export const defaultPreset: PresetName = 'nielsen-ch3';
export const defaultSeed = 1;

/** The config of a new network: the preset (default: defaultPreset), then the given values over it. */
export function newConfig(preset: PresetName | undefined, overrides: Partial<TrainConfig> = {}): TrainConfig {
	return {...presets[preset ?? defaultPreset], seed: defaultSeed, ...overrides};
}

/** The default network: defaultPreset with seed 1. */
export const defaultConfig: TrainConfig = newConfig(undefined);
