/** Small text formatters shared by the commands' human-readable output. */
import {printable} from '../errors.js';

/**
 * Text for the terminal, line by line: paths and strings from files with their control and direction
 * characters escaped (printable), the line breaks between them kept. Every line a command prints goes
 * through here; JSON through it too, where it only writes as \uXXXX what JSON.stringify left raw.
 */
export function shown(text: string): string {
	return text.split('\n').map(line => printable(line)).join('\n');
}

/** 0.9512 -> '95.12%'. */
export function percent(fraction: number, digits = 2): string {
	return Number.isNaN(fraction) ? '-' : `${(fraction * 100).toFixed(digits)}%`;
}

/** 1234567 -> '1,234,567'. */
export function count(n: number): string {
	return n.toLocaleString('en-US');
}

/** Lay out rows of cells as columns: numbers right-aligned, text left-aligned, two spaces apart. */
export function table(rows: ReadonlyArray<readonly string[]>): string {
	const widths: number[] = [];
	for (const row of rows) {
		for (const [i, cell] of row.entries()) {
			widths[i] = Math.max(widths[i] ?? 0, cell.length);
		}
	}

	const numeric = /^[-+]?[\d.,]+%?$/;
	return rows.map(row => row.map((cell, i) => (numeric.test(cell) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
		.join('  ').trimEnd()).join('\n') + '\n';
}
