import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {keyOf} from '../app/key-map.js';
import {minColumns, minRows, type Size} from '../app/layout.js';
import {theme} from '../app/theme.js';

/** A phrase of the message and what joins it to the one before on the same line. */
type Phrase = {readonly text: string; readonly join: string};

/** The message in its wordings, longest first: each a list of phrases that are never split. */
function wordings(size: Size): Phrase[][] {
	const now = {text: `(now ${size.columns}x${size.rows})`, join: ' '};
	const quits = {text: `${keyOf('quit')} quits`, join: '; '};
	return [
		[{text: `nnviz-tui needs ${minColumns}x${minRows} or more`, join: ''}, now, quits],
		[{text: `needs ${minColumns}x${minRows}`, join: ''}, now, quits],
		[{text: `${minColumns}x${minRows}+`, join: ''}, quits],
	];
}

/** Phrases in lines of at most `width` cells, a phrase never split (one wider than that gets a line of its own). */
function pack(phrases: readonly Phrase[], width: number): string[] {
	const lines: string[] = [];
	for (const phrase of phrases) {
		const last = lines.at(-1);
		if (last !== undefined && stringWidth(last + phrase.join + phrase.text) <= width) {
			lines[lines.length - 1] = last + phrase.join + phrase.text;
		} else {
			lines.push(phrase.text);
		}
	}

	return lines;
}

/**
 * What the app says on a screen smaller than it needs, in lines that fit `columns` x `rows`: in one
 * line when it fits ('nnviz-tui needs 80x24 or more (now 60x20); q quits'), else broken between
 * phrases, never inside one, and shorter on a very small screen. If even the shortest does not
 * fit, the shortest (the terminal cuts it).
 */
export function tooSmallLines(size: Size, columns = size.columns - 1, rows = size.rows - 1): string[] {
	const packed = wordings(size).map(phrases => pack(phrases, columns));
	return packed.find(lines => lines.length <= rows && lines.every(line => stringWidth(line) <= columns)) ?? packed.at(-1)!;
}

/** The too-small message, in the warning colour, at the top left of the screen. */
export function TooSmall({size}: {readonly size: Size}) {
	return (
		<Box flexDirection='column'>
			{tooSmallLines(size).map(line => <Text key={line} color={theme.warning} wrap='truncate-end'>{line}</Text>)}
		</Box>
	);
}
