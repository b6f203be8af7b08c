import {Box, Text} from 'ink';
import {percent} from '../commands/format.js';
import {printable} from '../errors.js';
import {keyOf} from '../app/key-map.js';
import {theme} from '../app/theme.js';
import {Painted} from './Painted.js';
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
	return `${thousands.format(Math.round(training.samplesPerSecond))} samples/s (${training.kernels})`;
}

/**
 * Speed and time left while training; otherwise how long an epoch takes and how long the epochs the
 * next run trains would (blank before the first epoch).
 */
function speedLines(training: TrainingView): [string, string] {
	const running = training.status === 'running' || training.status === 'pausing';
	const left = timeLeft(training);
	if (running && training.samplesPerSecond > 0) {
		const eta = left === undefined ? ' ' : `left: epoch ${formatDuration(left.epoch)}, run ${formatDuration(left.run)}`;
		return [speedText(training), eta];
	}

	const perEpoch = secondsPerEpoch(training);
	if (perEpoch === undefined || training.history.length === 0) {
		return [' ', ' '];
	}

	const more = training.status === 'done' ? training.epochsPerRun : training.until - training.epoch;
	const run = more > 0 && training.status !== 'failed'
		? `${more} more ${more === 1 ? 'epoch takes' : 'epochs take'} about ${formatDuration(more * perEpoch)}`
		: ' ';
	return [`an epoch takes about ${formatDuration(perEpoch)}`, run];
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

/** Cells the epoch line needs with its progress bar beside it: the longest epoch text and a bar of 10. */
const epochLineWidth = 'epoch 9999 of 9999 · 100%'.length + 1 + 10;
/** Cells the speed and the time left need in one line, at their longest. */
const speedLineWidth = '9,999,999 samples/s (wasm) · left: epoch 59m 59s, run 99h 59m'.length;

/**
 * Rows of the part above the charts: the status, the epoch with its progress bar (beside it when the
 * width has room, else under it), and the speed with the time left (one line or two). The same for a
 * width whether training runs or not, so the charts keep their size when it starts or stops.
 */
export function headerRows(inner: number): number {
	return 1 + (inner >= epochLineWidth ? 1 : 2) + (inner >= speedLineWidth ? 1 : 2);
}

/** Rows of the charts' text: the loss chart's title and x axis, the accuracy chart's title, legend and x axis. */
const chartTextRows = 5;
/** Rows of dots each chart keeps when there is room (a label at the top and the bottom with rows between). */
const minPlotRows = 4;
/** Rows of dots each chart keeps before warnings are said in whole sentences and blank rows set the parts apart. */
const roomyPlotRows = 12;

/**
 * How the pane's rows go: the loss and the accuracy chart's heights (titles, legend and axes
 * included), whether blank rows set the parts apart, and the warning lines. The charts share what the
 * header, the warnings and the save lines leave, the loss chart about 45% of the rows of dots and each
 * at least 4 when there are 8; warnings are whole sentences, and blank rows set the parts apart, only
 * when the charts keep 12 rows of dots each: no row is left blank while a chart could use it.
 */
export function paneRows(rows: number, training: TrainingView, inner: number, saveRows: number): [number, number, boolean, string[]] {
	const failure = training.status === 'failed' && training.message !== undefined ? printable(training.message) : undefined;
	const plotRows = (lines: readonly string[]): number => rows - headerRows(inner) - lines.length - saveRows - chartTextRows;
	const full = warningLines(training.warnings, failure, inner, true);
	const warnings = plotRows(full) >= 2 * roomyPlotRows ? full : warningLines(training.warnings, failure, inner, false);
	const gapRows = 2 + (warnings.length > 0 ? 1 : 0);
	const gaps = plotRows(warnings) - gapRows >= 2 * roomyPlotRows;
	const plot = Math.max(0, plotRows(warnings) - (gaps ? gapRows : 0));
	const least = Math.min(minPlotRows, Math.floor(plot / 2));
	const loss = Math.min(plot - least, Math.max(least, Math.round(plot * 0.45)));
	return [2 + loss, 3 + plot - loss, gaps, warnings];
}

/** The epoch and its progress bar: in one line `inner` wide, the text padded so the bar keeps its length, or the bar in a line of its own. */
function EpochLines({training, inner}: {readonly training: TrainingView; readonly inner: number}) {
	const text = epochText(training);
	if (inner < epochLineWidth) {
		const {filled, track} = barParts(epochFraction(training), inner);
		return (
			<>
				<Text wrap='truncate-end'>{text}</Text>
				<Painted width={inner} lines={[[[filled, {color: theme.bar}], [track, {color: theme.muted}]]]}/>
			</>
		);
	}

	const textWidth = Math.max(text.length, `epoch ${training.until} of ${training.until} · 100%`.length);
	const {filled, track} = barParts(epochFraction(training), inner - textWidth - 1);
	return (
		<Painted width={inner} lines={[[[`${text.padEnd(textWidth)} `], [filled, {color: theme.bar}], [track, {color: theme.muted}]]]}/>
	);
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
	const [speed, eta] = speedLines(training);
	const joined = [speed, eta].filter(text => text.trim() !== '').join(' · ');
	const speeds = inner >= speedLineWidth ? [joined.length <= inner ? joined || ' ' : speed] : [speed, eta];
	return (
		<Panel title='Training' note={shownEpoch === undefined ? '' : `shown: ${shown}`} width={width} height={height} focused={focused}>
			<Box flexDirection='column' paddingX={1} width={width - 2} height={rows} overflowY='hidden'>
				<Text color={statusColour(training)} wrap='truncate-end'>{statusText(training)}</Text>
				<EpochLines training={training} inner={inner}/>
				{speeds.map((text, i) => <Text key={i} color={theme.muted} wrap='truncate-end'>{text}</Text>)}
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
