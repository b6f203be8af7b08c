/**
 * MNIST from a folder of the four standard IDX files (raw or gzipped), split 50,000 / 10,000 / 10,000
 * for the real data (see `idx-folder.ts` for the rule on other sizes).
 */
import type {Dataset} from './dataset.js';
import {loadIdxFolder} from './idx-folder.js';

/** Class names of the digits: label n is the digit n. */
export const mnistClassNames = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** Load MNIST from `dir`; the dataset's name is 'mnist' and its source is `dir`. */
export function loadMnist(dir: string): Dataset {
	return loadIdxFolder(dir, {name: 'mnist', classNames: mnistClassNames});
}
