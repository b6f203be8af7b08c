/**
 * The terminal escape sequences nnviz-tui writes itself, in one place: SGR colour codes for the
 * half-block images, and the cursor, erase, synchronized-output and alternate-screen sequences of the
 * screen writer and the UI's start and end. (Ink and chalk write their own.)
 */

/** Control Sequence Introducer: ESC [. */
export const csi = '\u001B[';

/** An SGR sequence setting `params` (`38;5;208`, `0`): ESC [ params m. */
export function sgr(params: string): string {
	return `${csi}${params}m`;
}

/** SGR 0: default colours and attributes. */
export const sgrReset = sgr('0');

/**
 * One SGR sequence at `lastIndex`, its parameters captured (sticky: it matches only there). Control
 * characters are what this pattern is about.
 */
// eslint-disable-next-line no-control-regex
export const sgrAt = /\u001B\[([\d;]*)m/y;

const sgrEverywhere = new RegExp(sgrAt.source, 'g');

/** The parameters of every SGR sequence in `text`, in order: `['38;5;16;48;5;231', '0']`. */
export function sgrParameters(text: string): string[] {
	return [...text.matchAll(sgrEverywhere)].map(match => match[1]);
}

/** Move the cursor to `row`, `column` (both from 1). */
export function cursorTo(row: number, column: number): string {
	return `${csi}${row};${column}H`;
}

export const eraseLineEnd = `${csi}K`;
/** Erase from the cursor to the end of the screen. */
export const eraseBelow = `${csi}J`;
export const eraseScreen = `${csi}2J`;
export const hideCursor = `${csi}?25l`;
export const showCursor = `${csi}?25h`;
/** Synchronized output (mode 2026): the terminal shows what comes between the two at once. */
export const beginSync = `${csi}?2026h`;
export const endSync = `${csi}?2026l`;
/**
 * Auto-wrap (DECAWM) off and on: while it is off, text reaching the right margin overwrites the last
 * column instead of wrapping onto the next line, so a line too wide cannot push the screen up.
 */
export const autoWrapOff = `${csi}?7l`;
export const autoWrapOn = `${csi}?7h`;
/** The alternate screen, entered with the cursor at the top left; leaving it restores the shell's screen. */
export const enterAlternateScreen = `${csi}?1049h${csi}H`;
export const leaveAlternateScreen = `${csi}?1049l`;
