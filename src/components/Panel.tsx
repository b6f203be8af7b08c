import {Box} from 'ink';
import type {ReactNode} from 'react';
import {theme} from '../app/theme.js';
import {Painted} from './Painted.js';

type Props = {
	/** Said in the top border, cut to fit. */
	readonly title: string;
	/** Said at the right of the top border (a key hint, a page), cut before the title is. */
	readonly note?: string;
	/** Outer size in cells, border included. */
	readonly width: number;
	readonly height: number;
	/** The panel the keys act on: its border in the accent colour and its title bold (inverse without colour). */
	readonly focused?: boolean;
	/** The border's colour when it says something of its own (an example classified right or wrong); the focus then shows in the title. */
	readonly borderColor?: string;
	readonly children?: ReactNode;
};

/** The top border with the title in it, as btop draws it: `╭─ title ──── note ─╮`, exactly `width` cells. */
export function topBorder(title: string, note: string, width: number): {left: string; title: string; middle: string; note: string; right: string} {
	const inner = Math.max(0, width - 2);
	// `╭─ ` + title + ` ` ... ` ` + note + ` ─╮`: the fixed parts take 3 + 1 on the left and 1 + 2 on the right.
	const room = Math.max(0, inner - 5);
	const shownNote = note === '' ? '' : cut(note, Math.max(0, room - 12));
	const titleRoom = Math.max(0, room - (shownNote === '' ? 0 : [...shownNote].length + 2));
	const shownTitle = cut(title, titleRoom);
	const used = 1 + (shownTitle === '' ? 0 : [...shownTitle].length + 2) + (shownNote === '' ? 0 : [...shownNote].length + 2) + 1;
	const fill = '─'.repeat(Math.max(0, inner - used));
	return {
		left: `╭─${shownTitle === '' ? '' : ' '}`,
		title: shownTitle,
		middle: `${shownTitle === '' ? '' : ' '}${fill}${shownNote === '' ? '' : ' '}`,
		note: shownNote,
		right: `${shownNote === '' ? '' : ' '}─╮`,
	};
}

function cut(text: string, room: number): string {
	const chars = [...text];
	if (chars.length <= room) {
		return text;
	}

	return room <= 1 ? '' : `${chars.slice(0, room - 1).join('')}…`;
}

/**
 * A bordered panel with its title in the top border (btop's look): the one frame every view uses,
 * so borders, titles and the focus look the same everywhere.
 */
export function Panel({title, note = '', width, height, focused = false, borderColor, children}: Props) {
	const border = borderColor ?? (focused ? theme.accent : theme.muted);
	const top = topBorder(title, note, width);
	return (
		<Box flexDirection='column' width={width} height={height} flexShrink={0}>
			<Painted lines={[[
				[top.left, {color: border}],
				[top.title, {bold: focused, inverse: focused && theme.accent === undefined}],
				[top.middle, {color: border}],
				[top.note, {color: theme.muted}],
				[top.right, {color: border}],
			]]}/>
			<Box
				flexDirection='column' borderStyle='round' borderTop={false} borderColor={border}
				width={width} height={Math.max(1, height - 1)} overflowY='hidden' paddingX={0}
			>
				{children}
			</Box>
		</Box>
	);
}
