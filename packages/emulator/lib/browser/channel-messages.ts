/**
 * Messages the agent console sends to the stand-in over `BroadcastChannel('lp-call-streams-standin')`
 * (both pages come from the emulator, so they share an origin).
 */
import { isRecord, nonEmptyText } from './narrow';

/** The documented `cobrowse/sessionError` ids. */
export type SessionErrorId = 'UNABLE_TO_CONNECT' | 'BROWSER_NOT_SUPPORTED' | 'NO_CAMERA_ACCESS' | 'AGENT_DISCONNECTED';

/** Default (English) `msg` per id, used when the console sends none. */
export const SESSION_ERROR_MESSAGES: Record<SessionErrorId, string> = {
  UNABLE_TO_CONNECT: 'The call could not be connected.',
  BROWSER_NOT_SUPPORTED: 'Your browser does not support voice and video calls.',
  NO_CAMERA_ACCESS: 'The camera could not be accessed.',
  AGENT_DISCONNECTED: 'The agent got disconnected.',
};

const isSessionErrorId = (value: unknown): value is SessionErrorId =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(SESSION_ERROR_MESSAGES, value);

/** A decoded channel message. */
export type StandInMessage =
  /** Fire `cobrowse/sessionError {msg, id}` in the page. */
  | { readonly type: 'sessionError'; readonly id: SessionErrorId; readonly msg: string }
  /** End the stand-in call in the page (same as `lpTagStandIn.endCall()`). */
  | { readonly type: 'endCall' };

/** Decodes a channel message; `undefined` for anything unknown or malformed. */
export function decodeStandInMessage(data: unknown): StandInMessage | undefined {
  if (!isRecord(data)) return undefined;
  switch (data['type']) {
    case 'sessionError': {
      const id = data['id'];
      if (!isSessionErrorId(id)) return undefined;
      return { type: 'sessionError', id, msg: nonEmptyText(data, 'msg') ?? SESSION_ERROR_MESSAGES[id] };
    }
    case 'endCall':
      return { type: 'endCall' };
    default:
      return undefined;
  }
}
