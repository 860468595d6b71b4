// The contenders of the throughput and growth benchmarks. Each one is created with a `clock`
// (`clock.now` is set to the frame's time before each frame) and offers `feed(text)` for one
// inbound WebSocket text frame, `counts()` (events seen so far, to check against the ground truth)
// and `dispose()`.
//
//   (a) floor        JSON.parse only: what any integration pays at least
//   (b) hand-written the imperative handler the tutorial leads a brand to write: JSON.parse, find
//                    COBROWSE dialogs, compare sessionState with a Map of what each dialog last said
//   (c) rxjs         the same rules as a plain RxJS pipeline: map(JSON.parse) → mergeMap → scan over a Map → share
//   (d) ours         lp-call-streams, the path createCallClient runs: decodeCallFrame → callCore → runCallEffects
//                    → callStreams, with dialog$, invitation$, accepted$, closed$ and session$ subscribed
import { dialogCore, lib, protocol, rxjs } from './lib.mjs';

const { Subject, asyncScheduler, filter, map, mergeMap, scan, share } = rxjs;

const zero = () => ({ invited: 0, accepted: 0, updated: 0, closed: 0 });

/** (a) */
export function floor() {
  let sink = 0;
  return {
    name: 'JSON.parse (floor)',
    feed(text) {
      sink += JSON.parse(text).kind.length;
    },
    counts: () => ({ ...zero(), sink }),
    dispose() {},
  };
}

/** The call client's decoder only (no dialog rules): its own cost over the floor. */
export function decodeOnly() {
  let ok = 0;
  return {
    name: 'decodeCallFrame only',
    feed(text) {
      if (protocol.decodeCallFrame(text).ok) ok += 1;
    },
    counts: () => ({ ...zero(), ok }),
    dispose() {},
  };
}

/**
 * The tutorial's rules by hand, per COBROWSE dialog: drop snapshots older than the last one seen
 * (metaDataLastUpdateTs), ignore a dialog once CLOSED, announce INVITED (not yet expired) once,
 * ACCEPTED once, a second ACCEPTED (joined) as an update, CLOSED once if announced.
 * Returns the event type or undefined; `seen` maps dialogId → what the dialog last said.
 */
function handle(seen, dialog, conversationClosed, now) {
  const meta = dialog.metaData ?? {};
  const state = conversationClosed ? 'CLOSED' : meta.sessionState;
  const last = seen.get(dialog.dialogId);
  if (last !== undefined && (last.state === 'CLOSED' || dialog.metaDataLastUpdateTs < last.ts)) return undefined;
  const next = { state, key: meta.notificationKey, ts: dialog.metaDataLastUpdateTs, announced: last?.announced ?? false };
  seen.set(dialog.dialogId, next);
  if (state === 'INVITED') {
    if (last === undefined && meta.expires * 1000 > now) {
      next.announced = true;
      return 'invited';
    }
    return undefined;
  }
  if (state === 'ACCEPTED') {
    next.announced = true;
    if (last?.state !== 'ACCEPTED') return 'accepted';
    return last.key !== next.key ? 'updated' : undefined;
  }
  if (state === 'CLOSED') return last?.announced === true ? 'closed' : undefined;
  return undefined;
}

/** (b) */
export function handWritten(clock) {
  const seen = new Map();
  const counts = zero();
  return {
    name: 'hand-written (Map per dialog)',
    seen,
    feed(text) {
      const message = JSON.parse(text);
      if (message.type !== 'cqm.ExConversationChangeNotification') return;
      for (const change of message.body.changes) {
        if (change.type !== 'UPSERT') continue;
        const details = change.result.conversationDetails;
        const closed = details.stage === 'CLOSE';
        for (const dialog of details.dialogs) {
          if (dialog.channelType !== 'COBROWSE') continue;
          const event = handle(seen, dialog, closed, clock.now);
          if (event !== undefined) counts[event] += 1;
        }
      }
    },
    counts: () => ({ ...counts }),
    dispose() {},
  };
}

/** (c) */
export function plainRxjs(clock) {
  const text$ = new Subject();
  const event$ = text$.pipe(
    map((text) => JSON.parse(text)),
    filter((message) => message.type === 'cqm.ExConversationChangeNotification'),
    mergeMap((message) => message.body.changes),
    filter((change) => change.type === 'UPSERT'),
    mergeMap((change) => {
      const details = change.result.conversationDetails;
      return details.dialogs.filter((d) => d.channelType === 'COBROWSE').map((dialog) => ({ dialog, closed: details.stage === 'CLOSE' }));
    }),
    scan((state, { dialog, closed }) => ({ seen: state.seen, event: handle(state.seen, dialog, closed, clock.now) }), { seen: new Map(), event: undefined }),
    filter((state) => state.event !== undefined),
    map((state) => state.event),
    share(),
  );
  const counts = zero();
  const subscriptions = ['invited', 'accepted', 'updated', 'closed'].map((type) => event$.pipe(filter((e) => e === type)).subscribe(() => (counts[type] += 1)));
  return {
    name: 'plain RxJS pipeline',
    feed: (text) => text$.next(text),
    counts: () => ({ ...counts }),
    dispose: () => subscriptions.forEach((s) => s.unsubscribe()),
  };
}

/** (d) without rxjs: the call client's decoder, then the dialog tracker directly (what its core runs). */
export function tracker(clock) {
  const core = dialogCore.createDialogTracker();
  const counts = zero();
  const reasons = {};
  return {
    name: 'decodeCallFrame + createDialogTracker',
    feed(text) {
      const result = protocol.decodeCallFrame(text);
      if (!result.ok) return;
      for (const event of core.apply({ type: 'frame', frame: result.frame }, clock.now)) {
        counts[event.type] += 1;
        if (event.type === 'closed') reasons[event.reason] = (reasons[event.reason] ?? 0) + 1;
      }
    },
    counts: () => ({ ...counts, reasons: { ...reasons } }),
    memory: () => core.memory(),
    dispose() {},
  };
}

/** (d) */
export function ours(clock, options = {}) {
  const { Subject: S, merge } = rxjs;
  const text$ = new S();
  const inputSubject$ = new S();
  // The frame's time is the clock; expiry timers go to the real async scheduler (none fall due in a run).
  const scheduler = { now: () => clock.now, schedule: (work, delay, state) => asyncScheduler.schedule(work, delay, state) };
  const frame$ = text$.pipe(
    map((text) => protocol.decodeCallFrame(text)),
    filter((result) => result.ok),
    map((result) => result.frame),
  );
  // What createCallClient composes (its ports: lpTag's publish and the container) with ports that cost nothing.
  const ports = { publish: () => rxjs.of(true), callScreen: () => rxjs.NEVER };
  const calls = lib.callStreams(
    frame$.pipe(lib.callCore({ scheduler, ...options, inputs: merge(inputSubject$) }), lib.runCallEffects(ports, (input) => inputSubject$.next(input))),
  );
  const counts = zero();
  const reasons = {};
  const shown = { invitations: 0, accepted: 0, closed: 0, states: 0 };
  // dialog$ is the server's view (checked against the ground truth); the call view is one call at a time.
  const subscriptions = [
    calls.dialog$.subscribe((e) => {
      counts[e.type] += 1;
      if (e.type === 'closed') reasons[e.reason] = (reasons[e.reason] ?? 0) + 1;
    }),
    calls.invitation$.subscribe(() => (shown.invitations += 1)),
    calls.accepted$.subscribe(() => (shown.accepted += 1)),
    calls.closed$.subscribe(() => (shown.closed += 1)),
    calls.session$.subscribe(() => (shown.states += 1)),
  ];
  return {
    name: 'lp-call-streams',
    feed: (text) => text$.next(text),
    counts: () => ({ ...counts, reasons: { ...reasons }, shown: { ...shown } }),
    dispose: () => subscriptions.forEach((s) => s.unsubscribe()),
  };
}

export const CONTENDERS = { floor, decodeOnly, handWritten, plainRxjs, tracker, ours };
