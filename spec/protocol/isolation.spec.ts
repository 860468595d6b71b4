/**
 * Decoding isolates failure: one element of a list that does not decode is dropped with a
 * diagnostic naming its path, and the rest of the frame is delivered (issue 14, point 1).
 */
import { decode } from '../../lib/protocol';
import type { DecodeError, ExConversationChangeNotification, InboundFrame, JsonObject, MessagingEventNotification } from '../../lib/protocol';
import { callDialog, conversationUpsert, exConversationNotification, frameText, mainDialog, messagingEventChange, messagingEventNotification } from '../../lib/testing/frames';

const DETAILS = 'body.changes[0].result.conversationDetails';

function decoded(json: JsonObject): { readonly frame: InboundFrame; readonly issues: readonly DecodeError[] } {
  const result = decode(frameText(json));
  if (!result.ok) throw new Error(`expected a frame, got ${result.error.message}`);
  return { frame: result.frame, issues: result.issues };
}

function ex(frame: InboundFrame): ExConversationChangeNotification {
  if (frame.kind !== 'notification' || frame.type !== 'cqm.ExConversationChangeNotification') throw new Error('not an ExConversation notification');
  return frame;
}

function msg(frame: InboundFrame): MessagingEventNotification {
  if (frame.kind !== 'notification' || frame.type !== 'ms.MessagingEventNotification') throw new Error('not a messaging notification');
  return frame;
}

/** A conversation holding a good call dialog `good` and, after it, `bad`. */
function twoDialogs(bad: JsonObject, conversationId = 'conv'): JsonObject {
  return conversationUpsert({ conversationId, dialogs: [mainDialog({ conversationId }), callDialog({ dialogId: 'good' }), bad] });
}

function withMeta(dialogId: string, meta: JsonObject): JsonObject {
  const base = callDialog({ dialogId });
  const metaData = base['metaData'];
  return { ...base, metaData: { ...(typeof metaData === 'object' && metaData !== null && !Array.isArray(metaData) ? metaData : {}), ...meta } };
}

describe('protocol: decoding isolates failure', () => {
  it('drops one dialog with a bad field; the other dialogs of the conversation are delivered', () => {
    const { frame, issues } = decoded(exConversationNotification({ changes: [twoDialogs(withMeta('bad', { sessionState: 1 }))] }));
    const change = ex(frame).body.changes[0];
    if (change?.type !== 'UPSERT') throw new Error('expected the UPSERT');
    expect(change.result.conversationDetails.dialogs.map((d) => d.dialogId)).toEqual(['conv', 'good']);
    expect(change.result.conversationDetails.droppedDialogs).toEqual([{ id: 'bad' }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      kind: 'decode-error',
      path: `${DETAILS}.dialogs[2].metaData.sessionState`,
      expected: 'expected string',
      recovery: { type: 'dropped', element: `${DETAILS}.dialogs[2]` },
    });
    expect(issues[0]?.message).toBe(`${DETAILS}.dialogs[2].metaData.sessionState: expected string (dropped ${DETAILS}.dialogs[2])`);
  });

  it('a dropped dialog whose id cannot be read is recorded without an id', () => {
    const { frame, issues } = decoded(exConversationNotification({ changes: [twoDialogs({ ...callDialog({ dialogId: 'x' }), dialogId: null })] }));
    const change = ex(frame).body.changes[0];
    if (change?.type !== 'UPSERT') throw new Error('expected the UPSERT');
    expect(change.result.conversationDetails.droppedDialogs).toEqual([{ id: undefined }]);
    expect(issues.map((i) => i.path)).toEqual([`${DETAILS}.dialogs[2].dialogId`]);
  });

  it('a dialog that is not an object is dropped, the others kept', () => {
    const upsert = conversationUpsert({});
    const result = upsert['result'] as JsonObject;
    const details = result['conversationDetails'] as JsonObject;
    const dialogs = [42, callDialog({ dialogId: 'good' })];
    const { frame, issues } = decoded(exConversationNotification({ changes: [{ ...upsert, result: { ...result, conversationDetails: { ...details, dialogs } } }] }));
    const change = ex(frame).body.changes[0];
    if (change?.type !== 'UPSERT') throw new Error('expected the UPSERT');
    expect(change.result.conversationDetails.dialogs.map((d) => d.dialogId)).toEqual(['good']);
    expect(issues).toMatchObject([{ path: `${DETAILS}.dialogs[0]`, expected: 'expected object', recovery: { type: 'dropped', element: `${DETAILS}.dialogs[0]` } }]);
  });

  it('drops one change (bad conversation details); the other conversations are delivered', () => {
    const bad = conversationUpsert({ conversationId: 'bad-conv', stage: 'OPEN' });
    const badDetails = { ...bad, result: { convId: 'bad-conv', conversationDetails: { participants: [], dialogs: 'x' } } };
    const { frame, issues } = decoded(exConversationNotification({ changes: [badDetails, conversationUpsert({ conversationId: 'ok-conv' })] }));
    const { body } = ex(frame);
    expect(body.changes.map((c) => c.result.convId)).toEqual(['ok-conv']);
    expect(body.droppedChanges).toEqual([{ id: 'bad-conv' }]);
    expect(issues).toMatchObject([{ path: `${DETAILS}.dialogs`, recovery: { type: 'dropped', element: 'body.changes[0]' } }]);
  });

  it('drops a change without a readable convId, recorded without an id', () => {
    const { frame, issues } = decoded(exConversationNotification({ changes: [{ type: 'UPSERT', result: { conversationDetails: {} } }, conversationUpsert({ conversationId: 'ok' })] }));
    expect(ex(frame).body.changes.map((c) => c.result.convId)).toEqual(['ok']);
    expect(ex(frame).body.droppedChanges).toEqual([{ id: undefined }]);
    expect(issues.map((i) => i.path)).toEqual(['body.changes[0].result.convId']);
  });

  it('drops one conversation participant, keeps the others', () => {
    const upsert = conversationUpsert({});
    const result = upsert['result'] as JsonObject;
    const details = result['conversationDetails'] as JsonObject;
    const participants: JsonObject[] = [{ id: 'a', role: 'CONSUMER' }, { id: 'b' }, { id: 'c', role: 'ASSIGNED_AGENT' }];
    const { frame, issues } = decoded(exConversationNotification({ changes: [{ ...upsert, result: { ...result, conversationDetails: { ...details, participants } } }] }));
    const change = ex(frame).body.changes[0];
    if (change?.type !== 'UPSERT') throw new Error('expected the UPSERT');
    expect(change.result.conversationDetails.participants.map((p) => p.id)).toEqual(['a', 'c']);
    expect(issues).toMatchObject([{ path: `${DETAILS}.participants[1].role`, recovery: { type: 'dropped', element: `${DETAILS}.participants[1]` } }]);
  });

  it("drops one entry of a dialog's participants and participantsDetails, keeps the dialog", () => {
    const dialog = { ...callDialog({ dialogId: 'd' }), participants: ['p1', 5, 'p2'], participantsDetails: [{ id: 'p1', role: 'CONSUMER' }, 'x'] };
    const { frame, issues } = decoded(exConversationNotification({ changes: [conversationUpsert({ dialogs: [dialog] })] }));
    const change = ex(frame).body.changes[0];
    if (change?.type !== 'UPSERT') throw new Error('expected the UPSERT');
    const [decodedDialog] = change.result.conversationDetails.dialogs;
    expect(decodedDialog?.participants).toEqual(['p1', 'p2']);
    expect(decodedDialog?.participantsDetails).toEqual([{ id: 'p1', role: 'CONSUMER', state: undefined }]);
    expect(issues.map((i) => i.path)).toEqual([`${DETAILS}.dialogs[0].participants[1]`, `${DETAILS}.dialogs[0].participantsDetails[1]`]);
  });

  it('drops one messaging change, keeps the others', () => {
    const good = messagingEventChange({ sequence: 2 });
    const bad = Object.fromEntries(Object.entries(messagingEventChange({ sequence: 1 })).filter(([key]) => key !== 'dialogId'));
    const { frame, issues } = decoded(messagingEventNotification({ changes: [bad, good] }));
    expect(msg(frame).body.changes.map((c) => c.sequence)).toEqual([2]);
    expect(issues).toMatchObject([{ path: 'body.changes[0].dialogId', recovery: { type: 'dropped', element: 'body.changes[0]' } }]);
  });

  it('drops one bad sequence of an AcceptStatusEvent, keeps the others', () => {
    const change = { ...messagingEventChange({ sequence: 3 }), event: { type: 'AcceptStatusEvent', status: 'READ', sequenceList: [1, '2', 3] } };
    const { frame, issues } = decoded(messagingEventNotification({ changes: [change] }));
    expect(msg(frame).body.changes[0]?.event).toEqual({ type: 'AcceptStatusEvent', status: 'READ', sequenceList: [1, 3] });
    expect(issues.map((i) => i.path)).toEqual(['body.changes[0].event.sequenceList[1]']);
  });

  it('a frame without problems has no issues', () => {
    expect(decoded(exConversationNotification({ changes: [conversationUpsert({})] })).issues).toEqual([]);
  });

  it('every issue carries the redacted excerpt of its frame', () => {
    const { issues } = decoded(exConversationNotification({ changes: [twoDialogs(withMeta('bad', { sessionState: 1 }))] }));
    expect(issues[0]?.excerpt.startsWith('{"kind":"notification"')).toBe(true);
    expect(issues[0]?.excerpt.length).toBeLessThanOrEqual(200);
  });

  it('whole-frame failures (outside any list) still fail the frame', () => {
    const result = decode(frameText({ ...exConversationNotification({ changes: [] }), body: 5 }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.recovery).toBeUndefined();
  });
});
