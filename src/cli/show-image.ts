/**
 * How `show` draws a figure on a colour terminal: terminal-image (the iTerm2 or kitty graphics
 * protocol where there is one, half blocks elsewhere), its half blocks coloured through chalk at the
 * depth the command decided (chalk on its own reads neither NO_COLOR nor --color). Loaded only when
 * show runs: it brings an image library with it.
 */
import type {ColorDepth} from '../render/color-depth.js';

const chalkLevels: Readonly<Record<Exclude<ColorDepth, 'none'>, 1 | 2 | 3>> = {ansi16: 1, ansi256: 2, truecolor: 3};

/** The PNG `png` as terminal text at `depth`, as wide as the terminal. */
export async function renderWithTerminalImage(png: Uint8Array, depth: Exclude<ColorDepth, 'none'>): Promise<string> {
	const [{default: terminalImage}, {default: chalk}] = await Promise.all([import('terminal-image'), import('chalk')]);
	chalk.level = chalkLevels[depth];
	return terminalImage.buffer(png, {width: '100%', preserveAspectRatio: true});
}
