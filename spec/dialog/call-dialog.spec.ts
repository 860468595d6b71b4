import fc from 'fast-check';
import { dialogAgentId, dialogKind, toCallDialog } from '../../lib/dialog';
import { mergeCallDialog } from '../../lib/dialog/call-dialog';
import type { CallDialog } from '../../lib/dialog/types';
import { isCobrowseDialog } from '../../lib/protocol';
import type { CobrowseDialog, ConversationDetails, InboundFrame, JsonObject } from '../../lib/protocol/types';
import { callDialog, conversationUpsert, exConversationNotification, FRAME_DEFAULTS, mainDialog, SEED_INVITED_DIALOG } from '../../lib/testing/frames';
import { wire } from './helpers';
import { referenceAgentId } from './reference/agent-id';

/** The decoded conversation details of a one-conversation notification. */
function details(frame: InboundFrame): ConversationDetails {
  if (frame.kind !== 'notification' || frame.type !== 'cqm.ExConversationChangeNotification') throw new Error('not a conversation notification');
  const change = frame.body.changes[0];
  if (change?.type !== 'UPSERT') throw new Error('not an UPSERT');
  return change.result.conversationDetails;
}

/** The decoded COBROWSE dialog of a conversation built around `dialog`. */
function decoded(dialog: JsonObject, participants?: readonly { id: string; role: string }[]): [CobrowseDialog, ConversationDetails] {
  const conversation = details(wire(exConversationNotification({ changes: [conversationUpsert({ dialogs: [mainDialog(), dialog], participants })] })));
  const found = conversation.dialogs.find(isCobrowseDialog);
  if (!found) throw new Error('no COBROWSE dialog decoded');
  return [found, conversation];
}

describe('toCallDialog', () => {
  it("maps the seed's invitation field by field", () => {
    const [dialog, conversation] = decoded(SEED_INVITED_DIALOG);
    expect(toCallDialog('conv-1', dialog, conversation)).toEqual({
      dialogId: 'c26b9d3b-e943-42af-8047-aba830de64ea',
      conversationId: 'conv-1',
      kind: 'video',
      isCall: true,
      mode: 'VIDEO_CALL',
      sessionState: 'INVITED',
      dialogState: 'OPEN',
      serviceId: 'cc05f2b9-916b-496e-89fe-66a46d975ae2#7904fffd-fc68-4d93-b611-4dc06ab26bf4',
      agentId: 'le83624296.356285412',
      expiresAt: 1502893131855,
      creationTs: 1502893041905,
      metaDataLastUpdateTs: 1502893041905,
      notificationKey: undefined,
    });
  });

  it('converts a raw `expires` (seconds) when no expiresAtMs is there', () => {
    const dialog: CobrowseDialog = { dialogId: 'd', channelType: 'COBROWSE', metaData: { expires: 1.5e9, raw: {} } };
    expect(toCallDialog('c', dialog).expiresAt).toBe(1_500_000_000_000);
  });

  it('keeps notificationKey', () => {
    const [dialog] = decoded(callDialog({ sessionState: 'ACCEPTED', notificationKey: 'joined' }));
    expect(toCallDialog('c', dialog).notificationKey).toBe('joined');
  });
});

describe('mergeCallDialog (the closing snapshot over the last known dialog)', () => {
  const last: CallDialog = {
    dialogId: 'd',
    conversationId: 'c',
    kind: 'video',
    isCall: true,
    mode: 'VIDEO_CALL',
    sessionState: 'INVITED',
    dialogState: 'OPEN',
    serviceId: 'svc',
    agentId: 'agent',
    expiresAt: 1000,
    creationTs: 10,
    metaDataLastUpdateTs: 20,
    notificationKey: 'invite',
  };
  const sparse: CallDialog = {
    dialogId: 'd',
    conversationId: 'c',
    kind: 'unknown',
    isCall: false,
    mode: undefined,
    sessionState: 'CLOSED',
    dialogState: undefined,
    serviceId: undefined,
    agentId: undefined,
    expiresAt: undefined,
    creationTs: undefined,
    metaDataLastUpdateTs: 30,
    notificationKey: undefined,
  };

  it('keeps what the dialog is and takes what the sparse closing snapshot says', () => {
    expect(mergeCallDialog(last, sparse)).toEqual({ ...last, sessionState: 'CLOSED', metaDataLastUpdateTs: 30 });
  });

  it('fills what the last known dialog lacked from the closing snapshot', () => {
    const bare: CallDialog = { ...sparse, sessionState: 'INVITED', metaDataLastUpdateTs: undefined };
    const closing: CallDialog = { ...last, sessionState: 'CLOSED', dialogState: 'CLOSE', notificationKey: 'cancel_invitation', expiresAt: 900 };
    expect(mergeCallDialog(bare, closing)).toEqual(closing);
  });

  it('keeps a known mode (and its kind) over a different one in the closing snapshot', () => {
    const voice: CallDialog = { ...sparse, mode: 'VOICE_CALL', kind: 'voice', isCall: true };
    expect(mergeCallDialog(last, voice)).toMatchObject({ mode: 'VIDEO_CALL', kind: 'video', isCall: true });
  });
});

describe('dialogKind', () => {
  it.each([
    ['VOICE_CALL', 'voice'],
    ['VIDEO_CALL', 'video'],
    ['shared', 'shared'],
    ['view', 'view'],
    ['follow', 'follow'],
    ['Shared', 'unknown'],
    ['toString', 'unknown'],
    [undefined, 'unknown'],
  ])('%s → %s', (mode, kind) => {
    expect(dialogKind(mode)).toBe(kind);
  });
});

describe('dialogAgentId', () => {
  const consumer = FRAME_DEFAULTS.consumerId;
  /** A COBROWSE dialog with exactly these `participants` (`null`: none). */
  const withParticipants = (participants: string[] | null, serviceId: string | null = FRAME_DEFAULTS.serviceId): JsonObject => {
    const base = callDialog({ agentId: null, serviceId });
    return participants ? { ...base, participants } : base;
  };

  it("takes the dialog's own agent entry over the conversation's assigned agent", () => {
    const [dialog, conversation] = decoded(withParticipants([consumer, 'le83624296.356285412']));
    expect(dialogAgentId(dialog, conversation)).toBe('le83624296.356285412');
  });

  it('recognises the consumer wherever it stands in the list', () => {
    const [dialog, conversation] = decoded(withParticipants(['le1.42', consumer]));
    expect(dialogAgentId(dialog, conversation)).toBe('le1.42');
  });

  it('falls back to the docs order when no consumer id is known', () => {
    const [dialog, conversation] = decoded(withParticipants(['someone', 'le1.42'], null), [{ id: 'agent-pid', role: 'ASSIGNED_AGENT' }]);
    expect(dialogAgentId(dialog, conversation)).toBe('le1.42');
  });

  it("falls back to the conversation's ASSIGNED_AGENT when the dialog lists no agent", () => {
    const [dialog, conversation] = decoded(withParticipants(null));
    expect(dialogAgentId(dialog, conversation)).toBe(FRAME_DEFAULTS.agentPid);
  });

  it('is undefined when nothing names an agent', () => {
    const [dialog] = decoded(withParticipants(null));
    expect(dialogAgentId(dialog, undefined)).toBeUndefined();
  });

  it('agrees with the reference (Set-based) version on any participants, serviceId and conversation (property)', () => {
    const id = fc.constantFrom('c1', 'c2', 'a1', 'le1.42', 'x');
    const people = fc.array(fc.record({ id, role: fc.constantFrom('CONSUMER', 'ASSIGNED_AGENT', 'MANAGER') }), { maxLength: 4 });
    fc.assert(
      fc.property(
        fc.option(fc.array(id, { maxLength: 3 }), { nil: null }),
        fc.option(fc.constantFrom('c1#s', 'c2#s', '#s', 'c1', 'x#y#z', ''), { nil: null }),
        people,
        fc.boolean(),
        (participants, serviceId, conversationPeople, withConversation) => {
          const [dialog, conversation] = decoded(withParticipants(participants, serviceId), conversationPeople);
          const seen = withConversation ? conversation : undefined;
          expect(dialogAgentId(dialog, seen)).toBe(referenceAgentId(dialog, seen));
        },
      ),
      { numRuns: 500 },
    );
  });
});
