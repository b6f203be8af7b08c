import {useStdout} from 'ink';
import {useEffect, useState} from 'react';
import type {Size} from './layout.js';

/** The terminal's size, updated on resize. Read once at the root and passed down. */
export function useTerminalSize(): Size {
	const {stdout} = useStdout();
	const read = (): Size => ({columns: stdout.columns || 80, rows: stdout.rows || 24});
	const [size, setSize] = useState<Size>(read);
	useEffect(() => {
		const onResize = (): void => {
			setSize(read());
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
