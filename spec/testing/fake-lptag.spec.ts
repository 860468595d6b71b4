import { isLpTagLike } from '../../lib/lptag';
import { createFakeLpTag } from '../../lib/testing/fake-lptag';

describe('createFakeLpTag (Chronos semantics)', () => {
  it('bind returns distinct evId_<n> ids, counted as live bindings; unbind by id returns whether it removed one', () => {
    const lpTag = createFakeLpTag();
    const a = lpTag.events.bind('cobrowse', 'sessionError', () => undefined);
    const b = lpTag.events.bind('cobrowse', 'sessionResume', () => undefined);
    expect(a).toMatch(/^evId_\d+$/);
    expect(b).toMatch(/^evId_\d+$/);
    expect(a).not.toBe(b);
    expect(lpTag.bindingCount()).toBe(2);
    expect(lpTag.events.unbind(a)).toBe(true);
    expect(lpTag.events.unbind(a)).toBe(false);
    expect(lpTag.events.unbind('evId_unknown')).toBe(false);
    expect(lpTag.bindingCount()).toBe(1);
  });

  it('publish calls matching listeners with (data, { appName, eventName }) and returns whether any got it', () => {
    const lpTag = createFakeLpTag();
    const calls: unknown[][] = [];
    lpTag.events.bind('lpCoBrowse', 'cobrowseOffered', (...args) => calls.push(args));
    expect(lpTag.events.publish('lpCoBrowse', 'cobrowseOffered', { serviceId: 's' })).toBe(true);
    expect(lpTag.events.publish('lpCoBrowse', 'cobrowseAccepted', {})).toBe(false);
    expect(lpTag.events.publish('other', 'cobrowseOffered')).toBe(false);
    expect(calls).toEqual([[{ serviceId: 's' }, { appName: 'lpCoBrowse', eventName: 'cobrowseOffered' }]]);
    expect(lpTag.publishes()).toEqual([
      { appName: 'lpCoBrowse', eventName: 'cobrowseOffered', data: { serviceId: 's' }, delivered: true },
      { appName: 'lpCoBrowse', eventName: 'cobrowseAccepted', data: {}, delivered: false },
      { appName: 'other', eventName: 'cobrowseOffered', data: undefined, delivered: false },
    ]);
  });

  it('matches app "*" (and the object form without appName) against every app, and eventName "*" against every event', () => {
    const lpTag = createFakeLpTag();
    const seen: string[] = [];
    lpTag.events.bind('*', 'sessionError', () => seen.push('app*'));
    lpTag.events.bind({ eventName: 'sessionError', func: () => seen.push('no app') });
    lpTag.events.bind('cobrowse', '*', () => seen.push('event*'));
    expect(lpTag.fire('cobrowse', 'sessionError', {})).toBe(true);
    expect(lpTag.fire('elsewhere', 'sessionError', {})).toBe(true);
    expect(seen).toEqual(['app*', 'no app', 'event*', 'app*', 'no app']);
  });

  it('stores every firing for hasFired (publish and fire), with "*" queries and doNotStore', () => {
    const lpTag = createFakeLpTag();
    lpTag.fire('cobrowse', 'sessionResume', { n: 1 });
    lpTag.events.publish('lpCoBrowse', 'sliderOpened');
    lpTag.fire('cobrowse', 'sessionResume', { n: 2 });
    lpTag.fire('cobrowse', 'sessionResume', { doNotStore: true });
    expect(lpTag.events.hasFired('cobrowse', 'sessionResume')).toEqual([
      { appName: 'cobrowse', eventName: 'sessionResume', data: { n: 1 } },
      { appName: 'cobrowse', eventName: 'sessionResume', data: { n: 2 } },
    ]);
    expect(lpTag.events.hasFired('*', '*')).toHaveLength(3);
    expect(lpTag.events.hasFired('lpCoBrowse', '*')).toEqual([{ appName: 'lpCoBrowse', eventName: 'sliderOpened', data: undefined }]);
    expect(lpTag.events.hasFired('cobrowse', 'sessionError')).toEqual([]);
    // fire() is the call app talking, not the page: it is not in the publish log.
    expect(lpTag.publishes().map((p) => p.eventName)).toEqual(['sliderOpened']);
  });

  it('supports the object form: triggerOnce unbinds after the first call; missing func/eventName gives null', () => {
    const lpTag = createFakeLpTag();
    let calls = 0;
    lpTag.events.bind({ appName: 'cobrowse', eventName: 'sessionResume', func: () => (calls += 1), triggerOnce: true });
    lpTag.fire('cobrowse', 'sessionResume');
    lpTag.fire('cobrowse', 'sessionResume');
    expect(calls).toBe(1);
    expect(lpTag.bindingCount()).toBe(0);
    expect(lpTag.events.bind({ appName: 'cobrowse', eventName: 'x' })).toBeNull();
    expect(lpTag.events.bind({ func: () => undefined })).toBeNull();
  });

  it('catches listener exceptions like Chronos (later listeners still run) and records them', () => {
    const lpTag = createFakeLpTag();
    const boom = new Error('listener failed');
    let reached = false;
    lpTag.events.bind('a', 'e', () => {
      throw boom;
    });
    lpTag.events.bind('a', 'e', () => (reached = true));
    expect(lpTag.events.trigger('a', 'e')).toBe(true);
    expect(reached).toBe(true);
    expect(lpTag.listenerErrors()).toEqual([boom]);
  });

  it('has lp_monitoringSDK ids: configurable, changeable, or absent', () => {
    expect(createFakeLpTag().taglets.lp_monitoringSDK?.getSid()).toBe('fake-sid');
    const lpTag = createFakeLpTag({ sid: 's-1', vid: 'v-1' });
    expect([lpTag.taglets.lp_monitoringSDK?.getSid(), lpTag.taglets.lp_monitoringSDK?.getVid()]).toEqual(['s-1', 'v-1']);
    lpTag.setMonitoringIds({ vid: 'v-2' });
    expect([lpTag.taglets.lp_monitoringSDK?.getSid(), lpTag.taglets.lp_monitoringSDK?.getVid()]).toEqual([undefined, 'v-2']);
    expect(createFakeLpTag({ monitoring: false }).taglets.lp_monitoringSDK).toBeUndefined();
  });

  it('is a ready LpTagLike', () => {
    expect(isLpTagLike(createFakeLpTag())).toBe(true);
  });
});
