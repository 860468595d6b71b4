/**
 * The incremental dialog core (`createDialogTracker`) against the reference model (the pure,
 * copy-everything reducer in ./reference): on random inputs — snapshots of a few conversations in
 * any order, with or without timestamps, any session and dialog state, expiries around `now`,
 * ticks, DELETEs, new subscriptions, a clock that may even step back — both
 * must emit exactly the same events, in the same order, and agree on the next expiry.
 */
import fc from 'fast-check';
import { createDialogTracker } from '../../lib/dialog';
import type { DialogInput } from '../../lib/dialog';
import type { DialogEvent } from '../../lib/dialog/types';
import type { JsonObject } from '../../lib/protocol/types';
import { callDialog, conversationDelete, exConversationNotification, mainDialog, messagingEventNotification } from '../../lib/testing/frames';
import { wire } from './helpers';
import { reduceDialogs } from './reference/reducer';
import { INITIAL_DIALOGS_STATE, nextExpiry } from './reference/state';

const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arbitrary, { nil: null, freq: 4 });

const dialogArb: fc.Arbitrary<JsonObject> = fc
  .record({
    dialogId: fc.constantFrom('d-0', 'd-1', 'd-2', 'd-3', 'd-4'),
    sessionState: maybe(fc.constantFrom('INVITED', 'INVITED', 'ACCEPTED', 'ACCEPTED', 'CLOSED', 'PAUSED')),
    state: maybe(fc.constantFrom('OPEN', 'OPEN', 'CLOSE')),
    notificationKey: maybe(fc.constantFrom('invited', 'accepted', 'joined', 'cancel_invitation')),
    expiresAt: maybe(fc.constantFrom(40, 100, 150, 300, 10 ** 15)),
    ts: maybe(fc.integer({ min: 1, max: 12 })),
    mode: maybe(fc.constantFrom('VIDEO_CALL', 'VOICE_CALL', 'shared')),
    agentId: maybe(fc.constantFrom('le1.1', 'le1.2')),
  })
  .map(({ ts, ...options }) => callDialog({ ...options, creationTs: 0, metaDataLastUpdateTs: ts }));

/** An UPSERT written out (the builder always sets a conversation timestamp; here it may be absent). */
const upsertArb: fc.Arbitrary<JsonObject> = fc
  .record({
    conversationId: fc.constantFrom('conv-0', 'conv-1', 'conv-2'),
    dialogs: fc.uniqueArray(dialogArb, { maxLength: 3, selector: (d) => d['dialogId'] }),
    ts: maybe(fc.integer({ min: 1, max: 12 })),
    stage: maybe(fc.constantFrom('OPEN', 'OPEN', 'OPEN', 'CLOSE')),
    state: fc.constantFrom('OPEN', 'CLOSE'),
  })
  .map(({ conversationId, dialogs, ts, stage, state }) => ({
    type: 'UPSERT',
    result: {
      convId: conversationId,
      conversationDetails: {
        participants: [{ id: 'consumer-1', role: 'CONSUMER' }],
        dialogs: [mainDialog({ conversationId, creationTs: 0 }), ...dialogs],
        state,
        ...(stage === null ? {} : { stage }),
        ...(ts === null ? {} : { metaDataLastUpdateTs: ts }),
      },
    },
  }));

const changeArb = fc.oneof({ weight: 6, arbitrary: upsertArb }, { weight: 1, arbitrary: fc.constantFrom('conv-0', 'conv-1', 'conv-2').map(conversationDelete) });

const inputArb: fc.Arbitrary<DialogInput> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({ subscriptionId: maybe(fc.constantFrom('sub-0', 'sub-0', 'sub-0', 'sub-1', 'sub-2')), changes: fc.array(changeArb, { minLength: 0, maxLength: 2 }) })
      .map(({ subscriptionId, changes }): DialogInput => ({ type: 'frame', frame: wire(exConversationNotification({ subscriptionId, changes })) })),
  },
  { weight: 1, arbitrary: fc.constant<DialogInput>({ type: 'tick' }) },
  { weight: 1, arbitrary: fc.constant<DialogInput>({ type: 'frame', frame: wire(messagingEventNotification()) }) },
);

/** Inputs, each with the clock step before it (mostly forward, sometimes back). */
const runArb = fc.array(fc.record({ input: inputArb, step: fc.integer({ min: -20, max: 80 }) }), { minLength: 1, maxLength: 40 });

const summary = (events: readonly DialogEvent[]) => events.map((e) => `${e.type}:${e.dialog.dialogId}${e.type === 'closed' ? `:${e.reason}` : ''}`);

describe('createDialogTracker against the reference model (property)', () => {
  it('emits exactly the events of the reference reducer, in order, and agrees on the next expiry', () => {
    fc.assert(
      fc.property(runArb, fc.constantFrom(0, 30), fc.constantFrom(Infinity, 1000), (run, expirySkewMs, retain) => {
        // Bounds larger than anything a run holds: the tracker must equal the model exactly.
        const tracker = createDialogTracker({ expirySkewMs, retainClosed: retain, retainConversations: retain });
        let state = INITIAL_DIALOGS_STATE;
        let now = 0;
        for (const { input, step } of run) {
          now += step;
          const reference = reduceDialogs(state, input, now, { expirySkewMs });
          state = reference.state;
          const events = tracker.apply(input, now);
          expect(summary(events)).toEqual(summary(reference.events));
          expect(events).toEqual(reference.events);
          expect(tracker.nextExpiry()).toBe(nextExpiry(state));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
