/** @jest-environment node */
/**
 * Issue #22 point 3: a Node host (no `document`) that passes neither `document` nor `callScreen` used
 * to get a client whose accepted calls failed in silence (`call-screen-failed` on `session$` only).
 * It is told at creation instead, with what to pass; the test kit passes `callScreen` for it.
 */
import { NEVER } from 'rxjs';
import { createCallClient } from '../../lib/client/create-call-client';
import type { CallClientConfig } from '../../lib/client/types';
import { ConfigError } from '../../lib/errors';
import { createFakeSocketFactory } from '../../lib/testing/fake-socket';
import { createTestCallClient } from '../../lib/testing/test-call-client';

const config = (): CallClientConfig => ({
  accountId: '12345678',
  auth: { jwt: () => 'jwt' },
  endpoint: { socketUrl: 'wss://fake.invalid/ws' },
  webSocketFactory: createFakeSocketFactory().webSocketFactory,
  visitor: { name: 'Jane' },
});

describe('a host without a document', () => {
  it('runs in an environment without globalThis.document (the premise of this suite)', () => {
    expect('document' in globalThis).toBe(false);
  });

  it('no callScreen and no document → ConfigError on callScreen saying what to pass', () => {
    let error: unknown;
    try {
      createCallClient(config());
    } catch (thrown: unknown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ field: 'callScreen', message: expect.stringMatching(/document[\s\S]*callScreen: \(\) => NEVER/) });
  });

  it('a container config does not stand in for the document', () => {
    expect(() => createCallClient({ ...config(), container: { loadingText: 'Connecting…' } })).toThrow(ConfigError);
  });

  it('callScreen (e.g. () => NEVER), or a document, is enough', () => {
    expect(() => createCallClient({ ...config(), callScreen: () => NEVER })).not.toThrow();
    const fakeDocument = { createElement: () => undefined, body: {} } as unknown as Document;
    expect(() => createCallClient({ ...config(), document: fakeDocument })).not.toThrow();
  });

  it('the test kit keeps working without a document (it passes callScreen for you)', () => {
    const t = createTestCallClient();
    const states: string[] = [];
    const subscription = t.client.session$.subscribe((s) => states.push(s.status));
    t.advance(10);
    t.sendCall('INVITED');
    expect(states).toContain('offered');
    subscription.unsubscribe();
  });
});
