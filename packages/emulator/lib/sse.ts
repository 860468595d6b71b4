/**
 * A Server-Sent Events response: `data:` lines of JSON, a comment every `heartbeatMs` so proxies and
 * idle timers keep it open, and a callback when the page goes away. Browsers reconnect by themselves.
 */
import type { RouteContext } from './http-router';

/** Sends one event; `T` is a JSON-able shape. */
export interface EventStream<T> {
  send(data: T): void;
}

/** Turns the route's response into an event stream; `onClose` runs once when the client disconnects. */
export function openEventStream<T>(ctx: RouteContext, onClose: () => void, heartbeatMs = 15_000): EventStream<T> {
  const { req, res } = ctx;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 1000\n\n');
  const heartbeat = setInterval(() => res.write(': ping\n\n'), heartbeatMs);
  heartbeat.unref();
  let open = true;
  const close = (): void => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    onClose();
  };
  req.on('close', close);
  res.on('close', close);
  return {
    send(data) {
      if (open && !res.writableEnded) res.write(`data: ${JSON.stringify(data)}\n\n`);
    },
  };
}
