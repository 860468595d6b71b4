/**
 * The call core hub wired to the real lpTag adapter (over the fake lpTag) and the real DOM
 * container, as the composition root does it — fed with decoded wire frames.
 */
import { Subject, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { CALL_SCREEN_CLASS, callScreenContainer } from '../../lib/dom';
import { fromSessionError, fromSessionResume, publishLpCoBrowse } from '../../lib/lptag';
import type { InboundFrame } from '../../lib/protocol/types';
import { createCallCoreHub, type CallState, type CoreStep, type SessionIntent, type SessionPorts } from '../../lib/session';
import { createFakeLpTag, type FakeLpTag } from '../../lib/testing/fake-lptag';
import { DIALOG, dialog, snapshot } from '../dialog/helpers';

function setUp(lpTag: FakeLpTag, visitorName = 'Jane') {
  const scheduler = new VirtualTimeScheduler(VirtualAction, Infinity);
  const config = { scheduler, visitorName };
  const ports: SessionPorts = {
    publish: (request) => publishLpCoBrowse(lpTag, request, config),
    callScreen: () => callScreenContainer(document),
  };
  const frame$ = new Subject<InboundFrame>();
  const hub = createCallCoreHub({ frame$, resume$: fromSessionResume(lpTag, config), sessionError$: fromSessionError(lpTag, config) }, ports, { scheduler });
  const steps: CoreStep[] = [];
  const subscription = hub.step$.subscribe((step) => steps.push(step));
  let id = 0;
  const intent = (type: SessionIntent['type'], dialogId = DIALOG): void => hub.dispatch({ type: 'intent', id: ++id, intent: { type, dialogId } });
  const states = (): CallState[] => steps.map((s) => s.state).filter((state, i, all) => i === 0 || all[i - 1] !== state);
  return { frame$, intent, steps, states, subscription, scheduler, statuses: () => states().map((s) => s.status) };
}

/** The LivePerson call app: records what the page published and whether the container existed then. */
function callApp(lpTag: FakeLpTag): string[] {
  const heard: string[] = [];
  lpTag.events.bind('lpCoBrowse', '*', (_data, info) => {
    const eventName = typeof info === 'object' && info !== null && 'eventName' in info ? String(info.eventName) : '?';
    heard.push(`${eventName}${document.querySelector(`.${CALL_SCREEN_CLASS}`) ? ' +screen' : ''}`);
  });
  return heard;
}

const FAR = 10 ** 13;
const invited = snapshot([dialog({ expiresAt: FAR, ts: 1 })]);
const accepted = snapshot([dialog({ expiresAt: FAR, sessionState: 'ACCEPTED', notificationKey: 'accepted', ts: 2 })]);
const joined = snapshot([dialog({ expiresAt: FAR, sessionState: 'ACCEPTED', notificationKey: 'joined', ts: 3 })]);
const closed = snapshot([dialog({ expiresAt: FAR, sessionState: 'CLOSED', ts: 4 })]);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('call core hub over lpTag and the DOM', () => {
  it('invite → offer, accept → screen then accepted, ACCEPTED twice, hang-up → screen removed; listeners unbound at the end', () => {
    const lpTag = createFakeLpTag({ sid: 's', vid: 'v' });
    const heard = callApp(lpTag);
    const { frame$, intent, statuses, subscription, steps } = setUp(lpTag);
    expect(lpTag.bindingCount()).toBe(3);

    frame$.next(invited);
    intent('accept');
    expect(document.querySelectorAll(`.${CALL_SCREEN_CLASS}`)).toHaveLength(1);
    frame$.next(accepted);
    frame$.next(joined);
    frame$.next(closed);
    expect(document.querySelectorAll(`.${CALL_SCREEN_CLASS}`)).toHaveLength(0);

    expect(statuses()).toEqual(['idle', 'invited', 'offered', 'accepting', 'active', 'ended']);
    expect(heard).toEqual(['cobrowseOffered', 'cobrowseAccepted +screen']);
    const dialogEvents = steps.flatMap((s) => s.events.flatMap((e) => (e.type === 'dialog' ? [e.event.type] : [])));
    expect(dialogEvents).toEqual(['invited', 'accepted', 'updated', 'closed']);
    subscription.unsubscribe();
    expect(lpTag.bindingCount()).toBe(1);
  });

  it('a resume that fired before the page subscribed brings the screen back and answers sliderOpened', () => {
    const lpTag = createFakeLpTag();
    const heard = callApp(lpTag);
    lpTag.fire('cobrowse', 'sessionResume');
    const { statuses, subscription, steps } = setUp(lpTag);
    expect(statuses()).toEqual(['idle', 'active']);
    expect(steps.at(-1)?.resumed).toEqual({ replayed: true, data: undefined });
    expect(heard).toEqual(['sliderOpened +screen']);
    subscription.unsubscribe();
    expect(document.querySelectorAll(`.${CALL_SCREEN_CLASS}`)).toHaveLength(0);
  });

  it('a sessionError during the call fails the session and removes the screen', () => {
    const lpTag = createFakeLpTag();
    callApp(lpTag);
    const { frame$, intent, states, subscription } = setUp(lpTag);
    frame$.next(invited);
    intent('accept');
    lpTag.fire('cobrowse', 'sessionError', { id: 'NO_CAMERA_ACCESS', msg: 'Allow the camera' });
    expect(states().at(-1)).toMatchObject({ status: 'failed', failure: { type: 'session-error', id: 'NO_CAMERA_ACCESS', message: 'Allow the camera' } });
    expect(document.querySelectorAll(`.${CALL_SCREEN_CLASS}`)).toHaveLength(0);
    subscription.unsubscribe();
  });

  it('an empty visitor name fails the offer with the field named, and nothing is published', () => {
    const lpTag = createFakeLpTag();
    const heard = callApp(lpTag);
    const { frame$, states, subscription } = setUp(lpTag, '');
    frame$.next(invited);
    expect(states().at(-1)).toMatchObject({ status: 'failed', failure: { type: 'publish-failed', event: 'cobrowseOffered', field: 'visitorName' } });
    expect(heard).toEqual([]);
    expect(lpTag.publishes()).toEqual([]);
    subscription.unsubscribe();
  });

  it('a decline closes the dialog as declined in the same step, and the later CLOSED adds nothing', () => {
    const lpTag = createFakeLpTag();
    const heard = callApp(lpTag);
    const { frame$, intent, steps, statuses, subscription } = setUp(lpTag);
    frame$.next(invited);
    intent('decline');
    frame$.next(closed);
    const declineStep = steps.find((s) => s.state.status === 'declined');
    expect(declineStep?.events.map((e) => (e.type === 'dialog' && e.event.type === 'closed' ? e.event.reason : e.type))).toEqual(['declined', 'intent']);
    expect(statuses()).toEqual(['idle', 'invited', 'offered', 'declined']);
    expect(heard).toEqual(['cobrowseOffered', 'cobrowseDeclined']);
    expect(steps.at(-1)).toBe(declineStep);
    subscription.unsubscribe();
  });

  it('an invitation expires on the scheduler; the timer is gone after teardown', () => {
    const lpTag = createFakeLpTag();
    const { frame$, statuses, subscription, scheduler } = setUp(lpTag);
    frame$.next(snapshot([dialog({ expiresAt: 5000, ts: 1 })]));
    scheduler.maxFrames = 4999;
    scheduler.flush();
    expect(statuses().at(-1)).toBe('offered');
    scheduler.maxFrames = 5000;
    scheduler.flush();
    expect(statuses().at(-1)).toBe('expired');
    frame$.next(snapshot([dialog({ dialogId: 'call-2', expiresAt: 9000, ts: 2 })]));
    subscription.unsubscribe();
    expect(scheduler.actions.filter((a) => !a.closed)).toHaveLength(0);
  });
});
