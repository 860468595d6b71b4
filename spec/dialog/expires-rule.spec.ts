/**
 * The `expires` plausibility rule seen from `dialog$` (the call core's dialog events), in virtual time (issue 14, point 2):
 * a far, mis-scaled or absurd `expires` never asks the scheduler for an absurd delay, and the
 * invitation still behaves by the documented rule.
 */
import type { SchedulerAction, SchedulerLike } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { toCallDialog } from '../../lib/dialog/call-dialog';
import type { CobrowseDialog, Json, JsonObject } from '../../lib/protocol/types';
import { callDialog, conversationUpsert, exConversationNotification, mainDialog } from '../../lib/testing/frames';
import { dialogEvents, wire } from './helpers';

const EPOCH = 1_700_000_000_000; // the dialog's creationTs; virtual time 0
const DAY = 86_400_000;

/** A TestScheduler seen with its clock at `EPOCH + virtual time`, recording every delay asked for. */
function epochRecording(scheduler: TestScheduler): { readonly scheduler: SchedulerLike; readonly delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    scheduler: {
      now: () => EPOCH + scheduler.now(),
      schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T) {
        delays.push(delay);
        return scheduler.schedule(work, delay, state);
      },
    },
  };
}

/** The conversation with one call dialog created at EPOCH whose wire `expires` is `expires`, in `sessionState`. */
function frame(expires: Json, sessionState = 'INVITED', ts = EPOCH) {
  const dialog: JsonObject = { ...callDialog({ dialogId: 'd', creationTs: EPOCH, metaDataLastUpdateTs: ts }), metaData: { sessionState, mode: 'VIDEO_CALL', expires } };
  return wire(exConversationNotification({ changes: [conversationUpsert({ metaDataLastUpdateTs: ts, dialogs: [mainDialog({ creationTs: EPOCH }), dialog] })] }));
}

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const invited = (expiresAt: number | undefined) => ({ type: 'invited', dialog: expect.objectContaining({ dialogId: 'd', expiresAt }) });
const closed = (reason: string) => ({ type: 'closed', reason, dialog: expect.objectContaining({ dialogId: 'd' }) });

describe('the expires rule in the dialog streams (virtual time)', () => {
  it('an invitation expiring in 30 days is clamped: it expires one day after its creation, and no timer is asked for more', () => {
    const t = newScheduler();
    let delays: number[] = [];
    t.run(({ cold, expectObservable }) => {
      const recording = epochRecording(t);
      delays = recording.delays;
      const events = cold('-i', { i: frame((EPOCH + 30 * DAY) / 1000) }).pipe(dialogEvents({ scheduler: recording.scheduler }));
      expectObservable(events).toBe('-i 86399998ms e', { i: invited(EPOCH + DAY), e: closed('expired') });
    });
    expect(Math.max(...delays)).toBeLessThanOrEqual(DAY);
  });

  it('an expires sent in milliseconds is read as milliseconds: the invitation expires on time, not in the year 55 000', () => {
    const t = newScheduler();
    t.run(({ cold, expectObservable }) => {
      const events = cold('-i', { i: frame(EPOCH + 5000) }).pipe(dialogEvents({ scheduler: epochRecording(t).scheduler }));
      expectObservable(events).toBe('-i 4998ms e', { i: invited(EPOCH + 5000), e: closed('expired') });
    });
  });

  it.each([
    ['1e16', 1e16],
    ['negative', -1],
    ['a string', 'soon'],
    ['more than a day before its creation', (EPOCH - 2 * DAY) / 1000],
  ])('an expires that is %s is ignored: announced, no client-side timer; the server’s CLOSED ends it', (_name, expires) => {
    const t = newScheduler();
    let delays: number[] = [];
    t.run(({ cold, expectObservable }) => {
      const recording = epochRecording(t);
      delays = recording.delays;
      const events = cold('-i 5s c', { i: frame(expires), c: frame(expires, 'CLOSED', EPOCH + 1) }).pipe(dialogEvents({ scheduler: recording.scheduler }));
      expectObservable(events).toBe('-i 5s c', { i: invited(undefined), c: closed('cancelled') });
    });
    expect(delays).toEqual([]);
  });
});

describe('toCallDialog applies the same rule to a hand-built dialog without expiresAtMs', () => {
  const built = (expires: number, creationTs?: number): CobrowseDialog => ({ dialogId: 'd', channelType: 'COBROWSE', creationTs, metaData: { expires, raw: {} } });

  it('seconds → ms; ms → ms; 1e16 → none; far from creation → clamped or none', () => {
    expect(toCallDialog('c', built(1.5e9)).expiresAt).toBe(1.5e12);
    expect(toCallDialog('c', built(1.5e12)).expiresAt).toBe(1.5e12);
    expect(toCallDialog('c', built(1e16)).expiresAt).toBeUndefined();
    expect(toCallDialog('c', built((EPOCH + 30 * DAY) / 1000, EPOCH)).expiresAt).toBe(EPOCH + DAY);
    expect(toCallDialog('c', built((EPOCH - 30 * DAY) / 1000, EPOCH)).expiresAt).toBeUndefined();
  });
});
