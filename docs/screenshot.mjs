// A screenshot of the TUI as a terminal shows it, for the README: the program runs in a tmux pane of
// the given size, the keys are typed (after each, the pane is read until it has not changed for a
// while), the pane is captured with its colours (capture-pane -e), and the cells are written as an
// HTML page that headless Chromium turns into a PNG. Every cell is a box of fixed width in a CSS grid,
// so a glyph the font lacks (drawn from a fallback font of another width) cannot shift the row, and
// the glyphs fonts get wrong (block elements, braille, box drawing) are drawn as shapes
// (screenshot-glyphs.mjs). The capture's cells and colours: screenshot-cells.mjs (SGR 16, 256 and
// truecolour, bold, dim, italic, underline, inverse, strike; a VS Code-like dark palette).
// Writes OUT.ansi (the capture), OUT.html and OUT.png.
// --from renders a capture made earlier (e.g. tui-shot's .ansi) without running anything. A command that
// exits is kept on screen (remain-on-exit), with tmux's "Pane is dead" line under its output.
//   usage: node docs/screenshot.mjs [-x COLS=120] [-y ROWS=40] [-k KEYS]... [-w MAX_SECS=8] [--settle MS=1500]
//          [-t TERM=xterm-256color] [-c COLORTERM=truecolor ('' for none)] [-e NAME=VALUE]... [-s SCALE=1] -o OUT -- COMMAND [ARGS...]
//          node docs/screenshot.mjs -x COLS -y ROWS --from CAPTURE.ansi -o OUT
//   e.g.   npm run build && node docs/screenshot.mjs -x 120 -y 40 -k 2 -o /tmp/weights -- node dist/cli.js --model /tmp/demo.safetensors
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {cellColours, parseScreen, theme} from './screenshot-cells.mjs';
import {glyphSvg} from './screenshot-glyphs.mjs';

const escapeHtml = text => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An HTML page of the screen: a grid of cells `cell` px wide and `2 * cell` px tall. Runs of blank
 * cells of one background are one box spanning their columns; every other cell is its own box.
 */
export function screenHtml(screen, {cell = 9, font = 15, padding = 10} = {}) {
	const [w, h] = [cell, 2 * cell];
	const classes = new Map();
	const classOf = style => {
		const {fg, bg} = cellColours(style);
		const lines = [style.underline ? 'underline' : '', style.strike ? 'line-through' : ''].join(' ').trim();
		const rule = [`color:${fg}`, `background:${bg}`, style.bold ? 'font-weight:bold' : '', style.italic ? 'font-style:italic' : '',
			lines ? `text-decoration:${lines}` : ''].filter(Boolean).join(';');
		if (!classes.has(rule)) {
			classes.set(rule, `s${classes.size}`);
		}
		return classes.get(rule);
	};
	const blank = c => (c.char === ' ' || c.char === '\u2800') && !c.style.underline && !c.style.strike;
	const cells = [];
	for (const row of screen) {
		for (let x = 0; x < row.length; x++) {
			const c = row[x];
			let span = c.wide ? 2 : 1;
			if (blank(c)) {
				while (x + span < row.length && blank(row[x + span]) && classOf(row[x + span].style) === classOf(c.style)) {
					span++;
				}
			}
			const inner = blank(c) ? '' : (glyphSvg(c.char, w, h) ?? escapeHtml(c.char));
			cells.push(`<div class="${classOf(c.style)}"${span > 1 ? ` style="grid-column:span ${span}"` : ''}>${inner}</div>`);
			x += span - 1;
		}
	}
	const columns = screen[0]?.length ?? 0;
	const css = `body{margin:0;padding:${padding}px;background:${theme.background}}`
		+ `#screen{display:grid;grid-template-columns:repeat(${columns},${w}px);grid-auto-rows:${h}px;`
		+ `font:${font}px/${h}px 'DejaVu Sans Mono','Liberation Mono',monospace;white-space:pre}`
		+ '#screen>div{overflow:visible}#screen svg{display:block}'
		+ [...classes].map(([rule, name]) => `.${name}{${rule}}`).join('');
	return `<!doctype html><meta charset="utf-8"><style>${css}</style><div id="screen">${cells.join('')}</div>\n`;
}

const sleep = ms => new Promise(done => setTimeout(done, ms));

/** Runs the command in a detached tmux pane, types the keys, and returns the last capture. */
async function capture({columns, rows, keys, maxWait, settle, term, colorterm, env, command}) {
	// A server of our own on a socket in a directory of our own (tmux leaves the socket file behind).
	const home = mkdtempSync(join(tmpdir(), 'screenshot-tmux-'));
	const tmux = (...args) => execFileSync('tmux', ['-S', join(home, 'socket'), '-f', '/dev/null', ...args], {encoding: 'utf8'});
	const environment = [`TERM=${term}`, ...(colorterm ? [`COLORTERM=${colorterm}`] : []), ...env];
	tmux('start-server', ';', 'set-option', '-g', 'remain-on-exit', 'on', ';', 'new-session', '-d', '-s', 'main',
		'-x', String(columns), '-y', String(rows), '-c', process.cwd(), 'env', '-u', 'COLORTERM', '-u', 'NO_COLOR', ...environment, ...command);
	const read = () => tmux('capture-pane', '-t', 'main', '-p', '-e', '-N');
	const waitStill = async () => {
		const start = Date.now();
		let [last, since] = [read(), Date.now()];
		while (Date.now() - start < maxWait * 1000 && (Date.now() - since < settle || last.trim() === '')) {
			await sleep(100);
			const now = read();
			if (now !== last) {
				[last, since] = [now, Date.now()];
			}
		}
		return last;
	};
	try {
		await sleep(300);
		let screen = await waitStill();
		for (const key of keys) {
			tmux('send-keys', '-t', 'main', ...key.split(' ').filter(Boolean));
			screen = await waitStill();
		}
		return screen;
	} finally {
		try {
			tmux('kill-server');
		} catch {
			// the server is gone already
		}
		rmSync(home, {recursive: true, force: true});
	}
}

/** Headless Chromium's screenshot of the page at the given CSS size and scale. */
function renderPng(htmlPath, pngPath, width, height, scale) {
	const profile = mkdtempSync(join(tmpdir(), 'screenshot-chromium-'));
	try {
		execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`,
			`--force-device-scale-factor=${scale}`, `--window-size=${width},${height}`, `--screenshot=${pngPath}`,
			pathToFileURL(htmlPath).href], {stdio: 'ignore'});
	} finally {
		rmSync(profile, {recursive: true, force: true});
	}
	if (!statSync(pngPath, {throwIfNoEntry: false})?.size) {
		throw new Error(`chromium wrote no ${pngPath}`);
	}
}

async function main() {
	const {values, positionals} = parseArgs({allowPositionals: true, options: {
		x: {type: 'string', short: 'x', default: '120'}, y: {type: 'string', short: 'y', default: '40'},
		k: {type: 'string', short: 'k', multiple: true, default: []}, w: {type: 'string', short: 'w', default: '8'},
		t: {type: 'string', short: 't', default: 'xterm-256color'}, c: {type: 'string', short: 'c', default: 'truecolor'},
		e: {type: 'string', short: 'e', multiple: true, default: []}, s: {type: 'string', short: 's', default: '1'},
		o: {type: 'string', short: 'o'}, from: {type: 'string'}, settle: {type: 'string', default: '1500'},
	}});
	const [columns, rows] = [Number(values.x), Number(values.y)];
	if (!values.o || (!values.from && positionals.length === 0) || !(columns > 0 && rows > 0)) {
		console.error(readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter(line => /^\/\/ {2,}/.test(line)).join('\n'));
		process.exit(2);
	}
	const out = resolve(values.o.replace(/\.png$/, ''));
	const ansi = values.from ? readFileSync(values.from, 'utf8') : await capture({columns, rows, keys: values.k,
		maxWait: Number(values.w), settle: Number(values.settle), term: values.t, colorterm: values.c, env: values.e, command: positionals});
	const [cell, padding] = [9, 10];
	writeFileSync(`${out}.ansi`, ansi);
	writeFileSync(`${out}.html`, screenHtml(parseScreen(ansi, columns, rows), {cell, padding}));
	renderPng(`${out}.html`, `${out}.png`, (columns * cell) + (2 * padding), (rows * 2 * cell) + (2 * padding), Number(values.s));
	console.log(`screenshot: wrote ${out}.ansi ${out}.html ${out}.png`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	await main();
}
