import {Box} from 'ink';
import {percent} from '../commands/format.js';
import {printable} from '../errors.js';
import {keyOf} from '../app/key-map.js';
import {theme} from '../app/theme.js';
import {Painted, type Run} from './Painted.js';
import {epochUnderWay, formatDuration, timeLeft, type TrainingView} from '../app/training-view.js';
import {barParts} from './ConfidenceColumn.js';
import {Panel} from './Panel.js';
import {sparkline} from './Sparkline.js';
import {epochFraction, speedText, statusColour, statusText} from './TrainingPane.js';

export type TrainingStripProps = {
	readonly training: TrainingView;
	readonly savePath: string | undefined;
	/** Outer width in cells, border included. */
	readonly width: number;
	/** 4 (two lines inside the border, the default) or 3 (one line). */
	readonly height?: number;
	/** The epoch the views show (the timeline's); undefined while they follow training. */
	readonly shownEpoch?: number;
};

/**
 * A piece of a strip line. `drop`: 0 never dropped, else the higher the sooner it goes when the line
 * is too long; `glue`: what goes before it (' · ' between items, ' ' for a bar or a sparkline).
 */
export type StripPart = {
	readonly text: string;
	readonly drop: number;
	readonly glue?: string;
	readonly color?: string | undefined;
	readonly bold?: boolean;
};

const separator = ' · ';

/** The line's length in cells with these parts (the first part's glue left out). */
function lineLength(parts: readonly StripPart[]): number {
	return parts.reduce((sum, part, i) => sum + (i === 0 ? 0 : (part.glue ?? separator).length) + [...part.text].length, 0);
}

/** The parts that fit in `width`, dropping the most droppable first; what still does not fit is cut at the end when drawn. */
export function fitParts(parts: readonly StripPart[], width: number): StripPart[] {
	let kept = parts.filter(part => part.text !== '');
	while (lineLength(kept) > width) {
		const worst = kept.reduce((most, part) => (part.drop > most.drop ? part : most), kept[0]);
		if (worst.drop === 0) {
			break;
		}

		kept = kept.filter(part => part !== worst);
	}

	return kept;
}

/** The file's name without its folder: the strip has no room for paths. */
function fileName(path: string): string {
	return printable(path.slice(path.lastIndexOf('/') + 1));
}

/** Status, the epoch with a short bar, speed and time left. */
function progressParts(training: TrainingView, barWidth: number): StripPart[] {
	const running = training.status === 'running' || training.status === 'pausing';
	const left = running ? timeLeft(training) : undefined;
	const underWay = epochUnderWay(training);
	const {filled, track} = barParts(epochFraction(training), barWidth);
	return [
		{text: statusText(training), drop: 0, color: statusColour(training)},
		underWay
			? {text: `epoch ${training.epoch + 1}/${training.until}`, drop: 0}
			: {text: training.epoch === 0 ? 'no epochs yet' : `epoch ${training.epoch} done`, drop: 0},
		{text: underWay ? filled + track : '', drop: 2, glue: ' ', color: theme.bar},
		// Floor: an epoch is not 100% until it has completed.
		{text: underWay ? `${Math.floor(epochFraction(training) * 100)}%` : '', drop: 0, glue: ' '},
		{text: running && training.samplesPerSecond > 0 ? speedText(training) : '', drop: 3, color: theme.muted},
		{text: left === undefined ? '' : `left: epoch ${formatDuration(left.epoch)}, run ${formatDuration(left.run)}`, drop: 4, color: theme.muted},
	];
}

/** Test accuracy with its sparkline, loss, and the warnings (or why training failed, or the save state). */
function resultParts(training: TrainingView, savePath: string | undefined, sparkWidth: number): StripPart[] {
	const {history, warnings} = training;
	const last = history.at(-1);
	const failure = training.status === 'failed' && training.message !== undefined && !warnings.some(w => w.message === training.message)
		? printable(training.message) : undefined;
	const told: StripPart[] = warnings.map((w, i) => ({
		// A divergence says what to try: whole, as far as it fits.
		text: `! ${w.kind === 'diverged' ? w.message : w.brief}`, drop: i === 0 ? 0 : 6, color: theme.warning, bold: true,
	}));
	if (failure !== undefined) {
		told.push({text: `! ${failure}`, drop: 0, color: theme.warning, bold: true});
	}

	let save: string;
	if (savePath === undefined) {
		save = `not saved: ${keyOf('save')} saves`;
	} else {
		save = training.savedEpoch === undefined ? `saves to ${fileName(savePath)}` : `saved epoch ${training.savedEpoch} to ${fileName(savePath)}`;
	}

	return [
		{text: last ? `test ${percent(last.testAccuracy)}` : 'test accuracy: after epoch 1', drop: 0},
		{text: sparkline(history.map(r => r.testAccuracy), sparkWidth, {minSpan: 0.05}), drop: 2, glue: ' ', color: theme.correct},
		{text: last ? `val ${percent(last.validationAccuracy)}` : '', drop: 7, color: theme.muted},
		{text: last ? `loss ${last.trainLoss.toFixed(4)}` : '', drop: 4},
		{text: sparkline(history.map(r => r.trainLoss), sparkWidth, {minFraction: 0.2}), drop: 5, glue: ' ', color: theme.accent},
		...told,
		{text: told.length === 0 ? save : '', drop: 1, color: theme.muted},
	];
}

function StripLine({parts, width}: {readonly parts: readonly StripPart[]; readonly width: number}) {
	const shown = fitParts(parts, width);
	return (
		<Painted width={width} lines={[shown.flatMap((part, i): Run[] => [
			[i === 0 ? '' : (part.glue ?? separator)],
			[part.text, {color: part.color, bold: part.bold}],
		])]}/>
	);
}

/**
 * The training dashboard folded into a strip below the tab, for terminals too narrow for the side
 * pane: status, the epoch with a short progress bar, speed and time left on one line; test accuracy
 * with its recent epochs as a sparkline, the loss, and the first warning in words (or the save state)
 * on the next. With one line inside the border, the most important of both.
 */
export function TrainingStrip({training, savePath, width, height = 4, shownEpoch}: TrainingStripProps) {
	const inner = Math.max(1, width - 4);
	const sparkWidth = Math.min(24, Math.max(6, Math.floor(inner / 8)));
	const progress = progressParts(training, Math.min(20, Math.max(6, Math.floor(inner / 10))));
	const results = resultParts(training, savePath, sparkWidth);
	const note = shownEpoch === undefined ? '' : `shown: ${shownEpoch === 0 ? 'untrained' : `epoch ${shownEpoch}`}`;
	const lines = Math.max(1, height - 2);
	return (
		<Panel title='Training' note={note} width={width} height={height}>
			<Box flexDirection='column' paddingX={1} width={width - 2} height={lines} overflowY='hidden'>
				{lines >= 2
					? (
						<>
							<StripLine parts={progress} width={inner}/>
							<StripLine parts={results} width={inner}/>
						</>
					)
					: <StripLine parts={oneLine(progress, results)} width={inner}/>}
			</Box>
		</Panel>
	);
}

/** Both lines' parts on one: status, epoch and test accuracy stay, the warnings next; speed, time left and loss go first. */
function oneLine(progress: readonly StripPart[], results: readonly StripPart[]): StripPart[] {
	const [status, epoch, bar, share, speed, left] = progress;
	const [test, testSpark, validation, loss, lossSpark, ...rest] = results;
	return [
		status, epoch, {...bar, drop: 7}, share, {...speed, drop: 9}, {...left, drop: 10},
		test, {...testSpark, drop: 5}, {...validation, drop: 10}, {...loss, drop: 9}, {...lossSpark, drop: 10},
		...rest.map(part => ({...part, drop: part.drop === 0 ? 0 : 8})),
	];
}
