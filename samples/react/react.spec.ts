import { createTestCallClient } from 'lp-call-streams/testing';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { CallIntentError, type CallClient } from 'lp-call-streams';
import { useCallSession, type CallSessionView } from './use-call-session';

// Tells React that this is a test environment that wraps updates in act().
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

/** Renders a component that uses the hook; every render's result is recorded. */
function renderHook(client: CallClient) {
  const views: CallSessionView[] = [];
  function Probe() {
    views.push(useCallSession(client));
    return null;
  }
  const root = createRoot(document.createElement('div'));
  act(() => root.render(createElement(Probe)));
  const latest = (): CallSessionView => {
    const view = views.at(-1);
    if (view === undefined) throw new Error('never rendered');
    return view;
  };
  return { views, latest, unmount: () => act(() => root.unmount()) };
}

describe('useCallSession (React)', () => {
  it('renders idle, then the invitation; accept() re-renders through joining to active', () => {
    const t = fakeClient();
    const hook = renderHook(t.client);
    expect(hook.latest().state.status).toBe('idle');
    act(() => t.advance(10));
    act(() => t.sendCall('INVITED'));
    expect(hook.latest().invitation?.dialogId).toBe('call-1');
    expect(hook.latest().invitation?.kind).toBe('video');

    act(() => hook.latest().accept());
    act(() => t.advance(0));
    expect(hook.latest().state.status).toBe('joining');
    act(() => t.sendCall('ACCEPTED', { notificationKey: 'accepted' })); // LivePerson's call app joined
    expect(hook.latest().state.status).toBe('active');
    expect(hook.latest().invitation).toBeUndefined();
    // React batches the states one act() delivers (invited → offered, accepting → joining).
    const rendered = hook.views.map((v) => v.state.status).filter((status, i, all) => status !== all[i - 1]);
    expect(rendered).toEqual(['idle', 'offered', 'joining', 'active']);
    expect(t.lpTag.publishes().map((p) => p.eventName)).toEqual(['cobrowseOffered', 'cobrowseAccepted']);
    hook.unmount();
  });

  it('decline() ends in declined; a second answer from a stale render comes back as commandError', () => {
    const t = fakeClient();
    const hook = renderHook(t.client);
    act(() => t.advance(10));
    act(() => t.sendCall('INVITED'));
    const stale = hook.latest();
    act(() => {
      stale.decline();
      stale.accept(); // double click: this render still shows the invitation
    });
    act(() => t.advance(0));
    expect(hook.latest().state.status).toBe('declined');
    const error = hook.latest().commandError;
    expect(error).toBeInstanceOf(CallIntentError);
    expect(error instanceof CallIntentError && error.reason).toBe('already-declined');
    expect(t.lpTag.publishes().map((p) => p.eventName)).toEqual(['cobrowseOffered', 'cobrowseDeclined']);
    hook.unmount();
  });

  it('unmounting the last component disconnects the client: socket 1000, no lpTag listeners, no timers', () => {
    const t = fakeClient();
    const hook = renderHook(t.client);
    act(() => t.advance(10));
    expect(t.lpTag.bindingCount()).toBeGreaterThan(0);
    hook.unmount();
    expect(t.lpTag.bindingCount()).toBe(0);
    expect(t.sockets.latest().closedByClient?.code).toBe(1000);
    t.advance(0);
    expect(t.scheduler.actions).toHaveLength(0);
  });
});

/** A client over the test kit's fakes, in virtual time advanced by hand (no DOM container). */
function fakeClient() {
  return createTestCallClient({ visitor: { name: 'Jane' } });
}
