/** What a figure is drawn from: a model's network at one epoch, its history and (for some views) the test set. */
import type {DatasetSplit} from '../data/dataset.js';
import type {EpochRecord} from '../model/model.js';
import type {TrainConfig} from '../nn/config.js';
import type {AttributionKind} from '../nn/explain.js';
import type {Parameters} from '../nn/network.js';
import type {Canvas} from './canvas.js';

export const figureViews = ['weights', 'maps', 'class-models', 'example', 'confusion', 'curves'] as const;
export type FigureView = typeof figureViews[number];

export type FigureSource = {
	readonly config: TrainConfig;
	/** The weights at `epoch`. */
	readonly parameters: Parameters;
	/** The epoch the weights are from (0 = untrained). */
	readonly epoch: number;
	/** The images' shape: rows x cols = config.layers[0]. */
	readonly rows: number;
	readonly cols: number;
	/** Names of the classes, index = label. */
	readonly classNames: readonly string[];
	/** One record per completed epoch. */
	readonly history: readonly EpochRecord[];
	/** The test set: needed by 'example' and 'confusion'. */
	readonly test?: DatasetSplit;
	/** The test image 'example' shows (default 0). */
	readonly index?: number;
	/** The kind of attribution map 'example' draws (default gradient x input). */
	readonly attribution?: AttributionKind;
};

/** A figure: its pixels and the numbers behind it (what --json prints). */
export type Figure<Numbers = unknown> = {readonly canvas: Canvas; readonly numbers: Numbers};
