/**
 * Where the draw tab's parts go in its area, as a pure function of the area's size, so the view (to
 * draw them) and the app (to map a mouse cell to a canvas pixel) agree. The canvas's panel is always
 * at the area's top-left corner; the canvas itself starts one cell in, past the border.
 *
 * Arrangements, tried with the largest zoom first:
 * - 'column': the canvas, and right of it the answer over a panel with the network's input and the
 *   attribution map side by side;
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
	/** Every hidden layer's activations, under the input in 'column' down to the canvas's bottom when rows are left; else undefined. */
	readonly strip?: Rect;
	/** The row of the key line, under the canvas. */
	readonly keyLine: number;
};

const gap = 1;
/** The fewest rows a panel of hidden activations takes: its border, a heading and a strip. */
const minStripHeight = 4;
/** The narrowest the answer may be beyond the class names: a space, a bar of 1, the value and a mark. */
const answerExtra = 13;

/** The draw tab's layout in a width x height area, for images rows x cols and class names up to nameWidth. */
export function canvasLayout(width: number, height: number, image: {rows: number; cols: number}, classes: number, nameWidth: number): CanvasLayout {
	const imageRows = Math.ceil(image.rows / 2);
	const small = {width: image.cols + 2, height: imageRows + 2};
	const both = {width: (2 * image.cols) + 2 + 2, height: imageRows + 3};
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

		// The rows left beside the canvas hold the hidden layers' activations (at least a heading, a strip and the border's two).
		const stripTop = answerHeight + both.height;
		const strip = canvas.height - stripTop >= minStripHeight ? {left, top: stripTop, width: room, height: canvas.height - stripTop} : undefined;
		return {
			arrangement: 'column', zoom, canvas, answer: {left, top: 0, width: room, height: answerHeight},
			input: {left, top: answerHeight, width: room, height: both.height}, attribution: undefined, showsAttribution: true, keyLine: canvas.height,
			...(strip && {strip}),
		};
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
			arrangement: 'row', zoom, canvas, answer: {left: answerLeft, top: 0, width: room, height: answerHeight},
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
			arrangement: 'answer', zoom, canvas, answer: {left, top: 0, width: width - left, height: Math.min(answerHeight, height - 1)},
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
		arrangement: 'answer', zoom: 1, canvas, answer: {left: canvas.width + gap, top: 0, width: Math.max(0, width - canvas.width - gap), height: Math.min(answerHeight, height)},
		input: undefined, attribution: undefined, showsAttribution: false, keyLine: Math.min(canvas.height, height - 1),
	};
}

/** Rows above the tab's area: the tab bar and the timeline (see layout.ts). */
export const contentTop = 2;
