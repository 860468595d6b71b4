/**
 * The emulator's IdP: issues consumer JWTs and judges the ones a socket presents.
 * A token is accepted when it is well-formed, signed by this emulator, for this account
 * (`aud: acc:<accountId>`), not past `exp`, and not issued before the last `expireTokens()`.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { EmulatorClock } from './clock';
import { signJwt, verifyJwt, type JwtFailure } from './jwt';

/** Why a socket's token was refused (the socket closes with 4401). */
export type TokenRefusal = JwtFailure | 'wrong-account' | 'expired';

export type TokenCheck =
  | { readonly ok: true; readonly consumerId: string; readonly expiresAtMs: number }
  | { readonly ok: false; readonly reason: TokenRefusal };

/** Issues and checks consumer JWTs. */
export interface TokenIssuer {
  /** A JWT for `consumerId` on `accountId`. */
  issue(accountId: string, consumerId: string): string;
  check(token: string, accountId: string): TokenCheck;
  /** Every token issued so far counts as expired from now on. */
  expireAll(): void;
}

/** The `iss` claim, like LP's `https://idp.liveperson.net`. */
export const EMULATOR_ISSUER = 'https://idp.lp-call-streams.emulator';

/** A stable, uuid-shaped consumer id for an authCode: the same user gets the same consumer id. */
export function consumerIdFromAuthCode(accountId: string, authCode: string): string {
  const hex = createHash('sha256').update(`${accountId}\u0000${authCode}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Creates the IdP for one emulator run. */
export function createTokenIssuer(secret: string, ttlMs: number, clock: EmulatorClock): TokenIssuer {
  // expireAll() bumps the generation; a token is valid only if issued in the current one. Tokens this
  // run never issued (signed with the same secret in an earlier run) count as generation 0.
  let generation = 0;
  const generationOf = new Map<string, number>();
  return {
    issue(accountId, consumerId) {
      const nowMs = clock.now();
      const jti = randomUUID();
      generationOf.set(jti, generation);
      const iat = Math.floor(nowMs / 1000);
      const exp = Math.floor((nowMs + ttlMs) / 1000);
      return signJwt({ sub: consumerId, aud: `acc:${accountId}`, iss: EMULATOR_ISSUER, iat, exp, jti }, secret);
    },
    check(token, accountId) {
      const verified = verifyJwt(token, secret);
      if (!verified.ok) return verified;
      const { claims } = verified;
      if (claims.aud !== `acc:${accountId}`) return { ok: false, reason: 'wrong-account' };
      const expiresAtMs = claims.exp * 1000;
      if (expiresAtMs <= clock.now() || (generationOf.get(claims.jti) ?? 0) < generation) return { ok: false, reason: 'expired' };
      return { ok: true, consumerId: claims.sub, expiresAtMs };
    },
    expireAll() {
      generation += 1;
    },
  };
}
