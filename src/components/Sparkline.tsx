import {Painted} from './Painted.js';

const levels = '▁▂▃▄▅▆▇█';

/**
 * How much of a change the bars show at full height: the values' own range, but at least `minSpan`
 * and at least `minFraction` of the largest value, so noise small next to that draws as small steps.
 */
export type SparkScale = {readonly minSpan?: number; readonly minFraction?: number};

/**
 * Values as a row of Unicode blocks, higher values taller, the last `width` of them. The top of the
 * scale is the largest value shown; the bottom is the smallest, or lower when the scale's minimum span
 * asks for it. Equal values draw as full blocks.
 */
export function sparkline(values: readonly number[], width: number, scale: SparkScale = {}): string {
	const shown = values.slice(-width);
	if (shown.length === 0) {
		return '';
	}

	const max = Math.max(...shown);
	const span = Math.max(max - Math.min(...shown), scale.minSpan ?? 0, Math.abs(max) * (scale.minFraction ?? 0));
	const top = levels.length - 1;
	return shown.map(v => levels[span > 0 ? Math.round((1 - ((max - v) / span)) * top) : top]).join('');
}

type Props = {readonly values: readonly number[]; readonly width: number; readonly color?: string} & SparkScale;

export function Sparkline({values, width, color, minSpan, minFraction}: Props) {
	return <Painted lines={[[[sparkline(values, width, {minSpan, minFraction}), {color}]]]}/>;
}
