import {Box, Text} from 'ink';
import {percent} from '../commands/format.js';
import {printable} from '../errors.js';
import {keyOf} from '../app/key-map.js';
import {theme} from '../app/theme.js';
import {epochUnderWay, formatDuration, secondsPerEpoch, timeLeft, type TrainingView} from '../app/training-view.js';
import type {Warning} from '../nn/diagnostics.js';
import {barParts} from './ConfidenceColumn.js';
import {LineChart} from './LineChart.js';
import {Panel} from './Panel.js';

export type TrainingPaneProps = {
	readonly training: TrainingView;
	readonly savePath: string | undefined;
	/** Outer size in cells, border included (the layout's paneWidth beside the tab, the tab's width in its place). */
	readonly width: number;
	readonly height: number;
	/** The epoch the views show (the timeline's), marked on the charts; undefined while they follow training. */
	readonly shownEpoch?: number;
	readonly focused?: boolean;
};

export function statusText(training: TrainingView): string {
	switch (training.status) {
		case 'idle': {
			return `${keyOf('toggleTraining')} trains epochs ${training.epoch + 1}-${training.until}`;
		}

		case 'starting': {
			return 'starting…';
		}

		case 'running': {
			return `training · ${keyOf('toggleTraining')} to pause`;
		}

		case 'pausing': {
			return 'pausing…';
		}

		case 'paused': {
			return `paused · ${keyOf('toggleTraining')} to go on`;
		}

		case 'done': {
			return `done · ${keyOf('toggleTraining')} trains ${training.epochsPerRun} more`;
		}

		case 'failed': {
			return 'stopped';
		}
	}
}

export function statusColour(training: TrainingView): string | undefined {
	if (training.status === 'failed') {
		return theme.warning;
	}

	return training.status === 'running' || training.status === 'starting' ? theme.accent : undefined;
}

/** How far the epoch under way is (0..1), 0 when none is. */
export function epochFraction(training: TrainingView): number {
	return epochUnderWay(training) && training.total > 0 ? training.done / training.total : 0;
}

/** The epoch under way and how far it is, or the last one completed when none is under way. */
function epochText(training: TrainingView): string {
	if (epochUnderWay(training)) {
		// Floor: an epoch is not 100% until it has completed.
		return `epoch ${training.epoch + 1} of ${training.until} · ${Math.floor(epochFraction(training) * 100)}%`;
	}

	return training.epoch === 0 ? 'no epochs yet' : `epoch ${training.epoch} done`;
}

/** Thousands separated by commas; made once (toLocaleString builds a formatter on every call). */
const thousands = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});

export function speedText(training: TrainingView): string {
	return `${thousands.format(Math.round(training.samplesPerSecond))} samples/s`;
}

/** Speed and time left while training; how long an epoch takes otherwise (blank before the first). */
function speedLines(training: TrainingView): [string, string] {
	const running = training.status === 'running' || training.status === 'pausing';
	const left = timeLeft(training);
	if (running && training.samplesPerSecond > 0) {
		const eta = left === undefined ? ' ' : `left: epoch ${formatDuration(left.epoch)}, run ${formatDuration(left.run)}`;
		return [speedText(training), eta];
	}

	const perEpoch = secondsPerEpoch(training);
	return [perEpoch === undefined || training.history.length === 0 ? ' ' : `an epoch takes about ${formatDuration(perEpoch)}`, ' '];
}

/** Text cut into lines of at most `width` characters, at spaces where it can. */
export function wrapText(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		let rest = word;
		while (rest.length > width) {
			if (line !== '') {
				lines.push(line);
				line = '';
			}

			lines.push(rest.slice(0, width));
			rest = rest.slice(width);
		}

		if (line === '') {
			line = rest;
		} else if (line.length + 1 + rest.length <= width) {
			line += ` ${rest}`;
		} else {
			lines.push(line);
			line = rest;
		}
	}

	return line === '' ? lines : [...lines, line];
}

/**
 * The warnings as lines: in full sentences when `full`, else each in a few words, but a divergence
 * always whole (it says what to try); then why training failed, if it did.
 */
function warningLines(warnings: readonly Warning[], failure: string | undefined, width: number, full: boolean): string[] {
	const told = warnings.map(w => (full || w.kind === 'diverged' ? wrapText(`! ${w.message}`, width) : [`! ${w.brief}`]));
	// A failure that is not a divergence (those are warnings already) says why in its own words.
	const failed = failure === undefined || warnings.some(w => w.message === failure) ? [] : [wrapText(`! ${failure}`, width)];
	return [...told, ...failed].flat();
}

const headerRows = 5;
/** Rows of the charts' titles and the accuracy chart's legend. */
const chartTextRows = 3;
/** Rows of a chart below its title at the least: two rows of dots and the x axis. */
const minChartRows = 3;

/**
 * How the pane's rows go: the loss and the accuracy chart's rows (titles and legend included), whether
 * blank rows set the parts apart, and the warning lines. The charts take what the header, the warnings
 * and the save lines leave, the loss chart about two fifths; warnings are whole sentences when the
 * charts keep 12 rows each, else a few words each.
 */
function paneRows(rows: number, training: TrainingView, inner: number, saveRows: number): [number, number, boolean, string[]] {
	const failure = training.status === 'failed' && training.message !== undefined ? printable(training.message) : undefined;
	const chartRows = (lines: readonly string[]): number => rows - headerRows - lines.length - saveRows - chartTextRows;
	const full = warningLines(training.warnings, failure, inner, true);
	const warnings = chartRows(full) - 3 >= 24 ? full : warningLines(training.warnings, failure, inner, false);
	const gaps = chartRows(warnings) - 3 >= (2 * minChartRows) + 6;
	const left = Math.max(0, chartRows(warnings) - (gaps ? 2 + (warnings.length > 0 ? 1 : 0) : 0));
	const loss = left < 2 * minChartRows ? Math.floor(left / 2) : Math.max(minChartRows, Math.floor(left * 0.42));
	return [1 + loss, chartTextRows - 1 + left - loss, gaps, warnings];
}

/**
 * The training dashboard: status, epoch progress with speed and time left, the training loss and the
 * validation and test accuracy per epoch as line charts (the epoch the views show marked), warnings
 * in words, and the save file. The accuracy chart spans at least 5 points and the loss chart at least
 * a fifth of its largest value, so noise between epochs draws as a small step, not a fall.
 */
export function TrainingPane({training, savePath, width, height, shownEpoch, focused = false}: TrainingPaneProps) {
	const inner = Math.max(1, width - 4);
	const rows = Math.max(0, height - 2);
	const {history} = training;
	const last = history.at(-1);
	const epochs = history.map(r => r.epoch);
	const [lossRows, accuracyRows, gaps, warnings] = paneRows(rows, training, inner, training.savedEpoch === undefined ? 1 : 2);
	const shown = shownEpoch === 0 ? 'untrained' : `epoch ${shownEpoch}`;
	const {filled, track} = barParts(epochFraction(training), inner);
	const [speed, eta] = speedLines(training);
	return (
		<Panel title='Training' note={shownEpoch === undefined ? '' : `shown: ${shown}`} width={width} height={height} focused={focused}>
			<Box flexDirection='column' paddingX={1} width={width - 2} height={rows} overflow='hidden'>
				<Text color={statusColour(training)} wrap='truncate-end'>{statusText(training)}</Text>
				<Text wrap='truncate-end'>{epochText(training)}</Text>
				<Text wrap='truncate-end'><Text color={theme.bar}>{filled}</Text><Text color={theme.muted}>{track}</Text></Text>
				<Text color={theme.muted} wrap='truncate-end'>{speed}</Text>
				<Text color={theme.muted} wrap='truncate-end'>{eta}</Text>
				{gaps && <Text> </Text>}
				<LineChart
					title={last ? `loss ${last.trainLoss.toFixed(4)} (lower = better)` : 'loss: after epoch 1'}
					series={[{name: 'training loss', values: history.map(r => r.trainLoss), color: theme.accent}]}
					epochs={epochs} width={inner} height={lossRows} scale={{minFraction: 0.2, lowest: 0}} marker={shownEpoch}
					markerName={shown} empty='a chart of it per epoch, as they complete'
				/>
				{gaps && <Text> </Text>}
				<LineChart
					title={last ? `test ${percent(last.testAccuracy)} (epoch ${last.epoch}) · val ${percent(last.validationAccuracy)}` : 'test accuracy: after epoch 1'}
					series={[
						{name: 'validation', values: history.map(r => r.validationAccuracy), color: theme.muted, style: 'dotted'},
						{name: 'test', values: history.map(r => r.testAccuracy), color: theme.correct},
					]}
					epochs={epochs} width={inner} height={accuracyRows} labels='percent' scale={{minSpan: 0.05, lowest: 0, highest: 1}}
					marker={shownEpoch} markerName={shown} empty='validation and test accuracy per epoch'
				/>
				{gaps && warnings.length > 0 && <Text> </Text>}
				{warnings.map(line => <Text key={line} bold color={theme.warning} wrap='truncate-end'>{line}</Text>)}
				<SaveLines savePath={savePath} savedEpoch={training.savedEpoch}/>
			</Box>
		</Panel>
	);
}

function SaveLines({savePath, savedEpoch}: {readonly savePath: string | undefined; readonly savedEpoch: number | undefined}) {
	return (
		<>
			{savePath === undefined
				? <Text color={theme.muted} wrap='truncate-end'>{`not saved yet: ${keyOf('save')} saves`}</Text>
				: (
					// Cut the path on the left, so the file name stays in view.
					<Box>
						<Box flexShrink={0}><Text color={theme.muted}>file </Text></Box>
						<Text color={theme.muted} wrap='truncate-start'>{printable(savePath)}</Text>
					</Box>
				)}
			{savedEpoch !== undefined && <Text color={theme.muted} wrap='truncate-end'>{`saved: epoch ${savedEpoch}`}</Text>}
		</>
	);
}
