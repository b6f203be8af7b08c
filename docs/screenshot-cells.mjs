// The cells of a terminal screen as tmux captures it (capture-pane -p -e -N): characters, and their
// styles from SGR sequences (16, 256 and truecolour foregrounds and backgrounds, bold, dim, italic,
// underline, inverse, strike), and the colours a cell is painted in under a dark theme. For
// docs/screenshot.mjs; its tests are test/docs/screenshot-cells.test.ts.
import stringWidth from 'string-width';

/** Default foreground and background, and colours 0-15 (VS Code's dark terminal palette). */
export const theme = {
	foreground: '#cccccc',
	background: '#161616',
	ansi: [
		'#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5',
		'#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff',
	],
};

export const plainStyle = Object.freeze({
	fg: undefined, bg: undefined, bold: false, dim: false, italic: false, underline: false, inverse: false, strike: false,
});

/** A colour after `38`/`48` (`;5;n`, `;2;r;g;b`, or the colon forms): [colour, parameters used]. */
function extendedColour(params, i) {
	const sub = params[i].split(':');
	const [kind, ...rest] = sub.length > 1 ? sub.slice(1) : params.slice(i + 1, i + 5);
	const used = sub.length > 1 ? 0 : (kind === '5' ? 2 : (kind === '2' ? 4 : 1));
	if (kind === '5') {
		return [Number(rest[0]) & 255, used];
	}
	if (kind === '2') {
		const rgb = (sub.length > 4 ? rest.slice(-3) : rest.slice(0, 3)).map(v => Math.min(255, Number(v) || 0));
		return ['#' + rgb.map(v => v.toString(16).padStart(2, '0')).join(''), used];
	}
	return [undefined, used];
}

const flagCodes = {1: ['bold', true], 2: ['dim', true], 3: ['italic', true], 4: ['underline', true], 7: ['inverse', true],
	9: ['strike', true], 21: ['underline', true], 23: ['italic', false], 24: ['underline', false], 27: ['inverse', false],
	29: ['strike', false]};

/** The style after one SGR sequence's parameters ('1;38;5;196', '' for a reset). */
export function applySgr(style, parameters) {
	const params = parameters === '' ? ['0'] : parameters.split(';');
	const next = {...style};
	for (let i = 0; i < params.length; i++) {
		const code = Number(params[i].split(':')[0] || 0);
		if (code === 0) {
			Object.assign(next, plainStyle);
		} else if (code === 22) {
			next.bold = false;
			next.dim = false;
		} else if (code === 4 && params[i].includes(':')) {
			next.underline = params[i].split(':')[1] !== '0';
		} else if (flagCodes[code]) {
			next[flagCodes[code][0]] = flagCodes[code][1];
		} else if (code >= 30 && code <= 37) {
			next.fg = code - 30;
		} else if (code >= 90 && code <= 97) {
			next.fg = code - 82;
		} else if (code >= 40 && code <= 47) {
			next.bg = code - 40;
		} else if (code >= 100 && code <= 107) {
			next.bg = code - 92;
		} else if (code === 39 || code === 49) {
			next[code === 39 ? 'fg' : 'bg'] = undefined;
		} else if (code === 38 || code === 48 || code === 58) {
			const [colour, used] = extendedColour(params, i);
			if (code !== 58) {
				next[code === 38 ? 'fg' : 'bg'] = colour;
			}
			i += used;
		}
	}
	return next;
}

// SGR, other CSI sequences, OSC strings (hyperlinks), charset selections and other two-byte escapes.
// eslint-disable-next-line no-control-regex -- escape sequences are what a capture holds
const escapePattern = /\x1b\[([0-9;:?<=>]*)([ -/]*[@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[()*+].|\x1b./gu;
const graphemes = new Intl.Segmenter('en', {granularity: 'grapheme'});

/**
 * The cells of a capture (capture-pane -p -e -N): rows x columns of {char, style, wide}, where a wide
 * character's second cell is {char: '', style, wide: false, covered: true}. The style carries across
 * lines, as tmux writes only changes. Missing cells are blank in the default style.
 */
export function parseScreen(ansi, columns, rows) {
	const lines = ansi.replace(/\r/g, '').split('\n');
	const screen = [];
	let style = plainStyle;
	for (let y = 0; y < rows; y++) {
		const row = [];
		const line = lines[y] ?? '';
		let last = 0;
		const put = text => {
			for (const {segment} of graphemes.segment(text)) {
				const width = stringWidth(segment);
				if (width === 0 && row.length > 0) {
					row[row.length - (row.at(-1).covered ? 2 : 1)].char += segment;
				} else if (width > 0 && row.length + width <= columns) {
					row.push({char: segment, style, wide: width > 1});
					if (width > 1) {
						row.push({char: '', style, wide: false, covered: true});
					}
				}
			}
		};
		for (const match of line.matchAll(escapePattern)) {
			put(line.slice(last, match.index));
			last = match.index + match[0].length;
			if (match[2] === 'm') {
				style = applySgr(style, match[1]);
			}
		}
		put(line.slice(last));
		while (row.length < columns) {
			row.push({char: ' ', style: plainStyle, wide: false});
		}
		screen.push(row);
	}
	return screen;
}

/** A colour of the 256-colour palette as #rrggbb: 0-15 the theme, a 6x6x6 cube, then 24 greys. */
export function paletteColour(index) {
	if (index < 16) {
		return theme.ansi[index];
	}
	const hex = v => v.toString(16).padStart(2, '0');
	if (index >= 232) {
		return '#' + hex(8 + (10 * (index - 232))).repeat(3);
	}
	const level = v => (v === 0 ? 0 : 55 + (40 * v));
	const i = index - 16;
	return '#' + [Math.floor(i / 36), Math.floor(i / 6) % 6, i % 6].map(v => hex(level(v))).join('');
}

function mix(a, b, share) {
	const channel = (hex, k) => Number.parseInt(hex.slice(1 + (2 * k), 3 + (2 * k)), 16);
	return '#' + [0, 1, 2].map(k => Math.round((channel(a, k) * share) + (channel(b, k) * (1 - share)))
		.toString(16).padStart(2, '0')).join('');
}

/** The colours a cell is painted in: {fg, bg} as #rrggbb after inverse and dim. */
export function cellColours(style) {
	const resolveColour = (colour, fallback) => {
		if (colour === undefined) {
			return fallback;
		}
		return typeof colour === 'number' ? paletteColour(colour) : colour;
	};
	let fg = resolveColour(style.fg, theme.foreground);
	let bg = resolveColour(style.bg, theme.background);
	if (style.inverse) {
		[fg, bg] = [bg, fg];
	}
	return {fg: style.dim ? mix(fg, bg, 0.6) : fg, bg};
}
