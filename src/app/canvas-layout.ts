/**
 * Where the draw tab's parts go in its area, as a pure function of the area's size, so the view (to
 * draw them) and the app (to map a mouse cell to a canvas pixel) agree. The canvas's panel is always
 * at the area's top-left corner; the canvas itself starts one cell in, past the border.
 *
 * Arrangements, tried with the largest zoom first:
 * - 'column': the canvas, and right of it the answer over a panel with the network's input and the
 *   attribution map side by side (in a second row, when the canvas is tall enough, the maps of the
 *   runner-up class and of the answer rather than it); the hidden layers' activations beside the
 *   canvas under them, or across the area under the canvas, where the rows are; the right column ends
 *   with the canvas;
 * - 'row': the canvas, the network's input (the attribution map under it when the height allows),
 *   then the answer;
 * - 'answer': the canvas and the answer only.
 * The arrangements with the attribution map are preferred at any zoom to those without.
 */

export type Rect = {readonly left: number; readonly top: number; readonly width: number; readonly height: number};

export type CanvasLayout = {
	readonly arrangement: 'column' | 'row' | 'answer';
	/** Each canvas pixel drawn zoom x zoom pixels (zoom cells wide, zoom / 2 rows tall). */
	readonly zoom: number;
	readonly canvas: Rect;
	readonly answer: Rect;
	/** The network's input (and, in 'column', the attribution map beside it), or undefined. */
	readonly input: Rect | undefined;
	/** The attribution map's own panel ('row'), or undefined ('column' puts it in the input's). */
	readonly attribution: Rect | undefined;
	/** The attribution map is shown. */
	readonly showsAttribution: boolean;
	/** The maps in the input's panel ('column'): the input and the answer's map, or those and the runner-up's two under them. */
	readonly maps: 2 | 4;
	/** Every hidden layer's activations ('column'): under the input down to the canvas's bottom, or across the area under the canvas; else undefined. */
	readonly strip?: Rect;
	/** The keys as a panel, under a strip across the area when rows are left there; undefined: the key line says them. */
	readonly keys?: Rect;
	/** The row of the key line, under the canvas and the panels beside it (the area's height when the keys' panel says them instead). */
	readonly keyLine: number;
};

const gap = 1;
/** The fewest rows a panel of hidden activations takes: its border, a heading and a strip. */
const minStripHeight = 4;
/** The fewest rows the keys' panel takes: its border and three lines. */
const minKeysHeight = 5;
/** The narrowest the answer may be beyond the class names: a space, a bar of 1, the value and a mark. */
const answerExtra = 13;

/** Rows a panel `width` wide needs for hidden layers of these sizes in cells of 3 columns: border, a heading and the cells' lines a layer, a legend. */
export function stripNeed(hidden: readonly number[], width: number): number {
	const perLine = Math.max(1, Math.floor((width - 2) / 3));
	return 2 + hidden.reduce((sum, count) => sum + 1 + Math.ceil(count / perLine), 0) + 1;
}

/**
 * The draw tab's layout in a width x height area, for images rows x cols, class names up to nameWidth
 * and hidden layers of these sizes. Where the canvas goes depends on the first five only, so the app
 * can map the mouse without knowing the network.
 */
export function canvasLayout(
	width: number, height: number, image: {rows: number; cols: number}, classes: number, nameWidth: number, hidden: readonly number[] = [],
): CanvasLayout {
	const imageRows = Math.ceil(image.rows / 2);
	const small = {width: image.cols + 2, height: imageRows + 2};
	// A row of maps: a caption line over images side by side.
	const both = {width: (2 * image.cols) + 2 + 2, height: imageRows + 3};
	const four = {width: both.width, height: (2 * (imageRows + 1)) + 2};
	const answerHeight = classes + 2;
	const answerMin = nameWidth + answerExtra + 2;
	const maxZoom = Math.max(1, Math.floor((width - 2) / image.cols));
	const canvasAt = (zoom: number): Rect => ({left: 0, top: 0, width: (image.cols * zoom) + 2, height: Math.ceil((image.rows * zoom) / 2) + 2});
	const fitsHeight = (canvas: Rect): boolean => canvas.height + 1 <= height;
	const tryColumn = (zoom: number): CanvasLayout | undefined => {
		const canvas = canvasAt(zoom);
		const left = canvas.width + gap;
		const room = width - left;
		if (!fitsHeight(canvas) || room < Math.max(both.width, answerMin) || answerHeight + both.height > height - 1) {
			return undefined;
		}

		// Rows under the canvas, across the area: a strip there, and the keys under it when rows are left.
		const band = height - 1 - canvas.height;
		const bandStrip = hidden.length > 0 && band >= minStripHeight;
		const maps = answerHeight + four.height <= canvas.height && (hidden.length === 0 || bandStrip) ? 4 : 2;
		const seenTop = answerHeight;
		const seenNatural = maps === 4 ? four.height : both.height;
		const beside = canvas.height - seenTop - seenNatural;
		const stripBeside = hidden.length > 0 && maps === 2 && beside >= minStripHeight;
		// The last panel of the right column reaches down to the canvas's bottom.
		const seenHeight = stripBeside ? seenNatural : Math.max(seenNatural, canvas.height - seenTop);
		const base = {
			arrangement: 'column', zoom, canvas, maps, answer: {left, top: 0, width: room, height: answerHeight},
			input: {left, top: seenTop, width: room, height: seenHeight}, attribution: undefined, showsAttribution: true,
		} as const;
		if (stripBeside) {
			return {...base, strip: {left, top: seenTop + seenHeight, width: room, height: beside}, keyLine: canvas.height};
		}

		const columnBottom = Math.max(canvas.height, seenTop + seenHeight);
		if (columnBottom > canvas.height || (!bandStrip && band + 1 < minKeysHeight)) {
			return {...base, keyLine: columnBottom};
		}

		const need = bandStrip ? stripNeed(hidden, width) : 0;
		// The keys' panel says what the key line would, so it takes that row too.
		const keysHeight = band + 1 - need >= minKeysHeight ? band + 1 - need : 0;
		const strip = {left: 0, top: canvas.height, width, height: keysHeight > 0 ? need : band};
		const keys = {left: 0, top: strip.top + strip.height, width, height: keysHeight};
		return {...base, ...(bandStrip && {strip}), ...(keysHeight > 0 && {keys}), keyLine: keysHeight > 0 ? height : height - 1};
	};

	const tryRow = (zoom: number, attribution: boolean): CanvasLayout | undefined => {
		const canvas = canvasAt(zoom);
		const left = canvas.width + gap;
		const answerLeft = left + small.width + gap;
		const room = width - answerLeft;
		const tall = attribution ? 2 * small.height : small.height;
		if (!fitsHeight(canvas) || room < answerMin || tall > height - 1 || answerHeight > height - 1) {
			return undefined;
		}

		return {
			arrangement: 'row', zoom, canvas, maps: 2, answer: {left: answerLeft, top: 0, width: room, height: answerHeight},
			input: {left, top: 0, ...small}, attribution: attribution ? {left, top: small.height, ...small} : undefined,
			showsAttribution: attribution, keyLine: canvas.height,
		};
	};

	const tryAnswer = (zoom: number): CanvasLayout | undefined => {
		const canvas = canvasAt(zoom);
		const left = canvas.width + gap;
		if (!fitsHeight(canvas) || width - left < answerMin) {
			return undefined;
		}

		return {
			arrangement: 'answer', zoom, canvas, maps: 2, answer: {left, top: 0, width: width - left, height: Math.min(answerHeight, height - 1)},
			input: undefined, attribution: undefined, showsAttribution: false, keyLine: canvas.height,
		};
	};

	const zooms = Array.from({length: maxZoom}, (_, k) => maxZoom - k);
	const found = zooms.map(zoom => tryColumn(zoom) ?? tryRow(zoom, true)).find(layout => layout !== undefined)
		?? zooms.map(zoom => tryRow(zoom, false) ?? tryAnswer(zoom)).find(layout => layout !== undefined);
	if (found !== undefined) {
		return found;
	}

	// Too small for any: the canvas alone at zoom 1, cut by the area.
	const canvas = canvasAt(1);
	return {
		arrangement: 'answer', zoom: 1, canvas, maps: 2, answer: {left: canvas.width + gap, top: 0, width: Math.max(0, width - canvas.width - gap), height: Math.min(answerHeight, height)},
		input: undefined, attribution: undefined, showsAttribution: false, keyLine: Math.min(canvas.height, height - 1),
	};
}

/** Rows above the tab's area: the tab bar and the timeline (see layout.ts). */
export const contentTop = 2;
