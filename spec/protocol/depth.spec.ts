/**
 * Deep nesting: `decode` refuses JSON nested deeper than MAX_JSON_DEPTH before parsing it (a
 * 200,000-deep frame used to take JSON.parse most of a second), and parses anything up to it.
 */
import { decode } from '../../lib/protocol';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../lib/protocol/depth';

const arrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const objects = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
/** An unknown notification (decoded without looking at its body) whose body nests `inner` levels. */
const notification = (body: string): string => `{"kind":"notification","type":"x.Unknown","body":${body}}`;

describe('decode and deep nesting', () => {
  it('is 1000 levels', () => {
    expect(MAX_JSON_DEPTH).toBe(1000);
  });

  it.each([
    ['arrays', arrays],
    ['objects', objects],
  ])('parses a frame nested exactly MAX_JSON_DEPTH deep (%s)', (_name, nest) => {
    const result = decode(notification(nest(MAX_JSON_DEPTH - 1))); // + the frame object itself
    expect(result.ok && result.frame.kind).toBe('notification');
  });

  it.each([
    ['arrays', arrays],
    ['objects', objects],
  ])('refuses one level more, at the frame, saying why (%s)', (_name, nest) => {
    const result = decode(notification(nest(MAX_JSON_DEPTH)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.path).toBe('');
    expect(result.error.message).toBe('(frame): expected JSON nested at most 1000 levels deep');
    expect(result.error.excerpt.startsWith('{"kind":"notification"')).toBe(true);
  });

  it('refuses a 200,000-deep frame (what the fuzzer found slow) without parsing it', () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const result = decode(notification(arrays(200_000)));
      expect(result.ok || result.error.message).toBe('(frame): expected JSON nested at most 1000 levels deep');
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const body = JSON.stringify({ text: `\\"${'['.repeat(5000)}{{{`, more: '"]]]' });
    const result = decode(notification(body));
    expect(result.ok).toBe(true);
    expect(nestsDeeperThan(body, 1)).toBe(false);
    expect(nestsDeeperThan(body, 0)).toBe(true);
  });

  it('skips a plain string of brackets from its opening quote to its closing one', () => {
    expect(nestsDeeperThan('{"a":"[[[[{{"}', 1)).toBe(false);
    expect(nestsDeeperThan('{"a":"[[[[{{","b":[[1]]}', 2)).toBe(true);
  });

  it('scans the shortest text that can be too deep (2 × (maxDepth + 1) characters)', () => {
    expect(nestsDeeperThan('[[]]', 1)).toBe(true);
    expect(nestsDeeperThan('[[]]', 2)).toBe(false);
    expect(nestsDeeperThan('[]', 0)).toBe(true);
  });

  it('counts mixed arrays and objects', () => {
    const text = '[{"a":[{"b":[1]}]}]'; // 5 levels
    expect(nestsDeeperThan(text, 5)).toBe(false);
    expect(nestsDeeperThan(text, 4)).toBe(true);
  });

  it('judges many shallow brackets as shallow', () => {
    const wide = `[${Array.from({ length: 5000 }, () => '{"a":[1]}').join(',')}]`;
    expect(nestsDeeperThan(wide, 3)).toBe(false);
    expect(nestsDeeperThan(wide, 2)).toBe(true);
    expect(decode(notification(wide)).ok).toBe(true);
  });
});
