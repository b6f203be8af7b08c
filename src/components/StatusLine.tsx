import {Box, Text} from 'ink';
import {printable} from '../errors.js';
import {keyOf} from '../app/key-map.js';
import type {Prompt} from '../app/state.js';
import {theme} from '../app/theme.js';

type Props = {
	readonly focus: 'tabs' | 'content';
	/** The latest news, or the question q asks before throwing epochs away. */
	readonly message: string | undefined;
	/** The file name typed after `s`, or null when not asking. */
	readonly savePrompt?: Pick<Prompt, 'text' | 'selected'> | null;
	readonly width: number;
};

/** The keys the status line names from the tab bar and from inside a tab, read from the key map. */
export function statusHint(focus: 'tabs' | 'content'): string {
	const where = focus === 'tabs'
		? `${keyOf('left')}/${keyOf('right')} tabs · ${keyOf('enter')} into the tab`
		: `arrows move · ${keyOf('back')} tab bar`;
	return `${where} · ${keyOf('toggleTraining')} train · ${keyOf('save')} save · ${keyOf('help')} help · ${keyOf('quit')} quit`;
}

/** The bottom line: what the keys do from here and the latest message, or the save prompt. */
export function StatusLine({focus, message: raw, savePrompt = null, width}: Props) {
	// Messages can hold a path the user typed or gave on the command line: never send its control characters.
	const message = raw === undefined ? undefined : printable(raw);
	if (savePrompt !== null) {
		// A suggestion is shown selected: typing replaces it.
		return (
			<Box width={width}>
				<Text color={theme.accent} wrap='truncate-start'>
					{'save to: '}
					<Text inverse={savePrompt.selected}>{savePrompt.text}</Text>
					{`▏  ${keyOf('accept')} saves, ${keyOf('cancel')} cancels`}
				</Text>
			</Box>
		);
	}

	// The message is the news: it comes first and keeps its start and end (often a file path); the
	// keys get the room that is left.
	return (
		<Box width={width}>
			{message !== undefined && <Box flexShrink={0} width={Math.min([...message].length, width)}><Text color={theme.accent} wrap='truncate-middle'>{message}</Text></Box>}
			<Box marginLeft={message === undefined ? 0 : 2} flexShrink={1}><Text color={theme.muted} wrap='truncate-end'>{statusHint(focus)}</Text></Box>
		</Box>
	);
}
