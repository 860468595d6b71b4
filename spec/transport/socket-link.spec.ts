import { firstValueFrom } from 'rxjs';
import type { ConnectionDiagnostic } from '../../lib/connection/diagnostics';
import { describeError, redact } from '../../lib/connection/diagnostics';
import { createSocketLink } from '../../lib/transport/socket-link';
import type { SocketOpened } from '../../lib/transport/socket';

function opened(sent: string[], open = true): SocketOpened {
  return { type: 'open', send: (text) => (open ? sent.push(text) > 0 : false), close: () => undefined };
}

describe('socket link', () => {
  it('never sends before the socket opened, and ids are unique strings per link', () => {
    const sent: string[] = [];
    const { link, attach } = createSocketLink(1, () => undefined);
    expect(link.send({ kind: 'req', id: link.nextId(), type: 'GetClock' })).toBe(false);
    attach(opened(sent));
    expect(link.send({ kind: 'req', id: link.nextId(), type: 'GetClock' })).toBe(true);
    expect(sent).toEqual(['{"kind":"req","id":"1","type":"GetClock"}']);
  });

  it('reports responses nobody waits for, and frames of unexpected kinds', () => {
    const diagnostics: ConnectionDiagnostic[] = [];
    const { link, attach, deliver } = createSocketLink(3, (d) => diagnostics.push(d));
    attach(opened([]));
    link.send({ kind: 'req', id: '0', type: 'GetClock' });
    link.send({ kind: 'req', id: '1', type: 'GetClock' });
    link.forget('1');
    deliver({ kind: 'resp', reqId: '0', code: 200, type: undefined, body: undefined });
    deliver({ kind: 'resp', reqId: '1', code: 200, type: undefined, body: undefined });
    deliver({ kind: 'resp', reqId: '0', code: 200, type: undefined, body: undefined });
    deliver({ kind: 'unknown', frameKind: 'req', raw: {} });
    expect(diagnostics).toEqual([
      { type: 'unexpected-response', generation: 3, reqId: '1', code: 200 },
      { type: 'unexpected-response', generation: 3, reqId: '0', code: 200 },
      { type: 'unexpected-frame', generation: 3, frameKind: 'req' },
    ]);
  });

  it('end: closed$ replays the first close to late subscribers; frame$ completes', async () => {
    const { link, end } = createSocketLink(1, () => undefined);
    let completed = false;
    link.frame$.subscribe({ complete: () => (completed = true) });
    end({ code: 1006, reason: '' });
    end({ code: 1000, reason: 'client closed' });
    await expect(firstValueFrom(link.closed$)).resolves.toEqual({ code: 1006, reason: '' });
    expect(completed).toBe(true);
  });
});

describe('redaction', () => {
  it('removes JWT-shaped strings and known secrets from texts', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig-nature_1';
    expect(redact(`token ${jwt} refused`)).toBe('token [redacted jwt] refused');
    expect(redact('opaque-secret-123 leaked', ['opaque-secret-123'])).toBe('[redacted] leaked');
    expect(describeError(new Error(`bad ${jwt}`))).toBe('Error: bad [redacted jwt]');
    expect(describeError('plain')).toBe('plain');
    expect(describeError(42)).toBe('unknown error');
  });
});
