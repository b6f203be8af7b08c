import chalk, {type ChalkInstance} from 'chalk';
import {Transform} from 'ink';

/** How a run of text looks: a theme token or palette colour (an Ink colour name, #rrggbb or ansi256(n)) and text attributes. */
export type Style = {
	readonly color?: string;
	readonly bold?: boolean;
	readonly dim?: boolean;
	readonly inverse?: boolean;
	readonly underline?: boolean;
};

/** A piece of a painted line: its text and how it looks. */
export type Run = readonly [text: string, style?: Style];

function colourer(color: string | undefined): ChalkInstance {
	if (color === undefined) {
		return chalk;
	}

	if (color.startsWith('#')) {
		return chalk.hex(color);
	}

	const xterm = /^ansi256\((\d+)\)$/.exec(color);
	if (xterm) {
		return chalk.ansi256(Number(xterm[1]));
	}

	return color in chalk ? chalk[color as 'green'] : chalk;
}

/** `text` in `style`, coded as Ink's <Text> codes it (through chalk, so NO_COLOR and the colour depth hold). */
export function paint(text: string, style: Style = {}): string {
	if (text === '') {
		return '';
	}

	// The attributes around the colour, in the order Ink's <Text> applies them, so the codes come out alike.
	let painter: ChalkInstance = chalk;
	if (style.inverse === true) {
		painter = painter.inverse;
	}

	if (style.underline === true) {
		painter = painter.underline;
	}

	if (style.bold === true) {
		painter = painter.bold;
	}

	const coloured = colourer(style.color)(style.dim === true ? chalk.dim(text) : text);
	return painter === chalk ? coloured : painter(coloured);
}

/** Code points of a text (painted lines hold no wide characters, so this is their width in cells). */
function cells(text: string): number {
	let count = text.length;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0xD8_00 && code <= 0xDB_FF) {
			count--; // the first half of a pair: the pair is one code point
		}
	}

	return count;
}

/** The runs cut to `width` cells, the last one kept ending in … when something was cut (as Ink's truncate-end). */
export function cutRuns(runs: readonly Run[], width: number): readonly Run[] {
	const total = runs.reduce((sum, [text]) => sum + cells(text), 0);
	if (total <= width) {
		return runs;
	}

	const cut: Run[] = [];
	let room = Math.max(0, width - 1);
	for (const [text, style] of runs) {
		if (room === 0) {
			break;
		}

		const chars = [...text];
		cut.push([chars.slice(0, room).join(''), style]);
		room -= Math.min(room, chars.length);
	}

	if (width > 0) {
		const last = cut.at(-1);
		cut.push(['…', last?.[1]]);
	}

	return cut;
}

/** The runs painted and joined into one line. */
export function paintRuns(runs: readonly Run[]): string {
	let line = '';
	for (const [text, style] of runs) {
		line += paint(text, style);
	}

	return line;
}

type Props = {
	/** Each line as runs of text and style. */
	readonly lines: ReadonlyArray<readonly Run[]>;
	/** Lines longer than this many cells are cut, ending in … (as Ink's truncate-end). */
	readonly width?: number;
};

/**
 * Painted lines, drawn as Ink draws text. Ink measures every text's width on every frame, and a text
 * with colour codes or characters beyond ASCII (box lines, bars, braille) costs it a few microseconds a
 * character (measured: about a fifth of a frame). Ink lays this out as plain ASCII of the same width,
 * which it measures at once, and the transform puts the painted line in its place on the way out.
 */
export function Painted({lines, width}: Props) {
	const shown = width === undefined ? lines : lines.map(runs => cutRuns(runs, width));
	const painted = shown.map(runs => paintRuns(runs));
	const placeholder = shown.map(runs => 'x'.repeat(runs.reduce((sum, [text]) => sum + cells(text), 0))).join('\n');
	return (
		<Transform transform={(_line: string, index: number) => painted[index] ?? ''}>
			{placeholder}
		</Transform>
	);
}
