import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {printable} from '../errors.js';
import {type Command, hintOf, keyOf, keyMap} from '../app/key-map.js';
import type {Prompt, TabId} from '../app/state.js';
import {theme} from '../app/theme.js';
import {Painted} from './Painted.js';

/** Where the keys act, for the hint: the focus, the tab, and what covers it. */
export type HintPlace = {
	readonly focus: 'tabs' | 'content';
	readonly tab?: TabId;
	/** The confusion tab's list of a cell's images is open (Enter opens one, Esc closes it). */
	readonly listOpen?: boolean;
	/** The training dashboard shows in the tab's place (p below the width for the side pane). */
	readonly dashboard?: boolean;
};

type Props = HintPlace & {
	/** The latest news, or the question q asks before throwing epochs away. */
	readonly message: string | undefined;
	/** The file name typed after `s`, or null when not asking. */
	readonly savePrompt?: Pick<Prompt, 'text' | 'selected'> | null;
	readonly width: number;
};

/** A hint and how much it matters: 0 always shows, higher ones give way first when room is short. */
type Hint = {readonly text: string; readonly rank: number};

const pair = (a: Command, b: Command, between = '/'): string => `${keyOf(a)}${between}${keyOf(b)} ${keyMap[a].hint ?? keyMap[a].help}`;

/** The hints for what the keys do inside a tab, by tab and what is open there. */
function tabHints({tab, listOpen = false}: HintPlace): Hint[] {
	// Arrows are what anyone tries first: their hint gives way early.
	const arrows = {text: 'arrows move', rank: 4};
	const back = {text: hintOf('back'), rank: 2};
	switch (tab) {
		case 'confusion': {
			return listOpen
				? [{text: hintOf('select', 'opens'), rank: 1}, {text: hintOf('back', 'back to the matrix'), rank: 1}, arrows]
				: [arrows, {text: hintOf('select'), rank: 1}, back];
		}

		case 'examples': {
			return [arrows, {text: pair('nextWrong', 'previousWrong'), rank: 3}, {text: hintOf('goto'), rank: 4}, back];
		}

		case 'weights':
		case 'maps': {
			const scale = tab === 'weights' ? [{text: hintOf('toggleScale'), rank: 4}] : [];
			return [arrows, {text: hintOf('toggleUntrained'), rank: 3}, {text: hintOf('toggleChange'), rank: 4}, ...scale, back];
		}

		case 'draw': {
			return [
				{text: 'arrows move the brush', rank: 4}, {text: hintOf('penPaint'), rank: 1}, {text: hintOf('penErase'), rank: 3},
				{text: hintOf('clearCanvas'), rank: 3}, {text: hintOf('brushSize'), rank: 4}, {text: hintOf('copyExample'), rank: 4}, back,
			];
		}

		case undefined: {
			return [arrows, back];
		}
	}
}

/**
 * The status line's hints from here, in the order shown: what the keys do in this place first (with
 * the confusion tab's list open, Enter opens and Esc goes back to the matrix; with the dashboard in
 * the tab's place, p brings the tab back), then the timeline, the dashboard, training, saving, help
 * and quitting. Keys and words come from the key map; rank says which give way first.
 */
export function statusHints(place: HintPlace): Hint[] {
	const dashboard = place.dashboard === true;
	let here: Hint[] = [{text: hintOf('togglePane', 'back to the tab'), rank: 0}];
	if (!dashboard) {
		here = place.focus === 'tabs'
			? [{text: `${keyOf('left')}/${keyOf('right')} tabs`, rank: 1}, {text: hintOf('enter'), rank: 1}]
			: tabHints(place);
	}

	return [
		...here,
		{text: pair('epochBack', 'epochForward', ' '), rank: 2},
		...(dashboard ? [] : [{text: hintOf('togglePane'), rank: 2}]),
		{text: hintOf('toggleTraining'), rank: 2},
		{text: hintOf('save'), rank: 4},
		{text: hintOf('help'), rank: 0},
		{text: hintOf('quit'), rank: 0},
	];
}

const separator = ' · ';

// The hints are a few fixed texts, measured on every frame: their widths are kept.
const hintWidths = new Map<string, number>();
function hintWidth(text: string): number {
	let width = hintWidths.get(text);
	if (width === undefined) {
		width = stringWidth(text);
		hintWidths.set(text, width);
	}

	return width;
}

/**
 * The hints that fit `room` cells, joined in their order: the ones that matter most are kept, and
 * once one does not fit none that matters less is, so a hint is shown whole or not at all and a small
 * one never takes the place of a more useful one (help and quit always show).
 */
export function statusHint(place: HintPlace, room = Number.POSITIVE_INFINITY): string {
	const hints = statusHints(place);
	const kept = new Set<Hint>();
	let used = 0;
	let lastRank = Number.POSITIVE_INFINITY;
	for (const hint of hints.toSorted((a, b) => a.rank - b.rank)) {
		const width = hintWidth(hint.text) + (kept.size === 0 ? 0 : separator.length);
		if (hint.rank === 0 || (hint.rank <= lastRank && used + width <= room)) {
			kept.add(hint);
			used += width;
		} else {
			lastRank = Math.min(lastRank, hint.rank);
		}
	}

	return hints.filter(hint => kept.has(hint)).map(hint => hint.text).join(separator);
}

/** The bottom line: what the keys do from here and the latest message, or the save prompt. */
export function StatusLine({message: raw, savePrompt = null, width, ...place}: Props) {
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
	const shown = message === undefined ? 0 : Math.min(stringWidth(message), width);
	const room = message === undefined ? width : width - shown - 2;
	return (
		<Box width={width}>
			{message !== undefined && <Box flexShrink={0} width={shown}><Text color={theme.accent} wrap='truncate-middle'>{message}</Text></Box>}
			{room > 0 && <Box marginLeft={message === undefined ? 0 : 2} flexShrink={1}><Painted width={room} lines={[[[statusHint(place, room), {color: theme.muted}]]]}/></Box>}
		</Box>
	);
}
