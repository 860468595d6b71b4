/** What counts as an escape, as checks shared by the families. */
import type { DecodeResult } from 'lp-call-streams/protocol';

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

/** A decode result that breaks `decode`'s contract (a rejection must say where and what), or undefined. */
export function checkDecodeResult(result: DecodeResult, mustDecode: boolean): Escape | undefined {
  if (result.ok) return undefined;
  const { error } = result;
  if (mustDecode) return { kind: 'valid-rejected', message: error.message };
  const explained =
    error.kind === 'decode-error' &&
    typeof error.path === 'string' &&
    typeof error.message === 'string' &&
    error.message.length > 0 &&
    typeof error.excerpt === 'string' &&
    error.excerpt.length <= 200;
  return explained ? undefined : { kind: 'no-diagnostic', message: `a rejection without a usable DecodeError: ${JSON.stringify(error).slice(0, 200)}` };
}
