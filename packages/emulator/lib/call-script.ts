/**
 * Odd server behaviour on demand: how the emulator answers the stand-in call app's accept and join
 * with ACCEPTED updates. `normal` is LivePerson's order (`accepted` on accept, `joined` on join);
 * the others exist to test a client against a server that repeats itself, is slow, or stays silent.
 * (An ACCEPTED without the consumer, i.e. "answered elsewhere", is `agent.accept()`.)
 */
import type { EmulatorCore } from './core';
import { isRecord } from './narrow';
import type { StoredConversation, StoredDialog } from './store';
import { EmulatorControlError } from './types';

/** `twice`: every update is sent twice; `late`: each comes `delayMs` late; `never`: none comes. */
export type AcceptedBehaviour = 'normal' | 'twice' | 'late' | 'never';
const BEHAVIOURS: readonly AcceptedBehaviour[] = ['normal', 'twice', 'late', 'never'];

/** How the emulator answers the stand-in call app's accept and join (default {@link DEFAULT_CALL_SCRIPT}). */
export interface CallScript {
  /** The ACCEPTED updates: `normal`, `twice`, `late` or `never`. */
  readonly accepted: AcceptedBehaviour;
  /** The delay of `late` (default 3000). */
  readonly delayMs: number;
}

/** LivePerson's behaviour: `accepted` on accept, `joined` on join, at once. */
export const DEFAULT_CALL_SCRIPT: CallScript = { accepted: 'normal', delayMs: 3000 };

/** A script from code or an HTTP body (missing fields: the defaults), or a 400. */
export function decodeCallScript(value: unknown): CallScript {
  if (!isRecord(value)) throw new EmulatorControlError(400, 'the script must be an object like {"accepted":"late","delayMs":3000}', 'bad-request');
  const accepted = BEHAVIOURS.find((b) => b === (value['accepted'] ?? DEFAULT_CALL_SCRIPT.accepted));
  if (accepted === undefined) throw new EmulatorControlError(400, `accepted must be one of ${BEHAVIOURS.join(', ')}`, 'bad-request');
  const delayMs = value['delayMs'] ?? DEFAULT_CALL_SCRIPT.delayMs;
  if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0) throw new EmulatorControlError(400, 'delayMs must be a number of milliseconds >= 0', 'bad-request');
  return { accepted, delayMs };
}

/** Sends the ACCEPTED update `key` of `dialog` the way `script` says (on the emulator's clock). */
export function sendAccepted(core: EmulatorCore, script: CallScript, conversation: StoredConversation, dialog: StoredDialog, key: 'accepted' | 'joined'): void {
  const send = (): void => core.acceptedUpdate(conversation, dialog, key);
  switch (script.accepted) {
    case 'normal':
      return send();
    case 'twice':
      send();
      return send();
    case 'late':
      core.schedule(script.delayMs, send);
      return;
    case 'never':
      return;
  }
}
