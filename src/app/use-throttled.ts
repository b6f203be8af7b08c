import {useRef} from 'react';

/**
 * `value` as it was at most `ms` ago: a new value is taken up on the first render at least `ms` after
 * the last one taken up, and at once when `ms` is 0. There is no timer: it suits a value that changes
 * with renders that keep coming (the weights while training runs: one every 250 ms), whose caller
 * passes 0 once they stop, so the last value is taken up then.
 */
export function useThrottled<T>(value: T, ms: number): T {
	const taken = useRef({value, at: -Infinity});
	const now = performance.now();
	if (!Object.is(taken.current.value, value) && (ms <= 0 || now - taken.current.at >= ms)) {
		taken.current = {value, at: now};
	}

	return taken.current.value;
}
