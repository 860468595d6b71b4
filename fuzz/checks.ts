/** What counts as an escape, as checks shared by the families. */
import type { DecodeError, DecodeResult } from 'lp-call-streams/protocol';

/** An escape: an input the library did not survive as documented. */
export interface Escape {
  readonly kind: 'throw' | 'stream-error' | 'stream-complete' | 'unhandled' | 'no-diagnostic' | 'valid-rejected' | 'contract';
  readonly message: string;
}

/** A short description of anything thrown. */
export function describe(error: unknown): string {
  if (error instanceof Error) {
    const where = error.stack?.split('\n').find((line) => line.trim().startsWith('at '))?.trim() ?? '';
    return `${error.name}: ${error.message.split('\n')[0] ?? ''} ${where}`.slice(0, 300);
  }
  return `${typeof error}: ${String(error)}`.slice(0, 300);
}

/** A usable DecodeError: a path, a non-empty message, an excerpt of at most 200 characters. */
function explained(error: DecodeError): boolean {
  return (
    error.kind === 'decode-error' &&
    typeof error.path === 'string' &&
    typeof error.message === 'string' &&
    error.message.length > 0 &&
    typeof error.excerpt === 'string' &&
    error.excerpt.length <= 200
  );
}

/**
 * A decode result that breaks `decode`'s contract, or undefined: a rejection (of the frame, or of
 * an element it dropped or an `expires` it set aside: an issue) must say where and what; a
 * builder's frame must decode with nothing dropped (its deliberately far or ms-scaled `expires`
 * may be adjusted by the expires rule).
 */
export function checkDecodeResult(result: DecodeResult, mustDecode: boolean): Escape | undefined {
  const errors = result.ok ? result.issues : [result.error];
  const lost = errors.filter((error) => error.recovery?.type !== 'expires');
  if (mustDecode && lost.length > 0) return { kind: 'valid-rejected', message: lost.map((e) => e.message).join('; ').slice(0, 300) };
  const unexplained = errors.find((error) => !explained(error));
  return unexplained === undefined ? undefined : { kind: 'no-diagnostic', message: `a rejection without a usable DecodeError: ${JSON.stringify(unexplained).slice(0, 200)}` };
}
