import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		// CI machines are shared: `bash .ci/run` must pass while other jobs keep both cores busy, and
		// there the tests that run the built binary take 3-5 times as long as on an idle machine. Every
		// one of them waits for a condition (an exit, a screen), so a wide limit costs nothing when
		// they pass; no test comes within a third of it (measured with two busy loops beside the run).
		testTimeout: 120_000,
		hookTimeout: 120_000,
		// Test files run in os.availableParallelism() - 1 workers: one at a time on a 2-core machine,
		// the other core left to the processes the tests start.
	},
});
