import {Box} from 'ink';
import {keyOf} from '../app/key-map.js';
import type {ShownEpoch} from '../app/state.js';
import {theme} from '../app/theme.js';
import {Painted} from './Painted.js';

type Props = {
	readonly shown: ShownEpoch;
	/** The last completed epoch (the timeline's end). */
	readonly latest: number;
	/** An epoch is under way: live weights differ from the latest epoch's. */
	readonly underWay: boolean;
	/** The weights of the epoch asked for are on their way. */
	readonly loading?: boolean;
	readonly width: number;
	/** Name the keys (false in a static snapshot). */
	readonly keys?: boolean;
};

/** What the timeline says of the epoch shown. */
export function shownLabel(shown: ShownEpoch, latest: number, underWay: boolean): string {
	if (shown === 'live') {
		return underWay ? `live · epoch ${latest + 1} under way` : `live · epoch ${latest}${latest === 0 ? ' (untrained)' : ''}`;
	}

	return shown === 0 ? 'epoch 0 (untrained)' : `epoch ${shown} of ${latest}`;
}

/**
 * The scrub track: `width` cells from the untrained network (left) to the latest epoch (right), the
 * part up to the shown epoch drawn heavy and the shown epoch as a dot. Live sits at the right end.
 */
export function scrubTrack(shown: ShownEpoch, latest: number, width: number): {before: string; dot: string; after: string} {
	if (width < 1) {
		return {before: '', dot: '', after: ''};
	}

	const at = shown === 'live' || latest === 0 ? width - 1 : Math.round((Math.min(shown, latest) / latest) * (width - 1));
	return {before: '━'.repeat(at), dot: '●', after: '─'.repeat(width - 1 - at)};
}

/** The timeline line under the tab bar: the epoch the views show, where it is between untrained and latest, and its keys. */
export function Timeline({shown, latest, underWay, loading = false, width, keys = true}: Props) {
	const label = `${shownLabel(shown, latest, underWay)}${loading ? ' · loading…' : ''}`;
	const hint = keys ? `${keyOf('epochBack')} ${keyOf('epochForward')} step · ${keyOf('epochFirst')} untrained · ${keyOf('epochLatest')} live` : '';
	// 'timeline ' + label + ' ' + track + ' ' + hint, the track taking what is left (at least 10 cells, else no hint).
	const fixed = 10 + label.length;
	const withHint = width - fixed - hint.length - 1;
	const trackWidth = Math.max(0, withHint >= 10 ? withHint : width - fixed);
	const shownHint = withHint >= 10 ? hint : '';
	const track = scrubTrack(shown, latest, trackWidth);
	const past = shown !== 'live';
	return (
		<Box width={width}>
			<Painted width={width} lines={[[
				['timeline ', {color: theme.muted}],
				[label, {bold: past, inverse: past && theme.accent === undefined, color: past ? theme.selected : theme.accent}],
				[' '],
				[track.before, {color: theme.accent}],
				[track.dot, {color: past ? theme.selected : theme.accent, bold: true}],
				[track.after, {color: theme.muted}],
				[shownHint === '' ? '' : ` ${shownHint}`, {color: theme.muted}],
			]]}/>
		</Box>
	);
}
