/** Properties of `decode` over generated input: total, and errors point at what was broken. */
import fc from 'fast-check';
import { decode, isCobrowseDialog, isExConversationChange } from '../../lib/protocol';
import type { DecodeResult, Json } from '../../lib/protocol';
import { fixture, json, notificationAround } from './helpers';

type Key = string | number;

const BASES = [notificationAround(fixture('seed/invited-dialog.json'), fixture('seed/closed-dialog.json')), fixture('protocol-md/messaging-event-notification.json')];

/** Every path (as keys) inside a JSON value, the root excluded. */
function pathsOf(value: Json, prefix: readonly Key[] = []): Key[][] {
  if (Array.isArray(value)) return value.flatMap((v: Json, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}

function pathText(keys: readonly Key[]): string {
  return keys.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? key : `${text}.${key}`), '');
}

const REMOVE = Symbol('remove');

function mutate(text: string, keys: readonly Key[], value: unknown): string {
  const root = JSON.parse(text);
  let node = root;
  for (const key of keys.slice(0, -1)) node = node[key];
  const last = keys[keys.length - 1] ?? '';
  if (value === REMOVE) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else node[last] = value;
  return JSON.stringify(root);
}

function checkTotal(text: string): DecodeResult {
  let result: DecodeResult | undefined;
  expect(() => (result = decode(text))).not.toThrow();
  if (result === undefined) throw new Error('unreachable');
  if (!result.ok) {
    expect(result.error.message).toBe(`${result.error.path === '' ? '(frame)' : result.error.path}: ${result.error.expected}`);
    expect(result.error.excerpt.length).toBeLessThanOrEqual(200);
  }
  return result;
}

describe('protocol: decode properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => void checkTotal(text)));
  });

  it('never throws on arbitrary JSON, nor on JSON envelopes with arbitrary bodies', () => {
    fc.assert(fc.property(fc.json(), (text) => void checkTotal(text)));
    const envelope = fc.record({
      kind: fc.constantFrom('resp', 'notification', 'req', 7),
      type: fc.constantFrom('cqm.ExConversationChangeNotification', 'ms.MessagingEventNotification', 'x'),
      reqId: fc.oneof(fc.string(), fc.integer()),
      code: fc.oneof(fc.integer(), fc.double()),
      body: fc.jsonValue(),
    });
    fc.assert(fc.property(envelope, (frame) => void checkTotal(JSON.stringify(frame))));
  });

  it('after one mutation of a valid frame, an error names the mutated field or something inside it', () => {
    const mutation = fc.constantFrom(...BASES).chain((base) =>
      fc.record({
        base: fc.constant(base),
        keys: fc.constantFrom(...pathsOf(json(base)).filter((keys) => keys.length > 1)),
        value: fc.oneof(fc.constant<typeof REMOVE>(REMOVE), fc.jsonValue({ maxDepth: 2 })),
      }),
    );
    fc.assert(
      fc.property(mutation, ({ base, keys, value }) => {
        const result = checkTotal(mutate(base, keys, value));
        if (result.ok) return;
        const at = pathText(keys);
        const inside = result.error.path === at || result.error.path.startsWith(`${at}.`) || result.error.path.startsWith(`${at}[`);
        expect(`${result.error.path} ⊂ ${at}: ${String(inside)}`).toBe(`${result.error.path} ⊂ ${at}: true`);
      }),
    );
  });

  it('expiresAtMs is expires in whole milliseconds, for any epoch seconds below 1e11 (no creation time: no horizon)', () => {
    const seconds = fc.double({ min: Number.MIN_VALUE, max: 1e11, maxExcluded: true, noNaN: true });
    fc.assert(
      fc.property(seconds, (expires) => {
        const dialog = JSON.stringify({ dialogId: 'd', channelType: 'COBROWSE', metaData: { expires } });
        const result = checkTotal(notificationAround(dialog));
        if (!result.ok || !isExConversationChange(result.frame) || result.frame.body.changes[0]?.type !== 'UPSERT') throw new Error('did not decode');
        const call = result.frame.body.changes[0].result.conversationDetails.dialogs[1];
        if (call === undefined || !isCobrowseDialog(call)) throw new Error('no COBROWSE dialog');
        const ms = call.metaData.expiresAtMs ?? NaN;
        expect(Number.isInteger(ms)).toBe(true);
        expect(Math.abs(ms - expires * 1000)).toBeLessThanOrEqual(0.5 + expires * 1000 * Number.EPSILON);
      }),
    );
  });
});
