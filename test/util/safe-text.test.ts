import { describe, expect, test } from '@jest/globals';
import { CommandGuard, inert, jsonText, printable } from '../../src/util/safe-text.js';
import { runnerCommandLines } from '../helpers/runner.js';

describe('printable', () => {
  test.each([
    ['a\n::stop-commands::tok\n.json', 'a\\n::stop-commands::tok\\n.json'],
    ['cr\r::error::x', 'cr\\r::error::x'],
    ['tab\tand\u0000nul', 'tab\\tand\\x00nul'],
    ['\x1b[31mred\x1b[0m', '\\x1b[31mred\\x1b[0m'],
    ['next line\u0085here', 'next line\\x85here'],
    ['sep\u2028par\u2029', 'sep\\u2028par\\u2029'],
    ['bidi \u202eevil\u202c', 'bidi \\u202eevil\\u202c'],
    ['plain group/model-1 (ümlaut, 中文, C:\\dir)', 'plain group/model-1 (ümlaut, 中文, C:\\dir)'],
  ])('%j -> %j', (text, shown) => {
    expect(printable(text)).toBe(shown);
  });
});

describe('the command guard', () => {
  test.each([
    ['::stop-commands::tok', ':\\:stop-commands::tok'],
    ['  \t::error::x', '  \t:\\:error::x'],
    ['\u00a0\u0085::warning::x', '\u00a0\u0085:\\:warning::x'],
    ['first\n::add-mask::x\r::notice::y', 'first\n:\\:add-mask::x\r:\\:notice::y'],
    ['mid-line :: is fine, so is [::1]:80', 'mid-line :: is fine, so is [::1]:80'],
    ['a ##[error]legacy ##[stop-commands]x', 'a ##\\[error]legacy ##\\[stop-commands]x'],
    ['#[ and # [ and ###[', '#[ and # [ and ###\\['],
    [': :x', ': :x'],
  ])('%j -> %j', (text, shown) => {
    expect(inert(text)).toBe(shown);
    expect(runnerCommandLines(inert(text))).toEqual([]);
  });

  test('a command split across writes is still caught', () => {
    const guard = new CommandGuard();
    const out = ['ok\n ', ':', ':stop-commands::t\nx #', '#', '[error]y'].map((c) => guard.write(c)).join('');
    expect(out).toBe('ok\n :\\:stop-commands::t\nx ##\\[error]y');
    expect(runnerCommandLines(out)).toEqual([]);
  });

  test('a guard remembers that a line has begun', () => {
    const guard = new CommandGuard();
    expect(guard.write('x')).toBe('x');
    expect(guard.write('::not a command here')).toBe('::not a command here');
  });
});

describe('JSON for standard output', () => {
  test('the same value, and nothing the runner or the guard would touch', () => {
    const value = { file: 'a\n::stop-commands::tok\n.json', id: 'g/##[error]x', list: ['::x'] };
    const text = jsonText(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(runnerCommandLines(text)).toEqual([]);
    expect(inert(text)).toBe(text);
  });
});
