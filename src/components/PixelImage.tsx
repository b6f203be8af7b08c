import {Box, Text} from 'ink';
import {createContext, useContext} from 'react';
import {maxRowsPerImage, type PixelLayer} from '../app/pixel-layer.js';
import {Painted} from './Painted.js';

/** The pixel layer images are drawn through, when the app runs in a terminal (see pixel-layer.ts). */
export const PixelLayerContext = createContext<PixelLayer | undefined>(undefined);

type Props = {
	/** Where on screen: one key per image position, such as 'weights.trained.3'. */
	readonly id: string;
	/** The image's text rows, as the half-block encoder made them. */
	readonly lines: readonly string[];
	readonly cols: number;
};

/**
 * An image drawn as half-block text rows; through the pixel layer when there is one, in pieces of at
 * most maxRowsPerImage rows (an enlarged example is taller than one piece).
 */
export function PixelImage({id, lines, cols}: Props) {
	const layer = useContext(PixelLayerContext);
	if (lines.length <= maxRowsPerImage) {
		return (
			<Box width={cols} flexShrink={0}>
				{layer
					// The anchors are characters Ink would measure grapheme by grapheme every frame: see Painted.
					? <Painted lines={layer.image(id, lines, cols).map(anchor => [[anchor]])}/>
					: <Text>{lines.join('\n')}</Text>}
			</Box>
		);
	}

	const pieces: Array<readonly string[]> = [];
	for (let row = 0; row < lines.length; row += maxRowsPerImage) {
		pieces.push(lines.slice(row, row + maxRowsPerImage));
	}

	return (
		<Box flexDirection='column' width={cols} flexShrink={0}>
			{pieces.map((piece, k) => <PixelImage key={k} id={`${id}.${k}`} lines={piece} cols={cols}/>)}
		</Box>
	);
}
