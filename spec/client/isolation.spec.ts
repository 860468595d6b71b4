/**
 * Issue 14, point 1, through the whole client over the fake socket: a conversation whose snapshots
 * hold poisoned dialogs (an earlier call's `expires` of 1e16, another with a `sessionState` of the
 * wrong type) still delivers the invitation, accept, hang-up and close of its other dialog, and
 * every problem reaches `diagnostic$` as a decode error naming the element.
 */
import type { JsonObject } from '../../lib/protocol/types';
import { callDialog, conversationUpsert, exConversationNotification, mainDialog } from '../../lib/testing/frames';
import { CONVERSATION, createHarness, DIALOG, type Harness } from './harness';

const DIALOGS = 'body.changes[0].result.conversationDetails.dialogs';

/** An earlier call, closed long ago, whose `expires` is 1e16 (beyond any date even as ms). */
const oldCall: JsonObject = { ...callDialog({ dialogId: 'old-call', sessionState: 'CLOSED', creationTs: 100, metaDataLastUpdateTs: 200 }), metaData: { sessionState: 'CLOSED', mode: 'VOICE_CALL', expires: 1e16 } };
/** Another one whose `sessionState` is a number: it cannot be decoded at all. */
const brokenCall: JsonObject = { ...callDialog({ dialogId: 'broken-call', creationTs: 100, metaDataLastUpdateTs: 200 }), metaData: { sessionState: 3, mode: 'VIDEO_CALL' } };

let ts = 1000;
/** The server sends the conversation: MAIN, the two poisoned dialogs, then the live call in `sessionState`. */
function send(h: Harness, sessionState: string, extra: { readonly state?: string; readonly notificationKey?: string } = {}): void {
  ts += 1;
  const socket = h.fake.latest();
  const subscribe = socket.lastRequest('cqm.SubscribeExConversations');
  const call = callDialog({ dialogId: DIALOG, sessionState, creationTs: 500, expiresAt: h.scheduler.frame + 120_000, metaDataLastUpdateTs: ts, ...extra });
  const conversation = conversationUpsert({ conversationId: CONVERSATION, metaDataLastUpdateTs: ts, dialogs: [mainDialog({ conversationId: CONVERSATION }), oldCall, brokenCall, call] });
  socket.receive(exConversationNotification({ subscriptionId: `sub-${socket.index}-${subscribe?.id ?? '?'}`, changes: [conversation] }));
  h.advance(0);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('client: one poisoned dialog costs its conversation nothing', () => {
  it('invite → accept → ACCEPTED → hang-up → closed, with the poisoned dialogs in every snapshot; each problem is a diagnostic', () => {
    const h = createHarness();
    const subscription = h.subscribeAll();
    h.advance(10);

    send(h, 'INVITED');
    expect(h.seen.invitations.map((i) => i.dialogId)).toEqual([DIALOG]);
    const invitation = h.seen.invitations[0];
    if (invitation === undefined) throw new Error('no invitation');
    h.client.accept(invitation).subscribe();
    h.advance(0);
    send(h, 'ACCEPTED', { notificationKey: 'accepted' });
    expect(h.seen.accepted.map((a) => a.dialogId)).toEqual([DIALOG]);
    send(h, 'CLOSED', { state: 'CLOSE' });
    expect(h.seen.closed.map((c) => [c.dialog.dialogId, c.reason])).toEqual([[DIALOG, 'hangup']]);
    expect(h.statuses().at(-1)).toBe('ended');

    const decodeIssues = h.seen.diagnostics.flatMap((d) => (d.source === 'connection' && d.diagnostic.type === 'decode-error' ? [d.diagnostic.error] : []));
    // Three snapshots, two problems each: the 1e16 read by the rule, the broken dialog dropped.
    expect(decodeIssues.map((e) => [e.path, e.recovery])).toEqual(
      Array.from({ length: 3 }, () => [
        [`${DIALOGS}[1].metaData.expires`, { type: 'expires', rule: 'ignored' }],
        [`${DIALOGS}[2].metaData.sessionState`, { type: 'dropped', element: `${DIALOGS}[2]` }],
      ]).flat(),
    );
    subscription.unsubscribe();
  });
});
