import {Box, Text} from 'ink';
import {paneWidth} from '../app/layout.js';
import {theme} from '../app/theme.js';
import type {TrainingView} from '../app/training-state.js';
import {bar} from './ConfidenceColumn.js';
import {Sparkline} from './Sparkline.js';

type Props = {readonly training: TrainingView; readonly savePath: string | undefined; readonly height: number};

const statusText: Record<TrainingView['status'], string> = {
	idle: 'stopped · t to train',
	starting: 'starting…',
	running: 'training · t to pause',
	pausing: 'pausing…',
	paused: 'paused · t to go on',
	failed: 'stopped',
};

/** The side pane: training status, epoch progress, speed, and the history as small charts. */
export function TrainingPane({training, savePath, height}: Props) {
	const inner = paneWidth - 4;
	const {history} = training;
	const last = history.at(-1);
	const fraction = training.total > 0 ? training.done / training.total : 0;
	const running = training.status === 'running' || training.status === 'pausing';
	return (
		<Box flexDirection='column' borderStyle='round' borderColor={running ? theme.accent : theme.muted} paddingX={1} width={paneWidth} height={height}>
			<Text bold>Training</Text>
			<Text color={training.status === 'failed' ? theme.wrong : undefined}>{statusText[training.status]}</Text>
			<Text>{`epoch ${training.epoch + (running || training.done > 0 ? 1 : 0)} · ${(fraction * 100).toFixed(0)}%`}</Text>
			<Text color={theme.bar}>{bar(fraction, inner)}</Text>
			<Text color={theme.muted}>{running ? `${Math.round(training.samplesPerSecond).toLocaleString('en-US')} samples/s` : ' '}</Text>
			<Text> </Text>
			<Text>{last ? `test ${(last.testAccuracy * 100).toFixed(2)}% (epoch ${last.epoch})` : 'test accuracy: after epoch 1'}</Text>
			<Sparkline values={history.map(r => r.testAccuracy)} width={inner} color={theme.correct}/>
			<Text>{last ? `loss ${last.trainLoss.toFixed(4)}` : 'loss: after epoch 1'}</Text>
			<Sparkline values={history.map(r => -r.trainLoss)} width={inner} color={theme.accent}/>
			<Text> </Text>
			<Text color={theme.muted} wrap='truncate-end'>{savePath === undefined ? 'not saving (no --save)' : `file ${savePath}`}</Text>
			<Text color={theme.muted} wrap='truncate-end'>{training.savedEpoch === undefined ? '' : `saved: epoch ${training.savedEpoch}`}</Text>
			{training.message !== undefined && training.status === 'failed' && <Text color={theme.wrong} wrap='wrap'>{training.message}</Text>}
		</Box>
	);
}
