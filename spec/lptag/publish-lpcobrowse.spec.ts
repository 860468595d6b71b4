import { TestScheduler } from 'rxjs/testing';
import { LpTagUnavailableError, PublishError } from '../../lib/errors';
import { publishLpCoBrowse, type LpCoBrowseConfig, type LpCoBrowseRequest, type LpTagDiagnostic, type LpTagLike } from '../../lib/lptag';
import { createFakeLpTag, type FakeLpTag } from '../../lib/testing/fake-lptag';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const dialog = { serviceId: 'consumer#d1', agentId: 'le123.456', mode: 'VIDEO_CALL' };
const expected = { serviceId: 'consumer#d1', agentId: 'le123.456', visitorName: 'Jane', mode: 'VIDEO_CALL', ssid: 'sid-1', svid: 'vid-1' };

/** A fake lpTag with the call app listening on lpCoBrowse. */
function listeningLpTag(options: Parameters<typeof createFakeLpTag>[0] = { sid: 'sid-1', vid: 'vid-1' }): FakeLpTag {
  const lpTag = createFakeLpTag(options);
  lpTag.events.bind('lpCoBrowse', '*', () => undefined);
  return lpTag;
}

function run(lpTag: LpTagLike | (() => unknown), request: LpCoBrowseRequest, config: Omit<LpCoBrowseConfig, 'scheduler'>, marble: string, values?: object, error?: unknown) {
  const scheduler = newScheduler();
  scheduler.run(({ expectObservable }) => {
    expectObservable(publishLpCoBrowse(lpTag, request, { scheduler, ...config })).toBe(marble, values, error);
  });
}

describe('publishLpCoBrowse', () => {
  it.each(['cobrowseOffered', 'cobrowseAccepted', 'cobrowseDeclined'] as const)('publishes %s with validated data and ids from lp_monitoringSDK', (event) => {
    const lpTag = listeningLpTag();
    run(lpTag, { event, dialog }, { visitorName: 'Jane', ssid: 'fallback', svid: 'fallback' }, '(r|)', { r: { event, delivered: true } });
    expect(lpTag.publishes()).toEqual([{ appName: 'lpCoBrowse', eventName: event, data: expected, delivered: true }]);
  });

  it('is cold: nothing is published before subscribe, and each subscription publishes', () => {
    const lpTag = listeningLpTag();
    const scheduler = newScheduler();
    const publish$ = publishLpCoBrowse(lpTag, { event: 'cobrowseOffered', dialog }, { scheduler, visitorName: 'Jane' });
    expect(lpTag.publishes()).toEqual([]);
    publish$.subscribe();
    publish$.subscribe();
    expect(lpTag.publishes()).toHaveLength(2);
  });

  it('an empty visitor name errors with a PublishError naming the field, and publish is never called', () => {
    const lpTag = listeningLpTag();
    run(lpTag, { event: 'cobrowseOffered', dialog }, { visitorName: '' }, '#', undefined, new PublishError('cobrowseOffered', 'visitorName', 'is empty'));
    expect(lpTag.publishes()).toEqual([]);
  });

  it('a dialog without serviceId or mode is refused the same way', () => {
    const lpTag = listeningLpTag();
    run(lpTag, { event: 'cobrowseAccepted', dialog: { ...dialog, serviceId: undefined } }, { visitorName: 'Jane' }, '#', undefined, new PublishError('cobrowseAccepted', 'serviceId', 'is missing'));
    run(lpTag, { event: 'cobrowseAccepted', dialog: { ...dialog, mode: undefined } }, { visitorName: 'Jane' }, '#', undefined, new PublishError('cobrowseAccepted', 'mode', 'is missing'));
    expect(lpTag.publishes()).toEqual([]);
  });

  it('reads visitorName from a function at publish time and includes scid/cid/eid', () => {
    const lpTag = listeningLpTag();
    let name = 'Before';
    const publish$ = publishLpCoBrowse(lpTag, { event: 'cobrowseOffered', dialog }, { scheduler: newScheduler(), visitorName: () => name, scid: 'sc', cid: 'c', eid: 'e' });
    name = 'Jane';
    publish$.subscribe();
    expect(lpTag.publishes()[0]?.data).toEqual({ ...expected, scid: 'sc', cid: 'c', eid: 'e' });
  });

  it('falls back to configured ssid/svid (with diagnostics) when the monitoring SDK gives none', () => {
    const diagnostics: LpTagDiagnostic[] = [];
    const onDiagnostic = (d: LpTagDiagnostic) => diagnostics.push(d);
    const noSdk = listeningLpTag({ monitoring: false });
    run(noSdk, { event: 'cobrowseOffered', dialog }, { visitorName: 'Jane', ssid: 'fb-sid', svid: 'fb-vid', onDiagnostic }, '(r|)', {
      r: { event: 'cobrowseOffered', delivered: true },
    });
    expect(noSdk.publishes()[0]?.data).toEqual({ ...expected, ssid: 'fb-sid', svid: 'fb-vid' });
    expect(diagnostics).toEqual([
      { type: 'lptag-monitoring-fallback', field: 'ssid' },
      { type: 'lptag-monitoring-fallback', field: 'svid' },
    ]);

    const notReady = listeningLpTag({ sid: '', vid: 'vid-1' });
    run(notReady, { event: 'cobrowseOffered', dialog }, { visitorName: 'Jane', ssid: 'fb-sid' }, '(r|)', { r: { event: 'cobrowseOffered', delivered: true } });
    expect(notReady.publishes()[0]?.data).toEqual({ ...expected, ssid: 'fb-sid' });
  });

  it('a throwing getSid counts as no id', () => {
    const lpTag = listeningLpTag();
    const broken: LpTagLike = {
      events: lpTag.events,
      taglets: {
        lp_monitoringSDK: {
          getSid: () => {
            throw new Error('not ready');
          },
          getVid: () => 'vid-1',
        },
      },
    };
    run(broken, { event: 'cobrowseOffered', dialog }, { visitorName: 'Jane', ssid: 'sid-1' }, '(r|)', { r: { event: 'cobrowseOffered', delivered: true } });
    expect(lpTag.publishes()[0]?.data).toEqual(expected);
  });

  it('without any ssid errors with a PublishError for ssid', () => {
    const lpTag = listeningLpTag({ monitoring: false });
    run(lpTag, { event: 'cobrowseOffered', dialog }, { visitorName: 'Jane', svid: 'v' }, '#', undefined, new PublishError('cobrowseOffered', 'ssid', 'is missing'));
    expect(lpTag.publishes()).toEqual([]);
  });

  it('a publish no listener got is delivered: false plus a diagnostic (not an error)', () => {
    const lpTag = createFakeLpTag();
    const diagnostics: LpTagDiagnostic[] = [];
    run(lpTag, { event: 'cobrowseOffered', dialog }, { visitorName: 'Jane', onDiagnostic: (d) => diagnostics.push(d) }, '(r|)', {
      r: { event: 'cobrowseOffered', delivered: false },
    });
    expect(diagnostics).toEqual([{ type: 'lptag-publish-unheard', event: 'cobrowseOffered' }]);
  });

  it('publishes sliderOpened with no data argument at all', () => {
    const publish = jest.fn((..._args: unknown[]) => true);
    const lpTag: LpTagLike = { events: { bind: () => 'id', unbind: () => true, publish } };
    run(lpTag, { event: 'sliderOpened' }, {}, '(r|)', { r: { event: 'sliderOpened', delivered: true } });
    expect(publish.mock.calls).toEqual([['lpCoBrowse', 'sliderOpened']]);
  });

  it('waits for lpTag, publishing when it appears', () => {
    const lpTag = listeningLpTag();
    const scheduler = newScheduler();
    let current: unknown;
    scheduler.run(({ expectObservable }) => {
      scheduler.schedule(() => (current = lpTag), 300);
      const publish$ = publishLpCoBrowse(() => current, { event: 'sliderOpened' }, { scheduler, pollMs: 200 });
      expectObservable(publish$).toBe('400ms (r|)', { r: { event: 'sliderOpened', delivered: true } });
    });
  });

  it('errors with LpTagUnavailableError when lpTag never appears', () => {
    run(() => undefined, { event: 'sliderOpened' }, { waitMs: 3000 }, '3000ms #', undefined, new LpTagUnavailableError(3000));
  });
});
