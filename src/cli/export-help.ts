/**
 * The help of `export` and `show`, added to `nnviz-tui --help` by the command line: usage lines after
 * the other commands', and a section of their flags before 'Output'. Lines fit 79 columns printed.
 */
const usage = [
	'  $ nnviz-tui export --model FILE --view VIEW -o FILE.png',
	'                                  a view of the model as a PNG figure',
	'  $ nnviz-tui show --model FILE --view VIEW',
	'                                  the same figure drawn on the terminal',
];

const section = [
	'Figures (export and show)',
	'  --view VIEW        weights, maps, class-models, example, confusion or',
	'                     curves',
	'  --epoch N          the weights of saved epoch N (default: the latest;',
	'                     0 the untrained network)',
	'  --index K          the test image of --view example (default 0)',
	'  --attribution KIND its maps: gradient-x-input (default) or gradient,',
	'                     as a switches them in the examples tab',
	'  -o FILE.png        where export writes the figure (--force replaces it)',
	'  --json             the numbers behind the view instead of a picture',
	'  --color MODE       show: auto, truecolor, 256, 16 or none; without',
	'                     colour (none, NO_COLOR) show draws in shades',
	'  --dataset, --data  the test set of example and confusion, as for eval',
	'',
];

/** `help` (as meow prints it, indented by two) with the usage lines and the figures section added. */
export function withExportHelp(help: string): string {
	const lines = help.split('\n');
	const info = lines.findIndex(line => line.includes('$ nnviz-tui info --model FILE'));
	const lastUsage = lines.findIndex((line, i) => i > info && line.trim() === '') - 1;
	const output = lines.findIndex(line => line.trim() === 'Output');
	if (info < 0 || lastUsage < 0 || output < 0) {
		return help;
	}

	const indent = /^\s*/.exec(lines[output])![0];
	const indented = (part: readonly string[]) => part.map(line => (line === '' ? '' : indent + line));
	return [
		...lines.slice(0, lastUsage + 1), ...indented(usage),
		...lines.slice(lastUsage + 1, output), ...indented(section),
		...lines.slice(output),
	].join('\n');
}
