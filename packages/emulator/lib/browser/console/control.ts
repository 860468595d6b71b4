/**
 * The agent console's requests to the emulator's control API, and what it says when one is refused:
 * the refusal's `code` becomes a sentence that names the button to click.
 */
import { isRecord } from '../narrow';
import type { PostJson } from '../types';

/** What to tell the agent for a refused control request (by the emulator's `code`). */
const GUIDANCE: Readonly<Record<string, string>> = {
  'no-conversation': 'There is no conversation yet: click “Start conversation” in the visitor page first.',
  'conversation-closed': 'That conversation is closed: start a new one in the visitor page (“Start conversation”).',
  'unknown-conversation': 'That conversation is gone: pick “latest open” in the Conversation list.',
  'invitation-pending': 'An invitation is still waiting for the visitor: wait for the answer, or click “Cancel invitation”.',
  'call-in-progress': 'A call is in progress: click “Hang up” first.',
  'no-call': 'There is no call or invitation now: click “Invite video” or “Invite voice” first.',
  'unknown-dialog': 'That call is gone: pick “latest open” in the Conversation list.',
  'call-accepted': 'The visitor already accepted: click “Hang up” to end the call.',
  'call-closed': 'That call has already ended.',
};

/** The sentence for a refusal: the guidance for its code, else the emulator's own message. */
export function refusalText(status: number, body: unknown): string {
  const code = isRecord(body) && typeof body['code'] === 'string' ? body['code'] : '';
  const message = isRecord(body) && typeof body['error'] === 'string' ? body['error'] : '';
  return GUIDANCE[code] ?? (message !== '' ? message : `the emulator answered ${status}`);
}

export type ControlOutcome = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly text: string };

/** POSTs a control request; a refusal or a network failure comes back as text. */
export async function control(post: PostJson, path: string, body: object): Promise<ControlOutcome> {
  try {
    const answer = await post(path, body);
    return answer.status >= 200 && answer.status < 300 ? { ok: true, body: answer.body } : { ok: false, text: refusalText(answer.status, answer.body) };
  } catch (error: unknown) {
    return { ok: false, text: `the emulator did not answer (${error instanceof Error ? error.message : String(error)}): is it still running?` };
  }
}
