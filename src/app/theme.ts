/** Semantic colour tokens for the views (Ink colour names); components never use colour literals. */
export type Theme = {
	readonly correct: string;
	readonly wrong: string;
	readonly accent: string;
	readonly muted: string;
	readonly selected: string;
	readonly bar: string;
	readonly warning: string;
};

export const theme: Theme = {
	correct: 'green',
	wrong: 'red',
	accent: 'cyan',
	muted: 'gray',
	selected: 'yellow',
	bar: 'blue',
	warning: 'yellow',
};

/** Markers that carry the same meaning as the colours, for terminals without colour (NO_COLOR). */
export const marks = {
	correct: '✓',
	wrong: '✗',
	predicted: '◀',
	/** The true class, beside a wrong prediction: a word, since ✓ there would read as "correct". */
	truth: 'true',
} as const;
