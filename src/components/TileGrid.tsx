import {Box, Text} from 'ink';
import type {Grid} from '../app/layout.js';
import {theme} from '../app/theme.js';
import {PixelImage} from './PixelImage.js';

export type Tile = {
	readonly id: string;
	readonly lines: readonly string[];
	readonly label: string;
	readonly selected: boolean;
};

type Props = {readonly tiles: readonly Tile[]; readonly grid: Grid; readonly cols: number};

/** Tiles in rows of grid.perRow, each an image with a one-line label under it; the selected label inverted. */
export function TileGrid({tiles, grid, cols}: Props) {
	const rows: Tile[][] = [];
	for (let i = 0; i < tiles.length; i += grid.perRow) {
		rows.push(tiles.slice(i, i + grid.perRow));
	}

	return (
		<Box flexDirection='column' width={Math.min(grid.width, (grid.perRow * (cols + 1)) - 1)}>
			{rows.map(row => (
				<Box key={row[0].id}>
					{row.map((tile, i) => (
						<Box key={tile.id} flexDirection='column' marginLeft={i > 0 ? 1 : 0} width={cols} flexShrink={0}>
							<PixelImage id={tile.id} lines={tile.lines} cols={cols}/>
							<Text wrap='truncate-end' inverse={tile.selected} color={tile.selected ? theme.selected : undefined}>
								{tile.label.padEnd(cols).slice(0, cols)}
							</Text>
						</Box>
					))}
				</Box>
			))}
		</Box>
	);
}
