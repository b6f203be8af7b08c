import {Box, Text} from 'ink';
import type {Grid} from '../app/layout.js';
import {theme} from '../app/theme.js';
import type {Tile} from '../app/tile-sources.js';
import {PixelImage} from './PixelImage.js';

type Props = {
	readonly tiles: readonly Tile[];
	readonly grid: Grid;
	readonly cols: number;
	/**
	 * Draw a rule in the column between tiles: without colour a blank cell is a zero weight, so a blank
	 * gap would not show where one tile ends and the next begins.
	 */
	readonly rule?: boolean;
};

/** Tiles in rows of grid.perRow, each an image with a one-line label under it; the selected label inverted. */
export function TileGrid({tiles, grid, cols, rule = false}: Props) {
	const rows: Tile[][] = [];
	for (let i = 0; i < tiles.length; i += grid.perRow) {
		rows.push(tiles.slice(i, i + grid.perRow));
	}

	return (
		<Box flexDirection='column' width={Math.min(grid.width, (grid.perRow * (cols + 1)) - 1)}>
			{rows.map(row => (
				<Box key={row[0].id}>
					{row.map((tile, i) => (
						<Box key={tile.id} flexDirection='row'>
							{i > 0 && (rule
								? <Box width={1} flexShrink={0}><Text dimColor>{tile.lines.map(() => '│').join('\n')}</Text></Box>
								: <Box width={1} flexShrink={0}/>)}
							<Box flexDirection='column' width={cols} flexShrink={0}>
								<PixelImage id={tile.id} lines={tile.lines} cols={cols}/>
								<Text wrap='truncate-end' inverse={tile.selected} color={tile.selected ? theme.selected : undefined}>
									{tile.label.padEnd(cols).slice(0, cols)}
								</Text>
							</Box>
						</Box>
					))}
				</Box>
			))}
		</Box>
	);
}

type SetsProps = {
	readonly trained: readonly Tile[];
	readonly untrained: readonly Tile[];
	/** With one grid only: show the untrained tiles instead of the trained ones. */
	readonly showUntrained: boolean;
	readonly sideBySide: boolean;
	readonly grid: Grid;
	readonly cols: number;
	/** Titles over the two grids when they are side by side. */
	readonly captions: readonly [string, string];
	/** A rule between tiles (see TileGrid). */
	readonly rule?: boolean;
};

/** Trained and untrained tiles: two grids side by side when there is room, else the one asked for. */
export function TrainedAndUntrained({trained, untrained, showUntrained, sideBySide, grid, cols, captions, rule = false}: SetsProps) {
	if (!sideBySide) {
		return <TileGrid tiles={showUntrained ? untrained : trained} grid={grid} cols={cols} rule={rule}/>;
	}

	return (
		<Box>
			<Box flexDirection='column'>
				<Text color={theme.accent} wrap='truncate-end'>{captions[0]}</Text>
				<TileGrid tiles={trained} grid={grid} cols={cols} rule={rule}/>
			</Box>
			<Box flexDirection='column' marginLeft={2}>
				<Text color={theme.accent} wrap='truncate-end'>{captions[1]}</Text>
				<TileGrid tiles={untrained} grid={grid} cols={cols} rule={rule}/>
			</Box>
		</Box>
	);
}
