/** @jest-environment node */
import { filter, firstValueFrom, type Observable, ReplaySubject, take, timeout } from 'rxjs';
import { createConnection } from '../../lib/connection/create-connection';
import type { ConnectionDiagnostic } from '../../lib/connection/diagnostics';
import type { MessagingEventChange } from '../../lib/protocol/types';
import { startEmulator, type RunningEmulator } from 'lp-call-streams-emulator';
import { overEmulator } from '../integration/over-emulator';

const first = <T>(source$: Observable<T>, predicate: (value: T) => boolean): Promise<T> => firstValueFrom(source$.pipe(filter(predicate), take(1), timeout(5_000)));

/** Resolves once the emulator's socket is subscribed to the dialog's messaging events. */
async function subscribedOnEmulator(dialogId: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const subscribed = emulator.state().connections.some((c) => Array.isArray(c['messagingSubscriptions']) && c['messagingSubscriptions'].includes(dialogId));
    if (subscribed) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never subscribed to ${dialogId}`);
}

let emulator: RunningEmulator;

describe('the inbound frame cap over a real socket (loopback, against the emulator)', () => {
  afterEach(() => emulator.close());

  it('an agent message over maxInboundFrameSize is dropped with a diagnostic; the next one arrives on the same socket', async () => {
    emulator = await startEmulator({ port: 0 });
    const connection = createConnection({
      ...overEmulator(emulator),
      maxInboundFrameSize: 2_000,
    });
    const diagnostics = new ReplaySubject<ConnectionDiagnostic>(100);
    const diagnosticsSubscription = connection.diagnostic$.subscribe(diagnostics);
    const held = connection.connect().subscribe(); // one consumer, one socket for the whole test
    try {
      const { body } = await firstValueFrom(connection.request('cm.ConsumerRequestConversation', undefined));
      const events = new ReplaySubject<MessagingEventChange>(100);
      const eventsSubscription = connection.messagingEvents(body.conversationId, body.conversationId).subscribe(events);
      await first(connection.state$, (state) => state.status === 'open');
      await subscribedOnEmulator(body.conversationId);
      emulator.agent.message({ text: 'x'.repeat(5_000), conversationId: body.conversationId });
      emulator.agent.message({ text: 'small', conversationId: body.conversationId });

      const arrived = await first(events, () => true);
      const dropped = await first(diagnostics, (d) => d.type === 'frame-too-large');
      expect(arrived.event).toMatchObject({ type: 'ContentEvent', message: 'small' });
      expect(arrived.sequence).toBe(1);
      expect(dropped).toEqual({ type: 'frame-too-large', generation: 1, size: expect.any(Number), limit: 2_000 });
      expect(dropped.type === 'frame-too-large' && dropped.size).toBeGreaterThan(5_000);
      const state = await first(connection.state$, () => true);
      expect(state).toEqual({ status: 'open', generation: 1 });
      eventsSubscription.unsubscribe();
    } finally {
      diagnosticsSubscription.unsubscribe();
      held.unsubscribe();
      connection.close();
    }
  });
});
