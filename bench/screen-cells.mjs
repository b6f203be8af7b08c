// Reading a `tmux capture-pane -p -e -N` dump back into screen cells, and how much of a screen is
// empty: the pure half of bench/empty-share.mjs, with its tests in test/bench/screen-cells.test.ts.

/**
 * The cells of a captured screen, `rows` lines of `columns` cells: each its character and whether it
 * is filled (a background colour: 40-47, 100-107, 48;5;N, 48;2;r;g;b; or inverse video). tmux carries
 * the style over from one captured line to the next, so the state runs on across lines. One code point
 * is one cell; lines are padded with blank cells, and cells past `columns` are dropped.
 */
export function parseScreen(ansi, columns, rows) {
	const state = {background: false, inverse: false};
	const lines = ansi.split('\n');
	const screen = [];
	for (let y = 0; y < rows; y++) {
		const cells = [];
		for (const match of (lines[y] ?? '').matchAll(/\x1b\[([0-9;:]*)m|\x1b\[[0-9;:?]*[A-Za-z]|\x1b[^[]|([^\x1b])/gu)) {
			if (match[2] !== undefined) {
				cells.push({char: match[2], filled: state.background || state.inverse});
			} else if (match[1] !== undefined) {
				applySgr(state, match[1]);
			}
		}

		while (cells.length < columns) {
			cells.push({char: ' ', filled: false});
		}

		screen.push(cells.slice(0, columns));
	}

	return screen;
}

/** One SGR sequence's parameters (`1;48;5;237`) applied to the background and inverse state. */
function applySgr(state, body) {
	const parameters = body === '' ? ['0'] : body.split(';');
	for (let i = 0; i < parameters.length; i++) {
		const parameter = parameters[i];
		const code = Number(parameter.split(':')[0] || '0');
		if (code === 0) {
			state.background = false;
			state.inverse = false;
		} else if (code === 7) {
			state.inverse = true;
		} else if (code === 27) {
			state.inverse = false;
		} else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) {
			state.background = true;
		} else if (code === 49) {
			state.background = false;
		} else if (code === 38 || code === 48 || code === 58) {
			if (code === 48) {
				state.background = true;
			}

			// 5;N or 2;r;g;b follow, unless written with colons inside this one parameter.
			if (!parameter.includes(':')) {
				i += parameters[i + 1] === '5' ? 2 : (parameters[i + 1] === '2' ? 4 : 0);
			}
		}
	}
}

/** A cell showing nothing: a space on no background. */
export function isBlank(cell) {
	return cell === undefined || (cell.char === ' ' && !cell.filled);
}

/**
 * The empty cells of rows top..bottom-1 of a screen: blank cells whose 3x3 neighbourhood is blank too
 * (cells off the screen count as blank). Gives the count, the cells counted over and their share.
 */
export function emptyShare(screen, top, bottom) {
	let empty = 0;
	let total = 0;
	for (let y = top; y < bottom; y++) {
		for (let x = 0; x < screen[y].length; x++) {
			total++;
			let blank = true;
			for (let dy = -1; dy <= 1 && blank; dy++) {
				for (let dx = -1; dx <= 1 && blank; dx++) {
					blank = isBlank(screen[y + dy]?.[x + dx]);
				}
			}

			empty += blank ? 1 : 0;
		}
	}

	return {empty, total, share: total === 0 ? 0 : empty / total};
}

/** The content area's empty share of a captured screen: the rows under the timeline line (row 2 on) and above the last two (the status line and the spare row). */
export function contentEmptyShare(ansi, columns, rows) {
	return emptyShare(parseScreen(ansi, columns, rows), 2, rows - 2);
}
