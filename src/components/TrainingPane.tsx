import {Box, Text} from 'ink';
import {printable} from '../errors.js';
import {keyOf} from '../app/key-map.js';
import {paneWidth} from '../app/layout.js';
import {theme} from '../app/theme.js';
import {epochUnderWay, type TrainingView} from '../app/training-view.js';
import {bar} from './ConfidenceColumn.js';
import {Sparkline} from './Sparkline.js';

type Props = {readonly training: TrainingView; readonly savePath: string | undefined; readonly height: number};

function statusText(training: TrainingView): string {
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

/** The epoch under way and how far it is, or the last one completed when none is under way. */
function epochText(training: TrainingView, fraction: number): string {
	if (epochUnderWay(training)) {
		// Floor: an epoch is not 100% until it has completed.
		return `epoch ${training.epoch + 1} of ${training.until} · ${Math.floor(fraction * 100)}%`;
	}

	return training.epoch === 0 ? 'no epochs yet' : `epoch ${training.epoch} done`;
}

/**
 * The side pane: training status, epoch progress, speed, and the history as small charts. The
 * accuracy chart shows at least 5 points of accuracy from bottom to top and the loss chart at least
 * a fifth of the largest loss, so noise between epochs draws as a small step, not a fall.
 */
export function TrainingPane({training, savePath, height}: Props) {
	const inner = paneWidth - 4;
	const {history} = training;
	const last = history.at(-1);
	const fraction = epochUnderWay(training) && training.total > 0 ? training.done / training.total : 0;
	const running = training.status === 'running' || training.status === 'pausing';
	return (
		<Box flexDirection='column' borderStyle='round' borderColor={running ? theme.accent : theme.muted} paddingX={1} width={paneWidth} height={height}>
			<Text bold>Training</Text>
			<Text color={training.status === 'failed' ? theme.wrong : undefined} wrap='truncate-end'>{statusText(training)}</Text>
			<Text wrap='truncate-end'>{epochText(training, fraction)}</Text>
			<Text color={theme.bar}>{bar(fraction, inner)}</Text>
			<Text color={theme.muted}>{running ? `${Math.round(training.samplesPerSecond).toLocaleString('en-US')} samples/s` : ' '}</Text>
			<Text> </Text>
			<Text>{last ? `test ${(last.testAccuracy * 100).toFixed(2)}% (epoch ${last.epoch})` : 'test accuracy: after epoch 1'}</Text>
			<Sparkline values={history.map(r => r.testAccuracy)} width={inner} color={theme.correct} minSpan={0.05}/>
			<Text wrap='truncate-end'>{last ? `loss ${last.trainLoss.toFixed(4)} (lower = better)` : 'loss: after epoch 1'}</Text>
			<Sparkline values={history.map(r => r.trainLoss)} width={inner} color={theme.accent} minFraction={0.2}/>
			{training.warnings.length === 0
				? <Text> </Text>
				// Words carry the warning without colour; `eval` says it in full.
				: training.warnings.map(w => <Text key={w.kind} bold color={theme.warning} wrap='truncate-end'>{`! ${w.brief}`}</Text>)}
			{savePath === undefined
				? <Text color={theme.muted}>{`not saved yet: ${keyOf('save')} saves`}</Text>
				: (
					// Cut the path on the left, so the file name stays in view.
					<Box>
						<Box flexShrink={0}><Text color={theme.muted}>file </Text></Box>
						<Text color={theme.muted} wrap='truncate-start'>{printable(savePath)}</Text>
					</Box>
				)}
			<Text color={theme.muted} wrap='truncate-end'>{training.savedEpoch === undefined ? '' : `saved: epoch ${training.savedEpoch}`}</Text>
			{training.message !== undefined && training.status === 'failed' && <Text color={theme.wrong} wrap='wrap'>{printable(training.message)}</Text>}
		</Box>
	);
}
