/**
 * One inbound text frame through a root decoder: the checks every decoder shares (a string, JSON
 * nested at most {@link MAX_JSON_DEPTH} levels, JSON at all), the issues of what was recovered,
 * the excerpt. Total: never throws.
 */
import { decodeError, excerptOf, issueError } from './decode-error';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './depth';
import { Fail, Issues, type Read } from './read';
import type { DecodeError, DecodeResult, InboundFrame } from './types';

const NO_ISSUES: readonly DecodeError[] = Object.freeze([]);

/** Decodes `text` with `decodeRoot` (a parsed JSON value to a frame, or the failure outside any list). */
export function decodeText(text: string, decodeRoot: (root: unknown, issues: Issues) => Read<InboundFrame>): DecodeResult {
  if (typeof text !== 'string') return { ok: false, error: decodeError(new Fail('', 'text frame (string)'), '') };
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    return { ok: false, error: decodeError(new Fail('', `JSON nested at most ${MAX_JSON_DEPTH} levels deep`), text) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: decodeError(new Fail('', 'JSON text'), text) };
  }
  try {
    const issues = new Issues();
    const frame = decodeRoot(parsed, issues);
    if (frame instanceof Fail) return { ok: false, error: decodeError(frame, text) };
    if (issues.list === undefined) return { ok: true, frame, issues: NO_ISSUES };
    const excerpt = excerptOf(text);
    return { ok: true, frame, issues: issues.list.map((issue) => issueError(issue, excerpt)) };
  } catch (error: unknown) {
    // Not expected (the decoders return failures as values); kept so decoding stays total.
    return { ok: false, error: decodeError(new Fail('', `a decodable frame (internal ${error instanceof Error ? error.name : typeof error})`), text) };
  }
}
