import type {ColorDepth} from './color-depth.js';
import {divergingAnsi16Table, divergingColourSteps, divergingIndex, divergingStep, divergingXterm256Table, steppedDivergingTable} from './palette.js';

/**
 * Which side of the diverging map a heat-map cell takes: `correct` the blue side, `wrong` the orange
 * (yellow at 16 colours) side. Blue against orange keeps the two apart for the common red-green colour
 * blindness, as in the weight images.
 */
export type HeatFamily = 'correct' | 'wrong';

/** Ink colour strings for a heat-map cell: its background, and a foreground that reads on it (undefined: the terminal's). */
export type HeatColours = {readonly background: string | undefined; readonly foreground: string | undefined};

/** Chalk's names of the 16 ANSI colours, by number (Ink takes these). */
const ansi16Names: readonly string[] = [
	'black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white',
	'blackBright', 'redBright', 'greenBright', 'yellowBright', 'blueBright', 'magentaBright', 'cyanBright', 'whiteBright',
];

/** From this step (of divergingColourSteps) on the background is light enough that dark text reads better. */
const darkTextStep = 4;

const none: HeatColours = {background: undefined, foreground: undefined};

function hex(rgb: readonly [number, number, number]): string {
	return `#${rgb.map(v => v.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The colours of a heat-map cell of strength t (0..1, clamped) in a family at a colour depth: the
 * diverging map's steps, brighter as t grows. t = 0 (or NaN) has no background; any t above 0 takes
 * at least the first step with a colour, so a cell that holds anything never looks empty. At depth
 * none there is no colour (undefined): the counts carry the meaning.
 */
export function heatColours(t: number, family: HeatFamily, depth: ColorDepth): HeatColours {
	if (depth === 'none' || !(t > 0)) {
		return none;
	}

	// At 16 colours the first step is black (the dark neutral): start there from the second.
	const weakest = (depth === 'ansi16' ? 2 : 1) / divergingColourSteps;
	const strength = Math.min(1, Math.max(t, weakest));
	const index = divergingIndex(family === 'correct' ? -strength : strength);
	const light = Math.abs(divergingStep(index)) >= darkTextStep;
	switch (depth) {
		case 'truecolor': {
			return {background: hex(steppedDivergingTable[index]), foreground: light ? '#000000' : '#ffffff'};
		}

		case 'ansi256': {
			return {background: `ansi256(${divergingXterm256Table[index]})`, foreground: light ? 'ansi256(16)' : 'ansi256(231)'};
		}

		case 'ansi16': {
			return {background: ansi16Names[divergingAnsi16Table[index]], foreground: light ? 'black' : 'whiteBright'};
		}
	}
}
