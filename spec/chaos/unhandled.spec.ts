/** @jest-environment node */
/**
 * The chaos suite's escape log catches each kind of RxJS escape it claims to (so a clean log means
 * something). Process-level escapes are jest-circus's: it fails the running test (see unhandled.ts).
 */
import { config, Observable, throwError } from 'rxjs';
import { trackUnhandled } from './unhandled';

const tick = (ms = 20): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('trackUnhandled', () => {
  it('records an RxJS error nobody handled and an error sent after the end', async () => {
    const log = trackUnhandled();
    try {
      throwError(() => new Error('nobody listens')).subscribe();
      new Observable<never>((subscriber) => {
        subscriber.complete();
        // eslint-disable-next-line rxjs-x/no-redundant-notify -- the escape under test
        subscriber.error(new Error('too late'));
      }).subscribe({ error: () => undefined });
      await tick(); // RxJS reports unhandled errors on a timeout
      expect([...log.escapes].sort()).toEqual(['rxjs error after the end: Error: too late', 'rxjs onUnhandledError: Error: nobody listens']);
    } finally {
      log.stop();
    }
  });

  it('stop() restores the RxJS hooks', () => {
    const before = { onUnhandledError: config.onUnhandledError, onStoppedNotification: config.onStoppedNotification };
    trackUnhandled().stop();
    expect({ onUnhandledError: config.onUnhandledError, onStoppedNotification: config.onStoppedNotification }).toEqual(before);
  });
});
