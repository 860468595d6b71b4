import { decodeCallError, isKnownCallErrorId } from '../../lib/lptag';

describe('decodeCallError', () => {
  it.each(['UNABLE_TO_CONNECT', 'BROWSER_NOT_SUPPORTED', 'NO_CAMERA_ACCESS', 'AGENT_DISCONNECTED'])('decodes the documented id %s', (id) => {
    expect(decodeCallError({ id, msg: `localized ${id}` })).toEqual({ error: { id, message: `localized ${id}` }, problems: [] });
    expect(isKnownCallErrorId(id)).toBe(true);
  });

  it('keeps an undocumented id verbatim', () => {
    expect(decodeCallError({ id: 'MICROPHONE_BUSY', msg: 'Mic busy' })).toEqual({ error: { id: 'MICROPHONE_BUSY', message: 'Mic busy' }, problems: [] });
    expect(isKnownCallErrorId('MICROPHONE_BUSY')).toBe(false);
  });

  it.each([
    ['a string', 'boom'],
    ['null', null],
    ['undefined', undefined],
    ['an array', [{ id: 'UNABLE_TO_CONNECT' }]],
    ['a number', 3],
  ])('gives UNKNOWN for a payload that is %s', (_name, payload) => {
    expect(decodeCallError(payload)).toEqual({ error: { id: 'UNKNOWN', message: '' }, problems: ['payload is not an object'] });
  });

  it('gives UNKNOWN for a missing, empty or non-string id, and keeps the message', () => {
    expect(decodeCallError({ msg: 'Something failed' })).toEqual({ error: { id: 'UNKNOWN', message: 'Something failed' }, problems: ['id is not a non-empty string'] });
    expect(decodeCallError({ id: '', msg: 'm' }).error.id).toBe('UNKNOWN');
    expect(decodeCallError({ id: 7, msg: 'm' }).error.id).toBe('UNKNOWN');
  });

  it('gives an empty message when msg is not a string', () => {
    expect(decodeCallError({ id: 'NO_CAMERA_ACCESS', msg: { html: '<b>x</b>' } })).toEqual({
      error: { id: 'NO_CAMERA_ACCESS', message: '' },
      problems: ['msg is not a string'],
    });
    expect(decodeCallError({})).toEqual({ error: { id: 'UNKNOWN', message: '' }, problems: ['id is not a non-empty string', 'msg is not a string'] });
  });
});
