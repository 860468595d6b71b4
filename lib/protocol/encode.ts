/**
 * `encode(frame)`: an outbound request frame as JSON text.
 */
import type { AnyRequestFrame, RequestFrame } from './types';

/**
 * The JSON text of a request frame; fields that are `undefined` are left out.
 * The text of an InitConnection carries the JWT: send it, never log it.
 *
 * @example
 * ```ts
 * import { encode, getClock } from 'lp-call-streams/protocol';
 * socket.send(encode(getClock('7'))); // {"kind":"req","id":"7","type":"GetClock"}
 * ```
 */
export function encode(frame: AnyRequestFrame | RequestFrame): string {
  return JSON.stringify(frame);
}
