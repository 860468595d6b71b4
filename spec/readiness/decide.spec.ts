import fc from 'fast-check';
import type { CallMode, MediaKind, MediaReading, MediaReadings, WebRtcSupport } from '../../lib/readiness';
import { decideReadiness } from '../../lib/readiness/decide';
import { MEDIA_NEEDED } from '../../lib/readiness/types';
import { toDeviceListing } from '../../lib/readiness/device-listing';
import { camera, microphone, speaker } from './fakes';

const readingArb: fc.Arbitrary<MediaReading> = fc.record({
  permission: fc.constantFrom('granted', 'denied', 'prompt', 'unknown'),
  permissionSource: fc.constantFrom('permissions-api', 'device-labels', 'none'),
  device: fc.constantFrom('present', 'absent', 'unknown'),
});
const readingsArb: fc.Arbitrary<MediaReadings> = fc.record({ camera: readingArb, microphone: readingArb }, { requiredKeys: [] });
const supportArb: fc.Arbitrary<WebRtcSupport> = fc.record({
  secureContext: fc.boolean(),
  peerConnection: fc.boolean(),
  getUserMedia: fc.boolean(),
  enumerateDevices: fc.boolean(),
  permissionsApi: fc.boolean(),
});
const modeArb: fc.Arbitrary<CallMode> = fc.constantFrom('VOICE_CALL', 'VIDEO_CALL');
const FULL: WebRtcSupport = { secureContext: true, peerConnection: true, getUserMedia: true, enumerateDevices: true, permissionsApi: true };
const supported = (s: WebRtcSupport): boolean => s.secureContext && s.peerConnection && s.getUserMedia;

describe('decideReadiness (properties)', () => {
  it('ready exactly when supported and every needed kind is granted with a device present', () => {
    fc.assert(
      fc.property(modeArb, supportArb, readingsArb, (mode, support, media) => {
        const allGood = supported(support) && MEDIA_NEEDED[mode].every((k) => media[k]?.permission === 'granted' && media[k]?.device === 'present');
        expect(decideReadiness(mode, support, media).status === 'ready').toBe(allGood);
      }),
    );
  });

  it('a voice call never depends on the camera', () => {
    fc.assert(
      fc.property(supportArb, readingsArb, fc.option(readingArb, { nil: undefined }), (support, media, otherCamera) => {
        const a = decideReadiness('VOICE_CALL', support, { microphone: media.microphone, camera: media.camera });
        const b = decideReadiness('VOICE_CALL', support, { microphone: media.microphone, camera: otherCamera });
        expect({ ...a, media: {} }).toEqual({ ...b, media: {} });
      }),
    );
  });

  it('kinds name exactly the needed kinds in the reported state, and are never empty', () => {
    fc.assert(
      fc.property(modeArb, readingsArb, (mode, media) => {
        const verdict = decideReadiness(mode, FULL, media);
        const needed = MEDIA_NEEDED[mode];
        const where = (test: (r: MediaReading | undefined) => boolean): readonly MediaKind[] => needed.filter((k) => test(media[k]));
        switch (verdict.status) {
          case 'ready':
            return;
          case 'prompt':
            expect(verdict.kinds).toEqual(where((r) => r?.permission === 'prompt'));
            break;
          case 'unknown':
            expect(verdict.kinds).toEqual(where((r) => r === undefined || r.permission === 'unknown' || r.device === 'unknown'));
            break;
          case 'blocked':
            if (verdict.reason === 'no-device') expect(verdict.kinds).toEqual(where((r) => r?.device === 'absent'));
            else if (verdict.reason === 'permission-denied') expect(verdict.kinds).toEqual(where((r) => r?.permission === 'denied'));
            else throw new Error(`unexpected reason ${verdict.reason} with full support`);
        }
        expect(verdict.kinds.length).toBeGreaterThan(0);
      }),
    );
  });

  it('worst first: a support block beats everything; no device beats denied; denied beats unknown; unknown beats prompt', () => {
    const r = (permission: MediaReading['permission'], device: MediaReading['device']): MediaReading => ({ permission, permissionSource: 'permissions-api', device });
    const verdict = (camera: MediaReading, mic: MediaReading, support = FULL) => decideReadiness('VIDEO_CALL', support, { camera, microphone: mic });
    expect(verdict(r('granted', 'absent'), r('granted', 'present'), { ...FULL, secureContext: false })).toMatchObject({ status: 'blocked', reason: 'insecure-context' });
    expect(verdict(r('denied', 'present'), r('granted', 'absent'))).toMatchObject({ status: 'blocked', reason: 'no-device', kinds: ['microphone'] });
    expect(verdict(r('denied', 'present'), r('unknown', 'unknown'))).toMatchObject({ status: 'blocked', reason: 'permission-denied', kinds: ['camera'] });
    expect(verdict(r('prompt', 'present'), r('unknown', 'present'))).toMatchObject({ status: 'unknown', kinds: ['microphone'] });
    expect(verdict(r('prompt', 'present'), r('prompt', 'present'))).toMatchObject({ status: 'prompt', kinds: ['camera', 'microphone'] });
  });
});

describe('toDeviceListing', () => {
  it('counts cameras and microphones, ignores other kinds and junk entries', () => {
    expect(toDeviceListing([camera(), speaker('s'), microphone('m'), null, 7, { kind: 'videoinput' }, { kind: 'toString', label: '' }])).toEqual({
      camera: { device: 'present', labelled: false },
      microphone: { device: 'present', labelled: true },
    });
    expect(toDeviceListing([])).toEqual({ camera: { device: 'absent', labelled: false }, microphone: { device: 'absent', labelled: false } });
  });

  it('anything but an array is unknown, and nothing throws', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const listing = toDeviceListing(value);
        if (!Array.isArray(value)) expect(listing.camera.device).toBe('unknown');
      }),
    );
  });
});
