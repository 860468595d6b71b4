/**
 * Family `dialogs`: a sequence of decoded notifications (valid, mutated, re-sent, reordered, new
 * subscriptions), the consumer's commands (mostly declines) and time through the call core —
 * `callCore` → `runCallEffects` (ports whose publishes and call screen sometimes fail or hang) →
 * `callStreams` — on a virtual clock, every view held.
 */
import { callCore, callStreams, runCallEffects, type CallEvent, type CallInput, type CallPorts, type DialogEvent, type IntentType } from 'lp-call-streams';
import { decode, type InboundFrame } from 'lp-call-streams/protocol';
import { NEVER, of, Subject, throwError, type Subscription } from 'rxjs';
import { checkDecodeResult, type Escape } from './checks';
import { mutatedFrame } from './inputs';
import { watch } from './observe';
import type { Rand } from './rand';
import { FuzzScheduler } from './scheduler';
import { conversationNotification, messagingNotification, universe } from './valid-frames';
import { NOW } from './family-decode';

const ADVANCES = [0, 1, 500, 2_000, 60_000, 125_000, 3_600_000, 2 ** 31];
const INTENTS: readonly IntentType[] = ['decline', 'decline', 'decline', 'accept', 'accept', 'offer'];

/** `dialog$`: closed at most once per dialog, and nothing for a dialog after its close. */
function dialogContract(escapes: Escape[]): (event: DialogEvent) => void {
  const closed = new Set<string>();
  return (event) => {
    const id = event.dialog.dialogId;
    if (closed.has(id)) escapes.push({ kind: 'contract', message: `dialog$ emitted ${event.type} for ${id} after its close` });
    if (event.type === 'closed') closed.add(id);
  };
}

/**
 * The call view and the commands, read from the steps in order: one call at a time (each
 * `invitation` is followed by that call's `closed` before the next one; `accepted` at most once,
 * for the call shown); every command told `applied` at most once and ended at most once.
 */
function callContract(escapes: Escape[]) {
  let shown: string | undefined;
  let confirmed = false;
  const commands = new Map<number, 'applied' | 'ended'>();
  const broken = (message: string): void => {
    escapes.push({ kind: 'contract', message });
  };
  return {
    onEvent(event: CallEvent): void {
      switch (event.type) {
        case 'invitation':
          if (shown !== undefined) broken(`invitation$ showed ${event.invitation.dialogId} while ${shown} was not closed`);
          shown = event.invitation.dialogId;
          confirmed = false;
          return;
        case 'accepted':
          if (event.call.dialogId !== shown || confirmed) broken(`accepted$ told ${event.call.dialogId} (shown: ${shown ?? 'none'}, already told: ${confirmed})`);
          confirmed = true;
          return;
        case 'closed':
          if (event.call.dialog.dialogId !== shown) broken(`closed$ closed ${event.call.dialog.dialogId} while ${shown ?? 'nothing'} was shown`);
          shown = undefined;
          return;
        case 'command': {
          const seen = commands.get(event.id);
          if (event.result.type === 'applied') {
            if (seen !== undefined) broken(`command ${event.id} applied after it was ${seen}`);
            commands.set(event.id, 'applied');
          } else {
            if (seen === 'ended') broken(`command ${event.id} ended twice`);
            commands.set(event.id, 'ended');
          }
          return;
        }
        default:
          return;
      }
    },
    /** After the frames ended: every command sent was told, and none is still in flight. */
    atEnd(sent: number): void {
      for (let id = 1; id <= sent; id++) {
        const seen = commands.get(id);
        if (seen !== 'ended') broken(`command ${id} ${seen === undefined ? 'was never answered' : 'was still in flight after the frames ended'}`);
      }
    },
  };
}

/** Ports whose publishes mostly succeed at once, sometimes fail or never finish; the call screen sometimes fails. */
function fuzzPorts(r: Rand): CallPorts {
  return {
    publish: () => {
      const roll = r.int(20);
      return roll === 0 ? throwError(() => new Error('publish refused')) : roll === 1 ? NEVER : of(true);
    },
    callScreen: () => (r.chance(0.1) ? throwError(() => new Error('no call screen')) : NEVER),
  };
}

/** One dialogs case: 1–40 steps; returns the escapes found. */
export function dialogsCase(r: Rand): { readonly label: string; readonly escapes: Escape[] } {
  const escapes: Escape[] = [];
  const scheduler = new FuzzScheduler();
  scheduler.frame = NOW;
  const u = universe(r);
  const frames = new Subject<InboundFrame>();
  const inputSubject$ = new Subject<CallInput>();
  const dispatch = (input: CallInput): void => inputSubject$.next(input);
  let sourceDone = false;
  const done = (): boolean => sourceDone;
  // Sometimes tiny memory bounds (forgetting is documented: the close contract holds within them).
  const forgetful = r.chance(0.2);
  const memory = forgetful ? { retainClosed: r.range(1, 4), retainConversations: r.range(1, 3) } : {};
  const streams = callStreams(frames.pipe(callCore({ scheduler, inputs: inputSubject$, autoOffer: r.chance(0.8), ...memory }), runCallEffects(fuzzPorts(r), dispatch)));
  let events = 0;
  const contract = forgetful ? undefined : dialogContract(escapes);
  const calls = callContract(escapes);
  const subscriptions: Subscription[] = [
    watch('step$', streams.step$, escapes, (step) => step.events.forEach((event) => calls.onEvent(event)), done),
    watch('dialog$', streams.dialog$, escapes, (event) => {
      events += 1;
      contract?.(event);
    }, done),
    watch('invitation$', streams.invitation$, escapes, undefined, done),
    watch('accepted$', streams.accepted$, escapes, undefined, done),
    watch('closed$', streams.closed$, escapes, undefined, done),
    watch('error$', streams.error$, escapes, undefined, done),
    watch('resume$', streams.resume$, escapes, undefined, done),
    watch('session$', streams.session$, escapes, undefined, done),
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
  let commands = 0;
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
      commands += 1;
      dispatch({ type: 'intent', id: commands, intent: r.pick(INTENTS), dialogId: r.chance(0.9) ? r.pick(u.dialogs).dialogId : 'unknown-dialog' });
    } else {
      subscriptionId = r.chance(0.5) ? `sub-${step}` : r.pick(u.subscriptionIds); // a reconnect listing
    }
  }
  scheduler.advance(r.pick(ADVANCES));
  sourceDone = true;
  frames.complete();
  calls.atEnd(commands);
  for (const subscription of subscriptions) subscription.unsubscribe();
  return { label: `steps:${steps},mutated:${mutated},commands:${commands},events:${events}`, escapes };
}
