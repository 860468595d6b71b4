import { isLpTagLike, readLpTag } from '../../lib/lptag';
import { createFakeLpTag } from '../../lib/testing/fake-lptag';

const noop = () => undefined;

describe('isLpTagLike', () => {
  it('accepts an object whose events have bind, unbind and publish functions', () => {
    expect(isLpTagLike({ events: { bind: noop, unbind: noop, publish: noop } })).toBe(true);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'lpTag'],
    ['no events', {}],
    ['events null', { events: null }],
    ['the inline tag stub (bind/trigger only)', { events: { bind: noop, trigger: noop } }],
    ['publish not a function', { events: { bind: noop, unbind: noop, publish: true } }],
  ])('rejects %s', (_name, candidate) => {
    expect(isLpTagLike(candidate)).toBe(false);
  });
});

describe('readLpTag', () => {
  it('reads an lpTag object or an accessor', () => {
    const lpTag = createFakeLpTag();
    expect(readLpTag(lpTag)).toBe(lpTag);
    expect(readLpTag(() => lpTag)).toBe(lpTag);
    expect(readLpTag(() => undefined)).toBeUndefined();
  });

  it('treats a throwing accessor as absent', () => {
    expect(
      readLpTag(() => {
        throw new Error('getter failed');
      }),
    ).toBeUndefined();
  });
});
