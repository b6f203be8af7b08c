/**
 * Mouse reports in xterm's SGR encoding (mode 1006): `ESC [ < b ; x ; y M` for a press or a motion,
 * `ESC [ < b ; x ; y m` for a release, x and y counted from 1. The button is b's low two bits (0 left,
 * 1 middle, 2 right), 4 shift, 8 Alt, 16 Ctrl, 32 motion with a button held, 64 the wheel. Reporting
 * is opt-in (it takes over the terminal's own selection): the draw tab turns it on and the app turns
 * it off on every way out.
 */

/** Press and release (1000), motion while a button is held (1002), SGR encoding (1006). */
export const enableMouse = '\u001B[?1000h\u001B[?1002h\u001B[?1006h';
/** The same modes off, in the reverse order. */
export const disableMouse = '\u001B[?1006l\u001B[?1002l\u001B[?1000l';

export type MouseReport = {
	readonly kind: 'press' | 'drag' | 'release' | 'move' | 'wheel';
	/** 0 left, 1 middle, 2 right (for a release or a move with none held, 3); for the wheel 0 up, 1 down. */
	readonly button: number;
	/** The cell, counted from 0: column and row. */
	readonly x: number;
	readonly y: number;
	readonly shift: boolean;
	readonly alt: boolean;
	readonly ctrl: boolean;
};

/** A whole report, with its ESC or without (Ink hands it over without). */
// eslint-disable-next-line no-control-regex -- ESC starts a report
const report = /^\u001B?\[<(\d{1,4});(\d{1,5});(\d{1,5})([Mm])$/;
/** The start of a report cut off by the end of a read ('[<32;7;'). */
// eslint-disable-next-line no-control-regex -- ESC starts a report
const fragment = /^\u001B?\[<[\d;]*$/;

/** The report `text` holds, or undefined when it is not exactly one SGR mouse report. */
export function parseMouseReport(text: string): MouseReport | undefined {
	const match = report.exec(text);
	if (match === null) {
		return undefined;
	}

	const [b, x, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (x < 1 || y < 1) {
		return undefined;
	}

	const modifiers = {shift: (b & 4) !== 0, alt: (b & 8) !== 0, ctrl: (b & 16) !== 0};
	const button = b & 3;
	let kind: MouseReport['kind'] = 'press';
	if (match[4] === 'm') {
		kind = 'release';
	} else if ((b & 64) !== 0) {
		kind = 'wheel';
	} else if ((b & 32) !== 0) {
		kind = button === 3 ? 'move' : 'drag';
	}

	return {kind, button, x: x - 1, y: y - 1, ...modifiers};
}

/** The beginning of a report whose rest is still to come. */
export function isMouseFragment(text: string): boolean {
	return fragment.test(text);
}

/** Every report in a run of bytes, in order (bytes that are not a report are skipped). */
export function mouseReportsIn(bytes: string): MouseReport[] {
	// eslint-disable-next-line no-control-regex -- ESC starts a report
	return [...bytes.matchAll(/\u001B\[<\d{1,4};\d{1,5};\d{1,5}[Mm]/g)].flatMap(match => parseMouseReport(match[0]) ?? []);
}

/** The bytes a terminal sends for a report (for tests and benchmarks): `x`, `y` counted from 0. */
export function mouseBytes(kind: 'press' | 'drag' | 'release', x: number, y: number, button = 0): string {
	const b = button + (kind === 'drag' ? 32 : 0);
	return `\u001B[<${b};${x + 1};${y + 1}${kind === 'release' ? 'm' : 'M'}`;
}
