import { isLpTagLike } from 'lp-call-streams/testing';

describe('lptag-standin entry (what /lptag.js runs)', () => {
  afterEach(() => {
    const standIn: unknown = Reflect.get(window, 'lpTagStandIn');
    if (typeof standIn === 'object' && standIn !== null && 'uninstall' in standIn && typeof standIn.uninstall === 'function') {
      Reflect.apply(standIn.uninstall, standIn, []);
    }
    Reflect.deleteProperty(window, 'lpTag');
    sessionStorage.clear();
  });

  it('installs window.lpTag and window.lpTagStandIn with the browser defaults', async () => {
    await jest.isolateModulesAsync(async () => {
      await import('../../lib/browser/lptag-standin');
    });
    const lpTag: unknown = Reflect.get(window, 'lpTag');
    expect(isLpTagLike(lpTag)).toBe(true);
    expect(Reflect.has(window, 'lpTagStandIn')).toBe(true);
    expect(sessionStorage.getItem('lpCallStreamsStandIn.sid')).toMatch(/\S{8,}/);
  });

  it('does not install twice when the script is loaded twice', async () => {
    await jest.isolateModulesAsync(async () => {
      await import('../../lib/browser/lptag-standin');
    });
    const first: unknown = Reflect.get(window, 'lpTag');
    await jest.isolateModulesAsync(async () => {
      await import('../../lib/browser/lptag-standin');
    });
    expect(Reflect.get(window, 'lpTag')).toBe(first);
  });
});
