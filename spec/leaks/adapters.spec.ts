/**
 * Leak checks of the public building blocks other than the client: lpTag streams (bound and still
 * waiting for the tag), lpCoBrowse publishing, the call-screen container, readiness streams, the
 * dialog and session operators and the call core hub — 1,000 subscribe/unsubscribe cycles each.
 */
import { EMPTY, NEVER, Observable, Subject, throwError, VirtualAction, VirtualTimeScheduler, type Subscription } from 'rxjs';
import { callDialogs } from '../../lib/dialog/call-dialogs';
import { partitionDialogs } from '../../lib/dialog/partition-dialogs';
import type { DialogEvent } from '../../lib/dialog/types';
import { callScreenContainer } from '../../lib/dom/call-screen-container';
import { RequestError } from '../../lib/errors';
import { fromSessionError, fromSessionResume } from '../../lib/lptag/call-events';
import { fromLpTagEvent } from '../../lib/lptag/from-lptag-event';
import { publishLpCoBrowse } from '../../lib/lptag/publish-lpcobrowse';
import { decode } from '../../lib/protocol/decode-frame';
import type { InboundFrame } from '../../lib/protocol/types';
import { callReadiness } from '../../lib/readiness/call-readiness';
import { checkIceServers } from '../../lib/readiness/check-ice-servers';
import { requestCallPermission } from '../../lib/readiness/request-call-permission';
import { retryRequest } from '../../lib/rpc/retry';
import { createCallCoreHub } from '../../lib/session/call-core-hub';
import { callSession } from '../../lib/session/call-session';
import { offerOnInvite } from '../../lib/session/offer-on-invite';
import type { SessionEvent } from '../../lib/session/session-event';
import { sessionEffects } from '../../lib/session/session-effects';
import { withCallScreen } from '../../lib/session/with-call-screen';
import { createFakeLpTag, type FakeLpTag } from '../../lib/testing/fake-lptag';
import { callDialog, conversationUpsert, exConversationNotification, frameText, mainDialog } from '../../lib/testing/frames';
import { fakeBrowser, fakePeerConnections } from '../readiness/fakes';
import { advance, containers, cycle, CYCLES, pending } from './harness';

afterEach(() => {
  document.body.innerHTML = '';
});

const quietly = (stream: Observable<unknown>): Subscription => stream.subscribe({ error: () => undefined });

function virtual(): VirtualTimeScheduler {
  return new VirtualTimeScheduler(VirtualAction, Infinity);
}

/** An invitation frame of call `call-1`, decoded as the connection would hand it on. */
function invitationFrame(scheduler: VirtualTimeScheduler): InboundFrame {
  const dialog = callDialog({ dialogId: 'call-1', sessionState: 'INVITED', mode: 'VIDEO_CALL', creationTs: 500, expiresAt: scheduler.now() + 120_000, metaDataLastUpdateTs: 1001 });
  const change = conversationUpsert({ conversationId: 'conv-1', metaDataLastUpdateTs: 1001, dialogs: [mainDialog({ conversationId: 'conv-1' }), dialog] });
  const decoded = decode(frameText(exConversationNotification({ subscriptionId: 'sub-1', changes: [change] })));
  if (!decoded.ok) throw new Error('the invitation frame does not decode');
  return decoded.frame;
}

describe(`lpTag adapters, ${CYCLES} cycles each: no binding and nothing scheduled afterwards`, () => {
  const streams: readonly (readonly [string, (lpTag: () => FakeLpTag | undefined, scheduler: VirtualTimeScheduler) => Observable<unknown>])[] = [
    ['fromLpTagEvent', (source, scheduler) => fromLpTagEvent(source, 'cobrowse', 'anything', { scheduler })],
    ['fromLpTagEvent (replay)', (source, scheduler) => fromLpTagEvent(source, 'cobrowse', 'anything', { scheduler, replay: true })],
    ['fromSessionError', (source, scheduler) => fromSessionError(source, { scheduler })],
    ['fromSessionResume', (source, scheduler) => fromSessionResume(source, { scheduler })],
  ];

  it.each(streams)('%s, bound and fired', (_name, make) => {
    const scheduler = virtual();
    const lpTag = createFakeLpTag();
    let heard = 0;
    cycle(
      CYCLES,
      () => make(() => lpTag, scheduler).subscribe(() => (heard += 1)),
      () => {
        lpTag.fire('cobrowse', 'anything', {});
        lpTag.fire('cobrowse', 'sessionError', { id: 'NO_CAMERA_ACCESS', msg: 'No camera' });
        lpTag.fire('cobrowse', 'sessionResume', {});
      },
    );
    expect(heard).toBeGreaterThanOrEqual(CYCLES);
    expect(lpTag.bindingCount()).toBe(0);
    expect(pending(scheduler)).toBe(0);
  });

  it.each(streams)('%s, unsubscribed while still waiting for lpTag (polling)', (_name, make) => {
    const scheduler = virtual();
    const lpTag = createFakeLpTag();
    cycle(
      CYCLES,
      () => quietly(make(() => undefined, scheduler)),
      () => advance(scheduler, 1000),
    );
    expect(lpTag.bindingCount()).toBe(0);
    expect(pending(scheduler)).toBe(0);
  });

  it('publishLpCoBrowse: published, and abandoned while waiting for lpTag', () => {
    const scheduler = virtual();
    const lpTag = createFakeLpTag();
    lpTag.events.bind('lpCoBrowse', '*', () => undefined);
    const request = { event: 'cobrowseOffered', dialog: { serviceId: 'svc-1', agentId: '12345678.356285412', mode: 'VIDEO_CALL' } } as const;
    const config = { scheduler, visitorName: 'Leak Tester' };
    cycle(CYCLES, () => quietly(publishLpCoBrowse(() => lpTag, request, config)), () => advance(scheduler, 0));
    cycle(CYCLES, () => quietly(publishLpCoBrowse(() => undefined, request, config)), () => advance(scheduler, 1000));
    expect(lpTag.publishes()).toHaveLength(CYCLES);
    expect(lpTag.bindingCount()).toBe(1); // the test's own listener
    expect(pending(scheduler)).toBe(0);
  });
});

describe(`the call-screen container, ${CYCLES} cycles`, () => {
  it('is removed when its last holder leaves', () => {
    cycle(
      CYCLES,
      () => {
        const held = callScreenContainer(document).subscribe();
        held.add(callScreenContainer(document).subscribe());
        return held;
      },
      () => expect(containers()).toBe(1),
    );
    expect(containers()).toBe(0);
  });
});

describe(`readiness streams, ${CYCLES} cycles each: no listener, no open device, no open peer connection`, () => {
  it('callReadiness leaves no permission or devicechange listener and nothing scheduled', () => {
    const scheduler = virtual();
    const browser = fakeBrowser(scheduler, { permissions: { delay: 5 }, devices: { enumerateDelay: 5 } });
    cycle(CYCLES, () => quietly(callReadiness('VIDEO_CALL', { environment: browser.environment, scheduler })), () => advance(scheduler, 10));
    cycle(CYCLES, () => quietly(callReadiness('VOICE_CALL', { environment: browser.environment, scheduler })), () => advance(scheduler, 1));
    advance(scheduler, 10); // the fake browser's own answers still due
    expect(browser.permissions.changeListeners()).toBe(0);
    expect(browser.mediaDevices.listenerCount('devicechange')).toBe(0);
    expect(pending(scheduler)).toBe(0);
  });

  it('requestCallPermission stops every track it got, also when unsubscribed before getUserMedia answered', async () => {
    const scheduler = virtual();
    const browser = fakeBrowser(scheduler, { devices: { getUserMediaDelay: 5 } });
    cycle(CYCLES, () => quietly(requestCallPermission('VIDEO_CALL', { environment: browser.environment })), () => advance(scheduler, 10));
    cycle(CYCLES, () => quietly(requestCallPermission('VIDEO_CALL', { environment: browser.environment })), () => undefined);
    advance(scheduler, 10);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(browser.mediaDevices.tracks).toHaveLength(4 * CYCLES);
    expect(browser.mediaDevices.tracks.filter((track) => !track.stopped)).toHaveLength(0);
  });

  it('checkIceServers closes every peer connection and its timeout', () => {
    const scheduler = virtual();
    const { RTCPeerConnection, made } = fakePeerConnections(scheduler);
    const environment = () => ({ RTCPeerConnection });
    cycle(CYCLES, () => quietly(checkIceServers([{ urls: 'turn:turn.invalid:3478' }], { environment, scheduler })), () => advance(scheduler, 10));
    expect(made).toHaveLength(CYCLES);
    expect(made.filter((pc) => !pc.closed)).toHaveLength(0);
    expect(made.reduce((sum, pc) => sum + pc.listenerCount('icecandidate'), 0)).toBe(0);
    expect(pending(scheduler)).toBe(0);
  });
});

describe(`dialog and session operators, ${CYCLES} cycles each: source unobserved and nothing scheduled afterwards`, () => {
  it('callDialogs and partitionDialogs (the open invitation arms an expiry timer)', () => {
    const scheduler = virtual();
    const frames = new Subject<InboundFrame>();
    const frame = invitationFrame(scheduler);
    const dialogs$ = frames.pipe(callDialogs({ scheduler }));
    const { invitation$, accepted$, closed$ } = partitionDialogs(dialogs$);
    let invitations = 0;
    cycle(
      CYCLES,
      () => {
        const all = invitation$.subscribe(() => (invitations += 1));
        all.add(accepted$.subscribe());
        all.add(closed$.subscribe());
        return all;
      },
      () => {
        frames.next(frame);
        advance(scheduler, 10);
      },
    );
    expect(invitations).toBe(CYCLES);
    expect(frames.observed).toBe(false);
    expect(pending(scheduler)).toBe(0);
  });

  it('callSession, sessionEffects, offerOnInvite and withCallScreen (the container is held while active)', () => {
    const scheduler = virtual();
    const lpTag = createFakeLpTag();
    lpTag.events.bind('lpCoBrowse', '*', () => undefined);
    const events = new Subject<SessionEvent>();
    const dialog = new Subject<DialogEvent>();
    const invitations = frames$(scheduler).pipe(callDialogs({ scheduler }));
    const publish = (request: Parameters<typeof publishLpCoBrowse>[1]) => publishLpCoBrowse(() => lpTag, request, { scheduler, visitorName: 'Leak Tester' });
    const ports = { publish, callScreen: () => callScreenContainer(document) };
    const state$ = events.pipe(callSession());
    cycle(
      CYCLES,
      () => {
        const all = quietly(state$.pipe(sessionEffects(ports)));
        all.add(quietly(state$.pipe(offerOnInvite(publish))));
        all.add(quietly(state$.pipe(withCallScreen(ports.callScreen))));
        all.add(dialog.subscribe((event) => events.next({ type: 'dialog', event })));
        all.add(invitations.subscribe((event) => dialog.next(event)));
        return all;
      },
      () => {
        advance(scheduler, 0);
        events.next({ type: 'accept', dialogId: 'call-1', at: scheduler.now() });
        advance(scheduler, 0);
        expect(containers()).toBe(1);
      },
    );
    expect(events.observed).toBe(false);
    expect(lpTag.bindingCount()).toBe(1); // the test's own listener
    expect(lpTag.publishes().map((p) => p.eventName).slice(0, 2)).toEqual(['cobrowseOffered', 'cobrowseOffered']);
    expect(containers()).toBe(0);
    expect(pending(scheduler)).toBe(0);
  });

  it('createCallCoreHub: step$ releases its sources, the expiry timer and the container', () => {
    const scheduler = virtual();
    const frames = new Subject<InboundFrame>();
    const resumes = new Subject<never>();
    const errors = new Subject<never>();
    const frame = invitationFrame(scheduler);
    const hub = createCallCoreHub({ frame$: frames, resume$: resumes, sessionError$: errors }, { publish: () => EMPTY, callScreen: () => callScreenContainer(document) }, { scheduler });
    cycle(
      CYCLES,
      () => quietly(hub.step$),
      () => {
        frames.next(frame);
        hub.dispatch({ type: 'intent', id: 1, intent: { type: 'accept', dialogId: 'call-1', at: scheduler.now() } });
        advance(scheduler, 0);
        expect(containers()).toBe(1);
      },
    );
    expect(frames.observed || resumes.observed || errors.observed).toBe(false);
    expect(containers()).toBe(0);
    expect(pending(scheduler)).toBe(0);
  });

  it('retryRequest, unsubscribed while waiting to retry a 5xx', () => {
    const scheduler = virtual();
    let attempts = 0;
    const failing = throwError(() => {
      attempts += 1;
      return new RequestError('GetClock', 503, 'busy');
    });
    cycle(CYCLES, () => quietly(failing.pipe(retryRequest({ scheduler }))), () => advance(scheduler, 6000));
    expect(attempts).toBe(2 * CYCLES);
    expect(pending(scheduler)).toBe(0);
  });
});

/** A cold stream of the invitation frame, then silence (a live socket that has nothing more to say). */
function frames$(scheduler: VirtualTimeScheduler): Observable<InboundFrame> {
  return new Observable<InboundFrame>((subscriber) => {
    subscriber.next(invitationFrame(scheduler));
    return NEVER.subscribe(subscriber);
  });
}
