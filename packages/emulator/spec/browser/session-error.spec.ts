import { decodeStandInMessage, SESSION_ERROR_MESSAGES } from '../../lib/browser/channel-messages';
import { installHarness, type StandInHarness } from './setup';

describe('sessionError from the agent console (BroadcastChannel)', () => {
  let h: StandInHarness;
  let received: unknown[];
  beforeEach(() => {
    sessionStorage.clear();
    h = installHarness();
    received = [];
    h.standIn.lpTag.events.bind({ appName: 'cobrowse', eventName: 'sessionError', func: (data) => received.push(data) });
  });
  afterEach(() => h.standIn.uninstall());

  it('fires cobrowse/sessionError {msg, id} and stores it for hasFired', () => {
    h.channel.deliver({ type: 'sessionError', id: 'NO_CAMERA_ACCESS', msg: 'Kamera nicht verfügbar' });
    expect(received).toEqual([{ msg: 'Kamera nicht verfügbar', id: 'NO_CAMERA_ACCESS' }]);
    expect(h.standIn.lpTag.events.hasFired('cobrowse', 'sessionError')).toEqual([
      { appName: 'cobrowse', eventName: 'sessionError', data: { msg: 'Kamera nicht verfügbar', id: 'NO_CAMERA_ACCESS' } },
    ]);
  });

  it.each(Object.keys(SESSION_ERROR_MESSAGES))('uses a default message for %s when none is sent', (id) => {
    h.channel.deliver({ type: 'sessionError', id });
    expect(received).toEqual([{ id, msg: expect.stringMatching(/\S/) }]);
  });

  it('ignores unknown ids, unknown types and junk', () => {
    for (const junk of [{ type: 'sessionError', id: 'OOPS', msg: 'x' }, { type: 'other' }, 'sessionError', null, [1]]) h.channel.deliver(junk);
    expect(received).toEqual([]);
  });

  it('also fires on lpTagStandIn.fireSessionError', () => {
    h.standIn.fireSessionError('AGENT_DISCONNECTED', 'gone');
    expect(received).toEqual([{ msg: 'gone', id: 'AGENT_DISCONNECTED' }]);
  });

  it('stops listening after uninstall', () => {
    h.standIn.uninstall();
    h.channel.deliver({ type: 'sessionError', id: 'UNABLE_TO_CONNECT' });
    expect(received).toEqual([]);
    h = installHarness(); // afterEach uninstalls this one
  });
});

describe('decodeStandInMessage', () => {
  it('decodes sessionError and endCall', () => {
    expect(decodeStandInMessage({ type: 'sessionError', id: 'UNABLE_TO_CONNECT', msg: 'm' })).toEqual({ type: 'sessionError', id: 'UNABLE_TO_CONNECT', msg: 'm' });
    expect(decodeStandInMessage({ type: 'endCall' })).toEqual({ type: 'endCall' });
  });

  it('falls back to the default message for an empty or non-string msg', () => {
    expect(decodeStandInMessage({ type: 'sessionError', id: 'BROWSER_NOT_SUPPORTED', msg: 42 })).toEqual({
      type: 'sessionError',
      id: 'BROWSER_NOT_SUPPORTED',
      msg: SESSION_ERROR_MESSAGES.BROWSER_NOT_SUPPORTED,
    });
  });

  it('rejects inherited property names as ids', () => {
    expect(decodeStandInMessage({ type: 'sessionError', id: 'toString' })).toBeUndefined();
  });
});
