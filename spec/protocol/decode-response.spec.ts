/** `decodeResponseBody`: a successful response's body, narrowed per request type. */
import { decodeResponseBody } from '../../lib/protocol';
import type { Json, RequestType } from '../../lib/protocol';

function errorOf(type: RequestType, body: Json | undefined): { path: string; message: string } {
  const result = decodeResponseBody(type, body);
  if (result.ok) throw new Error(`expected a decode error for ${type}`);
  return { path: result.error.path, message: result.error.message };
}

describe('protocol: decodeResponseBody', () => {
  it('GetClock → {currentTime}, a valid timestamp', () => {
    expect(decodeResponseBody('GetClock', { currentTime: 1513813587308, extra: 1 })).toEqual({ ok: true, value: { currentTime: 1513813587308 } });
    expect(errorOf('GetClock', {})).toEqual({ path: 'body.currentTime', message: 'body.currentTime: expected number' });
    expect(errorOf('GetClock', { currentTime: -1 }).path).toBe('body.currentTime');
    expect(errorOf('GetClock', { currentTime: Infinity }).path).toBe('body.currentTime');
    expect(errorOf('GetClock', undefined)).toEqual({ path: 'body', message: 'body: expected object' });
  });

  it('cm.ConsumerRequestConversation → {conversationId}', () => {
    expect(decodeResponseBody('cm.ConsumerRequestConversation', { conversationId: 'c-1' })).toEqual({ ok: true, value: { conversationId: 'c-1' } });
    expect(errorOf('cm.ConsumerRequestConversation', { conversationId: '' }).path).toBe('body.conversationId');
    expect(errorOf('cm.ConsumerRequestConversation', 'OK').path).toBe('body');
  });

  it('ms.PublishEvent → {sequence}, a non-negative integer (0 for chat states)', () => {
    expect(decodeResponseBody('ms.PublishEvent', { sequence: 0 })).toEqual({ ok: true, value: { sequence: 0 } });
    expect(errorOf('ms.PublishEvent', { sequence: -2 }).path).toBe('body.sequence');
    expect(errorOf('ms.PublishEvent', { sequence: '3' })).toEqual({ path: 'body.sequence', message: 'body.sequence: expected number' });
    expect(errorOf('ms.PublishEvent', [{ sequence: 1 }]).path).toBe('body');
  });

  it('cqm.SubscribeExConversations → {subscriptionId}', () => {
    expect(decodeResponseBody('cqm.SubscribeExConversations', { subscriptionId: 's-1' })).toEqual({ ok: true, value: { subscriptionId: 's-1' } });
    expect(errorOf('cqm.SubscribeExConversations', {}).path).toBe('body.subscriptionId');
  });

  it('ms.SubscribeMessagingEvents (GenericSubscribeResponse): absent, null, {} or an informational value', () => {
    const bodies: readonly (Json | undefined)[] = [undefined, null, {}, { info: 1 }, 'OK'];
    for (const body of bodies) {
      expect(decodeResponseBody('ms.SubscribeMessagingEvents', body)).toEqual({ ok: true, value: undefined });
    }
    expect(errorOf('ms.SubscribeMessagingEvents', 42).path).toBe('body');
  });

  it.each(['InitConnection', 'cm.UpdateConversationField', 'cqm.UnsubscribeExConversations'] as const)('%s → a string or nothing', (type) => {
    expect(decodeResponseBody(type, 'OK Conversation resolved successfully')).toEqual({ ok: true, value: 'OK Conversation resolved successfully' });
    expect(decodeResponseBody(type, undefined)).toEqual({ ok: true, value: undefined });
    expect(decodeResponseBody(type, null)).toEqual({ ok: true, value: undefined });
    expect(decodeResponseBody(type, {})).toEqual({ ok: true, value: undefined });
    expect(errorOf(type, { text: 'OK' })).toEqual({ path: 'body', message: 'body: expected string' });
    expect(errorOf(type, 7).path).toBe('body');
  });

  it('an unknown request type is an error value, not a throw', () => {
    const notAType: unknown = 'cm.Nope';
    const result = Reflect.apply(decodeResponseBody, undefined, [notAType, {}]);
    expect(result).toMatchObject({ ok: false, error: { kind: 'decode-error', path: 'type' } });
  });

  it('error excerpts show the body with secrets redacted', () => {
    const result = decodeResponseBody('GetClock', { token: 'eyJabc.def.ghi' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.excerpt).toBe('{"token":"[redacted]"}');
  });
});

describe('decodeResponseBody: failures name what was expected', () => {
  it('a GenericSubscribeResponse body that is a number or a list: expected object', () => {
    for (const body of [5, [1]]) {
      const result = decodeResponseBody('ms.SubscribeMessagingEvents', body);
      expect(result.ok || result.error).toMatchObject({ path: 'body', expected: 'expected object' });
    }
  });

  it('a body that is not an object, an unknown request type, a missing body', () => {
    expect(decodeResponseBody('GetClock', 'x')).toEqual({ ok: false, error: expect.objectContaining({ path: 'body', expected: 'expected object', excerpt: '"x"' }) });
    expect(decodeResponseBody('Nope' as RequestType, {})).toEqual({ ok: false, error: expect.objectContaining({ path: 'type', expected: 'expected a known request type', excerpt: 'Nope' }) });
    expect(decodeResponseBody('GetClock', undefined)).toEqual({ ok: false, error: expect.objectContaining({ path: 'body', excerpt: '' }) });
  });
});
