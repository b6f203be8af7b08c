import {useStdout} from 'ink';
import {useEffect, useState} from 'react';
import type {Size} from './layout.js';

function sizeOf(stdout: NodeJS.WriteStream): Size {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

/** The terminal's size, updated on resize. Read once at the root and passed down. */
export function useTerminalSize(): Size {
	const {stdout} = useStdout();
	const [size, setSize] = useState<Size>(() => sizeOf(stdout));
	useEffect(() => {
		const onResize = (): void => {
			// The same object while the size is the same, so what depends on it stays as it is.
			const next = sizeOf(stdout);
			setSize(size => (size.columns === next.columns && size.rows === next.rows ? size : next));
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
