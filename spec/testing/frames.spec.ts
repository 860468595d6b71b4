import { decode } from '../../lib/protocol';
import type { CobrowseDialog, ConversationDetails, InboundFrame, JsonObject } from '../../lib/protocol/types';
import {
  callDialog,
  conversationDelete,
  conversationUpsert,
  exConversationNotification,
  FRAME_DEFAULTS,
  frameText,
  mainDialog,
  messagingEventChange,
  messagingEventNotification,
  response,
  responses,
  SEED_CLOSED_DIALOG,
  SEED_INVITED_DIALOG,
} from '../../lib/testing/frames';

function decoded(json: JsonObject): InboundFrame {
  const result = decode(frameText(json));
  if (!result.ok) throw new Error(result.error.message);
  return result.frame;
}

/** The conversation of a one-UPSERT notification built around `dialogs`. */
function conversationOf(...dialogs: JsonObject[]): ConversationDetails {
  const frame = decoded(exConversationNotification({ changes: [conversationUpsert({ dialogs })] }));
  if (frame.kind !== 'notification' || frame.type !== 'cqm.ExConversationChangeNotification') throw new Error(`unexpected ${frame.kind}`);
  const change = frame.body.changes[0];
  if (change?.type !== 'UPSERT') throw new Error('expected an UPSERT');
  return change.result.conversationDetails;
}

function cobrowse(dialog: JsonObject): CobrowseDialog {
  const found = conversationOf(mainDialog(), dialog).dialogs.find((d): d is CobrowseDialog => d.channelType === 'COBROWSE');
  if (!found) throw new Error('no COBROWSE dialog');
  return found;
}

describe('testing/frames', () => {
  describe('callDialog', () => {
    it('builds an INVITED video call with expires in epoch seconds on the wire', () => {
      const json = callDialog();
      expect(json['metaData']).toMatchObject({ expires: (FRAME_DEFAULTS.creationTs + 120_000) / 1000, sessionState: 'INVITED', mode: 'VIDEO_CALL' });
      const dialog = cobrowse(json);
      expect(dialog).toMatchObject({ dialogId: FRAME_DEFAULTS.dialogId, state: 'OPEN', dialogType: 'OTHER', creationTs: FRAME_DEFAULTS.creationTs });
      expect(dialog.participants).toEqual([FRAME_DEFAULTS.consumerId, FRAME_DEFAULTS.agentId]);
      expect(dialog.metaData).toMatchObject({ expiresAtMs: FRAME_DEFAULTS.creationTs + 120_000, serviceId: FRAME_DEFAULTS.serviceId });
      expect(dialog.metaData.notificationKey).toBeUndefined();
    });

    it('takes every option, expiresAt in milliseconds', () => {
      const dialog = cobrowse(
        callDialog({ dialogId: 'd-9', mode: 'shared', sessionState: 'ACCEPTED', expiresAt: 5_500, creationTs: 10, metaDataLastUpdateTs: 20, serviceId: 's#1', notificationKey: 'joined', consumerId: 'me', agentId: 'le1.2' }),
      );
      expect(dialog).toMatchObject({ dialogId: 'd-9', creationTs: 10, metaDataLastUpdateTs: 20, participants: ['me', 'le1.2'], state: 'OPEN' });
      expect(dialog.metaData).toMatchObject({ mode: 'shared', sessionState: 'ACCEPTED', expires: 5.5, expiresAtMs: 5_500, serviceId: 's#1', notificationKey: 'joined', dialogId: 'd-9' });
    });

    it('closes the dialog state along with sessionState CLOSED unless told otherwise', () => {
      expect(cobrowse(callDialog({ sessionState: 'CLOSED' })).state).toBe('CLOSE');
      expect(cobrowse(callDialog({ sessionState: 'CLOSED', state: 'OPEN' })).state).toBe('OPEN');
    });

    it('leaves out fields given as null', () => {
      const json = callDialog({ mode: null, expiresAt: null, serviceId: null, agentId: null, metaDataLastUpdateTs: null, state: null });
      expect(json).not.toHaveProperty('participants');
      expect(json).not.toHaveProperty('state');
      expect(json).not.toHaveProperty('metaDataLastUpdateTs');
      expect(json['metaData']).toEqual({ sessionState: 'INVITED', dialogId: FRAME_DEFAULTS.dialogId });
      expect(cobrowse(json).metaData.expiresAtMs).toBeUndefined();
    });

    it('is deterministic', () => {
      expect(callDialog()).toEqual(callDialog());
      expect(frameText(conversationUpsert())).toBe(frameText(conversationUpsert()));
    });
  });

  describe('seed constants', () => {
    it('SEED_INVITED_DIALOG decodes to the documented invitation', () => {
      const dialog = cobrowse(SEED_INVITED_DIALOG);
      expect(dialog.metaData).toMatchObject({ mode: 'VIDEO_CALL', sessionState: 'INVITED', expires: 1502893131.855, expiresAtMs: 1502893131855 });
      expect(dialog).toMatchObject({ dialogId: 'c26b9d3b-e943-42af-8047-aba830de64ea', state: 'OPEN', creationTs: 1502893041905 });
    });

    it('SEED_CLOSED_DIALOG decodes to a bare CLOSED dialog', () => {
      const dialog = cobrowse(SEED_CLOSED_DIALOG);
      expect(dialog.metaData.sessionState).toBe('CLOSED');
      expect(dialog.metaData.mode).toBeUndefined();
      expect(dialog.state).toBeUndefined();
    });
  });

  describe('conversations', () => {
    it('conversationUpsert carries the whole conversation, its timestamp the newest dialog', () => {
      const details = conversationOf(mainDialog({ creationTs: 3 }), callDialog({ metaDataLastUpdateTs: 42, creationTs: 1 }), callDialog({ dialogId: 'x', metaDataLastUpdateTs: 7 }));
      expect(details.dialogs.map((d) => d.channelType)).toEqual(['MESSAGING', 'COBROWSE', 'COBROWSE']);
      expect(details.participants).toEqual([
        { id: FRAME_DEFAULTS.consumerId, role: 'CONSUMER' },
        { id: FRAME_DEFAULTS.agentPid, role: 'ASSIGNED_AGENT' },
      ]);
      expect(details).toMatchObject({ state: 'OPEN', stage: 'OPEN' });
      expect(details.metaDataLastUpdateTs).toBe(42);
    });

    it('conversationUpsert takes state, stage, timestamp and participants', () => {
      const frame = decoded(
        exConversationNotification({
          subscriptionId: 'sub-x',
          changes: [conversationUpsert({ conversationId: 'c-1', dialogs: [], state: 'CLOSE', stage: 'CLOSE', metaDataLastUpdateTs: 99, participants: [{ id: 'p', role: 'CONSUMER' }] })],
        }),
      );
      expect(frame).toMatchObject({
        kind: 'notification',
        type: 'cqm.ExConversationChangeNotification',
        body: { subscriptionId: 'sub-x', changes: [{ type: 'UPSERT', result: { convId: 'c-1', conversationDetails: { state: 'CLOSE', stage: 'CLOSE', metaDataLastUpdateTs: 99, participants: [{ id: 'p', role: 'CONSUMER' }], dialogs: [] } } }] },
      });
    });

    it('conversationDelete and the default subscriptionId', () => {
      expect(decoded(exConversationNotification({ changes: [conversationDelete('c-1')] }))).toMatchObject({
        body: { subscriptionId: FRAME_DEFAULTS.subscriptionId, changes: [{ type: 'DELETE', result: { convId: 'c-1' } }] },
      });
    });

    it('exConversationNotification can leave the subscriptionId out', () => {
      const frame = decoded(exConversationNotification({ subscriptionId: null, changes: [] }));
      expect(frame).toMatchObject({ type: 'cqm.ExConversationChangeNotification', body: { changes: [] } });
      expect(frame.kind === 'notification' && frame.type === 'cqm.ExConversationChangeNotification' && frame.body.subscriptionId).toBeFalsy();
    });

    it('mainDialog is the MAIN messaging dialog, its id the conversation id', () => {
      const [main] = conversationOf(mainDialog({ conversationId: 'c-7', state: 'CLOSE' })).dialogs;
      expect(main).toMatchObject({ dialogId: 'c-7', dialogType: 'MAIN', channelType: 'MESSAGING', state: 'CLOSE' });
    });
  });

  describe('messaging events', () => {
    it('messagingEventNotification carries a text ContentEvent by default', () => {
      expect(decoded(messagingEventNotification())).toMatchObject({
        kind: 'notification',
        type: 'ms.MessagingEventNotification',
        body: { changes: [{ dialogId: FRAME_DEFAULTS.conversationId, originatorId: FRAME_DEFAULTS.agentPid, event: { type: 'ContentEvent', message: 'Hello' } }] },
      });
    });

    it('messagingEventChange takes its fields', () => {
      const frame = decoded(messagingEventNotification({ changes: [messagingEventChange({ dialogId: 'd', conversationId: 'c', sequence: 3, text: 'hi', originatorId: 'o', role: 'CONSUMER' })] }));
      expect(frame).toMatchObject({ body: { changes: [{ sequence: 3, dialogId: 'd', conversationId: 'c', originatorId: 'o', event: { message: 'hi' } }] } });
    });
  });

  describe('responses', () => {
    it('response leaves out body and type unless given', () => {
      expect(response({ reqId: '1' })).toEqual({ kind: 'resp', reqId: '1', code: 200 });
      expect(decoded(response({ reqId: '1', code: 429, body: 'slow down', type: 'T' }))).toEqual({ kind: 'resp', reqId: '1', code: 429, body: 'slow down', type: 'T' });
    });

    it.each([
      ['initConnection', responses.initConnection('1'), 200, 'OK'],
      ['getClock', responses.getClock('1', 5), 200, { currentTime: 5 }],
      ['requestConversation', responses.requestConversation('1', 'c'), 200, { conversationId: 'c' }],
      ['publishEvent', responses.publishEvent('1', 4), 200, { sequence: 4 }],
      ['subscribeMessagingEvents', responses.subscribeMessagingEvents('1'), 200, undefined],
      ['updateConversationField', responses.updateConversationField('1'), 200, 'OK Conversation resolved successfully'],
      ['subscribeExConversations', responses.subscribeExConversations('1', 's'), 200, { subscriptionId: 's' }],
      ['unsubscribeExConversations', responses.unsubscribeExConversations('1'), 200, 'OK'],
      ['error', responses.error('1', 400, 'bad'), 400, 'bad'],
    ])('%s decodes with its code and body', (_name, json, code, body) => {
      expect(decoded(json)).toMatchObject({ kind: 'resp', reqId: '1', code, body });
    });
  });

  it('frameText is the JSON text of the frame', () => {
    const json = callDialog();
    expect(JSON.parse(frameText(json))).toEqual(json);
  });
});
