/**
 * Family `dialogs`: a sequence of decoded notifications (valid, mutated, re-sent, reordered, new
 * subscriptions), declines and time through `callDialogs` + `partitionDialogs` on a virtual clock.
 */
import { callDialogs, type DialogEvent, partitionDialogs } from 'lp-call-streams';
import { decode, type InboundFrame } from 'lp-call-streams/protocol';
import { Subject, type Subscription } from 'rxjs';
import { checkDecodeResult, type Escape } from './checks';
import { mutatedFrame } from './inputs';
import { watch } from './observe';
import type { Rand } from './rand';
import { FuzzScheduler } from './scheduler';
import { conversationNotification, messagingNotification, universe } from './valid-frames';
import { NOW } from './family-decode';

const ADVANCES = [0, 1, 500, 2_000, 60_000, 125_000, 3_600_000, 2 ** 31];

/** Closed at most once per dialog, and nothing for a dialog after its close. */
function dialogContract(escapes: Escape[]): (event: DialogEvent) => void {
  const closed = new Set<string>();
  return (event) => {
    const id = event.dialog.dialogId;
    if (closed.has(id)) escapes.push({ kind: 'contract', message: `dialog$ emitted ${event.type} for ${id} after its close` });
    if (event.type === 'closed') closed.add(id);
  };
}

/** One dialogs case: 1–40 steps; returns the escapes found. */
export function dialogsCase(r: Rand): { readonly label: string; readonly escapes: Escape[] } {
  const escapes: Escape[] = [];
  const scheduler = new FuzzScheduler();
  scheduler.frame = NOW;
  const u = universe(r);
  const frames = new Subject<InboundFrame>();
  const declined = new Subject<string>();
  let sourceDone = false;
  const done = (): boolean => sourceDone;
  // Sometimes tiny memory bounds (forgetting is documented: the close contract holds within them).
  const forgetful = r.chance(0.2);
  const memory = forgetful ? { retainClosed: r.range(1, 4), retainConversations: r.range(1, 3) } : {};
  const streams = partitionDialogs(frames.pipe(callDialogs({ scheduler, declined$: declined, ...memory })));
  let events = 0;
  const contract = forgetful ? undefined : dialogContract(escapes);
  const subscriptions: Subscription[] = [
    watch('dialog$', streams.dialog$, escapes, (event) => {
      events += 1;
      contract?.(event);
    }, done),
    watch('invitation$', streams.invitation$, escapes, undefined, done),
    watch('accepted$', streams.accepted$, escapes, undefined, done),
    watch('closed$', streams.closed$, escapes, undefined, done),
  ];
  /** A rejected frame is dropped with its DecodeError (the diagnostic); an accepted one goes on. */
  const feed = (text: string, mustDecode: boolean): void => {
    const result = decode(text);
    const escape = checkDecodeResult(result, mustDecode);
    if (escape !== undefined) escapes.push(escape);
    if (result.ok) frames.next(result.frame);
  };
  let subscriptionId = u.subscriptionIds[0] ?? 'sub-a';
  let ts = NOW;
  const steps = r.range(1, 40);
  let mutated = 0;
  for (let step = 0; step < steps; step++) {
    const roll = r.int(100);
    ts += r.chance(0.2) ? -r.int(5_000) : r.int(3_000); // sometimes older than the last
    if (roll < 55) {
      feed(JSON.stringify(conversationNotification(r, u, scheduler.now(), ts, subscriptionId)), true);
    } else if (roll < 75) {
      mutated += 1;
      const input = mutatedFrame(r, r.chance(0.8) ? conversationNotification(r, u, scheduler.now(), ts, subscriptionId) : messagingNotification(r, u, ts));
      feed(input.text, false);
    } else if (roll < 85) {
      scheduler.advance(r.pick(ADVANCES));
    } else if (roll < 92) {
      declined.next(r.chance(0.9) ? r.pick(u.dialogs).dialogId : 'unknown-dialog');
    } else {
      subscriptionId = r.chance(0.5) ? `sub-${step}` : r.pick(u.subscriptionIds); // a reconnect listing
    }
  }
  scheduler.advance(r.pick(ADVANCES));
  sourceDone = true;
  frames.complete();
  for (const subscription of subscriptions) subscription.unsubscribe();
  return { label: `steps:${steps},mutated:${mutated},events:${events}`, escapes };
}
