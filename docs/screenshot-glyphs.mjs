// The glyphs a screenshot draws itself instead of leaving them to a font, as terminals such as kitty
// and foot do: block elements (half blocks, eighths, quadrants, shades), braille dots and box-drawing
// lines (light, heavy, dashed, rounded corners), as SVG that fills the cell exactly, so images and
// borders have no seams and a font without braille cannot misplace a chart. For docs/screenshot.mjs.

// Glyphs drawn as shapes. Box drawing: arms (u r d l) and weight; dashes: direction, weight, segments.
const boxArms = {
	'─': 'rl', '│': 'ud', '┌': 'rd', '┐': 'dl', '└': 'ur', '┘': 'ul', '├': 'urd', '┤': 'udl', '┬': 'rdl', '┴': 'url', '┼': 'urdl',
	'╴': 'l', '╵': 'u', '╶': 'r', '╷': 'd',
};
const heavyArms = {
	'━': 'rl', '┃': 'ud', '┏': 'rd', '┓': 'dl', '┗': 'ur', '┛': 'ul', '┣': 'urd', '┫': 'udl', '┳': 'rdl', '┻': 'url', '╋': 'urdl',
	'╸': 'l', '╹': 'u', '╺': 'r', '╻': 'd',
};
const roundCorners = {'╭': 'rd', '╮': 'dl', '╯': 'ul', '╰': 'ur'};
const dashes = {
	'┄': 'h1 3', '┅': 'h3 3', '┆': 'v1 3', '┇': 'v3 3', '┈': 'h1 4', '┉': 'h3 4', '┊': 'v1 4', '┋': 'v3 4',
};

/** Rectangles [x, y, w, h] in eighths of the cell for the block elements U+2580-U+259F. */
function blockRects(code) {
	const quadrants = {0x2596: 'd', 0x2597: 'c', 0x2598: 'a', 0x2599: 'acd', 0x259A: 'ad', 0x259B: 'abc', 0x259C: 'abd',
		0x259D: 'b', 0x259E: 'bc', 0x259F: 'bcd'};
	const quadrant = {a: [0, 0, 4, 4], b: [4, 0, 4, 4], c: [0, 4, 4, 4], d: [4, 4, 4, 4]};
	if (code === 0x2580) return [[0, 0, 8, 4]];
	if (code >= 0x2581 && code <= 0x2588) return [[0, 8 - (code - 0x2580), 8, code - 0x2580]];
	if (code >= 0x2589 && code <= 0x258F) return [[0, 0, 0x2590 - code, 8]];
	if (code === 0x2590) return [[4, 0, 4, 8]];
	if (code === 0x2594) return [[0, 0, 8, 1]];
	if (code === 0x2595) return [[7, 0, 1, 8]];
	return quadrants[code] ? [...quadrants[code]].map(q => quadrant[q]) : undefined;
}

/** An SVG of the cell's size; crisp edges (pixel-aligned rectangles) unless it draws curves. */
function svg(width, height, body, {viewBox = `0 0 ${width} ${height}`, crisp = true} = {}) {
	const attributes = `width="${width}" height="${height}" viewBox="${viewBox}" preserveAspectRatio="none"`;
	return `<svg ${attributes}${crisp ? ' shape-rendering="crispEdges"' : ''}>${body}</svg>`;
}

/** Box-drawing lines as rectangles on the cell's pixel grid (light 1 px, heavy 3 px), corners as arcs. */
function boxSvg(char, w, h) {
	const cx = Math.floor((w - 1) / 2);
	const cy = Math.floor((h - 1) / 2);
	const rect = (x, y, rw, rh) => `<rect x="${x}" y="${y}" width="${rw}" height="${rh}" fill="currentColor"/>`;
	if (roundCorners[char]) {
		const [toX, toY] = [roundCorners[char].includes('r') ? w : 0, roundCorners[char].includes('d') ? h : 0];
		const r = Math.min(w, h) / 2;
		const [sx, sy] = [cx + 0.5 + (toX > cx ? r : -r), cy + 0.5 + (toY > cy ? r : -r)];
		const path = `M${toX} ${cy + 0.5}H${sx}Q${cx + 0.5} ${cy + 0.5} ${cx + 0.5} ${sy}V${toY}`;
		return svg(w, h, `<path d="${path}" fill="none" stroke="currentColor" stroke-width="1"/>`, {crisp: false});
	}
	if (dashes[char]) {
		const [kind, count] = dashes[char].split(' ');
		const [vertical, lw, n] = [kind[0] === 'v', Number(kind[1]), Number(count)];
		const length = vertical ? h : w;
		const parts = Array.from({length: n}, (_, k) => {
			const [from, to] = [Math.round((k * length) / n), Math.round(((k + 0.6) * length) / n)];
			return vertical ? rect(cx - ((lw - 1) / 2), from, lw, to - from) : rect(from, cy - ((lw - 1) / 2), to - from, lw);
		});
		return svg(w, h, parts.join(''));
	}
	const heavy = heavyArms[char] !== undefined;
	const lw = heavy ? 3 : 1;
	const [x0, y0] = [cx - ((lw - 1) / 2), cy - ((lw - 1) / 2)];
	const arms = {
		u: rect(x0, 0, lw, y0 + lw), d: rect(x0, y0, lw, h - y0), l: rect(0, y0, x0 + lw, lw), r: rect(x0, y0, w - x0, lw),
	};
	return svg(w, h, [...(heavy ? heavyArms[char] : boxArms[char])].map(arm => arms[arm]).join(''));
}

/** The SVG that draws a cell's glyph, or undefined when the font draws it. */
export function glyphSvg(char, w, h) {
	const code = char.codePointAt(0);
	if (char.length !== 1 && code < 0x10000) {
		return undefined;
	}
	if (boxArms[char] || heavyArms[char] || roundCorners[char] || dashes[char]) {
		return boxSvg(char, w, h);
	}
	if (code >= 0x2591 && code <= 0x2593) {
		return svg(w, h, `<rect width="${w}" height="${h}" fill="currentColor" fill-opacity="${(code - 0x2590) / 4}"/>`);
	}
	const rects = blockRects(code);
	if (rects) {
		const shapes = rects.map(([x, y, rw, rh]) => `<rect x="${x}" y="${y}" width="${rw}" height="${rh}" fill="currentColor"/>`);
		return svg(w, h, shapes.join(''), {viewBox: '0 0 8 8'});
	}
	if (code >= 0x2801 && code <= 0x28FF) {
		const dots = [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2], [0, 3], [1, 3]];
		const circles = dots.filter((_, bit) => (code - 0x2800) & (1 << bit))
			.map(([x, y]) => `<circle cx="${(x + 0.5) * w / 2}" cy="${(y + 0.5) * h / 4}" r="${w * 0.15}" fill="currentColor"/>`);
		return svg(w, h, circles.join(''), {crisp: false});
	}
	return code === 0x2800 ? '' : undefined;
}
