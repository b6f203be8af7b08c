/**
 * The commands as the command line hands them over, checked and typed. The command line (src/cli)
 * builds them; the commands and the terminal UI read them, without knowing how flags are spelled.
 */
import type {FigureView} from '../figures/source.js';
import type {PresetName, TrainConfig} from '../nn/config.js';
import type {KernelChoice} from '../nn/engine.js';
import type {AttributionKind} from '../nn/explain.js';
import type {ColorFlag} from '../render/color-depth.js';

/** Where the data comes from, as the flags say (undefined = not given). */
export type DataOptions = {readonly dataset?: 'mnist' | 'fashion-mnist'; readonly data?: string};

/** How a new network is configured: a preset (undefined = the default one), then single values over it. */
export type NetworkChoice = {
	/** The preset named on the command line, if any. */
	readonly preset?: PresetName;
	/** The hyperparameters given one by one on the command line, and only those. */
	readonly overrides: Partial<TrainConfig>;
};

export type TrainCommand = NetworkChoice & {
	readonly kind: 'train';
	readonly data: DataOptions;
	readonly epochs: number;
	readonly save?: string;
	readonly resume?: string;
	readonly force: boolean;
	readonly json: boolean;
	/** --kernels: the kernels to train with ('auto': the fastest that works here). */
	readonly kernels: KernelChoice;
};
export type EvalCommand = {readonly kind: 'eval'; readonly model: string; readonly data: DataOptions; readonly json: boolean; readonly kernels: KernelChoice};
export type InfoCommand = {readonly kind: 'info'; readonly model: string; readonly json: boolean};
/** No subcommand: the terminal UI (or, when stdout is not a terminal, a static snapshot). */
export type TuiCommand = NetworkChoice & {
	readonly kind: 'tui';
	readonly model?: string;
	readonly save?: string;
	readonly force: boolean;
	readonly data: DataOptions;
	/** Epochs each press of t trains before training stops by itself. */
	readonly epochs: number;
	readonly color: ColorFlag;
	/** --kernels: the kernels the training worker uses. */
	readonly kernels: KernelChoice;
};
export type Command =
	| TrainCommand | EvalCommand | InfoCommand | TuiCommand | ExportCommand
	| {readonly kind: 'help'} | {readonly kind: 'version'};

/** `export` (a PNG, or --json) and `show` (on the terminal, or --json): one view of a model file. */
export type ExportCommand = {
	readonly kind: 'export' | 'show';
	readonly model: string;
	readonly view: FigureView;
	/** The saved epoch whose weights to draw (undefined: the latest). */
	readonly epoch?: number;
	/** The test image of --view example (undefined: 0). */
	readonly index?: number;
	/** The attribution maps of --view example (undefined: gradient x input). */
	readonly attribution?: AttributionKind;
	/** show: the colour depth asked for (undefined: auto). */
	readonly color?: ColorFlag;
	/** export: the PNG to write (undefined with --json: numbers only). */
	readonly output?: string;
	readonly data: DataOptions;
	readonly json: boolean;
	/** Let -o replace an existing file. */
	readonly force: boolean;
};
