/** A canvas as PNG bytes, through fast-png (a maintained, dependency-light PNG encoder in JavaScript). */
import {encode} from 'fast-png';
import type {Canvas} from './canvas.js';

/** The canvas as an 8-bit RGB PNG. */
export function encodePng(canvas: Canvas): Uint8Array {
	return encode({width: canvas.width, height: canvas.height, data: canvas.rgb, channels: 3, depth: 8});
}
