/**
 * Real, signed JWTs (HS256 with node:crypto, base64url), so clients can decode them like LivePerson's.
 * Nothing here ever logs or returns a token inside an error message.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isRecord } from './narrow';

/** The claims the emulator's IdP puts in a consumer JWT (as in LP's: sub, aud, iss, iat, exp, jti). */
export interface ConsumerClaims {
  /** The consumer's participant id. */
  readonly sub: string;
  /** `acc:<accountId>`. */
  readonly aud: string;
  readonly iss: string;
  /** Epoch seconds. */
  readonly iat: number;
  /** Epoch seconds. */
  readonly exp: number;
  readonly jti: string;
}

/** Why a token was refused. */
export type JwtFailure = 'malformed' | 'bad-signature' | 'bad-claims';

export type JwtVerifyResult = { readonly ok: true; readonly claims: ConsumerClaims } | { readonly ok: false; readonly reason: JwtFailure };

const HEADER = { alg: 'HS256', typ: 'JWT' };

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

const sign = (input: string, secret: string): Buffer => createHmac('sha256', secret).update(input).digest();

/** Signs `claims` with HMAC-SHA256. */
export function signJwt(claims: ConsumerClaims, secret: string): string {
  const input = `${encode(HEADER)}.${encode(claims)}`;
  return `${input}.${sign(input, secret).toString('base64url')}`;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

function decodeSegment(segment: string): unknown {
  if (!B64URL.test(segment)) return undefined;
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function readClaims(payload: unknown): ConsumerClaims | undefined {
  if (!isRecord(payload)) return undefined;
  const { sub, aud, iss, iat, exp, jti } = payload;
  if (typeof sub !== 'string' || sub === '' || typeof aud !== 'string' || typeof iss !== 'string') return undefined;
  if (typeof iat !== 'number' || typeof exp !== 'number' || typeof jti !== 'string') return undefined;
  return { sub, aud, iss, iat, exp, jti };
}

/** Checks structure, algorithm and signature (constant-time); the caller judges audience and expiry. */
export function verifyJwt(token: string, secret: string): JwtVerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [head = '', body = '', signature = ''] = parts;
  const header = decodeSegment(head);
  if (!isRecord(header) || header['alg'] !== 'HS256' || !B64URL.test(signature)) return { ok: false, reason: 'malformed' };
  const expected = sign(`${head}.${body}`, secret);
  const actual = Buffer.from(signature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'bad-signature' };
  const claims = readClaims(decodeSegment(body));
  return claims === undefined ? { ok: false, reason: 'bad-claims' } : { ok: true, claims };
}
