/**
 * The JSON examples of the protocol notes (protocol.md), verbatim from spec/protocol/fixtures/protocol-md:
 * inbound ones decode to the documented values; outbound ones are exactly what the builders produce.
 */
import {
  closeConversation,
  consumerRequestConversation,
  decode,
  decodeResponseBody,
  encode,
  getClock,
  initConnection,
  isCobrowseDialog,
  isExConversationChange,
  isMessagingEvent,
  isResponse,
  publishEvent,
  publishText,
  subscribeExConversations,
  subscribeMessagingEvents,
  unsubscribeExConversations,
  updateConversationField,
} from '../../lib/protocol';
import type { AnyRequestFrame, Json, ResponseFrame } from '../../lib/protocol';
import { decodeOk, fixture, fixtureLines, json, notificationAround } from './helpers';

const frames = fixtureLines('protocol-md/frames.jsonl');
const fragments = fixtureLines('protocol-md/fragments.jsonl');

function line(lines: string[], needle: string): string {
  const found = lines.find((l) => l.includes(needle));
  if (found === undefined) throw new Error(`no fixture line contains ${needle}`);
  return found;
}

function response(needle: string): ResponseFrame {
  const frame = decodeOk(line(frames, needle));
  if (!isResponse(frame)) throw new Error(`expected a response, got ${frame.kind}`);
  return frame;
}

function wire(frame: AnyRequestFrame): Json {
  return json(encode(frame));
}

describe('protocol: the examples of protocol.md', () => {
  it('§5.1 the full multi-dialog notification decodes, COBROWSE metaData included', () => {
    const frame = decodeOk(fixture('protocol-md/ex-conversation-notification.json'));
    if (!isExConversationChange(frame)) throw new Error('not a conversation change');
    expect(frame.body).toMatchObject({ subscriptionId: '1e25cbe8-...', sentTs: 1654764432768 });
    const change = frame.body.changes[0];
    if (change?.type !== 'UPSERT') throw new Error('expected an UPSERT');
    const details = change.result.conversationDetails;
    expect(change.result).toMatchObject({ convId: '<conv>', effectiveTTR: -1 });
    expect(details).toMatchObject({ skillId: '3801636938', brandId: '87657570', state: 'OPEN', stage: 'OPEN', startTs: 1654764159542, metaDataLastUpdateTs: 1654764432756 });
    expect(details.participants).toEqual([
      { id: '<consumerPid>', role: 'CONSUMER' },
      { id: '<agentPid>', role: 'ASSIGNED_AGENT' },
    ]);
    const [main, call] = details.dialogs;
    expect(main).toMatchObject({ dialogId: '<conv>', dialogType: 'MAIN', channelType: 'MESSAGING', metaData: { appInstallId: 'a44eb05d-...' }, creationTs: 1654764159542 });
    if (call === undefined || !isCobrowseDialog(call)) throw new Error('no COBROWSE dialog');
    expect(call).toMatchObject({ dialogId: 'c26b9d3b-...', dialogType: 'OTHER', state: 'OPEN', participants: ['<consumerPid>', '<accountId>.<agentNumericId>'] });
    expect(call.metaData).toMatchObject({
      serviceId: '<consumerPid>#<...>',
      mode: 'VIDEO_CALL',
      expires: 1502893131.855,
      expiresAtMs: 1502893131855,
      sessionState: 'INVITED',
      dialogId: 'c26b9d3b-...',
      notificationKey: 'invited',
      callLink: 'https://...',
    });
  });

  it('§5.3 the cancellation dialog decodes inside a notification', () => {
    const frame = decodeOk(notificationAround(fixture('protocol-md/cobrowse-closed-dialog.json')));
    if (!isExConversationChange(frame) || frame.body.changes[0]?.type !== 'UPSERT') throw new Error('not an UPSERT');
    const call = frame.body.changes[0].result.conversationDetails.dialogs[1];
    expect(call).toEqual({ dialogId: 'c26b9d3b-...', dialogType: 'OTHER', channelType: 'COBROWSE', metaData: { sessionState: 'CLOSED', raw: { sessionState: 'CLOSED' } } });
  });

  it('§4.3 the messaging event notification decodes', () => {
    const frame = decodeOk(fixture('protocol-md/messaging-event-notification.json'));
    if (!isMessagingEvent(frame)) throw new Error('not a messaging event notification');
    expect(frame.body.changes).toEqual([
      {
        sequence: 2,
        originatorId: '<pid>',
        originatorMetadata: { id: '<pid>', role: 'ASSIGNED_AGENT' },
        serverTimestamp: 1538492183879,
        event: { type: 'ContentEvent', message: 'Hello again', contentType: 'text/plain' },
        conversationId: '<c>',
        dialogId: '<d>',
      },
    ]);
  });

  it('§4.2 ChatStateEvent and AcceptStatusEvent decode inside a notification and are what publishEvent sends', () => {
    const chatState = line(fragments, 'ChatStateEvent');
    const accept = line(fragments, 'AcceptStatusEvent');
    const text = `{"kind":"notification","type":"ms.MessagingEventNotification","body":{"changes":[{"originatorId":"p","dialogId":"d","event":${chatState}},{"sequence":5,"originatorId":"p","dialogId":"d","event":${accept}}]}}`;
    const frame = decodeOk(text);
    if (!isMessagingEvent(frame)) throw new Error('not a messaging event notification');
    expect(frame.body.changes.map((c) => c.event)).toEqual([
      { type: 'ChatStateEvent', chatState: 'COMPOSING' },
      { type: 'AcceptStatusEvent', status: 'READ', sequenceList: [4] },
    ]);
    expect(wire(publishEvent('9', { dialogId: 'd', event: { type: 'ChatStateEvent', chatState: 'COMPOSING' } }))).toEqual({
      kind: 'req',
      id: '9',
      type: 'ms.PublishEvent',
      body: { dialogId: 'd', event: JSON.parse(chatState) },
    });
  });

  it('every one-line frame decodes: responses as responses (reqId a string), requests as UnknownFrame', () => {
    for (const text of frames) {
      const result = decode(text);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const parsed = JSON.parse(text);
      if (parsed.kind === 'resp') {
        expect(result.frame).toEqual({ kind: 'resp', reqId: parsed.reqId, code: parsed.code, type: parsed.type, body: parsed.body });
      } else {
        expect(result.frame).toEqual({ kind: 'unknown', frameKind: parsed.kind, raw: parsed });
      }
    }
    expect(frames.length).toBeGreaterThanOrEqual(12);
  });

  it('response bodies narrow per request type', () => {
    expect(decodeResponseBody('ms.PublishEvent', response('"reqId":"7"').body)).toEqual({ ok: true, value: { sequence: 3 } });
    expect(decodeResponseBody('ms.PublishEvent', response('"reqId":"2","code":200,"type":"ms.PublishEventResponse"').body)).toEqual({ ok: true, value: { sequence: 4 } });
    expect(decodeResponseBody('cm.ConsumerRequestConversation', response('RequestConversationResponse').body)).toEqual({ ok: true, value: { conversationId: '7507be78-...' } });
    expect(decodeResponseBody('ms.SubscribeMessagingEvents', response('GenericSubscribeResponse').body)).toEqual({ ok: true, value: undefined });
    expect(decodeResponseBody('cm.UpdateConversationField', response('StringResponse').body)).toEqual({ ok: true, value: 'OK Conversation resolved successfully' });
    expect(decodeResponseBody('cqm.SubscribeExConversations', response('SubscribeExConversationsResponse').body)).toEqual({ ok: true, value: { subscriptionId: '1e25cbe8-...' } });
    expect(decodeResponseBody('GetClock', json(line(fragments, 'currentTime')))).toEqual({ ok: true, value: { currentTime: 1513813587308 } });
    expect(decodeResponseBody('ms.PublishEvent', json(line(fragments, '{"sequence":0}')))).toEqual({ ok: true, value: { sequence: 0 } });
  });

  describe('outbound examples are exactly what the builders produce', () => {
    it('§2.2 InitConnection', () => {
      const built = initConnection('0', { jwt: 'eyJ...', clientProperties: { deviceFamily: 'DESKTOP', os: 'WINDOWS', features: ['CO_BROWSE'] } });
      expect(wire(built)).toEqual(JSON.parse(fixture('protocol-md/init-connection.json')));
    });

    it('§4.1 ConsumerRequestConversation, full and minimal (the doc sends a numeric id; ids are strings)', () => {
      const body = {
        channelType: 'MESSAGING',
        ttrDefName: null,
        skillId: '2736637412',
        brandId: '<acct>',
        campaignInfo: { campaignId: 418732213, engagementId: 425842913 },
        conversationContext: { visitorId: '<svid>', sessionId: '<ssid>', interactionContextId: '1', type: 'SharkContext', lang: 'en-US' },
      };
      expect(wire(consumerRequestConversation('0', body))).toEqual(json(fixture('protocol-md/consumer-request-conversation.json')));
      expect(wire(consumerRequestConversation('1'))).toEqual({ ...JSON.parse(line(frames, 'cm.ConsumerRequestConversation')), id: '1' });
    });

    it('§4.2 PublishEvent with text', () => {
      expect(wire(publishText('2', { conversationId: '<conv>', text: 'hi there' }))).toEqual(JSON.parse(fixture('protocol-md/publish-event.json')));
    });

    it('§3 GetClock, §4.3 SubscribeMessagingEvents, §4.4 close, §4.5 (un)subscribe', () => {
      expect(encode(getClock('1'))).toBe(line(frames, '"GetClock"'));
      expect(wire(subscribeMessagingEvents('22', { fromSeq: 0, dialogId: '<d>', conversationId: '<c>' }))).toEqual(JSON.parse(line(frames, 'ms.SubscribeMessagingEvents')));
      expect(wire(closeConversation('0', '<c>'))).toEqual(JSON.parse(line(frames, 'cm.UpdateConversationField')));
      expect(wire(subscribeExConversations('3'))).toEqual(JSON.parse(line(frames, '"cqm.SubscribeExConversations"')));
      expect(wire(unsubscribeExConversations('0', '<id>'))).toEqual(JSON.parse(line(frames, 'cqm.UnsubscribeExConversations')));
    });

    it('§4.4 the single-element Stage and DialogChange forms', () => {
      expect(wire(updateConversationField('5', { conversationId: '<c>', conversationField: { field: 'Stage', conversationState: 'CLOSE' } }))).toEqual({
        kind: 'req',
        id: '5',
        type: 'cm.UpdateConversationField',
        body: { conversationId: '<c>', conversationField: JSON.parse('{"field":"Stage","conversationState":"CLOSE"}') },
      });
      const dialogChange = '{"field":"DialogChange","type":"UPDATE","dialog":{"dialogId":"<d>","state":"CLOSE","closedCause":"Closed by consumer"}}';
      const built = updateConversationField('6', {
        conversationId: '<c>',
        conversationField: { field: 'DialogChange', type: 'UPDATE', dialog: { dialogId: '<d>', state: 'CLOSE', closedCause: 'Closed by consumer' } },
      });
      expect(wire(built)).toEqual({ kind: 'req', id: '6', type: 'cm.UpdateConversationField', body: { conversationId: '<c>', conversationField: JSON.parse(dialogChange) } });
    });
  });
});
