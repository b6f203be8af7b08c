// Ink's output stage made cheaper, without changing a byte of what it produces.
//
// Ink builds every frame in a new Output: writes of text at (x, y), then get() lays them on a grid of
// styled cells and turns each row back into a string. Measured with node --cpu-prof on
// bench/tui-frame.mjs (weights tab, 120x40), that stage was about half of a frame, for two reasons:
// - Each Output has its own caches of the styled characters and widths of the lines it draws, so
//   every frame tokenizes every line again (Intl.Segmenter, one object per character), although
//   almost all lines are those of the frame before. Here the caches' methods keep their results
//   across frames, in maps of bounded size.
// - get() fills the grid with a new blank object per cell, and compares the styles of every pair of
//   neighbouring cells by building sets. Here the blank cell is one shared object, and the styles of
//   two cells are compared code by code before the library's diff is asked (it returns nothing for
//   equal styles, so skipping it changes nothing).
// Ink reads cells and cached entries and never changes them, so sharing them is safe;
// test/app/ink-output.test.tsx checks that frames are the same as Ink's own. Output is not in Ink's
// exports, so it is found next to Ink's entry file; if its shape is not the one expected (another Ink
// version), nothing is changed. A frame with a horizontally clipped box goes to Ink's own get().
import {type AnsiCode, type StyledChar, ansiCodesToString, diffAnsiCodes} from '@alcalzone/ansi-tokenize';

type OutputCaches = {
	getStyledChars(line: string): StyledChar[];
	getStringWidth(text: string): number;
	getWidestLine(text: string): number;
};

type Clip = {x1?: number; x2?: number; y1?: number; y2?: number};
type Operation =
	| {type: 'write'; x: number; y: number; text: string; transformers: Array<(line: string, index: number) => string>}
	| {type: 'clip'; clip: Clip}
	| {type: 'unclip'};

type OutputLike = {width: number; height: number; operations: Operation[]; caches: OutputCaches; get(): {output: string; height: number}};
type OutputClass = (new (options: {width: number; height: number}) => OutputLike) & {prototype: OutputLike};

/** Entries kept per cache; when a cache grows past this, it starts again empty. */
export const maxEntries = 8192;

/** A map that forgets everything when it grows past maxEntries (frames reuse most lines, so a rare clear costs one slow frame). */
class BoundedCache<V> {
	readonly #map = new Map<string, V>();

	get(key: string, compute: (key: string) => V): V {
		let value = this.#map.get(key);
		if (value === undefined) {
			value = compute(key);
			if (this.#map.size >= maxEntries) {
				this.#map.clear();
			}

			this.#map.set(key, value);
		}

		return value;
	}

	get size(): number {
		return this.#map.size;
	}
}

type Installed = {styled: BoundedCache<StyledChar[]>; widths: BoundedCache<number>; widest: BoundedCache<number>; inkGet: () => {output: string; height: number}};
let installed: Installed | undefined;

/** The shared caches' sizes, or undefined when Ink's output is as Ink ships it. */
export function inkOutputCacheSizes(): {styledChars: number; widths: number; widestLines: number} | undefined {
	return installed && {styledChars: installed.styled.size, widths: installed.widths.size, widestLines: installed.widest.size};
}

const blank: StyledChar = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) as unknown as AnsiCode[]});

function sameStyles(a: AnsiCode[], b: AnsiCode[]): boolean {
	if (a === b) {
		return true;
	}

	if (a.length !== b.length) {
		return false;
	}

	for (let index = 0; index < a.length; index++) {
		if (a[index]!.code !== b[index]!.code) {
			return false;
		}
	}

	return true;
}

/** A row of cells as Ink writes it: the styles switched where they change, reset at the end, trailing blanks cut. */
function rowToString(row: Array<StyledChar | undefined>): string {
	let text = '';
	let previous: AnsiCode[] | undefined;
	for (const cell of row) {
		if (cell === undefined) {
			continue;
		}

		if (previous === undefined) {
			text += ansiCodesToString(cell.styles);
		} else if (!sameStyles(previous, cell.styles)) {
			text += ansiCodesToString(diffAnsiCodes(previous, cell.styles));
		}

		text += cell.value;
		previous = cell.styles;
	}

	if (previous !== undefined && previous.length > 0) {
		text += ansiCodesToString(diffAnsiCodes(previous, []));
	}

	return text.trimEnd();
}

function clipsHorizontally(operations: Operation[]): boolean {
	return operations.some(operation => operation.type === 'clip' && typeof operation.clip.x1 === 'number' && typeof operation.clip.x2 === 'number');
}

// Whether every character of a line's cells is one cell wide, kept with the (cached, shared) cells.
const narrow = new WeakMap<StyledChar[], boolean>();

function allNarrow(cells: StyledChar[], caches: OutputCaches): boolean {
	let known = narrow.get(cells);
	if (known === undefined) {
		known = cells.every(cell => caches.getStringWidth(cell.value) <= 1);
		narrow.set(cells, known);
	}

	return known;
}

// The rows of the last frame made, with their strings: a row whose cells are the same objects at the
// same places is the same string (cells are shared and never changed), so it is not built again.
let lastRows: Array<Array<StyledChar | undefined>> = [];
let lastStrings: string[] = [];

function sameCells(a: Array<StyledChar | undefined>, b: Array<StyledChar | undefined> | undefined): boolean {
	if (b?.length !== a.length) {
		return false;
	}

	for (let i = 0; i < a.length; i++) {
		if (a[i] !== b[i]) {
			return false;
		}
	}

	return true;
}

function rowStrings(grid: Array<Array<StyledChar | undefined>>): string[] {
	const strings = grid.map((row, y) => (sameCells(row, lastRows[y]) ? lastStrings[y]! : rowToString(row)));
	lastRows = grid;
	lastStrings = strings;
	return strings;
}

/** Lay one write on the grid, cut to the vertical clip, as Ink does. */
function layWrite(grid: Array<Array<StyledChar | undefined>>, operation: Extract<Operation, {type: 'write'}>, clip: Clip | undefined, caches: OutputCaches): void {
	let lines = operation.text.split('\n');
	let {y} = operation;
	if (typeof clip?.y1 === 'number' && typeof clip.y2 === 'number') {
		if (y + lines.length < clip.y1 || y > clip.y2) {
			return;
		}

		const from = y < clip.y1 ? clip.y1 - y : 0;
		const to = y + lines.length > clip.y2 ? clip.y2 - y : lines.length;
		lines = lines.slice(from, to);
		y = Math.max(y, clip.y1);
	}

	let offsetY = 0;
	for (const [index, text] of lines.entries()) {
		const row = grid[y + offsetY];
		if (row === undefined) {
			continue;
		}

		let line = text;
		for (const transformer of operation.transformers) {
			line = transformer(line, index);
		}

		const cells = caches.getStyledChars(line);
		let x = operation.x;
		if (allNarrow(cells, caches)) {
			for (const cell of cells) {
				row[x++] = cell;
			}
		} else {
			for (const cell of cells) {
				row[x] = cell;
				const width = Math.max(1, caches.getStringWidth(cell.value));
				for (let extra = 1; extra < width; extra++) {
					row[x + extra] = {type: 'char', value: '', fullWidth: false, styles: cell.styles};
				}

				x += width;
			}
		}

		offsetY++;
	}
}

function fastGet(this: OutputLike, inkGet: () => {output: string; height: number}): {output: string; height: number} {
	if (clipsHorizontally(this.operations)) {
		return inkGet.call(this);
	}

	const grid = Array.from({length: this.height}, () => Array<StyledChar | undefined>(this.width).fill(blank));
	const clips: Clip[] = [];
	for (const operation of this.operations) {
		if (operation.type === 'clip') {
			clips.push(operation.clip);
		} else if (operation.type === 'unclip') {
			clips.pop();
		} else {
			layWrite(grid, operation, clips.at(-1), this.caches);
		}
	}

	return {output: rowStrings(grid).join('\n'), height: grid.length};
}

async function loadOutput(): Promise<OutputClass | undefined> {
	try {
		const module = await import(new URL('output.js', import.meta.resolve('ink')).href) as {default?: unknown};
		return typeof module.default === 'function' ? module.default as OutputClass : undefined;
	} catch {
		return undefined;
	}
}

function hasExpectedShape(output: Partial<OutputLike>): output is OutputLike {
	const caches = output.caches as Partial<OutputCaches> | undefined;
	return Array.isArray(output.operations) && typeof output.get === 'function'
		&& typeof caches?.getStyledChars === 'function' && typeof caches.getStringWidth === 'function' && typeof caches.getWidestLine === 'function';
}

/**
 * Make Ink's output stage cheaper (see the top of this file). Returns whether it now is. Call before
 * the first render; calling again does nothing more.
 */
export async function speedUpInkOutput(): Promise<boolean> {
	if (installed) {
		return true;
	}

	const Output = await loadOutput();
	const sample = Output && new Output({width: 1, height: 1});
	if (!Output || !sample || !hasExpectedShape(sample)) {
		return false;
	}

	const cachesPrototype = Object.getPrototypeOf(sample.caches) as OutputCaches;
	const inkCaches = {getStyledChars: cachesPrototype.getStyledChars, getStringWidth: cachesPrototype.getStringWidth};
	const shared: Installed = {styled: new BoundedCache(), widths: new BoundedCache(), widest: new BoundedCache(), inkGet: Output.prototype.get};
	cachesPrototype.getStyledChars = function (line) {
		return shared.styled.get(line, key => inkCaches.getStyledChars.call(this, key));
	};

	cachesPrototype.getStringWidth = function (text) {
		return shared.widths.get(text, key => inkCaches.getStringWidth.call(this, key));
	};

	cachesPrototype.getWidestLine = function (text) {
		return shared.widest.get(text, key => Math.max(0, ...key.split('\n').map(line => this.getStringWidth(line))));
	};

	Output.prototype.get = function () {
		return fastGet.call(this, shared.inkGet);
	};

	installed = shared;
	return true;
}

/** Ink's own get() and the one that replaces it, once speedUpInkOutput has run (tests compare the two). */
export function inkOutputGetters(): {ink: () => {output: string; height: number}; fast: () => {output: string; height: number}} | undefined {
	return installed && {
		ink: installed.inkGet,
		fast() {
			return fastGet.call(this as unknown as OutputLike, installed!.inkGet);
		},
	};
}
