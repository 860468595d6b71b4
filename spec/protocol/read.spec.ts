/** The path-aware readers at their bounds (the decoders' fast paths skip them for valid values). */
import { EXPECT_NON_NEGATIVE_INTEGER, EXPECT_TIMESTAMP, Fail, MAX_EPOCH_MS, readId, readInteger, readTimestamp } from '../../lib/protocol/read';

describe('readTimestamp', () => {
  it('accepts 0 and 8.64e15, refuses just outside, names the path', () => {
    expect(readTimestamp(0, 'p')).toBe(0);
    expect(readTimestamp(MAX_EPOCH_MS, 'p')).toBe(MAX_EPOCH_MS);
    expect(readTimestamp(-1, 'p', 'ts')).toEqual(new Fail('p.ts', EXPECT_TIMESTAMP));
    expect(readTimestamp(MAX_EPOCH_MS + 2, 'p')).toEqual(new Fail('p', EXPECT_TIMESTAMP));
    expect(readTimestamp('1', 'p')).toEqual(new Fail('p', 'number'));
  });
});

describe('readInteger', () => {
  it('names the bound it missed', () => {
    expect(readInteger(-2, 'p', -1)).toEqual(new Fail('p', 'integer ≥ -1'));
    expect(readInteger(-1, 'p', 0, 'seq')).toEqual(new Fail('p.seq', EXPECT_NON_NEGATIVE_INTEGER));
    expect(readInteger(-1, 'p', -1)).toBe(-1);
  });
});

describe('readId', () => {
  it('a finite number becomes a string; anything else fails as a string', () => {
    expect(readId(7, 'p')).toBe('7');
    expect(readId(true, 'p', 'id')).toEqual(new Fail('p.id', 'string'));
    expect(readId('', 'p')).toEqual(new Fail('p', 'non-empty string'));
  });
});
