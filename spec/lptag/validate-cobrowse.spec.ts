import { PublishError } from '../../lib/errors';
import { validateCobrowseData, type CobrowseFields } from '../../lib/lptag';

const valid = {
  serviceId: 'consumer#d1',
  agentId: 'le123.456',
  visitorName: 'Jane',
  mode: 'VIDEO_CALL',
  ssid: 'sid-1',
  svid: 'vid-1',
};

describe('validateCobrowseData', () => {
  it('returns the data when every required field is a non-empty string', () => {
    expect(validateCobrowseData('cobrowseOffered', valid)).toEqual(valid);
  });

  it('includes scid, cid, eid when given and omits them when undefined or null', () => {
    expect(validateCobrowseData('cobrowseAccepted', { ...valid, scid: 'sc', cid: 'c', eid: 'e' })).toEqual({ ...valid, scid: 'sc', cid: 'c', eid: 'e' });
    const result = validateCobrowseData('cobrowseAccepted', { ...valid, scid: undefined, cid: null });
    expect(result).toEqual(valid);
    expect(Object.keys(result)).not.toContain('scid');
  });

  const required = ['serviceId', 'agentId', 'visitorName', 'mode', 'ssid', 'svid'] as const;
  const bad: readonly [string, unknown, string][] = [
    ['missing', undefined, 'is missing'],
    ['null', null, 'is missing'],
    ['empty', '', 'is empty'],
    ['blank', '   ', 'is empty'],
    ['a number', 42, 'must be a string, got number'],
  ];

  it.each(required.flatMap((field) => bad.map(([name, value, problem]) => [field, name, value, problem] as const)))(
    'refuses %s when %s',
    (field, _name, value, problem) => {
      const fields: CobrowseFields = { ...valid, [field]: value };
      const result = validateCobrowseData('cobrowseDeclined', fields);
      expect(result).toBeInstanceOf(PublishError);
      expect(result).toMatchObject({ name: 'PublishError', event: 'cobrowseDeclined', field, problem });
    },
  );

  it('refuses a present but invalid optional field', () => {
    expect(validateCobrowseData('cobrowseOffered', { ...valid, eid: '' })).toMatchObject({ field: 'eid', problem: 'is empty' });
    expect(validateCobrowseData('cobrowseOffered', { ...valid, cid: 5 })).toMatchObject({ field: 'cid', problem: 'must be a string, got number' });
  });

  it('names the event and field in the message, never the value', () => {
    const result = validateCobrowseData('cobrowseOffered', { ...valid, visitorName: '' });
    expect(result instanceof PublishError && result.message).toBe('lpCoBrowse/cobrowseOffered not published: visitorName is empty');
  });
});
