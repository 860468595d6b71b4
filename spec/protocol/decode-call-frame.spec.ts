/**
 * `decodeCallFrame` (the call client's decoder) against `decode` (the full model): on everything the
 * call path reads it agrees with `decode` — the values, the failures, their paths, the isolation —
 * and nothing it does not read can fail it (issue 21, point 1). Exhaustive over every path of
 * realistic frames, each replaced by every kind of JSON value or removed.
 */
import { decode } from '../../lib/protocol';
import { decodeCallFrame } from '../../lib/protocol/decode-call-frame';
import type { DecodeResult, Dialog, InboundFrame, Json, JsonObject } from '../../lib/protocol';
import {
  callDialog,
  conversationDelete,
  conversationUpsert,
  exConversationNotification,
  frameText,
  mainDialog,
  messagingEventChange,
  messagingEventNotification,
  response,
  SEED_CLOSED_DIALOG,
  SEED_INVITED_DIALOG,
} from '../../lib/testing/frames';

type Key = string | number;

/** What the connection and the call core read of a frame (see lib/protocol/decode-call-frame.ts). */
function callView(frame: InboundFrame): unknown {
  if (frame.kind === 'resp') return frame;
  if (frame.kind === 'unknown') return { kind: frame.kind, frameKind: frame.frameKind };
  if (frame.type === 'ms.MessagingEventNotification') return { notification: frame.type };
  if (frame.type === 'unknown') return { notification: frame.notificationType };
  const dialogView = (d: Dialog): unknown =>
    d.channelType === 'COBROWSE'
      ? { id: d.dialogId, type: d.dialogType, ch: d.channelType, state: d.state, p: d.participants, c: d.creationTs, m: d.metaDataLastUpdateTs, meta: d.metaData }
      : { id: d.dialogId, type: d.dialogType, ch: d.channelType, state: d.state };
  return {
    subscriptionId: frame.body.subscriptionId,
    droppedChanges: frame.body.droppedChanges,
    changes: frame.body.changes.map((change) => {
      const details = change.result.conversationDetails;
      return {
        type: change.type,
        convId: change.result.convId,
        details:
          details === undefined
            ? undefined
            : { state: details.state, stage: details.stage, m: details.metaDataLastUpdateTs, participants: details.participants, dialogs: details.dialogs.map(dialogView), dropped: details.droppedDialogs },
      };
    }),
  };
}

/** Everything about a result but the values left out by design: ok-ness, failure paths, the call view. */
function outcome(result: DecodeResult): unknown {
  if (!result.ok) return { error: result.error.message };
  return { issues: result.issues.map((i) => i.message), view: callView(result.frame) };
}

const DIALOG_KEYS = ['dialogId', 'dialogType', 'channelType', 'state'];
const CALL_DIALOG_KEYS = [...DIALOG_KEYS, 'participants', 'creationTs', 'metaDataLastUpdateTs', 'metaData'];

/** Whether the call path reads what is at `keys` of `frame` (anything under a read key counts). */
function isRead(frame: JsonObject, keys: readonly Key[]): boolean {
  const [top, ...rest] = keys;
  if (top === 'kind' || top === 'type' || top === 'reqId' || top === 'code') return true;
  if (top !== 'body') return false;
  if (frame['kind'] === 'resp') return true; // carried as is by both decoders
  if (frame['type'] !== 'cqm.ExConversationChangeNotification') return false;
  const [changes, , ...inChange] = rest;
  if (changes === undefined) return true;
  if (changes === 'subscriptionId') return true;
  if (changes !== 'changes') return false;
  if (inChange.length === 0) return true;
  const [key, ...inResult] = inChange;
  if (key === 'type') return true;
  if (key !== 'result') return false;
  if (inResult.length === 0 || inResult[0] === 'convId') return true;
  if (inResult[0] !== 'conversationDetails') return false;
  const [, detailsKey, index, dialogKey] = inResult;
  if (detailsKey === undefined) return true;
  if (['participants', 'state', 'stage', 'metaDataLastUpdateTs'].includes(String(detailsKey))) return true;
  if (detailsKey !== 'dialogs') return false;
  if (index === undefined || dialogKey === undefined) return true;
  const details = ((((frame['body'] as JsonObject)['changes'] as Json[])[Number(changes === 'changes' ? keys[2] : 0)] as JsonObject)['result'] as JsonObject)['conversationDetails'] as JsonObject;
  const dialog = (details['dialogs'] as Json[])[Number(index)] as JsonObject;
  return (dialog['channelType'] === 'COBROWSE' ? CALL_DIALOG_KEYS : DIALOG_KEYS).includes(String(dialogKey));
}

function pathsOf(value: Json, prefix: readonly Key[] = []): Key[][] {
  if (Array.isArray(value)) return value.flatMap((v: Json, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}

const REMOVE = Symbol('remove');
const REPLACEMENTS: readonly (Json | typeof REMOVE)[] = [REMOVE, null, true, 7, -1, 1.5, 1e300, 'x', '', {}, [], [{}], ['x']];

function replaced(frame: JsonObject, keys: readonly Key[], value: Json | typeof REMOVE): string {
  const root = JSON.parse(JSON.stringify(frame)) as Record<Key, unknown>;
  let node: Record<Key, unknown> = root;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<Key, unknown>;
  const last = keys[keys.length - 1] ?? '';
  if (value !== REMOVE) node[last] = value;
  else if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else delete node[last];
  return JSON.stringify(root);
}

const participantsDetails = [{ id: 'p1', role: 'CONSUMER', state: 'ACTIVE' }];
const BASES: Record<string, JsonObject> = {
  'an invitation beside the MAIN dialog': exConversationNotification({ sentTs: 1502893041999, changes: [conversationUpsert({ dialogs: [mainDialog(), { ...callDialog({ notificationKey: 'invited' }), participantsDetails, endTs: 1, closedBy: 'AGENT', closedCause: 'x' }] })] }),
  'the seed dialogs in two conversations and a DELETE': exConversationNotification({
    changes: [conversationUpsert({ conversationId: 'c1', dialogs: [SEED_INVITED_DIALOG] }), conversationUpsert({ conversationId: 'c2', dialogs: [mainDialog({ conversationId: 'c2' }), SEED_CLOSED_DIALOG] }), conversationDelete('c3')],
  }),
  'a DELETE that carries its conversation details': exConversationNotification({
    changes: [{ type: 'DELETE', result: { ...(conversationUpsert({ conversationId: 'c4', dialogs: [mainDialog({ conversationId: 'c4' }), SEED_CLOSED_DIALOG] })['result'] as JsonObject), convId: 'c4' } }],
  }),
  'a messaging event': messagingEventNotification({ changes: [messagingEventChange()] }),
  'a response': response({ reqId: '4', code: 200, body: { subscriptionId: 's' } }),
};

describe('protocol: decodeCallFrame reads what the call path reads', () => {
  it.each(Object.entries(BASES))('the base frame (%s) decodes cleanly in both', (_name, frame) => {
    const full = decode(frameText(frame));
    const lean = decodeCallFrame(frameText(frame));
    expect(full).toMatchObject({ ok: true, issues: [] });
    expect(lean).toMatchObject({ ok: true, issues: [] });
    expect(outcome(lean)).toEqual(outcome(full));
  });

  it.each(Object.entries(BASES))('on a read path it agrees with decode, on any other nothing changes (%s)', (_name, frame) => {
    const clean = outcome(decodeCallFrame(frameText(frame)));
    let read = 0;
    let unread = 0;
    for (const keys of pathsOf(frame)) {
      for (const value of REPLACEMENTS) {
        const text = replaced(frame, keys, value);
        const lean = decodeCallFrame(text);
        const label = `${keys.join('.')} ← ${value === REMOVE ? '(removed)' : JSON.stringify(value)}`;
        if (isRead(frame, keys)) {
          read++;
          expect({ label, outcome: outcome(lean) }).toEqual({ label, outcome: outcome(decode(text)) });
        } else {
          unread++;
          expect({ label, outcome: outcome(lean) }).toEqual({ label, outcome: clean });
        }
      }
    }
    // Both kinds of paths were exercised where the frame has them.
    expect(read).toBeGreaterThan(0);
    if (frame['kind'] === 'notification') expect(unread).toBeGreaterThan(0);
  });

  it('leaves a messaging body untouched (an UnknownNotification with the body as it came)', () => {
    const frame = messagingEventNotification({ changes: [messagingEventChange()] });
    const lean = decodeCallFrame(frameText(frame));
    expect(lean).toEqual({ ok: true, issues: [], frame: { kind: 'notification', type: 'unknown', notificationType: 'ms.MessagingEventNotification', body: frame['body'] } });
    // …even a body that decode refuses whole.
    expect(decode(frameText({ ...frame, body: 7 })).ok).toBe(false);
    expect(decodeCallFrame(frameText({ ...frame, body: 7 })).ok).toBe(true);
  });

  it('keeps the identity of every other dialog, and none of what the call path does not read', () => {
    const lean = decodeCallFrame(frameText(exConversationNotification({ changes: [conversationUpsert({ dialogs: [mainDialog()] })] })));
    if (!lean.ok || lean.frame.kind !== 'notification' || lean.frame.type !== 'cqm.ExConversationChangeNotification') throw new Error('expected the notification');
    const change = lean.frame.body.changes[0];
    expect(change?.type).toBe('UPSERT');
    expect(change?.result.conversationDetails?.dialogs).toEqual([{ dialogId: '7507be78-6d1c-4d2b-8f3a-1c2d3e4f5a6b', dialogType: 'MAIN', channelType: 'MESSAGING', state: 'OPEN' }]);
    expect(change?.result.conversationDetails).not.toHaveProperty('skillId');
    expect(change?.result).not.toHaveProperty('effectiveTTR');
  });

  it('drops one bad call dialog with the same issue as decode, and delivers the rest', () => {
    const bad = { ...callDialog({ dialogId: 'bad' }), metaData: { sessionState: 1 } };
    const text = frameText(exConversationNotification({ changes: [conversationUpsert({ dialogs: [mainDialog(), callDialog({ dialogId: 'good' }), bad] })] }));
    const lean = decodeCallFrame(text);
    expect(outcome(lean)).toEqual(outcome(decode(text)));
    if (!lean.ok) throw new Error('expected the frame');
    expect(lean.issues.map((i) => i.message)).toEqual([
      'body.changes[0].result.conversationDetails.dialogs[2].metaData.sessionState: expected string (dropped body.changes[0].result.conversationDetails.dialogs[2])',
    ]);
  });

  it('is total: non-text, too deep, not JSON, not an object', () => {
    expect(decodeCallFrame(7 as unknown as string)).toMatchObject({ ok: false, error: { path: '', message: '(frame): expected text frame (string)' } });
    expect(decodeCallFrame('['.repeat(2000) + ']'.repeat(2000))).toMatchObject({ ok: false, error: { message: '(frame): expected JSON nested at most 1000 levels deep' } });
    expect(decodeCallFrame('{')).toMatchObject({ ok: false, error: { message: '(frame): expected JSON text' } });
    expect(decodeCallFrame('[]')).toMatchObject({ ok: false, error: { message: '(frame): expected JSON object' } });
    expect(decodeCallFrame('{"kind":"req","id":"1"}')).toMatchObject({ ok: true, frame: { kind: 'unknown', frameKind: 'req' } });
  });
});
