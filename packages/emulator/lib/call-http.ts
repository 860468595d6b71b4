/**
 * HTTP routes of the call hub and of the call controls:
 * - the pages' side (the stand-in call app and the agent console): `GET /emulator/call/events`
 *   (SSE), `POST /emulator/call/{accept,join,signal,leave}`;
 * - controls (tests, curl, the console): `POST /emulator/call/session-error`, `POST /emulator/call/script`,
 *   `POST /emulator/accounts`.
 */
import type { JsonObject } from './json';
import type { AccountControl } from './accounts';
import type { CallHub, LeaveReason } from './call-hub';
import { decodeCallScript } from './call-script';
import { bodyOf, optionalString, post } from './control-http';
import { decodeSignal, isPeerRole, isSessionErrorId, type HubMessage } from './hub-protocol';
import type { Route } from './http-router';
import { openEventStream } from './sse';
import { EmulatorControlError, type CallControl } from './types';

function required(body: Record<string, unknown>, key: string): string {
  const value = optionalString(body, key);
  if (value === undefined) throw new EmulatorControlError(400, `${key} is required`, 'bad-request');
  return value;
}

function leaveReason(value: unknown): LeaveReason {
  if (value === 'hangup' || isSessionErrorId(value)) return value;
  throw new EmulatorControlError(400, 'reason must be hangup or a sessionError id', 'bad-request');
}

export function callRoutes(hub: CallHub, calls: () => CallControl, accounts: () => AccountControl): Route[] {
  return [
    {
      method: 'GET',
      path: '/emulator/call/events',
      handler(ctx) {
        const role = ctx.url.searchParams.get('role');
        if (!isPeerRole(role)) {
          ctx.json(400, { error: 'role must be consumer or agent', code: 'bad-request' });
          return;
        }
        const peer: { id?: string } = {};
        const stream = openEventStream<HubMessage>(ctx, () => {
          if (peer.id !== undefined) hub.disconnect(peer.id);
        });
        peer.id = hub.connect(role, stream);
      },
    },
    post('/emulator/call/accept', (body) => ({ ...hub.accept(required(body, 'serviceId')) })),
    post('/emulator/call/join', (body) => ({ ...hub.join(required(body, 'peerId'), required(body, 'serviceId')) })),
    {
      method: 'POST',
      path: '/emulator/call/signal',
      // Not through `post`: a signal for an old link is normal (dropped), and the body is checked first.
      async handler(ctx) {
        const body = await bodyOf(ctx);
        const signal = decodeSignal(body['signal']);
        if (signal === undefined) return ctx.json(400, { error: 'signal must be an offer, answer, candidate or media state', code: 'bad-request' });
        try {
          ctx.json(200, { delivered: hub.signal(required(body, 'peerId'), required(body, 'serviceId'), required(body, 'linkId'), signal) });
        } catch (error: unknown) {
          if (!(error instanceof EmulatorControlError)) throw error;
          ctx.json(error.status, { error: error.message, code: error.code });
        }
      },
    },
    post('/emulator/call/leave', (body) => {
      hub.leave(required(body, 'peerId'), required(body, 'serviceId'), leaveReason(body['reason']));
      return { ok: true };
    }),
    post('/emulator/call/session-error', (body): JsonObject => {
      const id = body['id'];
      if (!isSessionErrorId(id)) throw new EmulatorControlError(400, 'id must be UNABLE_TO_CONNECT, BROWSER_NOT_SUPPORTED, NO_CAMERA_ACCESS or AGENT_DISCONNECTED', 'bad-request');
      return { pages: calls().sessionError({ id, msg: optionalString(body, 'msg'), serviceId: optionalString(body, 'serviceId') }) };
    }),
    post('/emulator/call/script', (body) => ({ ...calls().script(decodeCallScript(body)) })),
    post('/emulator/accounts', (body) => {
      const accountId = required(body, 'accountId');
      try {
        accounts().add(accountId);
      } catch (error: unknown) {
        throw new EmulatorControlError(400, error instanceof Error ? error.message : String(error), 'bad-request');
      }
      return { accounts: [...accounts().list()], permissive: accounts().permissive };
    }),
  ];
}
