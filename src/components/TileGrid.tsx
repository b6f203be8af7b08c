import {Box, Text} from 'ink';
import {theme} from '../app/theme.js';
import type {Tile} from '../app/tile-sources.js';
import {PixelImage} from './PixelImage.js';

type Props = {
	readonly tiles: readonly Tile[];
	readonly perRow: number;
	/** One tile's width in cells. */
	readonly cols: number;
	/**
	 * Draw a rule in the column between tiles: without colour a blank cell is a zero weight, so a blank
	 * gap would not show where one tile ends and the next begins.
	 */
	readonly rule?: boolean;
};

/**
 * Tiles in rows of perRow, each an image with a one-line label under it; the selected label inverted.
 * A row of tiles is drawn as one image (the tiles side by side, a gap or a rule between them) and its
 * labels as one line: a few layout nodes a row instead of several a tile, which Ink lays out and
 * renders faster.
 */
export function TileGrid({tiles, perRow, cols, rule = false}: Props) {
	const rows: Tile[][] = [];
	for (let i = 0; i < tiles.length; i += Math.max(1, perRow)) {
		rows.push(tiles.slice(i, i + Math.max(1, perRow)));
	}

	return (
		<Box flexDirection='column'>
			{rows.map(row => <TileRow key={row[0].id} row={row} cols={cols} rule={rule}/>)}
		</Box>
	);
}

function TileRow({row, cols, rule}: {readonly row: readonly Tile[]; readonly cols: number; readonly rule: boolean}) {
	const gap = rule ? '│' : ' ';
	const height = Math.max(...row.map(tile => tile.lines.length));
	const lines = Array.from({length: height}, (_, r) => row.map(tile => tile.lines[r] ?? ' '.repeat(cols)).join(gap));
	const width = (row.length * cols) + row.length - 1;
	return (
		<Box flexDirection='column' width={width} flexShrink={0}>
			<PixelImage id={`${row[0].id}.row`} lines={lines} cols={width}/>
			<Text wrap='truncate-end'>
				{row.map((tile, i) => (
					<Text key={tile.id}>
						{i > 0 && ' '}
						<TileLabel label={tile.label} selected={tile.selected} cols={cols}/>
					</Text>
				))}
			</Text>
		</Box>
	);
}

/**
 * A tile's label cut to its width: its first word (the index) bold in the accent colour, the rest
 * (a figure, a name) muted, so labels side by side read apart even in colour's absence (bold); the
 * selected label inverse in the selection colour.
 */
function TileLabel({label, selected, cols}: {readonly label: string; readonly selected: boolean; readonly cols: number}) {
	const text = [...label].slice(0, cols).join('').padEnd(cols);
	if (selected) {
		return <Text inverse bold color={theme.selected}>{text}</Text>;
	}

	const space = text.indexOf(' ');
	const head = space < 0 ? text : text.slice(0, space);
	return (
		<Text>
			<Text bold color={theme.accent}>{head}</Text>
			<Text color={theme.muted}>{text.slice(head.length)}</Text>
		</Text>
	);
}

type SetsProps = {
	readonly trained: readonly Tile[];
	readonly untrained: readonly Tile[];
	/** With one set: show the untrained tiles instead of the trained ones. */
	readonly showUntrained: boolean;
	/** Both sets, one above the other, each under its caption. */
	readonly twoSets: boolean;
	readonly perRow: number;
	readonly cols: number;
	/** Captions over the two sets when both show. */
	readonly captions: readonly [string, string];
	/** A rule between tiles (see TileGrid). */
	readonly rule?: boolean;
};

/** Trained and untrained tiles: both, one above the other, when there is room, else the one asked for. */
export function TrainedAndUntrained({trained, untrained, showUntrained, twoSets, perRow, cols, captions, rule = false}: SetsProps) {
	if (!twoSets) {
		return <TileGrid tiles={showUntrained ? untrained : trained} perRow={perRow} cols={cols} rule={rule}/>;
	}

	return (
		<Box flexDirection='column'>
			<Text color={theme.accent} wrap='truncate-end'>{captions[0]}</Text>
			<TileGrid tiles={trained} perRow={perRow} cols={cols} rule={rule}/>
			<Text color={theme.accent} wrap='truncate-end'>{captions[1]}</Text>
			<TileGrid tiles={untrained} perRow={perRow} cols={cols} rule={rule}/>
		</Box>
	);
}
