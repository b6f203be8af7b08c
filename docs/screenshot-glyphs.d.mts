// Types of docs/screenshot-glyphs.mjs, for its tests.
export function glyphSvg(char: string, width: number, height: number): string | undefined;
