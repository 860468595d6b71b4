/**
 * The agent control over HTTP (`POST /emulator/...`, `GET /emulator/state`), so tests, a browser page
 * and curl can drive the emulator. Bodies are optional JSON objects; errors are `{ error }` with a 4xx.
 */
import type { JsonObject } from './json';
import { callMode } from './agent';
import { HttpError, type Route, type RouteContext } from './http-router';
import { isRecord } from './narrow';
import { EmulatorControlError, type DialogTarget, type RunningEmulator } from './types';

/** The body as an object (none: `{}`), or a 400. */
export async function bodyOf(ctx: RouteContext): Promise<Record<string, unknown>> {
  const body = await ctx.readBody();
  if (body === undefined || body === null) return {};
  if (!isRecord(body)) throw new HttpError(400, 'the body must be a JSON object');
  return body;
}

/** `body[key]` as a non-empty string, absent as undefined, anything else a 400. */
export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') throw new HttpError(400, `${key} must be a non-empty string`);
  return value;
}

/** `body[key]` as a finite number, absent as undefined, anything else a 400. */
export function optionalNumber(body: Record<string, unknown>, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new HttpError(400, `${key} must be a number`);
  return value;
}

function target(body: Record<string, unknown>): DialogTarget {
  return { conversationId: optionalString(body, 'conversationId'), dialogId: optionalString(body, 'dialogId') };
}

/** A POST route whose action may throw EmulatorControlError (its HTTP status, `{ error, code }`). */
export function post(path: string, action: (body: Record<string, unknown>) => JsonObject): Route {
  return {
    method: 'POST',
    path,
    async handler(ctx) {
      const body = await bodyOf(ctx);
      try {
        ctx.json(200, action(body));
      } catch (error: unknown) {
        if (!(error instanceof EmulatorControlError)) throw error;
        ctx.json(error.status, { error: error.message, code: error.code });
      }
    },
  };
}

export function controlRoutes(emulator: () => RunningEmulator): Route[] {
  const agent = () => emulator().agent;
  return [
    post('/emulator/agent/invite', (body) => {
      if (body['mode'] === undefined) throw new HttpError(400, 'mode is required: VIDEO_CALL or VOICE_CALL (or shared, view, follow)');
      const mode = callMode(body['mode']);
      return { ...agent().invite({ mode, conversationId: optionalString(body, 'conversationId'), expiresInMs: optionalNumber(body, 'expiresInMs') }) };
    }),
    post('/emulator/agent/cancel', (body) => ({ ...agent().cancel(target(body)) })),
    post('/emulator/agent/decline', (body) => ({ ...agent().decline(target(body)) })),
    post('/emulator/agent/accept', (body) => ({ ...agent().accept(target(body)) })),
    post('/emulator/agent/hangup', (body) => ({ ...agent().hangup(target(body)) })),
    post('/emulator/agent/expire', (body) => ({ ...agent().expire(target(body)) })),
    post('/emulator/agent/message', (body) => {
      const text = optionalString(body, 'text');
      if (text === undefined) throw new HttpError(400, 'text is required');
      return { ...agent().message({ text, conversationId: optionalString(body, 'conversationId') }) };
    }),
    post('/emulator/agent/close', (body) => ({ ...agent().closeConversation({ conversationId: optionalString(body, 'conversationId') }) })),
    post('/emulator/drop-sockets', (body) => ({ dropped: emulator().dropSockets(optionalNumber(body, 'code')) })),
    post('/emulator/expire-tokens', () => {
      emulator().expireTokens();
      return { ok: true };
    }),
    post('/emulator/repeat-last', () => {
      emulator().repeatLast();
      return { ok: true };
    }),
    post('/emulator/reorder-next', () => {
      emulator().reorderNext();
      return { ok: true };
    }),
    {
      method: 'GET',
      path: '/emulator/state',
      handler(ctx) {
        const state = emulator().state();
        ctx.json(200, { ...state, conversations: [...state.conversations], dialogs: [...state.dialogs], connections: [...state.connections] });
      },
    },
  ];
}
