import {Box, useApp} from 'ink';
import {useEffect, useMemo, useRef} from 'react';
import {CanvasTab} from '../components/CanvasTab.js';
import type {Dataset} from '../data/dataset.js';
import type {Model} from '../model/model.js';
import type {ColorDepth} from '../render/color-depth.js';
import {ConfusionTab} from '../components/ConfusionTab.js';
import {ExamplesTab} from '../components/ExamplesTab.js';
import {HelpOverlay} from '../components/HelpOverlay.js';
import {MapsTab} from '../components/MapsTab.js';
import {StatusLine} from '../components/StatusLine.js';
import {TabBar} from '../components/TabBar.js';
import {isUntrainedNetwork} from '../components/TileTab.js';
import {Timeline} from '../components/Timeline.js';
import {TooSmall} from '../components/TooSmall.js';
import {TrainingPane} from '../components/TrainingPane.js';
import {TrainingStrip} from '../components/TrainingStrip.js';
import {WeightsTab} from '../components/WeightsTab.js';
import type {TrainingClient} from '../training/client.js';
import {type CanvasPlacement, canvasPointAt, type Point, type StrokeMode} from './canvas.js';
import {canvasLayout, contentTop} from './canvas-layout.js';
import {confusionLayout} from './confusion-layout.js';
import {computeLayout, type Layout} from './layout.js';
import {classify} from './model-view.js';
import {type Counts, initialState, reducer} from './state.js';
import {cellExamples} from './test-analysis.js';
import {epochUnderWay, initialTraining, trainingReducer} from './training-view.js';
import {useCommands} from './use-commands.js';
import {useEpochParameters} from './use-epoch-parameters.js';
import type {MouseReport} from './mouse.js';
import {useKeys} from './use-keys.js';
import {createStore, useStore} from './use-store.js';
import {useTerminalSize} from './use-terminal-size.js';
import {useTestAnalysis} from './use-test-analysis.js';
import {useThrottled} from './use-throttled.js';

/** After a key, training's progress waits this long, so the key's frame is not queued behind a redraw of the training's. */
const keyQuietMs = 500;

/** Least time between two analyses of the test set while training runs. */
const liveAnalysisMs = 1000;
// While training runs, the class models (a sixth of a second of the main thread a set) follow the weights every 3 s.
const liveClassModelMs = 3000;

export type AppProps = {
	readonly model: Model;
	readonly dataset: Dataset;
	readonly client: TrainingClient;
	readonly depth: ColorDepth;
	readonly savePath: string | undefined;
	/** Why training cannot run here (a model opened on other data), or undefined. */
	readonly trainingBlocked?: string;
	/** Turn the terminal's mouse reporting on or off: on while the draw tab shows its canvas. */
	readonly setMouse?: (on: boolean) => void;
};

/** Where the draw tab's canvas is on the screen, as the tab lays it out; undefined when it is not shown. */
export function canvasPlacement(layout: Layout, image: {rows: number; cols: number}, classes: number, nameWidth: number): CanvasPlacement | undefined {
	if (layout.tooSmall || layout.dashboard === 'instead') {
		return undefined;
	}

	const {canvas, zoom} = canvasLayout(layout.contentWidth, layout.contentHeight, image, classes, nameWidth);
	// Inside the panel's border.
	return {left: canvas.left + 1, top: contentTop + canvas.top + 1, zoom, rows: image.rows, cols: image.cols};
}

/**
 * A mouse report as a pointer action on the canvas: the left button paints, the right one erases; a
 * press off the canvas is nothing, a drag that leaves it stays on its edge. Undefined for nothing.
 */
export function pointerAction(report: MouseReport, placement: CanvasPlacement, dragging: StrokeMode | undefined): {kind: 'press' | 'drag' | 'release'; point: Point; mode: StrokeMode} | undefined {
	const {left, top, zoom, rows, cols} = placement;
	const mode: StrokeMode | undefined = report.button === 0 ? 'paint' : (report.button === 2 ? 'erase' : undefined);
	const edge = (value: number, low: number, count: number): number => Math.max(low, Math.min(low + count - 1, value));
	const onEdge = canvasPointAt(placement, edge(report.x, left, cols * zoom), edge(report.y, top, Math.ceil((rows * zoom) / 2)))!;
	switch (report.kind) {
		case 'press': {
			const point = canvasPointAt(placement, report.x, report.y);
			return point === undefined || mode === undefined ? undefined : {kind: 'press', point, mode};
		}

		case 'drag': {
			return dragging === undefined ? undefined : {kind: 'drag', point: onEdge, mode: dragging};
		}

		case 'release': {
			return dragging === undefined ? undefined : {kind: 'release', point: onEdge, mode: dragging};
		}

		default: {
			return undefined;
		}
	}
}

/**
 * The root: state, training events and keys in; the tab bar, the timeline, the active tab and the
 * training dashboard (beside the tab, in its place, or folded into a strip) out.
 */
export function App({model, dataset, client, depth, savePath, trainingBlocked, setMouse}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize();
	// Stores, not useReducer: keys that arrive in one read are handled before React renders again.
	const [ui, uiStore] = useStore(() => createStore(reducer, initialState(size, {rows: dataset.rows, cols: dataset.cols})));
	const [training, trainingStore] = useStore(() => createStore(trainingReducer, initialTraining(model.current, model.history, model.position.epoch, dataset.train.count, client.epochs, client.kernels)));
	const image = {rows: dataset.rows, cols: dataset.cols};
	const layout = computeLayout(ui.size, ui.paneOpen, image);
	const nameWidth = Math.max(...dataset.classNames.map(name => name.length));

	useEffect(() => {
		uiStore.dispatch({type: 'resize', size});
	}, [uiStore, size]);
	useEffect(() => client.subscribe(event => {
		trainingStore.dispatch({type: 'event', event});
	}), [client, trainingStore]);

	// The epoch the timeline shows, its weights, and the test set as they classify it (worked out in slices).
	const timeline = useEpochParameters({model, client, training, selected: ui.shownEpoch});
	const shown = timeline.parameters;
	// While training runs, the test set is analysed once a second, not for each of the four weight updates a
	// second: each analysis and the frame it ends with took a tenth of the main thread, and keys waited behind them.
	const analysed = useThrottled(shown, timeline.epoch === 'live' && training.status === 'running' ? liveAnalysisMs : 0);
	const {analysis: fresh, stale, progress} = useTestAnalysis(analysed, model.config, dataset.test, client.kernels);
	const modelled = useThrottled(shown, timeline.epoch === 'live' && training.status === 'running' ? liveClassModelMs : 0);
	const analysis = fresh ?? stale;
	const freshRef = useRef(fresh);
	freshRef.current = fresh;
	const {confusion} = ui;
	const cell = useMemo(() => (analysis === undefined ? new Int32Array(0) : cellExamples(analysis, confusion.row, confusion.col)), [analysis, confusion.row, confusion.col]);
	const list = confusionLayout(layout.contentWidth, layout.contentHeight, dataset.classNames.length, nameWidth, image);
	const counts: Counts = {
		examples: dataset.test.count, neurons: model.config.layers[1], classes: dataset.classNames.length, imageRows: image.rows, imageCols: image.cols,
		cellItems: cell.length, listPerRow: list.thumbPerRow, listPerPage: list.thumbPerPage,
		untrainedNetwork: isUntrainedNetwork({
			current: shown, initial: model.initial, epoch: timeline.epoch === 'live' ? training.epoch : timeline.epoch,
			version: timeline.epoch === 'live' ? training.version : 1,
		}),
	};

	const {onCommand, onPromptKey, question} = useCommands({
		model, client, savePath, trainingBlocked, ui: uiStore, training: trainingStore, counts, exit,
		stepEpoch: timeline.step, analysis: () => freshRef.current, test: dataset.test, image,
	});
	const onMouse = (report: MouseReport): void => {
		const state = uiStore.get();
		const placement = canvasPlacement(computeLayout(state.size, state.paneOpen, image), image, dataset.classNames.length, nameWidth);
		const action = placement === undefined ? undefined : pointerAction(report, placement, state.draw.drag?.mode);
		if (action !== undefined) {
			uiStore.dispatch({type: 'pointer', ...action});
		}
	};

	useKeys(uiStore, {onCommand, onPromptKey, onMouse, onInput: () => {
		client.quietFor(keyQuietMs);
	}});

	// Mouse reporting is on only while the canvas is on screen (it takes over the terminal's selection).
	const canvasShown = ui.tab === 'draw' && !ui.help && canvasPlacement(layout, image, dataset.classNames.length, nameWidth) !== undefined;
	useEffect(() => {
		if (!canvasShown || setMouse === undefined) {
			return undefined;
		}

		setMouse(true);
		return () => {
			setMouse(false);
		};
	}, [canvasShown, setMouse]);

	const result = useMemo(() => classify(shown, model.config, dataset.test, ui.example), [shown, model.config, dataset.test, ui.example]);
	if (layout.tooSmall) {
		return <TooSmall size={size}/>;
	}

	if (ui.help) {
		return <HelpOverlay columns={size.columns - 1} rows={size.rows - 1}/>;
	}

	const underWay = epochUnderWay(training);
	const live = timeline.epoch === 'live';
	const epoch = live ? training.epoch : (timeline.epoch as number);
	let epochLabel = `epoch ${epoch}`;
	if (live) {
		epochLabel = underWay ? `live · epoch ${training.epoch + 1} under way` : `live · epoch ${training.epoch}`;
	} else if (epoch === 0) {
		epochLabel = 'untrained (epoch 0)';
	}

	const focused = ui.focus === 'content';
	const {contentWidth: width, contentHeight: height} = layout;
	const shownSavePath = savePath ?? training.savedTo;
	return (
		<Box flexDirection='column' height={size.rows - 1} width={size.columns - 1}>
			<TabBar active={ui.tab} focused={ui.focus === 'tabs'} dashboard={layout.dashboard === 'instead'}/>
			<Timeline shown={ui.shownEpoch} latest={training.epoch} underWay={underWay} loading={timeline.loading} width={size.columns - 1}/>
			<Box height={height}>
				{layout.dashboard === 'instead'
					? <TrainingPane training={training} savePath={shownSavePath} width={width} height={height} shownEpoch={live ? undefined : epoch}/>
					: <Box flexDirection='column' width={width} height={height} overflowY='hidden'>{renderTab()}</Box>}
				{layout.dashboard === 'side' && (
					<Box marginLeft={1}>
						<TrainingPane training={training} savePath={shownSavePath} width={layout.paneWidth} height={height} shownEpoch={live ? undefined : epoch}/>
					</Box>
				)}
			</Box>
			{layout.dashboard === 'strip' && <TrainingStrip training={training} savePath={shownSavePath} width={size.columns - 1} height={layout.stripHeight} shownEpoch={live ? undefined : epoch}/>}
			<StatusLine focus={ui.focus} tab={ui.tab} listOpen={ui.confusion.open} dashboard={layout.dashboard === 'instead'} message={question ?? training.message} savePrompt={ui.prompt?.kind === 'save' ? ui.prompt : null} width={size.columns - 1}/>
		</Box>
	);

	function renderTab() {
		const common = {
			current: shown, initial: model.initial, version: live ? training.version : 1, epoch, width, height, depth, image,
			classNames: dataset.classNames, analysis, progress, focused, untrained: ui.untrained, change: ui.change,
		};
		switch (ui.tab) {
			case 'examples': {
				return (
					<ExamplesTab
						split={dataset.test} rows={image.rows} cols={image.cols} index={ui.example} result={result} classNames={dataset.classNames} depth={depth}
						width={width} height={height} epochLabel={epochLabel} summary={analysis} progress={progress}
						goto={ui.prompt?.kind === 'goto' ? ui.prompt.text : null} hint={focused ? 'keys' : 'enter'} focused={focused}
						parameters={shown} config={model.config} attribution={ui.attribution}
					/>
				);
			}

			case 'weights': {
				return <WeightsTab {...common} selected={ui.tile} sharedScale={ui.sharedScale} split={dataset.test}/>;
			}

			case 'maps': {
				return <MapsTab {...common} selected={ui.map} split={dataset.test} config={model.config} classModels={ui.classModels} modelParameters={modelled}/>;
			}

			case 'confusion': {
				return (
					<ConfusionTab
						analysis={fresh} stale={stale} progress={progress} classNames={dataset.classNames} split={dataset.test} image={image}
						width={width} height={height} cursor={confusion} open={confusion.open} item={confusion.item} focused={focused}
						depth={depth} epochLabel={epochLabel}
					/>
				);
			}

			case 'draw': {
				return (
					<CanvasTab
						draw={ui.draw} parameters={shown} config={model.config} classNames={dataset.classNames} labels={dataset.test.labels}
						test={{images: dataset.test.images, example: ui.example}}
						attribution={ui.attribution} depth={depth} width={width} height={height} epochLabel={epochLabel} focused={focused}
					/>
				);
			}
		}
	}
}
