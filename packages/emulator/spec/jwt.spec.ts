/** @jest-environment node */
import { createManualClock } from '../lib';
import { signJwt, verifyJwt, type ConsumerClaims } from '../lib/jwt';
import { consumerIdFromAuthCode, createTokenIssuer, EMULATOR_ISSUER } from '../lib/tokens';

const claims: ConsumerClaims = { sub: 'consumer-1', aud: 'acc:123456', iss: EMULATOR_ISSUER, iat: 1_700_000_000, exp: 1_700_003_600, jti: 'j1' };

function decodePart(token: string, index: number): unknown {
  return JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8'));
}

describe('signJwt / verifyJwt', () => {
  it('produces a three-part base64url HS256 JWT whose claims verify', () => {
    const token = signJwt(claims, 'secret');
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodePart(token, 0)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodePart(token, 1)).toEqual(claims);
    expect(verifyJwt(token, 'secret')).toEqual({ ok: true, claims });
  });

  it('refuses a token signed with another secret', () => {
    expect(verifyJwt(signJwt(claims, 'other'), 'secret')).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a token whose payload was changed', () => {
    const [head, , signature] = signJwt(claims, 'secret').split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url');
    expect(verifyJwt(`${head}.${forged}.${signature}`, 'secret')).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses alg none, garbage and missing claims', () => {
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect(verifyJwt(none, 'secret')).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyJwt('not a jwt', 'secret')).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyJwt('a.b.c.d', 'secret')).toEqual({ ok: false, reason: 'malformed' });
    const { sub: _sub, ...withoutSub } = claims;
    expect(verifyJwt(signJwt({ ...withoutSub, sub: '' }, 'secret'), 'secret')).toEqual({ ok: false, reason: 'bad-claims' });
  });
});

describe('createTokenIssuer', () => {
  it('issues tokens for an account that check out until they expire', () => {
    const clock = createManualClock(Date.UTC(2026, 0, 1)); // a whole second: JWT times are in seconds
    const issuer = createTokenIssuer('s', 60_000, clock);
    const token = issuer.issue('123456', 'c1');
    expect(issuer.check(token, '123456')).toEqual({ ok: true, consumerId: 'c1', expiresAtMs: clock.now() + 60_000 });
    expect(issuer.check(token, '999')).toEqual({ ok: false, reason: 'wrong-account' });
    clock.advance(59_999);
    expect(issuer.check(token, '123456').ok).toBe(true);
    clock.advance(1);
    expect(issuer.check(token, '123456')).toEqual({ ok: false, reason: 'expired' });
  });

  it('carries iat, exp (epoch seconds) and the account audience', () => {
    const clock = createManualClock(Date.UTC(2026, 0, 1));
    const token = createTokenIssuer('s', 3_600_000, clock).issue('le123', 'c1');
    expect(decodePart(token, 1)).toEqual(expect.objectContaining({ sub: 'c1', aud: 'acc:le123', iss: EMULATOR_ISSUER, iat: 1_767_225_600, exp: 1_767_229_200 }));
  });

  it('expireAll expires earlier tokens only, even within the same instant', () => {
    const clock = createManualClock();
    const issuer = createTokenIssuer('s', 60_000, clock);
    const before = issuer.issue('1', 'c1');
    issuer.expireAll();
    const after = issuer.issue('1', 'c1');
    expect(issuer.check(before, '1')).toEqual({ ok: false, reason: 'expired' });
    expect(issuer.check(after, '1').ok).toBe(true);
  });

  it('refuses tokens of another emulator (another secret)', () => {
    const clock = createManualClock();
    const foreign = createTokenIssuer('one', 60_000, clock).issue('1', 'c1');
    expect(createTokenIssuer('two', 60_000, clock).check(foreign, '1')).toEqual({ ok: false, reason: 'bad-signature' });
  });
});

describe('consumerIdFromAuthCode', () => {
  it('is stable per account and authCode, uuid-shaped, and differs between users', () => {
    const a = consumerIdFromAuthCode('1', 'alice');
    expect(consumerIdFromAuthCode('1', 'alice')).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(consumerIdFromAuthCode('1', 'bob')).not.toBe(a);
    expect(consumerIdFromAuthCode('2', 'alice')).not.toBe(a);
  });
});
