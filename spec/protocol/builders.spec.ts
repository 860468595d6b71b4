/** Request builders, `encode` and the type guards. */
import {
  buildRequest,
  closeConversation,
  consumerRequestConversation,
  DEFAULT_EX_CONVERSATIONS_FILTER,
  encode,
  getClock,
  initConnection,
  isCobrowseDialog,
  isExConversationChange,
  isMessagingEvent,
  isNotification,
  isResponse,
  publishEvent,
  publishText,
  subscribeExConversations,
  subscribeMessagingEvents,
  unsubscribeExConversations,
  updateConversationField,
} from '../../lib/protocol';
import type { Dialog, InboundFrame } from '../../lib/protocol';
import { decodeOk, fixture, json, notificationAround } from './helpers';

describe('protocol: builders and encode', () => {
  it('InitConnection carries ClientProperties (with features) then ConsumerAuthentication, and no body', () => {
    const frame = initConnection('0', { jwt: 'jwt-1', clientProperties: { deviceFamily: 'DESKTOP', features: ['CO_BROWSE', 'MULTI_DIALOG'] } });
    expect(json(encode(frame))).toEqual({
      kind: 'req',
      id: '0',
      type: 'InitConnection',
      headers: [
        { type: '.ams.headers.ClientProperties', deviceFamily: 'DESKTOP', features: ['CO_BROWSE', 'MULTI_DIALOG'] },
        { type: '.ams.headers.ConsumerAuthentication', jwt: 'jwt-1' },
      ],
    });
  });

  it('encode leaves out undefined fields', () => {
    expect(encode(consumerRequestConversation('4'))).toBe('{"kind":"req","id":"4","type":"cm.ConsumerRequestConversation"}');
    expect(encode(publishEvent('5', { dialogId: 'd', conversationId: undefined, event: { type: 'ChatStateEvent', chatState: 'ACTIVE' } }))).toBe(
      '{"kind":"req","id":"5","type":"ms.PublishEvent","body":{"dialogId":"d","event":{"type":"ChatStateEvent","chatState":"ACTIVE"}}}',
    );
    expect(encode(getClock('6'))).toBe('{"kind":"req","id":"6","type":"GetClock"}');
  });

  it('publishText targets the MAIN dialog (= the conversation) unless told otherwise', () => {
    expect(publishText('1', { conversationId: 'c', text: 'hi' }).body).toEqual({ dialogId: 'c', conversationId: 'c', event: { type: 'ContentEvent', contentType: 'text/plain', message: 'hi' } });
    expect(publishText('1', { conversationId: 'c', dialogId: 'd', text: 'hi' }).body?.dialogId).toBe('d');
  });

  it('subscribeExConversations defaults to OPEN and CLOSE by state and stage; a body replaces it', () => {
    expect(subscribeExConversations('1').body).toEqual({ convState: ['OPEN', 'CLOSE'], stage: ['OPEN', 'CLOSE'] });
    expect(subscribeExConversations('1').body).toBe(DEFAULT_EX_CONVERSATIONS_FILTER);
    expect(subscribeExConversations('1', { minLastUpdatedTime: 5 }).body).toEqual({ minLastUpdatedTime: 5 });
  });

  it('each builder equals buildRequest with the same type and body', () => {
    const close = { conversationId: 'c', conversationField: [{ field: 'ConversationStateField', conversationState: 'CLOSE' }] } as const;
    expect(closeConversation('1', 'c')).toEqual(buildRequest('1', 'cm.UpdateConversationField', close));
    expect(updateConversationField('1', close)).toEqual(buildRequest('1', 'cm.UpdateConversationField', close));
    expect(subscribeMessagingEvents('2', { dialogId: 'd', fromSeq: 3 })).toEqual(buildRequest('2', 'ms.SubscribeMessagingEvents', { dialogId: 'd', fromSeq: 3 }));
    expect(unsubscribeExConversations('3', 's')).toEqual(buildRequest('3', 'cqm.UnsubscribeExConversations', { subscriptionId: 's' }));
    expect(getClock('4')).toEqual(buildRequest('4', 'GetClock', undefined));
    expect(consumerRequestConversation('5', { skillId: '9' })).toEqual(buildRequest('5', 'cm.ConsumerRequestConversation', { skillId: '9' }));
    expect(buildRequest('6', 'GetClock', undefined)).not.toHaveProperty('body');
  });
});

describe('protocol: type guards', () => {
  // Decoded inside each test (not while jest collects the tests), so mutation testing sees which test reaches the decoder.
  const decodeFrames = (): readonly InboundFrame[] => [
    decodeOk('{"kind":"resp","reqId":"1","code":200}'),
    decodeOk(notificationAround(fixture('seed/invited-dialog.json'))),
    decodeOk(fixture('protocol-md/messaging-event-notification.json')),
    decodeOk('{"kind":"notification","type":"other.Thing","body":{}}'),
    decodeOk('{"kind":"req","id":"1","type":"GetClock"}'),
  ];

  it('isResponse / isNotification / isExConversationChange / isMessagingEvent select the right frames', () => {
    const frames = decodeFrames();
    expect(frames.map(isResponse)).toEqual([true, false, false, false, false]);
    expect(frames.map(isNotification)).toEqual([false, true, true, true, false]);
    expect(frames.map(isExConversationChange)).toEqual([false, true, false, false, false]);
    expect(frames.map(isMessagingEvent)).toEqual([false, false, true, false, false]);
  });

  it('isCobrowseDialog picks the call dialog', () => {
    const frame = decodeFrames()[1];
    if (frame === undefined || !isExConversationChange(frame) || frame.body.changes[0]?.type !== 'UPSERT') throw new Error('fixture');
    const dialogs: readonly Dialog[] = frame.body.changes[0].result.conversationDetails.dialogs;
    expect(dialogs.map(isCobrowseDialog)).toEqual([false, true]);
  });
});
