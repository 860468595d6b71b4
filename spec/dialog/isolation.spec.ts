/**
 * The dialog tracker over frames where one element did not decode (issue 14, point 1): a dialog or
 * change left out by the decoder is not taken for gone, and costs the others nothing.
 */
import { createDialogTracker } from '../../lib/dialog';
import type { DialogEvent } from '../../lib/dialog/types';
import type { InboundFrame, JsonObject } from '../../lib/protocol/types';
import { conversationUpsert, exConversationNotification, mainDialog } from '../../lib/testing/frames';
import { CONV, dialog, wire } from './helpers';

/** `json` with a `metaData.sessionState` of the wrong type: the decoder drops this dialog. */
function corrupt(json: JsonObject): JsonObject {
  const meta = json['metaData'];
  return { ...json, metaData: { ...(typeof meta === 'object' && meta !== null && !Array.isArray(meta) ? meta : {}), sessionState: 1 } };
}

function frame(dialogs: readonly JsonObject[], options: { readonly subscriptionId?: string; readonly conversationId?: string } = {}): InboundFrame {
  const conversationId = options.conversationId ?? CONV;
  return wire(exConversationNotification({ subscriptionId: options.subscriptionId ?? 'sub', changes: [conversationUpsert({ conversationId, dialogs: [mainDialog({ conversationId, creationTs: 0 }), ...dialogs] })] }));
}

/** Each event as `<frame index>:<dialog>:<type>[:<reason>]`. */
function events(frames: readonly InboundFrame[]): string[] {
  const tracker = createDialogTracker({ expirySkewMs: 0 });
  return frames.flatMap((f, i) => tracker.apply({ type: 'frame', frame: f }, 0).map((event) => `${i}:${label(event)}`));
}

function label(event: DialogEvent): string {
  return event.type === 'closed' ? `${event.dialog.dialogId}:closed:${event.reason}` : `${event.dialog.dialogId}:${event.type}`;
}

const d = (sessionState: string, ts: number, notificationKey?: string) => dialog({ dialogId: 'd', sessionState, ts, ...(notificationKey === undefined ? {} : { notificationKey }) });

describe('dialog tracker: decoding failures are isolated', () => {
  it("the issue's scenario: an old call with expires 1e16 in the snapshot costs the new call nothing", () => {
    const old = { ...dialog({ dialogId: 'old', sessionState: 'CLOSED', ts: 1 }), metaData: { sessionState: 'CLOSED', expires: 1e16 } };
    expect(events([frame([old, d('INVITED', 2)]), frame([old, d('ACCEPTED', 3, 'accepted')]), frame([old, d('CLOSED', 4)])])).toEqual([
      '0:d:invited',
      '1:d:accepted',
      '2:d:closed:hangup',
    ]);
  });

  it('a corrupt other dialog in every snapshot: invite, accept and hang-up of this one are delivered', () => {
    const bad = corrupt(dialog({ dialogId: 'bad', ts: 1 }));
    expect(events([frame([bad, d('INVITED', 2)]), frame([d('ACCEPTED', 3, 'accepted'), bad]), frame([bad, d('CLOSED', 4)])])).toEqual([
      '0:d:invited',
      '1:d:accepted',
      '2:d:closed:hangup',
    ]);
  });

  it('a corrupt snapshot of an open dialog does not close it (it is not gone); its later close is delivered once', () => {
    expect(events([frame([d('ACCEPTED', 1, 'accepted')]), frame([corrupt(d('ACCEPTED', 2, 'joined'))]), frame([d('CLOSED', 3)])])).toEqual([
      '0:d:accepted',
      '2:d:closed:hangup',
    ]);
  });

  it('a dropped dialog whose id cannot be read matches nothing: an open dialog it replaced has vanished', () => {
    const anonymous = { ...corrupt(dialog({ ts: 2 })), dialogId: null };
    expect(events([frame([d('ACCEPTED', 1, 'accepted')]), frame([anonymous])])).toEqual(['0:d:accepted', '1:d:closed:hangup']);
  });

  it('a reconnect listing whose change for a conversation did not decode does not close that conversation’s dialogs', () => {
    const listing = wire(
      exConversationNotification({ subscriptionId: 'sub-2', changes: [{ type: 'UPSERT', result: { convId: CONV, conversationDetails: { dialogs: 'broken' } } }] }),
    );
    expect(events([frame([d('ACCEPTED', 1, 'accepted')]), listing, frame([d('CLOSED', 3)], { subscriptionId: 'sub-2' })])).toEqual([
      '0:d:accepted',
      '2:d:closed:hangup',
    ]);
  });

  it('a reconnect listing whose dropped change has no readable convId matches nothing: absent conversations close', () => {
    const listing = wire(exConversationNotification({ subscriptionId: 'sub-2', changes: [{ type: 'UPSERT', result: { conversationDetails: {} } }] }));
    expect(events([frame([d('ACCEPTED', 1, 'accepted')]), listing])).toEqual(['0:d:accepted', '1:d:closed:conversation-closed']);
  });
});
