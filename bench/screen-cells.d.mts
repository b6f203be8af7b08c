// Types of bench/screen-cells.mjs, for its tests.
export type Cell = {readonly char: string; readonly filled: boolean};
export type Share = {readonly empty: number; readonly total: number; readonly share: number};
export function parseScreen(ansi: string, columns: number, rows: number): Cell[][];
export function isBlank(cell: Cell | undefined): boolean;
export function emptyShare(screen: readonly (readonly Cell[])[], top: number, bottom: number): Share;
export function contentEmptyShare(ansi: string, columns: number, rows: number): Share;
