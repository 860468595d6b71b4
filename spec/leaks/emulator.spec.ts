/** @jest-environment node */
/**
 * Leak check over real sockets: 100 call clients against the emulator, each signing up, connecting,
 * requesting a conversation, taking a call (invite → accept → ACCEPTED → hang-up) and unsubscribing.
 * The emulator must have seen every socket close with 1000, and the fake lpTag keep no binding.
 */
import { filter, firstValueFrom, Observable, timeout } from 'rxjs';
import { startEmulator, type RunningEmulator } from 'lp-call-streams-emulator';
import { createCallClient } from '../../lib';
import { createFakeLpTag } from '../../lib/testing';
import { overEmulator } from '../integration/over-emulator';

const CLIENTS = 100;
const WAIT = { first: 5000 };

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, browserAssets: false });
});

afterAll(async () => {
  await emulator.close();
});

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

it(`${CLIENTS} clients through a call over real sockets: the emulator saw every socket close with 1000`, async () => {
  const lpTag = createFakeLpTag();
  let screens = 0;
  for (let i = 0; i < CLIENTS; i += 1) {
    const client = createCallClient({
      ...overEmulator(emulator),
      lpTag,
      visitor: { name: 'Leak Tester' },
      callScreen: () =>
        new Observable<never>(() => {
          screens += 1;
          return () => (screens -= 1);
        }),
    });
    const subscription = client.session$.subscribe();
    await firstValueFrom(client.connection$.pipe(filter((s) => s.status === 'open'), timeout(WAIT)));
    await firstValueFrom(client.connection.request('cm.ConsumerRequestConversation', undefined));
    const invited = firstValueFrom(client.invitation$.pipe(timeout(WAIT)));
    const { dialogId } = emulator.agent.invite({ mode: 'VIDEO_CALL' });
    await firstValueFrom(client.accept(await invited), { defaultValue: undefined });
    emulator.agent.accept({ dialogId });
    const closed = firstValueFrom(client.closed$.pipe(timeout(WAIT)));
    emulator.agent.hangup({ dialogId });
    expect((await closed).reason).toBe('hangup');
    subscription.unsubscribe();
  }
  await until(() => emulator.state().connections.length === 0);
  expect(emulator.state().closedSockets).toEqual({ 1000: CLIENTS });
  expect(lpTag.bindingCount()).toBe(0);
  expect(screens).toBe(0);
}, 60_000);
