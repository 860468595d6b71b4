/**
 * The session wired to the real lpTag adapter (over the fake lpTag) and the real DOM container,
 * as the composition root will do it.
 */
import { asyncScheduler, map, merge, Subject, type Observable } from 'rxjs';
import { CALL_SCREEN_CLASS, callScreenContainer } from '../../lib/dom';
import { fromSessionError, fromSessionResume, publishLpCoBrowse } from '../../lib/lptag';
import { runCallSession, type CallState, type SessionEvent, type SessionPorts } from '../../lib/session';
import { createFakeLpTag, type FakeLpTag } from '../../lib/testing/fake-lptag';
import { ev } from './fixtures';

function setUp(lpTag: FakeLpTag, visitorName = 'Jane') {
  const config = { scheduler: asyncScheduler, visitorName };
  const ports: SessionPorts = {
    publish: (request) => publishLpCoBrowse(lpTag, request, config),
    callScreen: () => callScreenContainer(document),
  };
  const input = new Subject<SessionEvent>();
  const event$: Observable<SessionEvent> = merge(
    input,
    fromSessionResume(lpTag, config).pipe(map(({ replayed }): SessionEvent => ({ type: 'resume', replayed }))),
    fromSessionError(lpTag, config).pipe(map(({ id, message }): SessionEvent => ({ type: 'session-error', id, message }))),
  );
  const states: CallState[] = [];
  const subscription = event$.pipe(runCallSession(ports)).subscribe((state) => states.push(state));
  return { input, states, subscription, statuses: () => states.map((s) => s.status) };
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

afterEach(() => {
  document.body.innerHTML = '';
});

describe('call session over lpTag and the DOM', () => {
  it('invite → offer, accept → screen then accepted, hang-up → screen removed; listeners unbound at the end', () => {
    const lpTag = createFakeLpTag({ sid: 's', vid: 'v' });
    const heard = callApp(lpTag);
    const { input, statuses, subscription } = setUp(lpTag);
    expect(lpTag.bindingCount()).toBe(3);

    input.next(ev.invited());
    input.next(ev.accept());
    expect(document.querySelectorAll(`.${CALL_SCREEN_CLASS}`)).toHaveLength(1);
    input.next(ev.accepted());
    input.next(ev.closed('d1', 'hangup'));
    expect(document.querySelectorAll(`.${CALL_SCREEN_CLASS}`)).toHaveLength(0);

    // active twice: after cobrowseAccepted was published, then with the ACCEPTED dialog snapshot
    expect(statuses()).toEqual(['idle', 'invited', 'offered', 'accepting', 'active', 'active', 'ended']);
    expect(heard).toEqual(['cobrowseOffered', 'cobrowseAccepted +screen']);
    subscription.unsubscribe();
    expect(lpTag.bindingCount()).toBe(1);
  });

  it('a resume that fired before the page subscribed brings the screen back and answers sliderOpened', () => {
    const lpTag = createFakeLpTag();
    const heard = callApp(lpTag);
    lpTag.fire('cobrowse', 'sessionResume');
    const { statuses, subscription } = setUp(lpTag);
    expect(statuses()).toEqual(['idle', 'active']);
    expect(heard).toEqual(['sliderOpened +screen']);
    subscription.unsubscribe();
    expect(document.querySelectorAll(`.${CALL_SCREEN_CLASS}`)).toHaveLength(0);
  });

  it('a sessionError during the call fails the session and removes the screen', () => {
    const lpTag = createFakeLpTag();
    callApp(lpTag);
    const { input, states, subscription } = setUp(lpTag);
    input.next(ev.invited());
    input.next(ev.accept());
    lpTag.fire('cobrowse', 'sessionError', { id: 'NO_CAMERA_ACCESS', msg: 'Allow the camera' });
    expect(states.at(-1)).toMatchObject({ status: 'failed', failure: { type: 'session-error', id: 'NO_CAMERA_ACCESS', message: 'Allow the camera' } });
    expect(document.querySelectorAll(`.${CALL_SCREEN_CLASS}`)).toHaveLength(0);
    subscription.unsubscribe();
  });

  it('an empty visitor name fails the offer with the field named, and nothing is published', () => {
    const lpTag = createFakeLpTag();
    const heard = callApp(lpTag);
    const { input, states, subscription } = setUp(lpTag, '');
    input.next(ev.invited());
    expect(states.at(-1)).toMatchObject({ status: 'failed', failure: { type: 'publish-failed', event: 'cobrowseOffered', field: 'visitorName' } });
    expect(heard).toEqual([]);
    expect(lpTag.publishes()).toEqual([]);
    subscription.unsubscribe();
  });
});
