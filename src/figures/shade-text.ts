/**
 * A figure as plain text for a terminal without colour (NO_COLOR, --color none): each character cell
 * covers a block of the figure's pixels, twice as tall as wide as a cell is, and shows how much the
 * block departs from the white page, darkest as '█'. Blocks of the diverging map's blue side (cool,
 * blue well above red) take the ASCII ramp ' .-=#' instead, so a negative weight never reads as a
 * positive one, as the terminal UI draws signed maps without colour.
 */
import {negativeShadeRamp, shadeRamp} from '../render/half-block.js';
import type {Canvas} from './canvas.js';

/** How far blue must exceed red (0..255, averaged over a block) for the block to count as negative. */
const coolMargin = 40;

/** The lines of `canvas` drawn `columns` characters wide (at most its width in pixels), no trailing spaces. */
export function shadeText(canvas: Canvas, columns: number): string[] {
	const cols = Math.max(1, Math.min(Math.floor(columns), canvas.width));
	const step = canvas.width / cols;
	const rows = Math.max(1, Math.round(canvas.height / (2 * step)));
	const rowStep = canvas.height / rows;
	const lines: string[] = [];
	for (let r = 0; r < rows; r++) {
		const y0 = Math.floor(r * rowStep);
		const y1 = Math.max(y0 + 1, Math.floor((r + 1) * rowStep));
		let line = '';
		for (let c = 0; c < cols; c++) {
			const x0 = Math.floor(c * step);
			const x1 = Math.max(x0 + 1, Math.floor((c + 1) * step));
			line += shadeOf(canvas, x0, x1, y0, y1);
		}

		lines.push(line.trimEnd());
	}

	return lines;
}

/** The shade of the block [x0, x1) x [y0, y1): its mean departure from white, on the ramp its hue picks. */
function shadeOf(canvas: Canvas, x0: number, x1: number, y0: number, y1: number): string {
	const {rgb, width} = canvas;
	let red = 0;
	let green = 0;
	let blue = 0;
	for (let y = y0; y < y1; y++) {
		for (let i = ((y * width) + x0) * 3, end = ((y * width) + x1) * 3; i < end; i += 3) {
			red += rgb[i];
			green += rgb[i + 1];
			blue += rgb[i + 2];
		}
	}

	const n = (x1 - x0) * (y1 - y0);
	red /= n;
	green /= n;
	blue /= n;
	// Rec. 709 luma: 255 is the page, 0 full ink.
	const darkness = 1 - (((0.2126 * red) + (0.7152 * green) + (0.0722 * blue)) / 255);
	const ramp = blue - red > coolMargin ? negativeShadeRamp : shadeRamp;
	const levels = ramp.length - 1;
	return ramp[Math.min(levels, Math.max(0, Math.round(darkness * levels)))];
}
