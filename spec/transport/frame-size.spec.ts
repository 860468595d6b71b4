/** @jest-environment node */
import fc from 'fast-check';
import { DEFAULT_MAX_INBOUND_FRAME_SIZE, frameSize } from '../../lib/transport/frame-size';

describe('frameSize (what the inbound frame cap measures)', () => {
  it('a text frame is measured by its length (UTF-16 code units), without scanning or parsing it', () => {
    expect(frameSize('{"kind":"resp"}')).toBe(15);
    expect(frameSize('')).toBe(0);
    expect(frameSize('é€😀')).toBe(4);
  });

  it('anything else has no size: the decoder refuses it unparsed', () => {
    expect(frameSize(new ArrayBuffer(7))).toBeUndefined();
    expect(frameSize(undefined)).toBeUndefined();
    expect(frameSize({ length: 3 })).toBeUndefined();
  });

  it('a text frame never takes more UTF-8 bytes than 3 × its measured size (so the cap bounds the parse)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const size = frameSize(text) ?? -1;
        const bytes = Buffer.byteLength(text, 'utf8');
        expect(bytes).toBeGreaterThanOrEqual(size);
        expect(bytes).toBeLessThanOrEqual(3 * size);
      }),
    );
  });
});

describe('DEFAULT_MAX_INBOUND_FRAME_SIZE', () => {
  it('is 1 MiB', () => {
    expect(DEFAULT_MAX_INBOUND_FRAME_SIZE).toBe(1_048_576);
  });
});
