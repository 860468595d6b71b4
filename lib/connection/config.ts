import { asyncScheduler } from 'rxjs';
import { defaultDomainApi } from '../auth/domain-api';
import { globalFetch } from '../auth/http';
import { buildClientProperties } from '../transport/client-properties';
import { clampScheduler } from '../scheduling/clamp-scheduler';
import { DEFAULT_MAX_INBOUND_FRAME_SIZE } from '../transport/frame-size';
import { defaultKeepAlive } from '../transport/keep-alive';
import { defaultReconnectPolicy } from '../transport/reconnect-policy';
import type { CloseOnTeardown } from '../transport/socket';
import { globalWebSocketFactory } from '../transport/websocket-like';
import type { DecodeResult } from '../protocol/types';
import type { CoreConfig } from './core';
import type { ConnectionDiagnostic } from './diagnostics';
import type { Secrets } from './secrets';
import type { ConnectionConfig } from './types';

/** Default timeout of `request()`. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

function userAgentOf(config: ConnectionConfig): string | undefined {
  if (config.navigator !== undefined) return config.navigator.userAgent;
  const nav: unknown = Reflect.get(globalThis, 'navigator');
  const ua: unknown = typeof nav === 'object' && nav !== null ? Reflect.get(nav, 'userAgent') : undefined;
  return typeof ua === 'string' ? ua : undefined;
}

/**
 * Applies the defaults: the only place the connection reads globals (`WebSocket`, `fetch`,
 * `navigator`), and only when `createConnection` is called, never at import time.
 */
export function resolveCoreConfig(config: ConnectionConfig, report: (diagnostic: ConnectionDiagnostic) => void, closeOnTeardown: CloseOnTeardown, secrets: Secrets, decodeFrame: (text: string) => DecodeResult): CoreConfig {
  const factory = config.webSocketFactory ?? globalWebSocketFactory();
  if (factory === undefined) throw new TypeError('createConnection: no WebSocket here; pass `webSocketFactory` (e.g. `(url) => new WebSocket(url)` from `ws`)');
  const endpoint = config.endpoint ?? {};
  return {
    accountId: config.accountId,
    auth: config.auth,
    socketUrl: 'socketUrl' in endpoint ? endpoint.socketUrl : undefined,
    domainApi: endpoint.domainApi ?? defaultDomainApi,
    fetch: config.fetch ?? globalFetch(),
    factory,
    // Every timer of the connection runs on it: clamped to what timers hold (lib/scheduling).
    scheduler: clampScheduler(config.scheduler ?? asyncScheduler),
    random: config.random ?? Math.random,
    policy: { ...defaultReconnectPolicy, ...config.reconnect },
    keepAlive: { ...defaultKeepAlive, ...config.keepAlive },
    handshakeTimeoutMs: config.handshakeTimeoutMs ?? 10_000,
    tokenTimeoutMs: config.tokenTimeoutMs ?? 30_000,
    clientProperties: buildClientProperties(userAgentOf(config), config.clientProperties),
    maxInboundFrameSize: config.maxInboundFrameSize ?? DEFAULT_MAX_INBOUND_FRAME_SIZE,
    decodeFrame,
    closeOnTeardown,
    report,
    secrets,
  };
}
