// What a first run shows: the network nnviz-tui starts with by default (no flags), trained 30 epochs
// on the embedded digits over seeds 1-5, against the seed's chapter-1 network in the same run.
// Per seed: test accuracy, the weakest class, and map likeness (the Pearson correlation between each
// class's generalized image and that class's mean test image minus the mean of all test images,
// averaged over the classes). Targets for the default: accuracy >= 93%, every class >= 80%,
// likeness >= 0.5.
//   usage: npm run build && nice node bench/first-run.mjs [epochs=30] [seeds=1,2,3,4,5]
import {project} from './common.mjs';

const {loadDataset} = await project('data/load.js');
const {defaultPreset, newConfig} = await project('nn/config.js');
const {createModel} = await project('model/model-dataset.js');
const {Trainer} = await project('training/trainer.js');
const {classMaps} = await project('nn/class-maps.js');
const {classContrasts, mapLikeness} = await project('nn/map-likeness.js');
const {evaluate} = await project('nn/evaluate.js');
const {Workspace} = await project('nn/workspace.js');

const epochs = Number(process.argv[2] ?? 30);
const seeds = (process.argv[3] ?? '1,2,3,4,5').split(',').map(Number);
const targets = {accuracy: 0.93, weakest: 0.8, likeness: 0.5};
const dataset = loadDataset({dataset: 'mnist', env: {}});
const pixels = dataset.rows * dataset.cols;
const contrasts = classContrasts(dataset.test, pixels, dataset.classNames.length);
const pct = x => `${(x * 100).toFixed(2)}%`;

async function trainOne(preset, seed) {
	const config = newConfig(preset, {seed});
	const model = createModel(config, dataset);
	const trainer = new Trainer(model, dataset);
	for (let e = 0; e < epochs; e++) {
		await trainer.runEpoch();
	}

	const result = evaluate(Workspace.create(config, model.current), dataset.test);
	const weakest = result.perClass.reduce((w, v, c) => (v < result.perClass[w] ? c : w), 0);
	const likeness = mapLikeness(classMaps(model.current), contrasts).mean;
	return {accuracy: result.accuracy, weakest, weakestAccuracy: result.perClass[weakest], likeness, warnings: trainer.warnings()};
}

async function workload(label, preset) {
	const c = newConfig(preset);
	console.log(`${label}: [${c.layers}] ${c.activation}/${c.output}, ${c.cost}, ${c.init} init, batch ${c.batch}, eta ${c.eta}, lambda ${c.lambda}; ${epochs} epochs on ${dataset.name} (${dataset.train.count} train, ${dataset.test.count} test)`);
	const rows = [];
	for (const seed of seeds) {
		const r = await trainOne(preset, seed);
		rows.push(r);
		const warned = r.warnings.length > 0 ? `  warnings: ${r.warnings.map(w => w.brief).join('; ')}` : '';
		console.log(`  seed ${seed}: test accuracy ${pct(r.accuracy)}  weakest class ${dataset.classNames[r.weakest]} ${pct(r.weakestAccuracy)}  map likeness ${r.likeness.toFixed(3)}${warned}`);
	}

	const span = key => `${Math.min(...rows.map(r => r[key])).toFixed(4)}-${Math.max(...rows.map(r => r[key])).toFixed(4)}`;
	console.log(`  over seeds ${seeds.join(',')}: accuracy ${span('accuracy')}, weakest class ${span('weakestAccuracy')}, likeness ${span('likeness')}`);
	return rows;
}

const main = await workload(`default (no flags: --preset ${defaultPreset})`, undefined);
await workload('baseline (--preset nielsen-ch1, the seed\'s network)', 'nielsen-ch1');
const met = (name, ok) => `${name} ${ok ? 'met' : 'NOT met'}`;
console.log(`default against the targets on every seed: ${[
	met(`accuracy >= ${pct(targets.accuracy)}`, main.every(r => r.accuracy >= targets.accuracy)),
	met(`every class >= ${pct(targets.weakest)}`, main.every(r => r.weakestAccuracy >= targets.weakest)),
	met(`likeness >= ${targets.likeness}`, main.every(r => r.likeness >= targets.likeness)),
].join('; ')}`);
