/**
 * Colour scales for figures: a horizontal bar of the diverging map from -scale to +scale with its
 * end values and 0 written under it, or of any ramp from its low to its high value.
 */
import {diverging, type Rgb} from '../render/palette.js';
import {type Canvas, fillRect, frameRect, ink} from './canvas.js';
import {drawText, textHeight} from './font.js';
import {signedLabel} from './numbers.js';

export const legendBarWidth = 256;
export const legendBarHeight = 14;
/** Height of a legend: caption, bar, gap, values. */
export const legendHeight = textHeight(1) + 4 + legendBarHeight + 4 + textHeight(1);

/** A ramp of colours over t in [0, 1] from left to right. */
export function drawRamp(canvas: Canvas, x: number, y: number, width: number, height: number, colorOf: (t: number) => Rgb): void {
	for (let i = 0; i < width; i++) {
		fillRect(canvas, x + i, y, 1, height, colorOf(width === 1 ? 0 : i / (width - 1)));
	}

	frameRect(canvas, x, y, width, height, ink);
}

/**
 * A legend at (x, y): `caption` above a bar from `low` to `high` colours, the labels under its ends
 * (and `middle` under its centre, when given). Returns the legend's height.
 */
export function drawLegend(
	canvas: Canvas, x: number, y: number, caption: string, colorOf: (t: number) => Rgb, labels: {low: string; middle?: string; high: string},
): number {
	drawText(canvas, caption, x, y, ink);
	const barY = y + textHeight(1) + 4;
	drawRamp(canvas, x, barY, legendBarWidth, legendBarHeight, colorOf);
	const labelY = barY + legendBarHeight + 4;
	drawText(canvas, labels.low, x, labelY, ink);
	if (labels.middle !== undefined) {
		drawText(canvas, labels.middle, x + (legendBarWidth / 2), labelY, ink, 1, 'center');
	}

	drawText(canvas, labels.high, x + legendBarWidth, labelY, ink, 1, 'right');
	return legendHeight;
}

/** The diverging map's legend for values from -scale to +scale: -scale, 0 and +scale under the bar. */
export function drawSignedLegend(canvas: Canvas, x: number, y: number, caption: string, scale: number): number {
	return drawLegend(canvas, x, y, caption, t => diverging((2 * t) - 1), {low: signedLabel(-scale), middle: '0', high: signedLabel(scale)});
}

/** Where the colour bar of a legend drawn at (x, y) is: its left end holds the low colour, its right end the high one. */
export function legendBar(x: number, y: number): {x: number; y: number; width: number; height: number} {
	return {x, y: y + textHeight(1) + 4, width: legendBarWidth, height: legendBarHeight};
}
