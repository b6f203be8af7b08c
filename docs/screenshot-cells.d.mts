// Types of docs/screenshot-cells.mjs, for its tests.
export type Colour = number | string | undefined; // 0-255 a palette index, '#rrggbb', undefined the default
export type Style = {
	readonly fg: Colour; readonly bg: Colour; readonly bold: boolean; readonly dim: boolean; readonly italic: boolean;
	readonly underline: boolean; readonly inverse: boolean; readonly strike: boolean;
};
export type Cell = {char: string; readonly style: Style; readonly wide: boolean; readonly covered?: boolean};
export const theme: {foreground: string; background: string; ansi: string[]};
export const plainStyle: Style;
export function applySgr(style: Style, parameters: string): Style;
export function parseScreen(ansi: string, columns: number, rows: number): Cell[][];
export function paletteColour(index: number): string;
export function cellColours(style: Style): {fg: string; bg: string};
