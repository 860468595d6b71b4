/**
 * The emulator's IdP: issues consumer JWTs and judges the ones a socket presents.
 * A token is accepted when it is well-formed, signed by this emulator, for this account
 * (`aud: acc:<accountId>`), not past `exp`, and not issued before the last `expireTokens()`.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { EmulatorClock } from './clock';
import { signJwt, verifyJwt, type JwtFailure } from './jwt';
import { DEFAULT_LIMITS } from './limits';

/** Why a socket's token was refused (the socket closes with 4401). */
export type TokenRefusal = JwtFailure | 'wrong-account' | 'expired';

export type TokenCheck =
  | { readonly ok: true; readonly consumerId: string; readonly expiresAtMs: number }
  | { readonly ok: false; readonly reason: TokenRefusal };

/** Issues and checks consumer JWTs. */
export interface TokenIssuer {
  /** A JWT for `consumerId` on `accountId`; throws when {@link refusal} says there is no room. */
  issue(accountId: string, consumerId: string): string;
  check(token: string, accountId: string): TokenCheck;
  /** Every token issued so far counts as expired from now on. */
  expireAll(): void;
  /** Why no token can be issued now (`maxTokens` unexpired ones are out), or undefined. */
  refusal(): string | undefined;
  /** Forgets every token that expired by now. */
  forgetExpired(): void;
  /** Tokens remembered (unexpired, or expired and not yet forgotten). */
  size(): number;
  /** When the first remembered token expires (epoch ms), or undefined when none is. */
  nextExpiry(): number | undefined;
  /** Whether `consumerId` of `accountId` holds a remembered token (unexpired, or expired and not yet forgotten). */
  holds(accountId: string, consumerId: string): boolean;
}

/** The `iss` claim, like LP's `https://idp.liveperson.net`. */
export const EMULATOR_ISSUER = 'https://idp.lp-call-streams.emulator';

/** A stable, uuid-shaped consumer id for an authCode: the same user gets the same consumer id. */
export function consumerIdFromAuthCode(accountId: string, authCode: string): string {
  const hex = createHash('sha256').update(`${accountId}\u0000${authCode}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Creates the IdP for one emulator run. It remembers each unexpired token's generation (for
 * `expireAll`) and forgets a token once it expired, so at most `maxTokens` are held.
 */
export function createTokenIssuer(secret: string, ttlMs: number, clock: EmulatorClock, maxTokens = DEFAULT_LIMITS.maxTokens): TokenIssuer {
  // expireAll() bumps the generation; a token is valid only if issued in the current one. Tokens this
  // run does not remember (signed with the same secret in an earlier run) count as generation 0.
  let generation = 0;
  // In issue order, which is expiry order (one TTL, a clock that never goes back).
  const live = new Map<string, { readonly generation: number; readonly expiresAtMs: number; readonly holder: string }>();
  // Unexpired tokens per consumer (`accountId NUL consumerId`), so `holds` needs no scan.
  const held = new Map<string, number>();
  const forgetExpired = (): void => {
    const nowMs = clock.now();
    for (const [jti, token] of live) {
      if (token.expiresAtMs > nowMs) break;
      live.delete(jti);
      const left = (held.get(token.holder) ?? 1) - 1;
      if (left > 0) held.set(token.holder, left);
      else held.delete(token.holder);
    }
  };
  const refusal = (): string | undefined => {
    forgetExpired();
    return live.size < maxTokens ? undefined : `The IdP holds the maximum of ${maxTokens} unexpired tokens (maxTokens); try again when some expire`;
  };
  return {
    issue(accountId, consumerId) {
      const full = refusal();
      if (full !== undefined) throw new RangeError(full);
      const nowMs = clock.now();
      const jti = randomUUID();
      const iat = Math.floor(nowMs / 1000);
      const exp = Math.floor((nowMs + ttlMs) / 1000);
      const holder = holderKey(accountId, consumerId);
      live.set(jti, { generation, expiresAtMs: exp * 1000, holder });
      held.set(holder, (held.get(holder) ?? 0) + 1);
      return signJwt({ sub: consumerId, aud: `acc:${accountId}`, iss: EMULATOR_ISSUER, iat, exp, jti }, secret);
    },
    check(token, accountId) {
      const verified = verifyJwt(token, secret);
      if (!verified.ok) return verified;
      const { claims } = verified;
      if (claims.aud !== `acc:${accountId}`) return { ok: false, reason: 'wrong-account' };
      const expiresAtMs = claims.exp * 1000;
      if (expiresAtMs <= clock.now() || (live.get(claims.jti)?.generation ?? 0) < generation) return { ok: false, reason: 'expired' };
      return { ok: true, consumerId: claims.sub, expiresAtMs };
    },
    expireAll() {
      // Tokens this run does not remember count as generation 0: all of them are now expired.
      generation += 1;
      live.clear();
      held.clear();
    },
    refusal,
    forgetExpired,
    size: () => live.size,
    nextExpiry: () => live.values().next().value?.expiresAtMs,
    holds: (accountId, consumerId) => held.has(holderKey(accountId, consumerId)),
  };
}

/** One key per consumer of an account. */
export const holderKey = (accountId: string, consumerId: string): string => `${accountId}\u0000${consumerId}`;
