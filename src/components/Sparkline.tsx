import {Text} from 'ink';

const levels = '▁▂▃▄▅▆▇█';

/** Values as a row of Unicode blocks, lowest to highest, the last `width` of them. */
export function sparkline(values: readonly number[], width: number): string {
	const shown = values.slice(-width);
	if (shown.length === 0) {
		return '';
	}

	const min = Math.min(...shown);
	const max = Math.max(...shown);
	return shown.map(v => levels[max > min ? Math.round(((v - min) / (max - min)) * (levels.length - 1)) : levels.length - 1]).join('');
}

export function Sparkline({values, width, color}: {readonly values: readonly number[]; readonly width: number; readonly color?: string}) {
	return <Text color={color}>{sparkline(values, width)}</Text>;
}
