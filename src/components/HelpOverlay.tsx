import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {helpLines, helpNotes, keyOf, type KeyScope} from '../app/key-map.js';
import {theme} from '../app/theme.js';
import {Panel} from './Panel.js';

type Line = {readonly label: string; readonly help: string};
export type HelpSection = {readonly scope: KeyScope; readonly heading: string; readonly lines: readonly Line[]};
export type HelpColumn = {
	readonly sections: readonly HelpSection[];
	/** Width of the key column: its widest key label. */
	readonly keyWidth: number;
	readonly width: number;
	readonly height: number;
};
export type HelpPlan = {
	readonly columns: readonly HelpColumn[];
	/** Cells between two columns (3, or 2 when the screen is narrow). */
	readonly columnGap: number;
	/** Blank rows between two sections of a column (1, or 0 when the screen is short). */
	readonly sectionGap: number;
	/** The sentences below the keys, wrapped to where they go. */
	readonly notes: readonly string[];
	/** Where the notes go: under a column with room to spare (its index), or below all columns. */
	readonly notesIn: number | 'below';
	/** Outer size of the panel, border included. */
	readonly width: number;
	readonly height: number;
};

const headings: ReadonlyArray<readonly [KeyScope, string]> = [
	['everywhere', 'everywhere'],
	['tab bar', 'on the tab bar'],
	['timeline', 'timeline (every tab)'],
	['in a tab', 'in a tab'],
	['examples', `examples (${keyOf('tab1')})`],
	['weights', `weights (${keyOf('tab2')})`],
	['generalized images', `generalized images (${keyOf('tab3')})`],
	['confusion', `confusion (${keyOf('tab4')})`],
	['draw', `draw (${keyOf('tab5')})`],
	['in a prompt', 'typing a file name or an index'],
];

/** Space between a key and its help. */
const keyGap = 2;
/** The panel's border and padding: two cells each side (border and a space), a row above and below. */
const frameWidth = 4;
const frameHeight = 2;

/**
 * The help, from the key map: a section a scope, under its heading. A section whose lines all appear
 * in an earlier one says so in one line ('u d  as in weights').
 */
export function helpSections(): HelpSection[] {
	const sections: HelpSection[] = [];
	for (const [scope, heading] of headings) {
		const lines = helpLines(scope);
		const earlier = sections.find(section => lines.length > 1 && lines.every(line => section.lines.some(l => l.label === line.label && l.help === line.help)));
		sections.push({scope, heading, lines: earlier ? [{label: lines.map(line => line.label).join(' '), help: `as in ${earlier.heading.replace(/ \(.*\)$/, '')}`}] : lines});
	}

	return sections;
}

function columnOf(sections: readonly HelpSection[], gap: number): HelpColumn {
	const lines = sections.flatMap(section => section.lines);
	const keyWidth = Math.max(...lines.map(line => stringWidth(line.label)));
	const width = Math.max(...lines.map(line => keyWidth + keyGap + stringWidth(line.help)), ...sections.map(section => stringWidth(section.heading)));
	const height = sections.reduce((sum, section) => sum + 1 + section.lines.length, 0) + (gap * (sections.length - 1));
	return {sections, keyWidth, width, height};
}

/** The split of the sections, in order, into `count` columns whose tallest is the shortest. */
function split(sections: readonly HelpSection[], count: number, gap: number): HelpColumn[] {
	if (count === 1) {
		return [columnOf(sections, gap)];
	}

	let best: HelpColumn[] = [];
	for (let first = 1; first <= sections.length - count + 1; first++) {
		const columns = [columnOf(sections.slice(0, first), gap), ...split(sections.slice(first), count - 1, gap)];
		if (best.length === 0 || Math.max(...columns.map(c => c.height)) < Math.max(...best.map(c => c.height))) {
			best = columns;
		}
	}

	return best;
}

/** Words in lines of at most `width` cells (a word longer than that gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
	const lines: string[] = [];
	for (const word of text.split(' ')) {
		const last = lines.at(-1);
		if (last !== undefined && stringWidth(`${last} ${word}`) <= width) {
			lines[lines.length - 1] = `${last} ${word}`;
		} else {
			lines.push(word);
		}
	}

	return lines;
}

/**
 * How the help fits a `columns` x `rows` screen: in two columns when they fit (else three, four or
 * one), with a blank row between sections and three cells between columns when there is room, the
 * panel as small as what it holds. When nothing fits, the most compact two-column plan (the panel
 * cuts what does not fit).
 */
export function helpPlan(columns: number, rows: number): HelpPlan {
	const sections = helpSections();
	const plans = [2, 3, 4, 1].flatMap(count => [[1, 3], [0, 3], [0, 2]].map(([gap, between]) => plan(sections, count, gap, between, columns)));
	return plans.find(p => p.width <= columns && p.height <= rows) ?? plans[2];
}

function plan(sections: readonly HelpSection[], count: number, gap: number, between: number, room: number): HelpPlan {
	const columns = split(sections, count, gap);
	const keysWidth = columns.reduce((sum, column) => sum + column.width, 0) + (between * (columns.length - 1));
	const keysHeight = Math.max(...columns.map(column => column.height));
	const notes = helpNotes();
	if (notes.length === 0) {
		return {columns, columnGap: between, sectionGap: gap, notes, notesIn: 'below', width: keysWidth + frameWidth, height: keysHeight + frameHeight};
	}

	// The notes under the shortest column, in its width, when that makes the panel shorter than
	// putting them below all columns (as wide as the room allows).
	const shortest = columns.reduce((best, column, c) => (column.height < columns[best].height ? c : best), 0);
	// The notes are set apart by a blank row when sections are.
	const under = notes.flatMap(note => wrapWords(note, columns[shortest].width));
	const inner = Math.max(keysWidth, Math.min(Math.max(...notes.map(note => stringWidth(note))), room - frameWidth));
	const below = notes.flatMap(note => wrapWords(note, inner));
	const underHeight = Math.max(keysHeight, columns[shortest].height + gap + under.length);
	if (columns.length > 1 && underHeight < keysHeight + gap + below.length) {
		return {columns, columnGap: between, sectionGap: gap, notes: under, notesIn: shortest, width: keysWidth + frameWidth, height: underHeight + frameHeight};
	}

	return {columns, columnGap: between, sectionGap: gap, notes: below, notesIn: 'below', width: inner + frameWidth, height: keysHeight + gap + below.length + frameHeight};
}

type Props = {
	/** The room the app gives the overlay: the screen less its last column and row (80x24 if not given). */
	readonly columns?: number;
	readonly rows?: number;
};

/**
 * The keys, generated from the key map that the input handling also uses, grouped by where they
 * work, in a panel centred in the room given and only as large as the help.
 */
export function HelpOverlay({columns = 79, rows = 23}: Props) {
	const help = helpPlan(columns, rows);
	const notes = help.notes.length > 0 && <Box marginTop={help.sectionGap} flexDirection='column'>{help.notes.map(note => <Text key={note}>{note}</Text>)}</Box>;
	return (
		<Box width={columns} height={rows} justifyContent='center' alignItems='center'>
			<Panel title='Keys' note={`${keyOf('back')} or ${keyOf('help')} closes this help`} width={Math.min(help.width, columns)} height={Math.min(help.height, rows)} focused>
				<Box flexDirection='column' paddingX={1}>
					<Box>
						{help.columns.map((column, c) => (
							<Box key={column.sections[0].heading} flexDirection='column' width={column.width} marginLeft={c === 0 ? 0 : help.columnGap} flexShrink={0}>
								{column.sections.map((section, s) => <Section key={section.heading} section={section} keyWidth={column.keyWidth} marginTop={s === 0 ? 0 : help.sectionGap}/>)}
								{help.notesIn === c && notes}
							</Box>
						))}
					</Box>
					{help.notesIn === 'below' && notes}
				</Box>
			</Panel>
		</Box>
	);
}

/** A heading (bold, in the accent colour) and its keys, the help aligned after the column's widest key. */
function Section({section, keyWidth, marginTop}: {readonly section: HelpSection; readonly keyWidth: number; readonly marginTop: number}) {
	return (
		<Box flexDirection='column' marginTop={marginTop}>
			<Text bold color={theme.accent} wrap='truncate-end'>{section.heading}</Text>
			{section.lines.map(line => (
				<Text key={line.label} wrap='truncate-end'>
					<Text bold>{line.label}</Text>
					{' '.repeat(keyWidth - stringWidth(line.label) + keyGap)}
					{line.help}
				</Text>
			))}
		</Box>
	);
}
