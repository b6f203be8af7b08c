import {Box, Text} from 'ink';
import {createContext, useContext} from 'react';
import type {PixelLayer} from '../app/pixel-layer.js';

/** The pixel layer images are drawn through, when the app runs in a terminal (see pixel-layer.ts). */
export const PixelLayerContext = createContext<PixelLayer | undefined>(undefined);

type Props = {
	/** Where on screen: one key per image position, such as 'weights.trained.3'. */
	readonly id: string;
	/** The image's text rows, as the half-block encoder made them. */
	readonly lines: readonly string[];
	readonly cols: number;
};

/** An image drawn as half-block text rows; through the pixel layer when there is one. */
export function PixelImage({id, lines, cols}: Props) {
	const layer = useContext(PixelLayerContext);
	const shown = layer ? layer.image(id, lines, cols) : lines;
	return (
		<Box width={cols} flexShrink={0}>
			<Text>{shown.join('\n')}</Text>
		</Box>
	);
}
