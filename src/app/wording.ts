/**
 * Choosing what a line says by its room: views offer wordings, longest first, and show the first that
 * fits whole, so a phrase is shortened by its author rather than cut by the line.
 */

/** The first of `wordings` at most `width` characters long, else `otherwise` ('' by default). */
export function firstFitting(wordings: readonly string[], width: number, otherwise = ''): string {
	return wordings.find(text => [...text].length <= width) ?? otherwise;
}

/** The first of `wordings` that fits `width`, else the last (shortest) one, for the line to cut. */
export function lastIfNoneFits(wordings: readonly string[], width: number): string {
	return firstFitting(wordings, width, wordings.at(-1));
}
