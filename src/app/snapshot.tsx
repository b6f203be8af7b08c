/**
 * The static snapshot printed when stdout is not a terminal: the three views, drawn by the same
 * components as the terminal UI, one after the other, every weight tile and class map included.
 */
import {Box, renderToString, Text} from 'ink';
import type {Dataset} from '../data/dataset.js';
import type {Model} from '../model/model.js';
import type {ColorDepth} from '../render/color-depth.js';
import {ExamplesTab} from '../components/ExamplesTab.js';
import {MapsTab} from '../components/MapsTab.js';
import {WeightsTab} from '../components/WeightsTab.js';
import {computeLayout} from './layout.js';
import {classify} from './model-view.js';

export function staticSnapshot(model: Model, dataset: Dataset, depth: ColorDepth, columns: number): string {
	const image = {rows: dataset.rows, cols: dataset.cols};
	const width = Math.max(60, columns);
	// Tall enough that every tile is on the one page.
	const layout = computeLayout({columns: width, rows: 100_000}, false, image, false);
	const result = classify(model.current, model.config, dataset.test, 0);
	const last = model.history.at(-1);
	const accuracy = last === undefined ? 'untrained network' : `test accuracy ${(last.testAccuracy * 100).toFixed(2)}% after epoch ${last.epoch}`;
	const c = model.config;
	const common = {current: model.current, initial: model.initial, version: 0, epoch: model.position.epoch, layout, depth, image, keys: false};
	return renderToString(
		<Box flexDirection='column' width={width - 1}>
			<Text bold>{`nnviz-tui · [${c.layers.join(',')}] ${c.activation}/${c.output}, ${c.cost} · ${dataset.name} · ${model.position.epoch} epochs`}</Text>
			<Text> </Text>
			<ExamplesTab split={dataset.test} rows={image.rows} cols={image.cols} index={0} result={result} classNames={dataset.classNames} depth={depth} width={width - 1} height={Math.ceil(image.rows / 2) + 3} epochLabel={accuracy} summary={undefined} goto={null} hint='none'/>
			<Text> </Text>
			<WeightsTab {...common} selected={-1} sharedScale={false} untrained={false} change={false}/>
			<Text> </Text>
			<MapsTab {...common} classNames={dataset.classNames} selected={-1} untrained={false} change={false}/>
		</Box>,
		{columns: width},
	) + '\n';
}
