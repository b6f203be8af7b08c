/**
 * Imports flow one way. The layers of src, lowest first; a file imports from its own layer or from
 * lower ones, never from a higher one or a sibling on the same rank, and no chain of imports between
 * files comes back to where it started:
 *
 *   0 errors       src/errors.ts: the error classes and their wording helpers
 *   1 fs           writing files safely (atomic writes)
 *   2 data         datasets: IDX, MNIST, the embedded digits           (beside render; neither imports the other)
 *   2 render       pixels to half-block strings, palettes, colour depth
 *   3 nn           the engine
 *   4 model        models, their files, a model meeting its dataset
 *   5 training     the Trainer, the worker's loop, the protocol, the main thread's TrainingClient
 *   5 figures      pictures of a network for export and show: pixel canvas, font, views, PNG  (beside training)
 *   6 commands     train, eval, info, the command types
 *   7 app leaves   the modules of src/app the views read: theme, layout, key map, state (and its
 *                  keystrokes), model view, pixel layer, training view, tile sources and their hook
 *   8 components   the views
 *   9 app          the rest of src/app: the root component (App.tsx), run-tui, the static snapshot,
 *                  the hooks that wire keys, commands and stores, the screen writer
 *  10 cli          src/cli.tsx and src/cli/: argv, flags, help, exit codes
 *
 * So a view never reaches the session's wiring (the training client, the command hooks), and only
 * the app's root puts views together.
 * React, Ink and chalk belong to the UI layers (app leaves, components, app, cli); meow to the cli.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const order: ReadonlyArray<readonly string[]> = [
	['errors'], ['fs'], ['data', 'render'], ['nn'], ['model'], ['training', 'figures'], ['commands'], ['app leaves'], ['components'], ['app'], ['cli'],
];
/** The modules of src/app that views may read. */
const appLeaves = new Set([
	'key-map.ts', 'keystrokes.ts', 'layout.ts', 'model-view.ts', 'pixel-layer.ts', 'state.ts', 'theme.ts', 'training-view.ts',
	'wording.ts', 'tile-sources.ts', 'use-tile-sets.ts', 'tile-layout.ts', 'class-detail-layout.ts', 'confusion-layout.ts', 'test-analysis.ts', 'epoch-store.ts', 'cell-diff.ts',
	'mouse.ts', 'canvas.ts', 'canvas-layout.ts', 'use-explanation.ts', 'use-class-models.ts', 'use-throttled.ts',
].map(name => `app/${name}`));
const uiLayers = new Set(['app leaves', 'components', 'app', 'cli']);

/** A file's layer, from its path under src ('app/state.ts'), or undefined when no layer holds it. */
export function layerOf(file: string): string | undefined {
	if (file === 'errors.ts') {
		return 'errors';
	}

	if (file === 'cli.tsx') {
		return 'cli';
	}

	if (appLeaves.has(file)) {
		return 'app leaves';
	}

	const folder = file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined;
	return order.some(rank => rank.includes(folder ?? '')) ? folder : undefined;
}

function rankOf(layer: string): number {
	return order.findIndex(rank => rank.includes(layer));
}

/** Every module specifier a source text names: static imports and re-exports, and dynamic imports. */
export function specifiers(text: string): string[] {
	return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+'([^']+)'|^\s*import\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm)]
		.map(match => match[1] ?? match[2] ?? match[3]);
}

export type Graph = ReadonlyMap<string, readonly string[]>;

/** What breaks the order: an import of a higher layer or a sibling, a file in no layer, a UI package below the UI. */
export function violations(graph: Graph, packages: ReadonlyMap<string, readonly string[]>): string[] {
	const found: string[] = [];
	for (const file of new Set([...graph.keys(), ...packages.keys()])) {
		const targets = graph.get(file) ?? [];
		const layer = layerOf(file);
		if (layer === undefined) {
			found.push(`src/${file} is in no layer: give its folder a place in the order`);
			continue;
		}

		for (const target of targets) {
			const to = layerOf(target);
			if (to !== undefined && to !== layer && rankOf(to) >= rankOf(layer)) {
				found.push(`src/${file} (${layer}) imports src/${target} (${to})`);
			}
		}

		for (const name of packages.get(file) ?? []) {
			const ui = /^(react|ink|chalk)(\/|$)|^ink-/.test(name);
			if ((ui && !uiLayers.has(layer)) || (/^meow(\/|$)/.test(name) && layer !== 'cli')) {
				found.push(`src/${file} (${layer}) imports ${name}`);
			}
		}
	}

	return found;
}

/** Import chains between files that come back to their start, each as 'a -> b -> a'. */
export function cycles(graph: Graph): string[] {
	const found: string[] = [];
	const state = new Map<string, 'open' | 'done'>();
	const path: string[] = [];
	const visit = (file: string): void => {
		state.set(file, 'open');
		path.push(file);
		for (const target of graph.get(file) ?? []) {
			if (state.get(target) === 'open') {
				found.push([...path.slice(path.indexOf(target)), target].join(' -> '));
			} else if (!state.has(target)) {
				visit(target);
			}
		}

		path.pop();
		state.set(file, 'done');
	};

	for (const file of [...graph.keys()].sort()) {
		if (!state.has(file)) {
			visit(file);
		}
	}

	return found;
}

const source = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, {withFileTypes: true}).flatMap(entry => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) {
			return sourceFiles(path);
		}

		return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative(source, path)] : [];
	});
}

/** The files of src and what each imports: other files (paths under src) and packages. */
function readTree(): {graph: Map<string, string[]>; packages: Map<string, string[]>; unresolved: string[]} {
	const files = sourceFiles(source);
	const known = new Set(files);
	const graph = new Map<string, string[]>();
	const packages = new Map<string, string[]>();
	const unresolved: string[] = [];
	for (const file of files) {
		const targets: string[] = [];
		const names: string[] = [];
		for (const specifier of specifiers(readFileSync(join(source, file), 'utf8'))) {
			if (!specifier.startsWith('.')) {
				names.push(specifier);
				continue;
			}

			const base = join(dirname(file), specifier).replace(/\.js$/, '');
			const target = [`${base}.ts`, `${base}.tsx`].find(candidate => known.has(candidate));
			if (target === undefined) {
				unresolved.push(`src/${file} imports ${specifier}`);
			} else {
				targets.push(target);
			}
		}

		graph.set(file, targets);
		packages.set(file, names);
	}

	return {graph, packages, unresolved};
}

describe('the import checks themselves', () => {
	it('read static, type-only, re-exported and dynamic imports, not words in comments', () => {
		const text = [
			'import {a} from \'./a.js\';',
			'import type {B} from \'../b/b.js\';',
			'export {c} from \'./c.js\';',
			'import \'./side-effect.js\';',
			'const d = await import(\'./d.js\');',
			'// imports come from \'./not-this.js\'',
		].join('\n');
		expect(specifiers(text)).toEqual(['./a.js', '../b/b.js', './c.js', './side-effect.js', './d.js']);
	});

	it('flag an import of a higher layer or a sibling, a file in no layer and React below the UI, and allow the rest', () => {
		const graph = new Map([
			['nn/network.ts', ['errors.ts', 'app/state.ts']],
			['data/idx.ts', ['render/palette.ts']],
			['components/Tab.tsx', ['app/theme.ts', 'render/palette.ts']],
			['app/state.ts', ['components/Tab.tsx', 'app/layout.ts']],
			['app/App.tsx', ['components/Tab.tsx', 'app/state.ts', 'app/use-commands.ts', 'training/client.ts']],
			// The root component among the views, as it was: it reads the app's wiring.
			['components/App.tsx', ['components/Tab.tsx', 'app/use-commands.ts']],
			['widgets/x.ts', []],
		]);
		const packages = new Map([['model/model.ts', ['react']], ['app/App.tsx', ['ink']], ['commands/train.ts', ['meow']]]);
		expect(violations(graph, packages)).toEqual([
			'src/nn/network.ts (nn) imports src/app/state.ts (app leaves)',
			'src/data/idx.ts (data) imports src/render/palette.ts (render)',
			'src/app/state.ts (app leaves) imports src/components/Tab.tsx (components)',
			'src/components/App.tsx (components) imports src/app/use-commands.ts (app)',
			'src/widgets/x.ts is in no layer: give its folder a place in the order',
			'src/model/model.ts (model) imports react',
			'src/commands/train.ts (commands) imports meow',
		]);
	});

	it('find a chain of imports that comes back to its start, inside one layer too', () => {
		const graph = new Map([
			['app/a.ts', ['app/b.ts']],
			['app/b.ts', ['app/c.ts', 'errors.ts']],
			['app/c.ts', ['app/a.ts']],
			['errors.ts', []],
		]);
		expect(cycles(graph)).toEqual(['app/a.ts -> app/b.ts -> app/c.ts -> app/a.ts']);
		expect(cycles(new Map([['app/a.ts', ['app/b.ts']], ['app/b.ts', []]]))).toEqual([]);
	});
});

describe('src', () => {
	const {graph, packages, unresolved} = readTree();

	it('is read whole: every layer has files, and every relative import names a file of src', () => {
		const layers = new Set([...graph.keys()].map(file => layerOf(file)));
		for (const layer of order.flat()) {
			expect(layers, layer).toContain(layer);
		}

		expect(unresolved).toEqual([]);
	});

	it('imports only down the layers (errors, fs, data | render, nn, model, training, commands, app leaves, components, app, cli)', () => {
		expect(violations(graph, packages)).toEqual([]);
	});

	it('has no import cycle between files', () => {
		expect(cycles(graph)).toEqual([]);
	});
});
