/**
 * Issue #14 point 4 through the whole call client: a call is invited, accepted and ended while the
 * server echoes the client's token in close reasons, error bodies and undecodable frames. Every
 * value of every public stream, and every error a command emits, is scanned for the token.
 */
import type { Observable } from 'rxjs';
import type { CallInvitation } from '../../lib/dialog/types';
import { defaultAutoReplies } from '../../lib/testing/fake-socket';
import { createTestCallClient } from '../../lib/testing/test-call-client';
import { scanFor } from './scan';

const TOKEN = 'OPAQUE-client-t0ken-5ecret';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjbGllbnQifQ.c2lnbmF0dXJl';

it('no public stream of the call client, and no command error, carries the token', () => {
  const t = createTestCallClient({
    auth: { jwt: () => TOKEN },
    connection: { reconnect: { maxAuthFailures: 10, floorMs: 10, baseMs: 20, capMs: 40 } },
    socket: { autoReply: { ...defaultAutoReplies, GetClock: () => ({ code: 403, body: { message: `forbidden for ${TOKEN}`, jwt: JWT } }) } },
  });
  const { client } = t;
  const seen: unknown[] = [];
  const streams: Record<string, Observable<unknown>> = {
    connection$: client.connection$,
    dialog$: client.dialog$,
    invitation$: client.invitation$,
    accepted$: client.accepted$,
    closed$: client.closed$,
    error$: client.error$,
    resume$: client.resume$,
    session$: client.session$,
    diagnostic$: client.diagnostic$,
  };
  const invitations: CallInvitation[] = [];
  client.invitation$.subscribe((invitation) => invitations.push(invitation));
  for (const stream of Object.values(streams)) stream.subscribe({ next: (value) => seen.push(value), error: (error: unknown) => seen.push(error) });
  const command = (name: string, command$: Observable<unknown>): void => {
    command$.subscribe({ next: (value) => seen.push(value), error: (error: unknown) => seen.push({ command: name, error }) });
  };

  t.advance(10);
  t.sendCall('INVITED');
  const [invitation] = invitations;
  if (invitation === undefined) throw new Error('no invitation');
  command('accept', client.accept(invitation));
  t.advance(10);
  command('request', client.connection.request('GetClock', undefined));
  t.sockets.latest().receive(`{"kind":"notification","type":"cqm.ExConversationChangeNotification","body":{"why":"${TOKEN}","changes":1}}`);
  t.sockets.latest().serverClose(4401, `token ${TOKEN} expired (${JWT})`);
  t.advance(100);
  t.sockets.latest().serverClose(4407, `identity of ${TOKEN} expired`);
  t.advance(100);
  t.sendCall('CLOSED', { state: 'CLOSE' });
  t.advance(100);

  const kinds = new Set(seen.map((value) => (typeof value === 'object' && value !== null ? Object.keys(value).sort().join(',') : typeof value)));
  expect(kinds.size).toBeGreaterThan(4);
  expect(seen.some((value) => JSON.stringify(value).includes('4401'))).toBe(true);
  expect(seen.some((value) => typeof value === 'object' && value !== null && 'command' in value)).toBe(true);
  expect(scanFor(seen, [TOKEN, JWT])).toEqual([]);
});
