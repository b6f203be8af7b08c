import {Box, Text, useApp} from 'ink';
import {useEffect, useMemo} from 'react';
import type {Dataset} from '../data/dataset.js';
import type {Model} from '../model/model.js';
import type {ColorDepth} from '../render/color-depth.js';
import {ExamplesTab} from '../components/ExamplesTab.js';
import {HelpOverlay} from '../components/HelpOverlay.js';
import {MapsTab} from '../components/MapsTab.js';
import {StatusLine} from '../components/StatusLine.js';
import {TabBar} from '../components/TabBar.js';
import {TrainingPane} from '../components/TrainingPane.js';
import {WeightsTab} from '../components/WeightsTab.js';
import {keyOf} from './key-map.js';
import {computeLayout, minColumns, minRows} from './layout.js';
import {classify} from './model-view.js';
import {type Counts, initialState, reducer} from './state.js';
import {theme} from './theme.js';
import type {TrainingClient} from '../training/client.js';
import {initialTraining, trainingReducer} from './training-view.js';
import {useCommands} from './use-commands.js';
import {useKeys} from './use-keys.js';
import {createStore, useStore} from './use-store.js';
import {useTerminalSize} from './use-terminal-size.js';
import {useTestAccuracy} from './use-test-accuracy.js';

export type AppProps = {
	readonly model: Model;
	readonly dataset: Dataset;
	readonly client: TrainingClient;
	readonly depth: ColorDepth;
	readonly savePath: string | undefined;
	/** Why training cannot run here (a model opened on other data), or undefined. */
	readonly trainingBlocked?: string;
};

/** The root: state, training events and keys in; the tab bar, the active tab and the side pane out. */
export function App({model, dataset, client, depth, savePath, trainingBlocked}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize();
	// Stores, not useReducer: keys that arrive in one read are handled before React renders again.
	const [ui, uiStore] = useStore(() => createStore(reducer, initialState(size)));
	const [training, trainingStore] = useStore(() => createStore(trainingReducer, initialTraining(model.current, model.history, model.position.epoch, dataset.train.count, client.epochs)));
	const image = {rows: dataset.rows, cols: dataset.cols};
	const counts: Counts = {
		examples: dataset.test.count, neurons: model.config.layers[1], classes: dataset.classNames.length, imageRows: image.rows, imageCols: image.cols,
		cellItems: 0, listPerRow: 1, listPerPage: 1,
	};

	useEffect(() => {
		uiStore.dispatch({type: 'resize', size});
	}, [uiStore, size]);
	useEffect(() => client.subscribe(event => {
		trainingStore.dispatch({type: 'event', event});
	}), [client, trainingStore]);

	const {onCommand, onPromptKey, question} = useCommands({model, dataset, client, savePath, trainingBlocked, ui: uiStore, training: trainingStore, counts, exit});
	useKeys(uiStore, {onCommand, onPromptKey});

	const layout = computeLayout(ui.size, ui.paneOpen, image);
	// Evaluated after the first frame, in slices (a large network takes many seconds), while no epoch is done.
	const untrained = useTestAccuracy(model.current, model.config, dataset.test, training.history.length === 0);
	const parameters = training.current; // a new object for every update of the weights
	const result = useMemo(() => classify(parameters, model.config, dataset.test, ui.example), [parameters, model.config, dataset.test, ui.example]);
	if (layout.tooSmall) {
		return <Text color={theme.warning}>{`nnviz-tui needs ${minColumns}x${minRows} or more (now ${size.columns}x${size.rows}); ${keyOf('quit')} quits`}</Text>;
	}

	const last = training.history.at(-1);
	const accuracyText = last === undefined
		? (untrained.accuracy === undefined
			? `computing the test accuracy… ${Math.floor(untrained.progress * 100)}% (untrained network; ${keyOf('toggleTraining')} trains it)`
			: `test accuracy ${(untrained.accuracy * 100).toFixed(2)}% (untrained network; ${keyOf('toggleTraining')} trains it)`)
		: `test accuracy ${(last.testAccuracy * 100).toFixed(2)}% after epoch ${last.epoch}${training.status === 'running' ? ' (training: the view updates live)' : ''}`;
	if (ui.help) {
		return <Box height={size.rows - 1} width={size.columns - 1}><HelpOverlay/></Box>;
	}

	return (
		<Box flexDirection='column' height={size.rows - 1} width={size.columns - 1}>
			<TabBar active={ui.tab} focused={ui.focus === 'tabs'}/>
			<Text color={theme.muted}>{'─'.repeat(size.columns - 1)}</Text>
			<Box flexGrow={1}>
				{!layout.paneInstead && <Box flexDirection='column' width={layout.contentWidth} height={layout.contentHeight} overflow='hidden'>{renderTab()}</Box>}
				{layout.pane && <Box marginLeft={layout.paneInstead ? 0 : 1}><TrainingPane training={training} savePath={savePath ?? training.savedTo} height={layout.contentHeight}/></Box>}
			</Box>
			<StatusLine focus={ui.focus} message={question ?? training.message} savePrompt={ui.prompt?.kind === 'save' ? ui.prompt : null} width={size.columns - 1}/>
		</Box>
	);

	function renderTab() {
		switch (ui.tab) {
			case 'examples': {
				return (
					<ExamplesTab
						split={dataset.test} rows={image.rows} cols={image.cols} index={ui.example} result={result} classNames={dataset.classNames} depth={depth}
						width={layout.contentWidth} height={layout.contentHeight} epochLabel={accuracyText} summary={undefined} progress={untrained.progress}
						goto={ui.prompt?.kind === 'goto' ? ui.prompt.text : null} hint={ui.focus === 'content' ? 'keys' : 'enter'} focused={ui.focus === 'content'}
					/>
				);
			}

			case 'weights': {
				return <WeightsTab current={training.current} initial={model.initial} version={training.version} epoch={training.epoch} layout={layout} selected={ui.tile} sharedScale={ui.sharedScale} untrained={ui.untrained} change={ui.change} depth={depth} image={image}/>;
			}

			case 'confusion': {
				return <Text>confusion</Text>;
			}

			case 'maps': {
				return <MapsTab current={training.current} initial={model.initial} version={training.version} epoch={training.epoch} classNames={dataset.classNames} layout={layout} selected={ui.map} untrained={ui.untrained} change={ui.change} depth={depth} image={image}/>;
			}
		}
	}
}
