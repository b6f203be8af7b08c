/** Reading colours back out of `tmux capture-pane -e` output. */
import {sgrParameters} from '../../src/render/escape-codes.js';

/**
 * The colours set by the SGR sequences in `styled`, one entry per colour as written: '31', '97',
 * '38;5;16', '48;5;237', '38;2;10;20;30'. Resets (0, 39, 49) and attributes (bold, inverse...) are
 * not colours and are left out.
 */
export function colourCodes(styled: string): string[] {
	const codes: string[] = [];
	for (const body of sgrParameters(styled)) {
		const parameters = body.split(';');
		for (let i = 0; i < parameters.length; i++) {
			const code = Number(parameters[i]);
			if (code === 38 || code === 48 || code === 58) {
				const length = parameters[i + 1] === '5' ? 3 : (parameters[i + 1] === '2' ? 5 : 2);
				codes.push(parameters.slice(i, i + length).join(';'));
				i += length - 1;
			} else if ((code >= 30 && code <= 37) || (code >= 40 && code <= 47) || (code >= 90 && code <= 97) || (code >= 100 && code <= 107)) {
				codes.push(String(code));
			}
		}
	}

	return codes;
}
