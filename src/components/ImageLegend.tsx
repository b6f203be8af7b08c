import {Box, Text} from 'ink';
import {theme} from '../app/theme.js';
import type {ColorDepth} from '../render/color-depth.js';
import {negativeShadeRamp, shadeRamp} from '../render/half-block.js';
import {divergingHueNames} from '../render/palette.js';

/** How to read a signed image: the colours, or without colour the two shade ramps; up to two lines. */
export function ImageLegend({depth, extra}: {readonly depth: ColorDepth; readonly extra: string}) {
	const hues = divergingHueNames(depth);
	const colours = depth === 'none'
		? `shades: negative '${negativeShadeRamp.trim()}' / positive '${shadeRamp.trim()}', blank = 0`
		: `${hues.negative} negative · dark 0 · ${hues.positive} positive`;
	return <Box height={2}><Text color={theme.muted} wrap='wrap'>{`${colours} · ${extra}`}</Text></Box>;
}
