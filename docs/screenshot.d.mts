// Types of docs/screenshot.mjs, for its tests.
import type {Cell} from './screenshot-cells.mjs';
export function screenHtml(screen: readonly (readonly Cell[])[], options?: {cell?: number; font?: number; padding?: number}): string;
