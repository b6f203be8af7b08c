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
	return (
		<Box width={width}>
			<Text color={theme.muted} wrap='truncate-end'>{hint}</Text>
			{message !== undefined && <Box marginLeft={2} flexShrink={1}><Text color={theme.accent} wrap='truncate-end'>{message}</Text></Box>}
		</Box>
	);
}
