/**
 * The client's decoder (issue 21, point 1): by default `decodeCallFrame`, so `client.connection`
 * carries other notification bodies as they came; `connection.decodeFrame` chooses another.
 */
import { decode, type NotificationFrame } from '../../lib/protocol';
import { ConfigError } from '../../lib';
import { createTestCallClient } from '../../lib/testing';
import { messagingEventChange, messagingEventNotification } from '../../lib/testing/frames';

function notificationsOf(options: Parameters<typeof createTestCallClient>[0]): NotificationFrame[] {
  const t = createTestCallClient(options);
  const seen: NotificationFrame[] = [];
  const subscription = t.client.connection.notification$.subscribe((n) => seen.push(n));
  subscription.add(t.client.session$.subscribe());
  t.advance(10);
  t.sockets.latest().receive(messagingEventNotification({ changes: [messagingEventChange({ text: 'hi' })] }));
  t.advance(10);
  subscription.unsubscribe();
  return seen;
}

describe('createCallClient: the decoder of its frames', () => {
  it('is decodeCallFrame by default: a messaging notification reaches notification$ with its body as it came', () => {
    const [frame] = notificationsOf({}).filter((n) => n.type !== 'cqm.ExConversationChangeNotification');
    expect(frame).toMatchObject({ type: 'unknown', notificationType: 'ms.MessagingEventNotification', body: { changes: [{ event: { message: 'hi' } }] } });
  });

  it('is the one given as connection.decodeFrame: decode gives the full model', () => {
    const [frame] = notificationsOf({ connection: { decodeFrame: decode } }).filter((n) => n.type !== 'cqm.ExConversationChangeNotification');
    expect(frame).toMatchObject({ type: 'ms.MessagingEventNotification', body: { changes: [{ event: { type: 'ContentEvent', message: 'hi' } }] } });
  });

  it('a decodeFrame that is not a function is a ConfigError naming it', () => {
    expect(() => createTestCallClient({ connection: { decodeFrame: 'decode' as never } })).toThrow(ConfigError);
    expect(() => createTestCallClient({ connection: { decodeFrame: 'decode' as never } })).toThrow(/^connection\.decodeFrame: must be a function \(text\) => DecodeResult, e\.g\. decodeCallFrame \(got a string\)$/);
  });
});
