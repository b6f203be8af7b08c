/** How many colours the renderer may use. */
export type ColorDepth = 'truecolor' | 'ansi256' | 'ansi16' | 'none';

/** The values of `--color`: `auto` detects, the others force a depth. */
export type ColorFlag = 'auto' | 'truecolor' | '256' | '16' | 'none';

export const colorFlags: readonly ColorFlag[] = ['auto', 'truecolor', '256', '16', 'none'];

/** FORCE_COLOR's numeric levels 0..3. */
const forceColorLevels: readonly ColorDepth[] = ['none', 'ansi16', 'ansi256', 'truecolor'];

/** Terminals that are known to draw 24-bit colour, recognised by a substring of TERM. */
const truecolorTerms: readonly string[] = ['kitty', 'alacritty', 'wezterm'];

/**
 * Decide the colour depth. The first rule that applies wins:
 *
 * 1. A flag other than `auto` wins outright (`truecolor`, `256`, `16`, `none`).
 * 2. NO_COLOR set and non-empty -> none (https://no-color.org; an empty value is "not set").
 * 3. FORCE_COLOR decides outright when it holds a known value, TTY or not:
 *    `0`/`false` -> none, `1`/`true`/empty -> ansi16, `2` -> ansi256, `3` or more -> truecolor.
 *    Other values are ignored.
 * 4. Not a TTY -> none.
 * 5. TERM `dumb` -> none (checked before COLORTERM: a terminal that calls itself dumb gets plain text).
 * 6. COLORTERM `truecolor` or `24bit` -> truecolor.
 * 7. TERM containing `kitty`, `alacritty` or `wezterm`, or ending in `-direct` (xterm-direct) ->
 *    truecolor. These terminals draw 24-bit colour, and unlike COLORTERM, TERM survives SSH, so this
 *    also holds on a remote host.
 * 8. TERM ending in `-256` or `-256color` -> ansi256. Over SSH TERM is forwarded but COLORTERM usually
 *    is not, so `xterm-256color` alone means 256 colours: the common case on a remote machine.
 * 9. TERM empty or unset -> none.
 * 10. Any other TERM -> ansi16.
 */
export function detectColorDepth(flag: ColorFlag, env: NodeJS.ProcessEnv, isTTY: boolean): ColorDepth {
	if (flag !== 'auto') {
		return depthOfFlag(flag);
	}

	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') {
		return 'none';
	}

	const forced = forcedDepth(env.FORCE_COLOR);
	if (forced !== undefined) {
		return forced;
	}

	if (!isTTY) {
		return 'none';
	}

	return depthOfTerminal(env.TERM ?? '', env.COLORTERM ?? '');
}

function depthOfFlag(flag: Exclude<ColorFlag, 'auto'>): ColorDepth {
	switch (flag) {
		case 'truecolor': {
			return 'truecolor';
		}

		case '256': {
			return 'ansi256';
		}

		case '16': {
			return 'ansi16';
		}

		case 'none': {
			return 'none';
		}
	}
}

/** The depth FORCE_COLOR asks for, or undefined when it is unset or not understood. */
function forcedDepth(value: string | undefined): ColorDepth | undefined {
	if (value === undefined) {
		return undefined;
	}

	const text = value.trim().toLowerCase();
	if (text === 'false') {
		return 'none';
	}

	if (text === 'true' || text === '') {
		return 'ansi16';
	}

	if (!/^\d+$/.test(text)) {
		return undefined;
	}

	return forceColorLevels[Math.min(Number(text), 3)];
}

function depthOfTerminal(term: string, colorTerm: string): ColorDepth {
	if (term === 'dumb') {
		return 'none';
	}

	if (colorTerm === 'truecolor' || colorTerm === '24bit') {
		return 'truecolor';
	}

	if (term.endsWith('-direct') || truecolorTerms.some(name => term.includes(name))) {
		return 'truecolor';
	}

	if (/-256(color)?$/.test(term)) {
		return 'ansi256';
	}

	return term === '' ? 'none' : 'ansi16';
}
