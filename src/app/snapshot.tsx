/**
 * The static snapshot printed when stdout is not a terminal: the four views, drawn by the same
 * components as the terminal UI, one after the other, every weight tile and class map included.
 */
import {Box, renderToString, Text} from 'ink';
import type {Dataset} from '../data/dataset.js';
import type {Model} from '../model/model.js';
import type {ColorDepth} from '../render/color-depth.js';
import {ConfusionTab} from '../components/ConfusionTab.js';
import {ExamplesTab} from '../components/ExamplesTab.js';
import {MapsTab} from '../components/MapsTab.js';
import {WeightsTab} from '../components/WeightsTab.js';
import {classify} from './model-view.js';
import {analyse} from './test-analysis.js';
import {tileLayout} from './tile-layout.js';

/** How to read the tiles' colours (the terminal UI's detail panel has a scale bar instead). */
export function colourLegend(depth: ColorDepth): string {
	return depth === 'none' ? 'shades: ░▒▓█ positive, .-=# negative, blank 0' : 'blue negative · dark 0 · orange positive';
}

export function staticSnapshot(model: Model, dataset: Dataset, depth: ColorDepth, columns: number): string {
	const image = {rows: dataset.rows, cols: dataset.cols};
	const width = Math.max(80, columns) - 1;
	const result = classify(model.current, model.config, dataset.test, 0);
	const analysis = analyse(model.current, model.config, dataset.test);
	const epoch = model.position.epoch;
	const epochLabel = epoch === 0 ? 'untrained network' : `epoch ${epoch}`;
	const c = model.config;
	const common = {
		current: model.current, initial: model.initial, version: 0, epoch, depth, image, keys: false, width,
		classNames: dataset.classNames, analysis, untrained: false, change: false, selected: -1,
	};
	// Every tile on one page, the overview only as tall as its tiles.
	const tall = (count: number, twoSets: boolean): number => tileLayout({width, height: 10_000, count, twoSets, image, detail: false, bounded: false}).overview.height;
	const nameWidth = Math.max(...dataset.classNames.map(name => name.length));
	return renderToString(
		<Box flexDirection='column' width={width}>
			<Text bold>{`nnviz-tui · [${c.layers.join(',')}] ${c.activation}/${c.output}, ${c.cost} · ${dataset.name} · ${epoch} epochs`}</Text>
			<ExamplesTab
				split={dataset.test} rows={image.rows} cols={image.cols} index={0} result={result} classNames={dataset.classNames} depth={depth}
				width={width} height={Math.max(dataset.classNames.length * 2 + 7, Math.ceil(image.rows / 2) + 3)} epochLabel={epochLabel} summary={analysis} goto={null} hint='none'
			/>
			<WeightsTab {...common} height={tall(model.config.layers[1], false)} sharedScale={false}/>
			<Text>{`${colourLegend(depth)} · each tile its own scale · B bias, I influence (mean weight)`}</Text>
			<MapsTab {...common} height={tall(dataset.classNames.length, true)}/>
			<ConfusionTab
				analysis={analysis} progress={1} classNames={dataset.classNames} split={dataset.test} image={image} width={width}
				height={dataset.classNames.length + 7 + (nameWidth > 0 ? 0 : 0)} cursor={{row: 0, col: 0}} open={false} item={0} focused={false} depth={depth} epochLabel={epochLabel}
			/>
		</Box>,
		{columns: width + 1},
	) + '\n';
}
