import type {EvalCommand} from './command-types.js';
import {diagnose, hiddenHealth} from '../nn/diagnostics.js';
import {createEngine} from '../nn/engine.js';
import {resolveKernels} from './kernels.js';
import {evaluatePredictions} from '../nn/evaluate.js';
import {Workspace} from '../nn/workspace.js';
import {readModelFile} from '../model/model-file.js';
import {checkDatasetFits} from '../model/model-dataset.js';
import {chooseDataset} from './choose-dataset.js';
import {count, percent, shown, table} from './format.js';
import type {CommandIo} from './io.js';

/** `nnviz-tui eval`: test accuracy, per-class accuracy and confusion matrix of a model file. */
export function runEval(command: EvalCommand, io: CommandIo): number {
	const model = readModelFile(command.model);
	const dataset = chooseDataset(command.data, model, io.env, command.model);
	checkDatasetFits(model.config.layers, dataset);
	if (dataset.name !== model.dataset.name) {
		io.stderr.write(shown(`note: ${command.model} was trained on ${model.dataset.name}; evaluating it on ${dataset.name}\n`));
	}

	const kernels = resolveKernels(command.kernels);
	const engine = createEngine(kernels, model.config, model.current);
	const result = evaluatePredictions(engine.predict(dataset.test), dataset.test, model.config.layers.at(-1)!);
	// The hidden units' health reads activations: the JavaScript workspace, on a sample of the test set.
	const ws = Workspace.create(model.config, model.current);
	const names = dataset.classNames;
	const predicted = names.map((_, c) => result.confusion.reduce((s, row) => s + row[c], 0));
	const warnings = diagnose({predicted, hidden: hiddenHealth(ws, dataset.test)}, model.history.map(r => r.trainLoss), names);
	if (command.json) {
		io.stdout.write(shown(`${JSON.stringify({
			model: command.model,
			epochs: model.position.epoch,
			dataset: dataset.name,
			split: 'test',
			kernels,
			count: result.count,
			correct: result.correct,
			accuracy: result.accuracy,
			classNames: names,
			perClass: result.perClass.map(v => (Number.isNaN(v) ? null : v)),
			confusion: result.confusion,
			warnings: warnings.map(({kind, message}) => ({kind, message})),
		})}\n`));
		return 0;
	}

	const lines = [
		`${command.model} (${model.position.epoch} epochs) on the ${dataset.name} test set, ${dataset.source}`,
		`test accuracy ${percent(result.accuracy)} (${count(result.correct)} of ${count(result.count)})`,
		...warnings.map(w => `warning: ${w.message}`),
		'',
		table([['class', 'accuracy', 'correct', 'of'], ...names.map((name, c) => {
			const row = result.confusion[c];
			return [name, percent(result.perClass[c]), String(row[c]), String(row.reduce((s, v) => s + v, 0))];
		})]),
		'confusion matrix (rows: true class, columns: predicted class)',
		table([['', ...names.map((_, c) => String(c))], ...result.confusion.map((row, c) => [names[c] === String(c) ? names[c] : `${c} ${names[c]}`, ...row.map(String)])]),
	];
	io.stdout.write(shown(lines.join('\n')));
	return 0;
}
