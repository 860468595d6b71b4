import { isLpTagLike } from 'lp-call-streams/testing';
import { installHarness } from './setup';

describe('installLpTagStandIn', () => {
  beforeEach(() => sessionStorage.clear());

  it('installs lpTag (a loaded Chronos-style tag) and lpTagStandIn on the target', () => {
    const h = installHarness();
    const lpTag: unknown = Reflect.get(h.target, 'lpTag');
    expect(isLpTagLike(lpTag)).toBe(true);
    expect(lpTag).toBe(h.standIn.lpTag);
    expect(Reflect.get(h.target, 'lpTagStandIn')).toBe(h.standIn);
    h.standIn.uninstall();
  });

  it('keeps Chronos semantics: evId ids, object-form bind, publish result, unbind by id', () => {
    const h = installHarness();
    const { events } = h.standIn.lpTag;
    const got: unknown[] = [];
    const id = events.bind({ appName: 'cobrowse', eventName: 'sessionError', func: (data) => got.push(data) });
    expect(id).toMatch(/^evId_\d+$/);
    expect(events.publish('cobrowse', 'sessionError', { id: 'x' })).toBe(true);
    expect(events.publish('cobrowse', 'nobody', {})).toBe(false);
    expect(events.unbind(id)).toBe(true);
    expect(got).toEqual([{ id: 'x' }]);
    h.standIn.uninstall();
  });

  it('gives stable monitoring ids per browser session', () => {
    const first = installHarness();
    const sdk = first.standIn.lpTag.taglets.lp_monitoringSDK;
    const ids = [sdk?.getSid(), sdk?.getVid()];
    expect(ids).toEqual(['random-1', 'random-2']);
    first.standIn.uninstall();

    const second = installHarness({ randomId: () => 'fresh' });
    const again = second.standIn.lpTag.taglets.lp_monitoringSDK;
    expect([again?.getSid(), again?.getVid()]).toEqual(ids);
    second.standIn.uninstall();
  });

  it('is idempotent per target', () => {
    const h = installHarness();
    const again = installHarness({ target: h.target });
    expect(again.standIn).toBe(h.standIn);
    expect(h.standIn.lpTag.bindingCount()).toBe(4 + 2); // the call app's 4 (once), and each harness's sessionError listener
    h.standIn.uninstall();
  });

  it('runs the callbacks an inline tag stub deferred, after installing', () => {
    const target: Record<string, unknown> = {};
    const seen: string[] = [];
    target['lpTag'] = {
      _defB: [() => seen.push(Reflect.has(target, 'lpTagStandIn') ? 'installed' : 'too early')],
      _defL: [() => { throw new Error('boom'); }, 'not a function'],
      _defT: [() => seen.push('T')],
    };
    const h = installHarness({ target });
    expect(seen).toEqual(['installed', 'T']);
    expect(h.logs).toEqual([expect.stringContaining('Error executing deferred call: Error: boom')]);
    h.standIn.uninstall();
  });
});
