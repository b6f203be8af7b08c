/**
 * Fashion-MNIST (Zalando) from a folder of the four IDX files, laid out and split like MNIST.
 *
 * Debian's package dataset-fashion-mnist installs the files, gzipped and under the MNIST names, flat in
 * /usr/share/datasets/fashion-mnist: train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,
 * t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz.
 */
import type {Dataset} from './dataset.js';
import {loadIdxFolder} from './idx-folder.js';

/** Where Debian's dataset-fashion-mnist package puts the files. */
export const defaultFashionMnistDir = '/usr/share/datasets/fashion-mnist';

/** Class names, index = label. */
export const fashionMnistClassNames = [
	'T-shirt/top',
	'Trouser',
	'Pullover',
	'Dress',
	'Coat',
	'Sandal',
	'Shirt',
	'Sneaker',
	'Bag',
	'Ankle boot',
] as const;

/** Load Fashion-MNIST from `dir` (Debian's folder unless given); the dataset's name is 'fashion-mnist'. */
export function loadFashionMnist(dir: string = defaultFashionMnistDir): Dataset {
	return loadIdxFolder(dir, {name: 'fashion-mnist', classNames: fashionMnistClassNames});
}
