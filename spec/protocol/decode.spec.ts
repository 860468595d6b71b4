/** `decode`: what it tolerates, how it types the unknown, and how it keeps secrets out of excerpts. */
import { decode, isCobrowseDialog, isExConversationChange } from '../../lib/protocol';
import type { ConversationDetails, DecodeResult, ExConversationChangeNotification } from '../../lib/protocol';
import { decodeFail, decodeOk, fixture, json } from './helpers';

const INVITED = fixture('seed/invited-dialog.json');

function ex(body: object): string {
  return JSON.stringify({ kind: 'notification', type: 'cqm.ExConversationChangeNotification', body });
}

function exFrame(text: string): ExConversationChangeNotification {
  const frame = decodeOk(text);
  if (!isExConversationChange(frame)) throw new Error(`expected a conversation change, got ${frame.kind}`);
  return frame;
}

function upsertDetails(text: string): ConversationDetails {
  const change = exFrame(text).body.changes[0];
  if (change?.type !== 'UPSERT') throw new Error('expected an UPSERT');
  return change.result.conversationDetails;
}

function upsert(details: object): object {
  return { type: 'UPSERT', result: { convId: 'c1', conversationDetails: details } };
}

describe('protocol: decode', () => {
  describe('responses', () => {
    it('exposes reqId as a string even when echoed as a number, and keeps type and body', () => {
      expect(decodeOk('{"kind":"resp","reqId":17,"code":200,"type":"GetClockResponse","body":{"currentTime":5}}')).toEqual({
        kind: 'resp',
        reqId: '17',
        code: 200,
        type: 'GetClockResponse',
        body: { currentTime: 5 },
      });
    });

    it('tolerates a missing or non-string type and a missing body (never keyed on)', () => {
      expect(decodeOk('{"kind":"resp","reqId":"3","code":429,"type":7}')).toEqual({ kind: 'resp', reqId: '3', code: 429, type: undefined, body: undefined });
      expect(decodeOk('{"kind":"resp","reqId":"4","code":400,"body":"bad request"}')).toMatchObject({ code: 400, body: 'bad request' });
    });
  });

  describe('unknown things pass as typed unknown values', () => {
    it('an unmodelled notification type → UnknownNotification with its body', () => {
      expect(decodeOk('{"kind":"notification","type":"userprofile.Changed","body":{"x":[1]}}')).toEqual({
        kind: 'notification',
        type: 'unknown',
        notificationType: 'userprofile.Changed',
        body: { x: [1] },
      });
    });

    it('a frame kind a consumer does not expect (a request from the server) → UnknownFrame', () => {
      const text = '{"kind":"req","id":"1","type":"KeepAlive"}';
      expect(decodeOk(text)).toEqual({ kind: 'unknown', frameKind: 'req', raw: json(text) });
    });

    it('unknown fields are ignored, unknown enum values kept', () => {
      const details = upsertDetails(
        ex({ changes: [upsert({ participants: [{ id: 'p', role: 'CONTROLLER', extra: true }], dialogs: [], stage: 'LOCKED', ttr: { ttrType: 'NORMAL', value: 60 } })], newField: 1 }),
      );
      expect(details).toEqual({ participants: [{ id: 'p', role: 'CONTROLLER' }], dialogs: [], stage: 'LOCKED' });
    });

    it('an undocumented change type is dropped, the rest of the notification kept', () => {
      const frame = exFrame(ex({ changes: [{ type: 'MERGE', result: {} }, upsert({ dialogs: [] })] }));
      expect(frame.body.changes.map((c) => c.type)).toEqual(['UPSERT']);
    });

    it('unmodelled messaging events (and content events without a text message) keep their JSON', () => {
      const rich = { type: 'RichContentEvent', content: { type: 'vertical' } };
      const file = { type: 'ContentEvent', contentType: 'hosted/file', message: { caption: 'x', relativePath: '/f' } };
      const text = JSON.stringify({
        kind: 'notification',
        type: 'ms.MessagingEventNotification',
        body: { changes: [rich, file, { type: 'ContentEvent', message: 'no contentType' }].map((event) => ({ originatorId: 'p', dialogId: 'd', event })) },
      });
      const frame = decodeOk(text);
      if (frame.kind !== 'notification' || frame.type !== 'ms.MessagingEventNotification') throw new Error('not a messaging notification');
      expect(frame.body.changes.map((c) => c.event)).toEqual([
        { type: 'unknown', eventType: 'RichContentEvent', raw: rich },
        { type: 'unknown', eventType: 'ContentEvent', raw: file },
        { type: 'ContentEvent', contentType: 'text/plain', message: 'no contentType' },
      ]);
    });
  });

  describe('a single element may arrive instead of a one-element array', () => {
    it('for changes, dialogs, participants and participantsDetails', () => {
      const dialog = { dialogId: 'd', channelType: 'MESSAGING', participantsDetails: { id: 'p', role: 'CONSUMER', state: 'ACTIVE' } };
      const frame = exFrame(ex({ changes: upsert({ participants: { id: 'p', role: 'CONSUMER' }, dialogs: dialog }) }));
      expect(frame.body.changes).toHaveLength(1);
      const details = upsertDetails(ex({ changes: upsert({ participants: { id: 'p', role: 'CONSUMER' }, dialogs: dialog }) }));
      expect(details.participants).toEqual([{ id: 'p', role: 'CONSUMER' }]);
      expect(details.dialogs).toHaveLength(1);
      expect(details.dialogs[0]?.participantsDetails).toEqual([{ id: 'p', role: 'CONSUMER', state: 'ACTIVE' }]);
    });

    it('for a COBROWSE dialog given bare, with a bare participant id', () => {
      const call = { ...JSON.parse(INVITED), participants: 'only-consumer' };
      const [dialog] = upsertDetails(ex({ changes: [upsert({ dialogs: call })] })).dialogs;
      expect(dialog?.participants).toEqual(['only-consumer']);
      expect(dialog !== undefined && isCobrowseDialog(dialog)).toBe(true);
    });

    it('and a bare element of the wrong shape fails naming the list, not the element (the dialog holding it is dropped)', () => {
      const result = decode(ex({ changes: upsert({ dialogs: [{ dialogId: 'd', participants: 7 }] }) }));
      if (!result.ok) throw new Error(result.error.message);
      expect(result.issues.map((issue) => [issue.path, issue.recovery])).toEqual([
        ['body.changes.result.conversationDetails.dialogs[0].participants', { type: 'dropped', element: 'body.changes.result.conversationDetails.dialogs[0]' }],
      ]);
    });
  });

  describe('conversation details', () => {
    it('DELETE may omit conversationDetails', () => {
      const frame = exFrame(ex({ subscriptionId: 's', changes: [{ type: 'DELETE', result: { convId: 'c9' } }] }));
      expect(frame.body.changes).toEqual([{ type: 'DELETE', result: { convId: 'c9' } }]);
    });

    it('DELETE with conversationDetails decodes them', () => {
      const frame = exFrame(ex({ changes: [{ type: 'DELETE', result: { convId: 'c9', conversationDetails: { dialogs: [], stage: 'CLOSE' } } }] }));
      expect(frame.body.changes[0]).toEqual({ type: 'DELETE', result: { convId: 'c9', conversationDetails: { participants: [], dialogs: [], stage: 'CLOSE' } } });
    });

    it('an initial listing may be empty', () => {
      expect(exFrame(ex({ subscriptionId: 's', changes: [] })).body).toEqual({ subscriptionId: 's', changes: [] });
    });

    it('null optional fields read as absent; numeric ids as strings', () => {
      const details = upsertDetails(ex({ changes: [upsert({ skillId: 3801636938, brandId: null, closeReason: null, dialogs: [] })] }));
      expect(details).toEqual({ skillId: '3801636938', participants: [], dialogs: [] });
    });
  });

  describe('COBROWSE metaData', () => {
    const call = (metaData: unknown): object => ({ dialogId: 'd', channelType: 'COBROWSE', dialogType: 'OTHER', metaData });
    const decodeCall = (metaData: unknown) => {
      const dialog = upsertDetails(ex({ changes: [upsert({ dialogs: [call(metaData)] })] })).dialogs[0];
      if (dialog === undefined || !isCobrowseDialog(dialog)) throw new Error('no COBROWSE dialog');
      return dialog.metaData;
    };

    it('missing or null metaData on a COBROWSE dialog → { raw: {} }', () => {
      expect(decodeCall(undefined)).toEqual({ raw: {} });
      expect(decodeCall(null)).toEqual({ raw: {} });
    });

    it('expires (epoch seconds, a float) is also exposed as rounded epoch milliseconds', () => {
      expect(decodeCall({ expires: 1502893131.8555 })).toMatchObject({ expires: 1502893131.8555, expiresAtMs: 1502893131856 });
      expect(decodeCall({ expires: 1 })).toMatchObject({ expiresAtMs: 1000 });
    });

    it('keeps every field as received in raw, modelled or not', () => {
      const meta = { mode: 'shared', permissions: 'audio,screen,control', role: 'visitor', notificationKey: 'joined', callLink: 'https://x/join-call/s' };
      expect(decodeCall(meta)).toEqual({ mode: 'shared', notificationKey: 'joined', callLink: 'https://x/join-call/s', raw: meta });
    });
  });

  describe('decode errors', () => {
    it('are values, even for input that is not a string at all', () => {
      const notText: unknown = { kind: 'resp' };
      const result: DecodeResult = Reflect.apply(decode, undefined, [notText]);
      expect(result).toMatchObject({ ok: false, error: { kind: 'decode-error', path: '' } });
    });

    it('redact JWTs in the excerpt: "jwt" values and eyJ… tokens, even cut at the edge', () => {
      const token = `eyJhbGciOiJSUzI1NiJ9.${'a'.repeat(2000)}.sig`; // longer than the redaction window
      const error = decodeFail(JSON.stringify({ type: 'InitConnection', headers: [{ type: '.ams.headers.ConsumerAuthentication', jwt: token }] }));
      expect(error.path).toBe('kind');
      expect(error.excerpt).not.toMatch(/eyJ|aaaa/);
      expect(error.excerpt).toContain('"jwt":"[redacted]');
      expect(decodeFail(`{"note":"${token}"`).excerpt).toBe('{"note":"[redacted]');
      expect(decodeFail(`{"kind":"resp","pad":"${'p'.repeat(150)}","t":"${token}"}`).excerpt).toMatch(/"t":"\[redacted\]$/);
      expect(decodeFail('{"jwt" : "opaque-token-without-prefix"}').excerpt).toBe('{"jwt" : "[redacted]"}');
      expect(error.excerpt.length).toBeLessThanOrEqual(200);
    });

    it('keep the excerpt to the first 200 characters', () => {
      const text = `{"kind":"resp","code":200,"pad":"${'x'.repeat(500)}"}`;
      const error = decodeFail(text);
      expect(error.path).toBe('reqId');
      expect(error.excerpt).toBe(text.slice(0, 200));
    });
  });
});
