/**
 * A loopback TCP relay between the client and the emulator, for fault injection. It pipes bytes
 * both ways (naming the emulator in the upgrade request's `Host`) and reads the server's WebSocket frames (after the HTTP upgrade answer) so a test can
 * act on a given frame before the client gets it. Per connection ("pair") it can:
 *
 * - `forward`: pass everything (the default);
 * - `closes-only`: from the server, pass only close frames (a test discards what the server says
 *   until the server closes, e.g. with 4401); from the client, pass everything;
 * - `silent`: pass nothing either way and close nothing — a half-open link, as when a NAT or a
 *   proxy forgets the flow (from the first byte: {@link Relay.silenceNext}, the socket never
 *   opens). Only {@link Relay.forgetSilent} or {@link Relay.close} ends such a pair.
 *
 * `drop()` destroys the current pairs (the client sees 1006). New connections after a fault are
 * forwarded normally, so the client's reconnect reaches the emulator again.
 */
import { connect, createServer, type Socket } from 'node:net';

export type PairMode = 'forward' | 'closes-only' | 'silent';

/** One client connection and its upstream connection to the emulator. */
export interface RelayPair {
  readonly id: number;
  mode: PairMode;
}

export interface Relay {
  readonly port: number;
  /** The consumer socket URL of `accountId` through the relay. */
  socketUrl(accountId: string): string;
  /**
   * Called with each text frame the server sends, before it is passed on; it may change
   * `pair.mode`, which then applies to this frame already.
   */
  onServerText: ((text: string, pair: RelayPair) => void) | undefined;
  /** Every pair now silent (half-open); later connections are forwarded. */
  silence(): void;
  /**
   * The next `count` connections are silent from their first byte: the upgrade request never
   * reaches the emulator, so the client's socket stays CONNECTING (half-open while connecting).
   */
  silenceNext(count: number): void;
  /** Every pair destroyed now (no close frame: the client sees 1006). */
  drop(): void;
  /**
   * Destroys the silent pairs, as a NAT or proxy finally forgets the flow: the emulator then sees
   * those sockets go (it would otherwise wait for its idle timeout).
   */
  forgetSilent(): void;
  /** Pairs alive right now. */
  pairCount(): number;
  /** Stops listening and destroys every pair. */
  close(): Promise<void>;
}

const OPCODE_TEXT = 0x1;
const OPCODE_CLOSE = 0x8;

interface Frame {
  readonly bytes: Buffer;
  readonly opcode: number;
  readonly payload: Buffer;
}

/** Splits whole server frames (unmasked, as servers send them) off the front of `buffer`. */
function takeFrames(buffer: Buffer): { readonly frames: Frame[]; readonly rest: Buffer } {
  const frames: Frame[] = [];
  let offset = 0;
  for (;;) {
    if (buffer.length - offset < 2) break;
    const first = buffer[offset] ?? 0;
    const second = buffer[offset + 1] ?? 0;
    if ((second & 0x80) !== 0) throw new Error('relay: a masked frame from the server');
    let length = second & 0x7f;
    let header = 2;
    if (length === 126) {
      if (buffer.length - offset < 4) break;
      length = buffer.readUInt16BE(offset + 2);
      header = 4;
    } else if (length === 127) {
      if (buffer.length - offset < 10) break;
      length = Number(buffer.readBigUInt64BE(offset + 2));
      header = 10;
    }
    if (buffer.length - offset < header + length) break;
    const bytes = buffer.subarray(offset, offset + header + length);
    frames.push({ bytes, opcode: first & 0x0f, payload: bytes.subarray(header) });
    offset += header + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** Starts a relay on a free loopback port in front of `127.0.0.1:upstreamPort`. */
export function startRelay(upstreamPort: number): Promise<Relay> {
  const pairs = new Map<RelayPair, { readonly client: Socket; readonly upstream: Socket }>();
  let lastId = 0;
  let silentNew = 0;
  /** Destroys the pairs `which` selects (no close frame: their client sees 1006). */
  const destroy = (which: (pair: RelayPair) => boolean): void => {
    for (const [pair, { client, upstream }] of [...pairs]) {
      if (!which(pair)) continue;
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    }
  };
  const relay: Relay = {
    port: 0,
    socketUrl: (accountId) => `ws://127.0.0.1:${relay.port}/ws_api/account/${encodeURIComponent(accountId)}/messaging/consumer?v=3`,
    onServerText: undefined,
    silence() {
      for (const pair of pairs.keys()) pair.mode = 'silent';
    },
    silenceNext(count) {
      silentNew = count;
    },
    drop: () => destroy(() => true),
    forgetSilent: () => destroy((pair) => pair.mode === 'silent'),
    pairCount: () => pairs.size,
    close: () =>
      new Promise<void>((resolve) => {
        relay.drop();
        server.close(() => resolve());
      }),
  };

  const server = createServer((client) => {
    const pair: RelayPair = { id: ++lastId, mode: silentNew > 0 ? 'silent' : 'forward' };
    silentNew = Math.max(0, silentNew - 1);
    const upstream = connect(upstreamPort, '127.0.0.1');
    pairs.set(pair, { client, upstream });
    let upgraded = false;
    let pending: Buffer = Buffer.alloc(0);
    // Ends one side when the other ended, unless the pair is half-open (silent) by design.
    const end = (): void => {
      if (pair.mode !== 'silent') destroy((other) => other === pair);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    let requested = false;
    let request: Buffer = Buffer.alloc(0);
    client.on('data', (data: Buffer) => {
      if (pair.mode === 'silent') return;
      if (requested) {
        upstream.write(data);
        return;
      }
      // The upgrade request names the relay in Host; the emulator answers only its own names (421
      // otherwise), so the relay names the emulator, as a reverse proxy does.
      request = Buffer.concat([request, data]);
      const at = request.indexOf(HEADER_END);
      if (at === -1) return;
      requested = true;
      const head = request.subarray(0, at).toString('latin1').replace(/^host:.*$/im, `Host: 127.0.0.1:${upstreamPort}`);
      upstream.write(Buffer.concat([Buffer.from(head, 'latin1'), request.subarray(at)]));
    });
    upstream.on('data', (data: Buffer) => {
      pending = Buffer.concat([pending, data]);
      if (!upgraded) {
        const at = pending.indexOf(HEADER_END);
        if (at === -1) return;
        upgraded = true;
        if (pair.mode !== 'silent') client.write(pending.subarray(0, at + HEADER_END.length));
        pending = pending.subarray(at + HEADER_END.length);
      }
      const { frames, rest } = takeFrames(pending);
      pending = rest;
      for (const frame of frames) {
        if (frame.opcode === OPCODE_TEXT && pair.mode === 'forward') relay.onServerText?.(frame.payload.toString('utf8'), pair);
        const pass = pair.mode === 'forward' || (pair.mode === 'closes-only' && frame.opcode === OPCODE_CLOSE);
        if (pass) client.write(frame.bytes);
      }
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('relay: no TCP port'));
      (relay as { port: number }).port = address.port;
      resolve(relay);
    });
  });
}
