import {Box, Text} from 'ink';
import {theme} from '../app/theme.js';

type Props = {
	readonly focus: 'tabs' | 'content';
	readonly message: string | undefined;
	/** The file name typed after `s`, or null when not asking. */
	readonly savePrompt?: string | null;
	readonly width: number;
};

/** The bottom line: what the keys do from here and the latest message, or the save prompt. */
export function StatusLine({focus, message, savePrompt = null, width}: Props) {
	if (savePrompt !== null) {
		return (
			<Box width={width}>
				<Text color={theme.accent} wrap='truncate-start'>{`save to: ${savePrompt}▏  Enter saves, Esc cancels`}</Text>
			</Box>
		);
	}

	const hint = focus === 'tabs'
		? '←/→ tabs · ↓ into the tab · t train · s save · ? help · q quit'
		: 'arrows move · Esc tab bar · t train · s save · ? help · q quit';
	// The message is the news: it comes first and keeps its start and end (often a file path); the
	// keys get the room that is left.
	return (
		<Box width={width}>
			{message !== undefined && <Box flexShrink={0} width={Math.min([...message].length, width)}><Text color={theme.accent} wrap='truncate-middle'>{message}</Text></Box>}
			<Box marginLeft={message === undefined ? 0 : 2} flexShrink={1}><Text color={theme.muted} wrap='truncate-end'>{hint}</Text></Box>
		</Box>
	);
}
