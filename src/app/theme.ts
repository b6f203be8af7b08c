/**
 * Semantic colour tokens for the views (Ink colour names); components never use colour literals.
 * Without colour (NO_COLOR, --color none) every token is undefined: the views still mark the focus,
 * the selection and the prediction with bold, underline, inverse and the marks below, which NO_COLOR
 * allows (it asks for no colour, not for no styling).
 */
export type Theme = {
	readonly correct: string | undefined;
	readonly wrong: string | undefined;
	readonly accent: string | undefined;
	readonly muted: string | undefined;
	readonly selected: string | undefined;
	readonly bar: string | undefined;
	readonly warning: string | undefined;
};

const colours: Theme = {
	correct: 'green',
	wrong: 'red',
	accent: 'cyan',
	muted: 'gray',
	selected: 'magenta',
	bar: 'blue',
	warning: 'yellow',
};

const noColours: Theme = {
	correct: undefined,
	wrong: undefined,
	accent: undefined,
	muted: undefined,
	selected: undefined,
	bar: undefined,
	warning: undefined,
};

/** The tokens in use (an ES module live binding: views read it when they render). */
export let theme: Theme = colours;

/** Use the colours (true, the default) or no colour at all (false). */
export function setThemeColours(on: boolean): void {
	theme = on ? colours : noColours;
}

/** Markers that carry the same meaning as the colours, for terminals without colour (NO_COLOR). */
export const marks = {
	correct: '✓',
	wrong: '✗',
	predicted: '◀',
	/** The true class, beside a wrong prediction: a word, since ✓ there would read as "correct". */
	truth: 'true',
} as const;
