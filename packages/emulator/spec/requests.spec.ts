/** @jest-environment node */
import fc from 'fast-check';
import { readRequest } from '../lib/requests';
import { anyFrameText } from './fuzz';

const rejected = (reqId: string | undefined, message: string | RegExp) => ({
  ok: false,
  rejection: { reqId, code: 400, message: typeof message === 'string' ? message : expect.stringMatching(message) },
});

describe('readRequest', () => {
  it('reads a numeric id as a string and tolerates a missing kind (the tutorial form)', () => {
    const result = readRequest(
      JSON.stringify({
        id: 0,
        type: 'InitConnection',
        headers: [
          { type: '.ams.headers.ClientProperties', deviceFamily: 'DESKTOP', os: 'WINDOWS', features: ['CO_BROWSE'] },
          { type: '.ams.headers.ConsumerAuthentication', jwt: 'x.y.z' },
        ],
      }),
    );
    expect(result).toEqual({ ok: true, request: { type: 'InitConnection', id: '0', body: { jwt: 'x.y.z', features: ['CO_BROWSE'] } } });
  });

  it('accepts a single header object instead of an array, and InitConnection without auth (refused later)', () => {
    expect(readRequest('{"kind":"req","id":"1","type":"InitConnection","headers":{"type":".ams.headers.ClientProperties"}}')).toEqual({
      ok: true,
      request: { type: 'InitConnection', id: '1', body: { jwt: undefined, features: [] } },
    });
  });

  it('accepts the old .GetClock spelling', () => {
    expect(readRequest('{"kind":"req","id":"a","type":".GetClock"}')).toEqual({ ok: true, request: { type: 'GetClock', id: 'a', body: undefined } });
  });

  it('rejects malformed JSON, non-objects and frames without an id, without a reqId', () => {
    expect(readRequest('{not json')).toEqual(rejected(undefined, 'Malformed JSON'));
    expect(readRequest('[1,2]')).toEqual(rejected(undefined, /JSON object/));
    expect(readRequest('{"type":"GetClock"}')).toEqual(rejected(undefined, /needs an id/));
    expect(readRequest(`{"id":"${'x'.repeat(65)}","type":"GetClock"}`)).toEqual(rejected(undefined, /needs an id/));
  });

  it('rejects unknown types and a wrong kind, echoing the id', () => {
    expect(readRequest('{"kind":"req","id":7,"type":"nope.Nothing"}')).toEqual(rejected('7', 'Unknown request type: nope.Nothing'));
    expect(readRequest('{"kind":"resp","id":"7","type":"GetClock"}')).toEqual(rejected('7', 'kind must be "req"'));
    expect(readRequest('{"kind":"req","id":"7"}')).toEqual(rejected('7', 'A request needs a type'));
  });

  it('reads PublishEvent bodies strictly and marks chat states ephemeral', () => {
    const publish = (event: object, extra: object = {}) =>
      readRequest(JSON.stringify({ kind: 'req', id: '2', type: 'ms.PublishEvent', body: { dialogId: 'd', event, ...extra } }));
    expect(publish({ type: 'ContentEvent', contentType: 'text/plain', message: 'hi' })).toEqual({
      ok: true,
      request: { type: 'ms.PublishEvent', id: '2', body: { dialogId: 'd', conversationId: undefined, event: { type: 'ContentEvent', contentType: 'text/plain', message: 'hi' }, ephemeral: false } },
    });
    expect(publish({ type: 'ChatStateEvent', chatState: 'COMPOSING' })).toMatchObject({ ok: true, request: { body: { ephemeral: true } } });
    expect(publish({ type: 'ContentEvent', message: 'no content type' })).toEqual(rejected('2', /ContentEvent needs/));
    expect(publish({ type: 'AcceptStatusEvent', status: 'READ', sequenceList: [1, -1] })).toEqual(rejected('2', /AcceptStatusEvent/));
    expect(publish({ type: 'ContentEvent', contentType: 'text/plain', message: 'x' }, { conversationId: 5 })).toEqual(rejected('2', /conversationId/));
    expect(readRequest('{"id":"2","type":"ms.PublishEvent","body":{"event":{}}}')).toEqual(rejected('2', /dialogId is required/));
  });

  it('reads conversationField as one object or an array', () => {
    const one = readRequest(
      JSON.stringify({ id: '3', type: 'cm.UpdateConversationField', body: { conversationId: 'c', conversationField: { field: 'Stage', conversationState: 'CLOSE' } } }),
    );
    expect(one).toMatchObject({ ok: true, request: { body: { conversationId: 'c', fields: [{ field: 'Stage', conversationState: 'CLOSE' }] } } });
    const many = readRequest(
      JSON.stringify({
        id: '3',
        type: 'cm.UpdateConversationField',
        body: {
          conversationId: 'c',
          conversationField: [
            { field: 'ConversationStateField', conversationState: 'CLOSE' },
            { field: 'DialogChange', type: 'UPDATE', dialog: { dialogId: 'd', state: 'CLOSE', closedCause: 'Closed by consumer' } },
          ],
        },
      }),
    );
    expect(many).toMatchObject({
      ok: true,
      request: {
        body: {
          fields: [
            { field: 'ConversationStateField', conversationState: 'CLOSE' },
            { field: 'DialogChange', dialogId: 'd', state: 'CLOSE', closedCause: 'Closed by consumer' },
          ],
        },
      },
    });
    const unsupported = readRequest(JSON.stringify({ id: '3', type: 'cm.UpdateConversationField', body: { conversationId: 'c', conversationField: { field: 'SkillChange' } } }));
    expect(unsupported).toEqual(rejected('3', /unsupported conversationField: SkillChange/));
  });

  it('reads subscription filters and fromSeq', () => {
    expect(readRequest('{"id":"4","type":"cqm.SubscribeExConversations","body":{"convState":"OPEN","minLastUpdatedTime":5}}')).toMatchObject({
      ok: true,
      request: { body: { convState: ['OPEN'], stage: undefined, minLastUpdatedTime: 5 } },
    });
    expect(readRequest('{"id":"4","type":"cqm.SubscribeExConversations","body":{"convState":[1]}}')).toEqual(rejected('4', /lists of strings/));
    expect(readRequest('{"id":"5","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"d"}}')).toMatchObject({ ok: true, request: { body: { dialogId: 'd', fromSeq: 0 } } });
    expect(readRequest('{"id":"5","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"d","fromSeq":1.5}}')).toEqual(rejected('5', /fromSeq/));
    expect(readRequest('{"id":"6","type":"cqm.UnsubscribeExConversations","body":{}}')).toEqual(rejected('6', /subscriptionId is required/));
  });

  it('never throws, whatever the input', () => {
    const inputs = ['', 'null', '1', '"s"', '{"id":{}}', '{"id":"1","type":"InitConnection","headers":[null]}', '{"id":"1","type":"ms.PublishEvent","body":[]}', '\u0000'];
    for (const input of inputs) expect(readRequest(input).ok).toBe(false);
  });
});

describe('readRequest, property', () => {
  it('never throws; a rejection is a 400 with a short message, an accepted request has a string id', () => {
    fc.assert(
      fc.property(anyFrameText, (text) => {
        const result = readRequest(text);
        if (result.ok) {
          expect(typeof result.request.id).toBe('string');
        } else {
          expect(result.rejection.code).toBe(400);
          expect(result.rejection.message.length).toBeGreaterThan(0);
          expect(result.rejection.message.length).toBeLessThanOrEqual(128);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
