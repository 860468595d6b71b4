/**
 * The parts of a DecodeError: the redacted excerpt (a token must never reach a diagnostic), the
 * message and the path.
 */
import { decodeError, EXCERPT_LENGTH, excerptOf, messageOf, REDACTED } from '../../lib/protocol/decode-error';
import { Fail } from '../../lib/protocol/read';

describe('excerptOf (redaction)', () => {
  it.each(['jwt', 'token', 'id_token', 'access_token', 'authCode'])('redacts the string value of "%s"', (key) => {
    expect(excerptOf(`{"${key}":"opaque-secret","n":1}`)).toBe(`{"${key}":"${REDACTED}","n":1}`);
  });

  it('matches the keys in any case and with spaces around the colon', () => {
    expect(excerptOf('{"JWT":"a","AuthCode" :  "b","Token":\t"c"}')).toBe(`{"JWT":"${REDACTED}","AuthCode" :  "${REDACTED}","Token":\t"${REDACTED}"}`);
  });

  it('redacts every secret, not only the first, and keeps other keys', () => {
    expect(excerptOf('{"jwt":"a","note":"keep","token":"b","tokens":"keep too"}')).toBe(
      `{"jwt":"${REDACTED}","note":"keep","token":"${REDACTED}","tokens":"keep too"}`,
    );
  });

  it('a secret value with escaped quotes and backslashes is redacted whole', () => {
    expect(excerptOf(String.raw`{"jwt":"a\"b\\c","n":1}`)).toBe(`{"jwt":"${REDACTED}","n":1}`);
  });

  it('a secret value cut off before its closing quote is redacted to the end', () => {
    expect(excerptOf('{"token":"opaque-but-cut')).toBe(`{"token":"${REDACTED}"`);
  });

  it('redacts bare JWT-looking text with every base64url and dot character, and only that', () => {
    expect(excerptOf('x eyJhb_G-ci.Oi=J9.s1g y')).toBe(`x ${REDACTED} y`);
    expect(excerptOf('{"a":"eyJ0","b":"eyJ1"}')).toBe(`{"a":"${REDACTED}","b":"${REDACTED}"}`);
    expect(excerptOf('eyj-not-a-token EYJ')).toBe('eyj-not-a-token EYJ');
  });

  it(`keeps at most ${EXCERPT_LENGTH} characters, and text up to that length whole`, () => {
    const exact = 'a'.repeat(EXCERPT_LENGTH);
    expect(excerptOf(exact)).toBe(exact);
    expect(excerptOf(`${exact}b`)).toBe(exact);
    expect(excerptOf('x'.repeat(10_000))).toBe('x'.repeat(EXCERPT_LENGTH));
  });

  it('redacts a secret that starts inside the excerpt and runs on far past it', () => {
    const text = `${'p'.repeat(EXCERPT_LENGTH - 20)}"jwt":"${'s'.repeat(EXCERPT_LENGTH * 5)}"`;
    expect(excerptOf(text)).toBe(`${'p'.repeat(EXCERPT_LENGTH - 20)}"jwt":"${REDACTED}"`);
  });

  it('redacts on a window of four excerpt lengths: a secret running past it counts as cut off there', () => {
    const text = `{"jwt":"${'s'.repeat(EXCERPT_LENGTH * 5)}"}`;
    expect(excerptOf(text)).toBe(`{"jwt":"${REDACTED}"`); // no closing brace: the window ended inside the value
    const short = `{"jwt":"${'s'.repeat(EXCERPT_LENGTH * 3)}"}`;
    expect(excerptOf(short)).toBe(`{"jwt":"${REDACTED}"}`);
  });
});

describe('messageOf / decodeError', () => {
  it('names the path and what was expected there; the root is "(frame)"', () => {
    expect(messageOf('body.changes[0].type', 'UPSERT or DELETE')).toBe('body.changes[0].type: expected UPSERT or DELETE');
    expect(messageOf('', 'object')).toBe('(frame): expected object');
  });

  it('builds the whole DecodeError value', () => {
    expect(decodeError(new Fail('body.sequence', 'number'), '{"jwt":"x"}')).toEqual({
      kind: 'decode-error',
      path: 'body.sequence',
      expected: 'expected number',
      message: 'body.sequence: expected number',
      excerpt: `{"jwt":"${REDACTED}"}`,
    });
  });
});
