/**
 * Messaging events decoded on demand (issue 21, point 1): `messagingChangesOf` reads a messaging
 * notification whichever decoder delivered it, with decode's isolation; `messagingDecoder` decodes
 * a frame once however many dialogs are followed, and tells each problem once.
 */
import { decode } from '../../lib/protocol';
import { decodeCallFrame } from '../../lib/protocol/decode-call-frame';
import { messagingChangesOf } from '../../lib/protocol/decode-messaging';
import { messagingDecoder } from '../../lib/conversations/messaging-events';
import type { DecodeError, InboundFrame, JsonObject } from '../../lib/protocol';
import { exConversationNotification, frameText, messagingEventChange, messagingEventNotification, response } from '../../lib/testing/frames';

function frameOf(json: JsonObject, decoder: (text: string) => ReturnType<typeof decode>): InboundFrame {
  const result = decoder(frameText(json));
  if (!result.ok) throw new Error(result.error.message);
  return result.frame;
}

const TWO = messagingEventNotification({ changes: [messagingEventChange({ sequence: 1, text: 'one' }), messagingEventChange({ sequence: 2, text: 'two' })] });

describe('protocol: messagingChangesOf', () => {
  it('gives the same changes for a frame of decode and one of decodeCallFrame', () => {
    const full = messagingChangesOf(frameOf(TWO, decode));
    const lean = messagingChangesOf(frameOf(TWO, decodeCallFrame));
    expect(lean).toEqual(full);
    expect(lean.changes.map((c) => c.sequence)).toEqual([1, 2]);
    expect(lean.errors).toEqual([]);
  });

  it('drops one bad change with the issue decode gives, and keeps the other', () => {
    const bad = messagingEventNotification({ changes: [{ ...messagingEventChange({ sequence: 1 }), sequence: 'x' }, messagingEventChange({ sequence: 2, text: 'two' })] });
    const full = decode(frameText(bad));
    if (!full.ok) throw new Error('expected the frame');
    const lean = messagingChangesOf(frameOf(bad, decodeCallFrame));
    expect(lean.changes.map((c) => c.sequence)).toEqual([2]);
    expect(lean.errors.map((e: DecodeError) => e.message)).toEqual(full.issues.map((e) => e.message));
    expect(lean.errors[0]?.message).toMatch(/^body\.changes\[0\]\.sequence: expected .* \(dropped body\.changes\[0\]\)$/);
  });

  it('a body that does not decode gives no changes and the error decode gives', () => {
    const bad = { ...TWO, body: { changes: 7 } };
    const full = decode(frameText(bad));
    if (full.ok) throw new Error('expected decode to refuse it');
    const lean = messagingChangesOf(frameOf(bad, decodeCallFrame));
    expect(lean.changes).toEqual([]);
    expect(lean.errors.map((e) => e.message)).toEqual([full.error.message]);
    expect(lean.errors[0]?.excerpt).toContain('ms.MessagingEventNotification');
    expect(lean.errors[0]?.excerpt).toContain('"kind":"notification"');
  });

  it('any other frame has none', () => {
    expect(messagingChangesOf(frameOf(exConversationNotification({ changes: [] }), decodeCallFrame))).toEqual({ changes: [], errors: [] });
    expect(messagingChangesOf(frameOf(response({ reqId: '1', code: 200 }), decodeCallFrame))).toEqual({ changes: [], errors: [] });
    expect(messagingChangesOf(frameOf({ kind: 'notification', type: 'x.Other', body: {} }, decodeCallFrame))).toEqual({ changes: [], errors: [] });
  });
});

describe('conversations: messagingDecoder', () => {
  it('decodes a frame once for every dialog that asks, and tells each problem once, with the link generation', () => {
    const errors: [number, string][] = [];
    const changesOf = messagingDecoder((generation, error) => errors.push([generation, error.message]));
    const bad = messagingEventNotification({ changes: [{ ...messagingEventChange({ sequence: 1 }), sequence: -1 }, messagingEventChange({ sequence: 2 })] });
    const frame = frameOf(bad, decodeCallFrame);
    const first = changesOf(frame, 3);
    const second = changesOf(frame, 3);
    expect(second).toBe(first);
    expect(first.map((c) => c.sequence)).toEqual([2]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.[0]).toBe(3);
    // A frame of the full decoder is read as it is, and a different frame is decoded anew.
    expect(changesOf(frameOf(TWO, decode), 1).map((c) => c.sequence)).toEqual([1, 2]);
    expect(changesOf(frameOf(TWO, decodeCallFrame), 1).map((c) => c.sequence)).toEqual([1, 2]);
    expect(errors).toHaveLength(1);
  });
});
