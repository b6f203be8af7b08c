import {describe, expect, it} from 'vitest';
import {colorFlags, detectColorDepth} from '../../src/render/color-depth.js';

const tty = true;

describe('detectColorDepth', () => {
	it('lets a flag other than auto win over every variable and over a missing TTY', () => {
		const env = {NO_COLOR: '1', FORCE_COLOR: '0', TERM: 'dumb'};
		expect(detectColorDepth('truecolor', env, false)).toBe('truecolor');
		expect(detectColorDepth('256', env, false)).toBe('ansi256');
		expect(detectColorDepth('16', env, false)).toBe('ansi16');
		expect(detectColorDepth('none', {COLORTERM: 'truecolor', TERM: 'xterm-kitty'}, tty)).toBe('none');
	});

	it('lists auto and every forced depth as flags', () => {
		expect(colorFlags).toEqual(['auto', 'truecolor', '256', '16', 'none']);
	});

	it('turns colour off when NO_COLOR is set and non-empty, even in a truecolour terminal', () => {
		expect(detectColorDepth('auto', {NO_COLOR: '1', COLORTERM: 'truecolor', TERM: 'xterm-256color'}, tty)).toBe('none');
		expect(detectColorDepth('auto', {NO_COLOR: 'yes', FORCE_COLOR: '3'}, tty)).toBe('none');
	});

	it('ignores an empty NO_COLOR', () => {
		expect(detectColorDepth('auto', {NO_COLOR: '', TERM: 'xterm-256color'}, tty)).toBe('ansi256');
	});

	it('follows FORCE_COLOR levels whether or not stdout is a TTY', () => {
		const cases: Array<[string, string]> = [
			['0', 'none'], ['false', 'none'], ['1', 'ansi16'], ['true', 'ansi16'], ['', 'ansi16'],
			['2', 'ansi256'], ['3', 'truecolor'],
		];
		for (const [value, depth] of cases) {
			expect(detectColorDepth('auto', {FORCE_COLOR: value}, false)).toBe(depth);
			expect(detectColorDepth('auto', {FORCE_COLOR: value, COLORTERM: 'truecolor', TERM: 'xterm-256color'}, tty)).toBe(depth);
		}
	});

	it('ignores a FORCE_COLOR value it does not understand', () => {
		expect(detectColorDepth('auto', {FORCE_COLOR: 'maybe', TERM: 'xterm-256color'}, tty)).toBe('ansi256');
		expect(detectColorDepth('auto', {FORCE_COLOR: 'maybe', TERM: 'xterm-256color'}, false)).toBe('none');
	});

	it('gives no colour when stdout is not a TTY and nothing forces it', () => {
		expect(detectColorDepth('auto', {COLORTERM: 'truecolor', TERM: 'xterm-256color'}, false)).toBe('none');
	});

	it('gives truecolour when COLORTERM says truecolor or 24bit', () => {
		expect(detectColorDepth('auto', {COLORTERM: 'truecolor', TERM: 'xterm-256color'}, tty)).toBe('truecolor');
		expect(detectColorDepth('auto', {COLORTERM: '24bit', TERM: 'xterm'}, tty)).toBe('truecolor');
	});

	it('gives 256 colours for TERM=xterm-256color without COLORTERM, as over SSH', () => {
		expect(detectColorDepth('auto', {TERM: 'xterm-256color'}, tty)).toBe('ansi256');
		expect(detectColorDepth('auto', {TERM: 'screen-256color', COLORTERM: ''}, tty)).toBe('ansi256');
		expect(detectColorDepth('auto', {TERM: 'tmux-256'}, tty)).toBe('ansi256');
	});

	it('gives truecolour for kitty, alacritty, wezterm and direct-colour TERMs, which survive SSH', () => {
		for (const term of ['xterm-kitty', 'alacritty', 'wezterm', 'xterm-direct']) {
			expect(detectColorDepth('auto', {TERM: term}, tty)).toBe('truecolor');
		}
	});

	it('gives no colour for TERM=dumb, even with COLORTERM set', () => {
		expect(detectColorDepth('auto', {TERM: 'dumb'}, tty)).toBe('none');
		expect(detectColorDepth('auto', {TERM: 'dumb', COLORTERM: 'truecolor'}, tty)).toBe('none');
	});

	it('gives no colour when TERM is empty or unset', () => {
		expect(detectColorDepth('auto', {}, tty)).toBe('none');
		expect(detectColorDepth('auto', {TERM: ''}, tty)).toBe('none');
	});

	it('gives 16 colours for any other TERM', () => {
		expect(detectColorDepth('auto', {TERM: 'xterm'}, tty)).toBe('ansi16');
		expect(detectColorDepth('auto', {TERM: 'linux'}, tty)).toBe('ansi16');
		expect(detectColorDepth('auto', {TERM: 'vt100'}, tty)).toBe('ansi16');
	});
});
