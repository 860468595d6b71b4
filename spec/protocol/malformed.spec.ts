/**
 * Malformed frames: each gives a `DecodeError` (never a throw) whose `path` names the offending field.
 * Most cases are one mutation of a valid frame, so the error can only come from that field. A
 * failure inside a list element drops only that element (the 5th column names it) and the frame
 * is still delivered with the error among its `issues`; an implausible `expires` is handled by its
 * rule (5th column `expires:<rule>`); any other failure drops the whole frame.
 */
import { decode } from '../../lib/protocol';
import { decodeFail, decodeOk, fixture, notificationAround } from './helpers';

const DELETE = Symbol('delete');
/** Written as the literal `1e400` (Infinity after JSON.parse). */
const HUGE = '__HUGE__';

type Key = string | number;

/** A copy of `base` with the value at `path` replaced (or deleted), as JSON text. */
function mutated(base: string, path: readonly Key[], value: unknown): string {
  const root = JSON.parse(base);
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path[path.length - 1] ?? '';
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return JSON.stringify(root).replace(`"${HUGE}"`, '1e400');
}

const EX = notificationAround(fixture('seed/invited-dialog.json'));
const MSG = fixture('protocol-md/messaging-event-notification.json');
const RESP = '{"kind":"resp","reqId":"1","code":200,"body":{"sequence":1}}';
const CHANGE = ['body', 'changes', 0];
const DETAILS = [...CHANGE, 'result', 'conversationDetails'];
const MAIN = [...DETAILS, 'dialogs', 0];
const CALL = [...DETAILS, 'dialogs', 1];
const META = [...CALL, 'metaData'];
const EVENT = [...CHANGE, 'event'];
const DETAILS_PATH = 'body.changes[0].result.conversationDetails';

const cases: readonly (readonly [name: string, text: string, path: string, expected: string, dropped?: string])[] = [
  ['not JSON', '{"kind":"resp",', '', 'expected JSON text'],
  ['empty text', '', '', 'expected JSON text'],
  ['a JSON array', '[{"kind":"resp"}]', '', 'expected JSON object'],
  ['JSON null', 'null', '', 'expected JSON object'],
  ['kind missing', '{"reqId":"1","code":200}', 'kind', 'expected string'],
  ['kind not a string', '{"kind":7,"reqId":"1","code":200}', 'kind', 'expected string'],
  ['response without reqId', mutated(RESP, ['reqId'], DELETE), 'reqId', 'expected string'],
  ['reqId an object', mutated(RESP, ['reqId'], { id: 1 }), 'reqId', 'expected string'],
  ['reqId empty', mutated(RESP, ['reqId'], ''), 'reqId', 'expected non-empty string'],
  ['reqId 1e400', mutated(RESP, ['reqId'], HUGE), 'reqId', 'expected string'],
  ['code a string', mutated(RESP, ['code'], '200'), 'code', 'expected number'],
  ['code not an integer', mutated(RESP, ['code'], 200.5), 'code', 'expected finite integer'],
  ['code 1e400', mutated(RESP, ['code'], HUGE), 'code', 'expected finite integer'],
  ['code missing', mutated(RESP, ['code'], DELETE), 'code', 'expected number'],
  ['notification without type', mutated(EX, ['type'], DELETE), 'type', 'expected string'],
  ['notification without body', mutated(EX, ['body'], DELETE), 'body', 'expected object'],
  ['changes not an array', mutated(EX, ['body', 'changes'], 5), 'body.changes', 'expected array'],
  ['changes missing', mutated(EX, ['body', 'changes'], DELETE), 'body.changes', 'expected array'],
  ['a change that is a string', mutated(EX, CHANGE, 'UPSERT'), 'body.changes[0]', 'expected object', 'body.changes[0]'],
  ['change type missing', mutated(EX, [...CHANGE, 'type'], DELETE), 'body.changes[0].type', 'expected string', 'body.changes[0]'],
  ['change result missing', mutated(EX, [...CHANGE, 'result'], DELETE), 'body.changes[0].result', 'expected object', 'body.changes[0]'],
  ['convId missing', mutated(EX, [...CHANGE, 'result', 'convId'], DELETE), 'body.changes[0].result.convId', 'expected string', 'body.changes[0]'],
  ['UPSERT without conversationDetails', mutated(EX, DETAILS, DELETE), DETAILS_PATH, 'expected object', 'body.changes[0]'],
  ['dialogs missing', mutated(EX, [...DETAILS, 'dialogs'], DELETE), `${DETAILS_PATH}.dialogs`, 'expected array', 'body.changes[0]'],
  ['dialogs a string', mutated(EX, [...DETAILS, 'dialogs'], 'MAIN'), `${DETAILS_PATH}.dialogs`, 'expected array', 'body.changes[0]'],
  ['a dialog that is a number', mutated(EX, CALL, 42), `${DETAILS_PATH}.dialogs[1]`, 'expected object', `${DETAILS_PATH}.dialogs[1]`],
  ['dialogId missing', mutated(EX, [...CALL, 'dialogId'], DELETE), `${DETAILS_PATH}.dialogs[1].dialogId`, 'expected string', `${DETAILS_PATH}.dialogs[1]`],
  ['COBROWSE metaData a string', mutated(EX, META, 'INVITED'), `${DETAILS_PATH}.dialogs[1].metaData`, 'expected object', `${DETAILS_PATH}.dialogs[1]`],
  ['COBROWSE metaData an array', mutated(EX, META, [{ sessionState: 'INVITED' }]), `${DETAILS_PATH}.dialogs[1].metaData`, 'expected object', `${DETAILS_PATH}.dialogs[1]`],
  ['metaData.expires a string', mutated(EX, [...META, 'expires'], '1.502893131855E9'), `${DETAILS_PATH}.dialogs[1].metaData.expires`, 'expected number', 'expires:ignored'],
  ['metaData.expires 1e400', mutated(EX, [...META, 'expires'], HUGE), `${DETAILS_PATH}.dialogs[1].metaData.expires`, 'expected epoch seconds', 'expires:ignored'],
  ['metaData.expires negative', mutated(EX, [...META, 'expires'], -5), `${DETAILS_PATH}.dialogs[1].metaData.expires`, 'expected epoch seconds', 'expires:ignored'],
  ['metaData.expires in ms beyond any date', mutated(EX, [...META, 'expires'], 1e16), `${DETAILS_PATH}.dialogs[1].metaData.expires`, 'expected epoch seconds', 'expires:ignored'],
  ['metaData.sessionState a number', mutated(EX, [...META, 'sessionState'], 1), `${DETAILS_PATH}.dialogs[1].metaData.sessionState`, 'expected string', `${DETAILS_PATH}.dialogs[1]`],
  ['MESSAGING metaData a string', mutated(EX, [...MAIN, 'metaData'], 'x'), `${DETAILS_PATH}.dialogs[0].metaData`, 'expected object', `${DETAILS_PATH}.dialogs[0]`],
  ['creationTs 1e400', mutated(EX, [...CALL, 'creationTs'], HUGE), `${DETAILS_PATH}.dialogs[1].creationTs`, 'expected timestamp', `${DETAILS_PATH}.dialogs[1]`],
  ['metaDataLastUpdateTs negative', mutated(EX, [...DETAILS, 'metaDataLastUpdateTs'], -1), `${DETAILS_PATH}.metaDataLastUpdateTs`, 'expected timestamp', 'body.changes[0]'],
  ['sentTs beyond 8.64e15', mutated(EX, ['body', 'sentTs'], 9e15), 'body.sentTs', 'expected timestamp'],
  ['sentTs a string', mutated(EX, ['body', 'sentTs'], '1502893041950'), 'body.sentTs', 'expected number'],
  ['participant without role', mutated(EX, [...DETAILS, 'participants', 1, 'role'], DELETE), `${DETAILS_PATH}.participants[1].role`, 'expected string', `${DETAILS_PATH}.participants[1]`],
  ['COBROWSE participants numbers', mutated(EX, [...CALL, 'participants'], [1, 2]), `${DETAILS_PATH}.dialogs[1].participants[0]`, 'expected string', `${DETAILS_PATH}.dialogs[1].participants[0]`],
  ['participantsDetails entry a string', mutated(EX, [...MAIN, 'participantsDetails', 1], 'agent'), `${DETAILS_PATH}.dialogs[0].participantsDetails[1]`, 'expected object', `${DETAILS_PATH}.dialogs[0].participantsDetails[1]`],
  ['participantsDetails bare number', mutated(EX, [...MAIN, 'participantsDetails'], 3), `${DETAILS_PATH}.dialogs[0].participantsDetails`, 'expected array', `${DETAILS_PATH}.dialogs[0]`],
  ['messaging event missing', mutated(MSG, EVENT, DELETE), 'body.changes[0].event', 'expected object', 'body.changes[0]'],
  ['messaging event type missing', mutated(MSG, [...EVENT, 'type'], DELETE), 'body.changes[0].event.type', 'expected string', 'body.changes[0]'],
  ['messaging dialogId missing', mutated(MSG, [...CHANGE, 'dialogId'], DELETE), 'body.changes[0].dialogId', 'expected string', 'body.changes[0]'],
  ['messaging sequence negative', mutated(MSG, [...CHANGE, 'sequence'], -1), 'body.changes[0].sequence', 'expected non-negative integer', 'body.changes[0]'],
  ['messaging sequence fractional', mutated(MSG, [...CHANGE, 'sequence'], 1.5), 'body.changes[0].sequence', 'expected finite integer', 'body.changes[0]'],
  ['messaging serverTimestamp 1e400', mutated(MSG, [...CHANGE, 'serverTimestamp'], HUGE), 'body.changes[0].serverTimestamp', 'expected timestamp', 'body.changes[0]'],
  ['ChatStateEvent without chatState', mutated(MSG, EVENT, { type: 'ChatStateEvent' }), 'body.changes[0].event.chatState', 'expected string', 'body.changes[0]'],
  [
    'AcceptStatusEvent with a string sequence',
    mutated(MSG, EVENT, { type: 'AcceptStatusEvent', status: 'READ', sequenceList: ['4'] }),
    'body.changes[0].event.sequenceList[0]',
    'expected number',
    'body.changes[0].event.sequenceList[0]',
  ],
  ['originatorMetadata an array', mutated(MSG, [...CHANGE, 'originatorMetadata'], []), 'body.changes[0].originatorMetadata', 'expected object', 'body.changes[0]'],
  // Every field reader names its own key in the path (one case per field, each a wrong type).
  ...(['skillId', 'brandId'] as const).map((key) => [`conversation ${key} an object`, mutated(EX, [...DETAILS, key], { id: 1 }), `${DETAILS_PATH}.${key}`, 'expected string', 'body.changes[0]'] as const),
  ...(['state', 'stage', 'closeReason'] as const).map((key) => [`conversation ${key} a number`, mutated(EX, [...DETAILS, key], 1), `${DETAILS_PATH}.${key}`, 'expected string', 'body.changes[0]'] as const),
  ...(['startTs', 'endTs'] as const).map((key) => [`conversation ${key} a string`, mutated(EX, [...DETAILS, key], '1502893041950'), `${DETAILS_PATH}.${key}`, 'expected number', 'body.changes[0]'] as const),
  ['conversation participants a number', mutated(EX, [...DETAILS, 'participants'], 5), `${DETAILS_PATH}.participants`, 'expected array', 'body.changes[0]'],
  ['participant id an object', mutated(EX, [...DETAILS, 'participants', 1, 'id'], { id: 1 }), `${DETAILS_PATH}.participants[1].id`, 'expected string', `${DETAILS_PATH}.participants[1]`],
  ['conversation skillId empty', mutated(EX, [...DETAILS, 'skillId'], ''), `${DETAILS_PATH}.skillId`, 'expected non-empty string', 'body.changes[0]'],
  ['conversation participants holding a number', mutated(EX, [...DETAILS, 'participants'], [5]), `${DETAILS_PATH}.participants[0]`, 'expected object', `${DETAILS_PATH}.participants[0]`],
  ['messaging changes holding a number', mutated(MSG, ['body', 'changes'], [5]), 'body.changes[0]', 'expected object', 'body.changes[0]'],
  ['participant id empty', mutated(EX, [...DETAILS, 'participants', 1, 'id'], ''), `${DETAILS_PATH}.participants[1].id`, 'expected non-empty string', `${DETAILS_PATH}.participants[1]`],
  ['change effectiveTTR a string', mutated(EX, [...CHANGE, 'result', 'effectiveTTR'], '5'), 'body.changes[0].result.effectiveTTR', 'expected number', 'body.changes[0]'],
  ['change effectiveTTR 1e400', mutated(EX, [...CHANGE, 'result', 'effectiveTTR'], HUGE), 'body.changes[0].result.effectiveTTR', 'expected finite number', 'body.changes[0]'],
  ...(['dialogType', 'channelType', 'state', 'closedBy', 'closedCause'] as const).map(
    (key) => [`dialog ${key} a number`, mutated(EX, [...CALL, key], 1), `${DETAILS_PATH}.dialogs[1].${key}`, 'expected string', `${DETAILS_PATH}.dialogs[1]`] as const,
  ),
  ...(['endTs', 'metaDataLastUpdateTs'] as const).map(
    (key) => [`dialog ${key} a string`, mutated(EX, [...CALL, key], '1502893041950'), `${DETAILS_PATH}.dialogs[1].${key}`, 'expected number', `${DETAILS_PATH}.dialogs[1]`] as const,
  ),
  ...(['serviceId', 'mode', 'dialogId', 'notificationKey', 'callLink'] as const).map(
    (key) => [`metaData.${key} a number`, mutated(EX, [...META, key], 1), `${DETAILS_PATH}.dialogs[1].metaData.${key}`, 'expected string', `${DETAILS_PATH}.dialogs[1]`] as const,
  ),
  ...(['id', 'role', 'state'] as const).map(
    (key) =>
      [
        `participantsDetails ${key} an object`,
        mutated(EX, [...MAIN, 'participantsDetails', 1, key], { x: 1 }),
        `${DETAILS_PATH}.dialogs[0].participantsDetails[1].${key}`,
        'expected string',
        `${DETAILS_PATH}.dialogs[0].participantsDetails[1]`,
      ] as const,
  ),
  [
    'participantsDetails a bare object without id',
    mutated(EX, [...MAIN, 'participantsDetails'], { role: 'AGENT' }),
    `${DETAILS_PATH}.dialogs[0].participantsDetails.id`,
    'expected string',
    `${DETAILS_PATH}.dialogs[0].participantsDetails`,
  ],
  ['messaging body a number', mutated(MSG, ['body'], 5), 'body', 'expected object'],
  ['messaging changes a number', mutated(MSG, ['body', 'changes'], 5), 'body.changes', 'expected array'],
  ['messaging sentTs a string', mutated(MSG, ['body', 'sentTs'], '5'), 'body.sentTs', 'expected number'],
  ...(['originatorId', 'conversationId'] as const).map((key) => [`messaging ${key} an object`, mutated(MSG, [...CHANGE, key], { id: 1 }), `body.changes[0].${key}`, 'expected string', 'body.changes[0]'] as const),
  ['messaging messageAudience a number', mutated(MSG, [...CHANGE, 'messageAudience'], 1), 'body.changes[0].messageAudience', 'expected string', 'body.changes[0]'],
  ['messaging event a string', mutated(MSG, EVENT, 'ContentEvent'), 'body.changes[0].event', 'expected object', 'body.changes[0]'],
  ['ContentEvent contentType a number', mutated(MSG, [...EVENT, 'contentType'], 1), 'body.changes[0].event.contentType', 'expected string', 'body.changes[0]'],
  ['AcceptStatusEvent status a number', mutated(MSG, EVENT, { type: 'AcceptStatusEvent', status: 1, sequenceList: [4] }), 'body.changes[0].event.status', 'expected string', 'body.changes[0]'],
  ...(['id', 'role'] as const).map(
    (key) =>
      [
        `originatorMetadata ${key} an object`,
        mutated(MSG, [...CHANGE, 'originatorMetadata'], { id: 'a1', role: 'ASSIGNED_AGENT', [key]: { x: 1 } }),
        `body.changes[0].originatorMetadata.${key}`,
        'expected string',
        'body.changes[0]',
      ] as const,
  ),
];

describe('protocol: malformed frames', () => {
  it('the unmutated bases decode', () => {
    expect(decodeOk(EX).kind).toBe('notification');
    expect(decodeOk(MSG).kind).toBe('notification');
    expect(decodeOk(RESP).kind).toBe('resp');
  });

  it('has at least 20 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const [name, text, path, expected, dropped] of cases) {
    if (dropped === undefined) {
      it(`${name} → the frame fails, error at its path`, () => {
        expect(() => decode(text)).not.toThrow();
        const error = decodeFail(text);
        expect(error.kind).toBe('decode-error');
        expect(error.path).toBe(path);
        expect(error.expected.startsWith(expected)).toBe(true);
        expect(error.message).toBe(`${path === '' ? '(frame)' : path}: ${error.expected}`);
        expect(error.excerpt).toBe(text.slice(0, 200));
        expect(error.recovery).toBeUndefined();
      });
    } else {
      it(`${name} → the frame is delivered, an issue at its path`, () => {
        const result = decode(text);
        if (!result.ok) throw new Error(`expected a frame, got ${result.error.message}`);
        const [issue] = result.issues;
        if (issue === undefined) throw new Error('expected an issue');
        expect(issue.kind).toBe('decode-error');
        expect(issue.path).toBe(path);
        expect(issue.expected.startsWith(expected)).toBe(true);
        expect(issue.message.startsWith(`${path}: ${issue.expected} (`)).toBe(true);
        expect(issue.excerpt).toBe(text.slice(0, 200));
        const rule = /^expires:(.*)$/.exec(dropped)?.[1];
        expect(issue.recovery).toEqual(rule === undefined ? { type: 'dropped', element: dropped } : { type: 'expires', rule });
      });
    }
  }
});

describe('protocol: optional fields', () => {
  const cobrowse = (text: string) => {
    const frame = decodeOk(text);
    if (frame.kind !== 'notification' || frame.type !== 'cqm.ExConversationChangeNotification') throw new Error('not a conversation change');
    const change = frame.body.changes[0];
    if (change?.type !== 'UPSERT') throw new Error('not an UPSERT');
    return change.result.conversationDetails;
  };

  it('null reads as absent, for every kind of optional field', () => {
    const withNulls = [
      [...DETAILS, 'endTs'],
      [...DETAILS, 'participants'],
      [...CALL, 'participantsDetails'],
      [...MAIN, 'metaData'],
      [...CALL, 'closedBy'],
      [...META, 'expires'],
    ].reduce((text, path) => mutated(text, path, null), EX);
    const details = cobrowse(withNulls);
    expect(details.endTs).toBeUndefined();
    expect(details.participants).toEqual([]);
    expect(details.dialogs[0]?.metaData).toBeUndefined();
    expect(details.dialogs[1]).toMatchObject({ participantsDetails: undefined, closedBy: undefined });
    const message = decodeOk(mutated(mutated(MSG, [...CHANGE, 'originatorMetadata'], null), [...CHANGE, 'sequence'], null));
    expect(message).toMatchObject({ body: { changes: [{ originatorMetadata: undefined, sequence: undefined }] } });
  });

  it('the optional fields of conversations, dialogs and messaging events are read from their own keys', () => {
    const text = [
      [[...DETAILS, 'endTs'], 1502893100000],
      [[...DETAILS, 'closeReason'], 'CONSUMER'],
      [[...CALL, 'endTs'], 1502893100001],
      [[...CALL, 'closedBy'], 'AGENT'],
      [[...CALL, 'closedCause'], 'Closed by agent'],
    ].reduce((t, [path, value]) => mutated(t, path as Key[], value), EX);
    const details = cobrowse(text);
    expect(details).toMatchObject({ endTs: 1502893100000, closeReason: 'CONSUMER' });
    expect(details.dialogs[1]).toMatchObject({ endTs: 1502893100001, closedBy: 'AGENT', closedCause: 'Closed by agent' });
    const message = decodeOk(mutated(mutated(mutated(MSG, ['body', 'sentTs'], 5), [...CHANGE, 'messageAudience'], 'ALL'), [...EVENT, 'contentType'], 'text/html'));
    expect(message).toMatchObject({ body: { sentTs: 5, changes: [{ messageAudience: 'ALL', event: { contentType: 'text/html' } }] } });
  });

  it('a numeric id is read as its string; an absent or null expires records no issue', () => {
    const numeric = mutated(EX, [...DETAILS, 'participants', 1, 'id'], 7);
    expect(cobrowse(numeric).participants[1]?.id).toBe('7');
    expect(cobrowse(mutated(EX, [...DETAILS, 'skillId'], 7)).skillId).toBe('7');
    for (const expires of [DELETE, null]) {
      const result = decode(mutated(EX, [...META, 'expires'], expires));
      expect(result.ok && result.issues).toEqual([]);
    }
  });

  it('a DELETE with conversationDetails null carries none', () => {
    const text = mutated(mutated(EX, [...CHANGE, 'type'], 'DELETE'), DETAILS, null);
    expect(decodeOk(text)).toMatchObject({ body: { changes: [{ type: 'DELETE', result: { conversationDetails: undefined } }] } });
  });

  it('a non-string frame is an error, with an empty excerpt', () => {
    const result = decode(42 as unknown as string);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ path: '', expected: 'expected text frame (string)', excerpt: '' }) });
  });
});
