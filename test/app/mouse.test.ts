import {describe, expect, it} from 'vitest';
import {disableMouse, enableMouse, isMouseFragment, mouseBytes, mouseReportsIn, parseMouseReport} from '../../src/app/mouse.js';

const plainKeys = {shift: false, alt: false, ctrl: false};

describe('SGR mouse reports', () => {
	it('reads a left press, counting cells from 0', () => {
		expect(parseMouseReport('\u001B[<0;3;4M')).toEqual({kind: 'press', button: 0, x: 2, y: 3, ...plainKeys});
	});

	it('reads the report as Ink hands it over, without its ESC', () => {
		expect(parseMouseReport('[<2;10;20M')).toEqual({kind: 'press', button: 2, x: 9, y: 19, ...plainKeys});
	});

	it('reads a drag (motion with the button held) and a release (lower-case m)', () => {
		expect(parseMouseReport('\u001B[<32;5;6M')).toMatchObject({kind: 'drag', button: 0, x: 4, y: 5});
		expect(parseMouseReport('\u001B[<34;5;6M')).toMatchObject({kind: 'drag', button: 2});
		expect(parseMouseReport('\u001B[<0;5;6m')).toMatchObject({kind: 'release', button: 0, x: 4, y: 5});
		expect(parseMouseReport('\u001B[<35;5;6M')).toMatchObject({kind: 'move', button: 3});
	});

	it('reads the wheel and the modifier keys', () => {
		expect(parseMouseReport('\u001B[<64;1;1M')).toMatchObject({kind: 'wheel', button: 0});
		expect(parseMouseReport('\u001B[<65;1;1M')).toMatchObject({kind: 'wheel', button: 1});
		expect(parseMouseReport('\u001B[<28;1;1M')).toMatchObject({kind: 'press', shift: true, alt: true, ctrl: true});
	});

	it('takes positions beyond column 223, which the old X10 encoding could not', () => {
		expect(parseMouseReport('\u001B[<0;300;120M')).toMatchObject({x: 299, y: 119});
	});

	it('refuses what is not exactly one report', () => {
		for (const text of ['\u001B[<0;3M', '\u001B[<0;3;4', '[<0;3;4Mq', '\u001B[25~', 'q', '\u001B[<0;0;4M', '\u001B[<a;1;1M']) {
			expect(parseMouseReport(text), JSON.stringify(text)).toBeUndefined();
		}
	});

	it('knows the start of a report cut off by the end of a read', () => {
		expect(isMouseFragment('[<32;7;')).toBe(true);
		expect(isMouseFragment('\u001B[<')).toBe(true);
		expect(isMouseFragment('[<32;7;4M')).toBe(false);
		expect(isMouseFragment('[')).toBe(false);
	});

	it('finds every report in a run of bytes', () => {
		const bytes = `${mouseBytes('press', 4, 5)}x${mouseBytes('drag', 4, 6)}${mouseBytes('release', 4, 7)}`;
		expect(bytes).toBe('\u001B[<0;5;6Mx\u001B[<32;5;7M\u001B[<0;5;8m');
		expect(mouseReportsIn(bytes).map(r => [r.kind, r.x, r.y])).toEqual([['press', 4, 5], ['drag', 4, 6], ['release', 4, 7]]);
	});

	it('turns on press, drag and SGR reporting, and off in the reverse order', () => {
		expect(enableMouse).toBe('\u001B[?1000h\u001B[?1002h\u001B[?1006h');
		expect(disableMouse).toBe('\u001B[?1006l\u001B[?1002l\u001B[?1000l');
	});
});
