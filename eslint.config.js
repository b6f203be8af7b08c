// Lint for `npm test`: the recommended rules of ESLint and typescript-eslint (syntax only, no type
// information, so a run takes seconds) and React's rules of hooks, with a memo or effect that omits an
// input it reads as an error.
import js from '@eslint/js';
import {defineConfig} from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The Node globals the scripts in bench/ use (TypeScript files are checked by tsc, not no-undef).
const nodeGlobals = Object.fromEntries(
	[
		'AbortController', 'Buffer', 'TextDecoder', 'TextEncoder', 'URL', 'clearInterval', 'clearTimeout',
		'console', 'performance', 'process', 'queueMicrotask', 'setImmediate', 'setInterval', 'setTimeout',
		'structuredClone',
	].map(name => [name, 'readonly']),
);

export default defineConfig(
	{ignores: ['dist/', 'node_modules/', 'src/nn/wasm/assembly/']}, // AssemblyScript, checked by its compiler
	js.configs.recommended,
	tseslint.configs.recommended,
	{
		linterOptions: {reportUnusedDisableDirectives: 'error'},
		languageOptions: {globals: nodeGlobals},
		plugins: {'react-hooks': reactHooks},
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'error',
		},
	},
	{
		// Awaiting in a loop is the exception (an epoch's slices, keys sent one after another, polling
		// for a condition): each place says so with a directive. Benches are left out: they measure one
		// run after another, awaiting in loops is all they do.
		files: ['src/**', 'test/**'],
		rules: {'no-await-in-loop': 'error'},
	},
	{
		// Tests and benches read what a terminal was sent: escape characters in their patterns are the point.
		files: ['test/**', 'bench/**'],
		rules: {'no-control-regex': 'off'},
	},
);
