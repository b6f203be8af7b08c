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

/** Nielsen's chapter-1 network: [784,30,10], sigmoid, quadratic cost, mini-batch 10, eta 3.0. */
export const defaultConfig: TrainConfig = {
	layers: [784, 30, 10],
	activation: 'sigmoid',
	output: 'sigmoid',
	cost: 'quadratic',
	init: 'large',
	batch: 10,
	eta: 3,
	lambda: 0,
	momentum: 0,
	seed: 1,
};
