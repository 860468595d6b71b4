// Time to ready: from the first subscribe to `open` with the conversation listing received, against
// the emulator behind a loopback proxy that delays every chunk by DELAY ms each way (one round trip
// = 2 × DELAY; a new TCP connection costs one more, its handshake). Each page load runs in its own
// process (bench/ready-page.mjs: fresh connection pool), a reload keeps what the page stored
// (token and Domain API answers, in emulated sessionStorage).
//
// Round trips = (time with the delay − time without it) / round trip: the same page through a
// proxy with no delay measures the processing, which is not a round trip.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from './consumers.mjs';
import { startDelayProxy } from './delay-proxy.mjs';
import { log, median, round, section } from './measure.mjs';

// A long delay keeps processing time (tens of ms on a busy machine) small next to a round trip.
const DELAY = Number(process.env.BENCH_READY_DELAY_MS ?? 150);
const RUNS = Number(process.env.BENCH_READY_RUNS ?? 3);
const page = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ready-page.mjs');

function load(domainApi, storageFile, mode = 'all') {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [page, domainApi, storageFile, mode], { timeout: 60_000 }, (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout).ms)));
  });
}

/** Median time of a first visit and of the reload that follows it, through a proxy delaying `delayMs`. */
async function measure(delayMs, mode, runs = RUNS) {
  // The emulator answers the Domain API with its public host (never the request's Host), so the page's
  // socket goes through the proxy only when that host is the proxy's: the proxy first, then the
  // emulator behind it.
  const target = { host: '127.0.0.1', port: 0 };
  const proxy = await startDelayProxy(target, delayMs);
  const emu = await startEmulator({ publicHost: `127.0.0.1:${proxy.port}` });
  target.port = emu.port;
  const first = [];
  const reload = [];
  try {
    for (let i = 0; i < runs; i++) {
      const storage = path.join(os.tmpdir(), `lp-bench-ready-${process.pid}-${delayMs}-${i}.json`);
      fs.rmSync(storage, { force: true });
      first.push(await load(proxy.url, storage, mode));
      reload.push(await load(proxy.url, storage, mode));
      fs.rmSync(storage, { force: true });
    }
  } finally {
    await proxy.close();
    await emu.close();
  }
  return { first: median(first), reload: median(reload) };
}

section(async () => {
  const local = await measure(0, 'all');
  log(`ready: no delay ${local.first.toFixed(0)} / ${local.reload.toFixed(0)} ms`);
  const delayed = await measure(DELAY, 'all');
  log(`ready: ${DELAY} ms each way ${delayed.first.toFixed(0)} / ${delayed.reload.toFixed(0)} ms`);
  // The comparison point: what a reload cost before rememberServices.
  const tokenLocal = await measure(0, 'token-only');
  const tokenDelayed = await measure(DELAY, 'token-only');
  const rtt = 2 * DELAY;
  const trips = (kind) => round((delayed[kind] - local[kind]) / rtt, 2);
  return {
    delayEachWayMs: DELAY,
    roundTripMs: rtt,
    runs: RUNS,
    firstVisit: { ms: round(delayed.first, 1), msWithoutDelay: round(local.first, 1), roundTrips: trips('first') },
    reload: { ms: round(delayed.reload, 1), msWithoutDelay: round(local.reload, 1), roundTrips: trips('reload') },
    // What a reload cost before rememberServices: the token kept, the Domain API asked again.
    tokenOnlyReload: { ms: round(tokenDelayed.reload, 1), msWithoutDelay: round(tokenLocal.reload, 1), roundTrips: round((tokenDelayed.reload - tokenLocal.reload) / rtt, 2) },
    // What the client does today, step by step (each step waits for the one before):
    steps: {
      firstVisit: [
        ['Domain API, all services at once (new connection: TCP + request)', 2],
        ['in parallel: IdP signup (new connection: TCP + request) and WebSocket (TCP + upgrade)', 2],
        ['InitConnection → 200', 1],
        ['SubscribeExConversations → listing', 1],
      ],
      reload: [
        ['WebSocket (TCP + upgrade); host and token remembered', 2],
        ['InitConnection → 200', 1],
        ['SubscribeExConversations → listing', 1],
      ],
    },
    // The protocol's minimum (plain TCP; TLS adds one round trip per new connection). InitConnection
    // must be answered before any other request: "Please refrain from submitting any other requests
    // until a response to this one is received, as any requests will be rejected" (LivePerson's
    // InitConnection reference, protocol.md §3) — so InitConnection and the subscription are two
    // round trips, never one.
    minimum: {
      firstVisit: {
        roundTrips: 6,
        arithmetic:
          'Domain API lookup of all services (TCP + request = 2) → in parallel: IdP signup (TCP + request = 2) and WebSocket open (TCP + upgrade = 2) → InitConnection → 200 (1) → SubscribeExConversations → listing (1) = 2 + 2 + 1 + 1 = 6',
      },
      reload: {
        roundTrips: 4,
        arithmetic: 'host and token remembered: WebSocket open (TCP + upgrade = 2) → InitConnection → 200 (1) → SubscribeExConversations → listing (1) = 4',
      },
    },
  };
});
