// Flood: one `createCallClient` (the built dist/cjs) over a real loopback WebSocket receives
// FLOOD_RATE (10 000) `cqm.ExConversationChangeNotification` frames per second for FLOOD_SECONDS (5):
// the seeded stream of bench/stream.mjs (whole-conversation snapshots of ~2.5 KB, 20 % state changes,
// 70 % re-sent or older snapshots, 10 % messaging-only updates). The frames come from a raw `ws`
// server in a child process (bench/flood-server.mjs: the emulator makes its frames one agent action
// at a time and cannot reach 10 000/s; the child also keeps the sender's work off this event loop).
//
// Reports, for the client's process, from the flood's start until the client has delivered the last
// expected event (or FLOOD_DRAIN_MS of silence after the last frame was sent):
//   - event-loop lag: perf_hooks.monitorEventLoopDelay (max, p99) and a setInterval probe (max, p99
//     of how late each 5 ms tick ran), in wall time; and `busy`: the main thread's CPU time between two
//     ticks (from /proc/thread-self/schedstat), i.e. the lag the same work causes where nothing else
//     competes for the CPU (on a loaded shared machine the wall-time lag is mostly other processes);
//   - the rate actually sent (the server holds while 8 MB wait unread: the client did not keep up);
//   - every connection state other than `open` after the first open (a reconnect), every close code
//     (4000 = the keep-alive declared the socket half-open);
//   - delivery: per dialog, the sequence of dialog$ events (type, and reason for `closed`) against the
//     stream's ground truth; and whether the events of all dialogs came in the stream's order.
//
// The keep-alive is short by default (FLOOD_IDLE_MS 1000, FLOOD_DEADLINE_MS 1000) so that probes are in
// flight during the flood; the library's defaults are 30 000 / 10 000.
//
//   npm run flood                       (builds dist/cjs and the emulator first)
//   FLOOD_RATE=5000 FLOOD_SECONDS=10 node bench/flood.mjs
//   FLOOD_CLIENT=raw node bench/flood.mjs                          (baseline: raw ws + JSON.parse)
//   FLOOD_LIB=/other/checkout/dist/cjs/index.js node bench/flood.mjs (before/after: another build)
//   FLOOD_DEBUG=1 …                      (prints every lag over 100 ms and every connection state)
import { createRequire } from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { forkFloodServer } from './flood-server.mjs';
import { lib, rxjs, testing, ws } from './lib.mjs';
import { cpuMs, log, nowMs, percentile, round, section } from './measure.mjs';

const env = (name, fallback) => Number(process.env[name] ?? fallback);
const RATE = env('FLOOD_RATE', 10_000);
const SECONDS = env('FLOOD_SECONDS', 5);
const IDLE_MS = env('FLOOD_IDLE_MS', 1_000);
const DEADLINE_MS = env('FLOOD_DEADLINE_MS', 1_000);
const DRAIN_MS = env('FLOOD_DRAIN_MS', 5_000);
const PROBE_MS = 5;

/**
 * A setInterval probe: how late each tick ran, in ms of wall time (`lags`), and how much CPU time this
 * main thread spent between two ticks (`busy`): the lag the same work would cause on a machine where
 * nothing else competes for the CPU (on a shared one, wall-time lag includes the time the OS ran others).
 */
function intervalProbe() {
  const lags = [];
  const busy = [];
  let last = nowMs();
  let lastCpu = cpuMs();
  const handle = setInterval(() => {
    const now = nowMs();
    const cpu = cpuMs();
    busy.push(cpu - lastCpu);
    lastCpu = cpu;
    lags.push(Math.max(0, now - last - PROBE_MS));
    if (process.env.FLOOD_DEBUG && now - last - PROBE_MS > 100) console.error(`lag ${(now - last - PROBE_MS).toFixed(0)} ms ending at ${(now % 100000).toFixed(0)}`);
    last = now;
  }, PROBE_MS);
  return { stop: () => clearInterval(handle), lags, busy };
}

/** Event-loop lag (histogram + interval probe) and this process's CPU time, from now until `stop()`. */
function watchLoop() {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const probe = intervalProbe();
  histogram.enable();
  const cpuBefore = process.cpuUsage();
  return {
    stop() {
      const cpu = process.cpuUsage(cpuBefore);
      histogram.disable();
      probe.stop();
      return {
        // CPU time this process got (user + system, all threads): on a busy machine far below the wall time.
        cpuMs: round((cpu.user + cpu.system) / 1000, 0),
        loopLag: {
          histogramMaxMs: round(histogram.max / 1e6, 1),
          histogramP99Ms: round(histogram.percentile(99) / 1e6, 1),
          intervalMaxMs: round(Math.max(0, ...probe.lags), 1),
          intervalP99Ms: round(percentile(probe.lags, 99), 1),
          intervalTicks: probe.lags.length,
          // Main-thread CPU time between two ticks: the lag without competition for the CPU.
          busyMaxMs: round(Math.max(0, ...probe.busy), 1),
          busyP99Ms: round(percentile(probe.busy, 99), 1),
        },
      };
    },
  };
}

async function baseline(server) {
  const raw = await rawClient(server.port);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const watch = watchLoop();
  const started = nowMs();
  const done = await server.flood();
  const sentAt = nowMs();
  await new Promise((resolve) => {
    const tick = () => (raw.stats.received >= done.sent || nowMs() - Math.max(raw.stats.lastAt, sentAt) > DRAIN_MS ? resolve() : setTimeout(tick, 20));
    tick();
  });
  const drainedAt = nowMs();
  const { loopLag, cpuMs } = watch.stop();
  raw.close();
  await server.close();
  const result = { client: 'raw ws + JSON.parse', rate: RATE, seconds: SECONDS, sent: done.sent, sentPerSecond: Math.round(done.sent / done.seconds), received: raw.stats.received, drainedAfterSendMs: round(drainedAt - sentAt, 0), totalMs: round(drainedAt - started, 0), cpuMs, loopLag };
  log(`flood (raw baseline): lag max ${loopLag.histogramMaxMs} ms (interval ${loopLag.intervalMaxMs}), p99 ${loopLag.histogramP99Ms} ms; main-thread CPU between ticks max ${loopLag.busyMaxMs} ms, p99 ${loopLag.busyP99Ms} ms; ${result.received}/${result.sent} frames`);
  return result;
}

const key = (event) => (event[0] === 'closed' ? `closed:${event[2]}` : event[0]);

/** Compares what the client delivered with the ground truth (per dialog, and across dialogs). */
function check(expected, delivered) {
  const want = new Map();
  for (const event of expected) {
    const list = want.get(event[1]) ?? [];
    list.push(key(event));
    want.set(event[1], list);
  }
  const got = new Map();
  for (const event of delivered) {
    const list = got.get(event[1]) ?? [];
    list.push(key(event));
    got.set(event[1], list);
  }
  let wrongDialogs = 0;
  const examples = [];
  for (const [dialogId, list] of want) {
    const actual = got.get(dialogId) ?? [];
    // dialog$ is the server's view: every dialog's events exactly as the ground truth.
    if (actual.join() !== list.join()) {
      wrongDialogs += 1;
      if (examples.length < 3) examples.push({ dialogId, expected: list, delivered: actual });
    }
  }
  const unexpectedDialogs = [...got.keys()].filter((id) => !want.has(id)).length;
  // Across dialogs: the delivered events, in delivery order, against the ground truth's order.
  const sequence = (events) => events.map((e) => `${e[1]}:${key(e)}`).join();
  const globalOrder = sequence(expected) === sequence(delivered);
  return { dialogs: want.size, expectedEvents: expected.length, deliveredEvents: delivered.length, wrongDialogs, unexpectedDialogs, everyDialogInOrder: wrongDialogs === 0 && unexpectedDialogs === 0, globalOrder, examples };
}

/**
 * The baseline (FLOOD_CLIENT=raw): a raw `ws` consumer that JSON.parses every frame and does nothing
 * else, behind the same flood: the lag this machine and `ws` cause on their own.
 */
async function rawClient(port) {
  const socket = new ws.WebSocket(`ws://127.0.0.1:${port}/`);
  const stats = { received: 0, lastAt: 0 };
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.kind === 'notification') stats.received += 1;
    stats.lastAt = nowMs();
  });
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ kind: 'req', id: '1', type: 'InitConnection' }));
  socket.send(JSON.stringify({ kind: 'req', id: '2', type: 'cqm.SubscribeExConversations', body: {} }));
  return { stats, close: () => socket.close(1000) };
}

/** The library under test: this checkout's dist/cjs, or FLOOD_LIB (e.g. another checkout's build, for before/after). */
const library = process.env.FLOOD_LIB === undefined ? lib : createRequire(import.meta.url)(process.env.FLOOD_LIB);

section(async () => {
  const server = await forkFloodServer({ rate: RATE, seconds: SECONDS, seed: 20_240_601 });
  log(`flood: ${server.frames} frames ready at ws://127.0.0.1:${server.port} (${RATE}/s for ${SECONDS} s)`);
  if (process.env.FLOOD_CLIENT === 'raw') return baseline(server);
  const client = library.createCallClient({
    accountId: '12345678',
    auth: { jwt: () => 'flood-token' },
    endpoint: { socketUrl: `ws://127.0.0.1:${server.port}/ws_api/account/12345678/messaging/consumer?v=3` },
    webSocketFactory: (url) => {
      const socket = new ws.WebSocket(url);
      let arrivals = 0;
      socket.on('message', () => {
        const now = nowMs();
        if (process.env.FLOOD_DEBUG && now - lastArrival > 300 && lastArrival > 0) console.error(`client: no frame for ${(now - lastArrival).toFixed(0)} ms until ${(Date.now() % 100000)} (${arrivals} arrived)`);
        arrivals += 1;
        lastArrival = now;
      });
      return socket;
    },
    lpTag: testing.createFakeLpTag({ sid: 'sid-1', vid: 'vid-1' }),
    visitor: { name: 'Flood' },
    callScreen: () => rxjs.NEVER,
    connection: { keepAlive: { idleMs: IDLE_MS, deadlineMs: DEADLINE_MS } },
  });

  let lastArrival = 0;
  const delivered = [];
  const states = [];
  const diagnostics = {};
  let notifications = 0;
  let lastEventAt = 0;
  const subscriptions = [
    client.dialog$.subscribe((event) => {
      delivered.push(event.type === 'closed' ? ['closed', event.dialog.dialogId, event.reason] : [event.type, event.dialog.dialogId]);
      lastEventAt = nowMs();
    }),
    client.connection$.subscribe((state) => {
      states.push(state);
      if (process.env.FLOOD_DEBUG) console.error(`state ${state.status} at ${(nowMs() % 100000).toFixed(0)}, last frame arrived ${(nowMs() - lastArrival).toFixed(0)} ms before`);
    }),
    client.connection.notification$.subscribe(() => (notifications += 1)),
    client.connection.diagnostic$.subscribe((d) => (diagnostics[d.type] = (diagnostics[d.type] ?? 0) + 1)),
  ];
  await rxjs.firstValueFrom(client.connection$.pipe(rxjs.filter((s) => s.status === 'open')));
  // The subscription's answer has arrived once the client sees its first frame; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const openedAt = states.length;

  const watch = watchLoop();
  const started = nowMs();
  const done = await server.flood();
  const sentAt = nowMs();
  // Drain: until every expected event arrived, or DRAIN_MS without a new one after the last send.
  await new Promise((resolve) => {
    const tick = () => {
      if (delivered.length >= done.expected.length || nowMs() - Math.max(lastEventAt, sentAt) > DRAIN_MS) return resolve();
      setTimeout(tick, 20);
    };
    tick();
  });
  const drainedAt = nowMs();
  const { loopLag, cpuMs } = watch.stop();
  subscriptions.forEach((s) => s.unsubscribe());
  await server.close();

  const later = states.slice(openedAt);
  const reconnects = later.filter((s) => s.status === 'reconnecting');
  const result = {
    client: process.env.FLOOD_LIB ?? 'dist/cjs',
    rate: RATE,
    seconds: SECONDS,
    keepAlive: { idleMs: IDLE_MS, deadlineMs: DEADLINE_MS },
    sent: done.sent,
    sendSeconds: round(done.seconds, 2),
    sentPerSecond: Math.round(done.sent / done.seconds),
    meanFrameBytes: done.meanBytes,
    serverMaxBufferedKB: round(done.maxBufferedBytes / 1024, 1),
    received: notifications,
    drainedAfterSendMs: round(drainedAt - sentAt, 0),
    totalMs: round(drainedAt - started, 0),
    // CPU time this process got in that time (user + system, all threads): on a busy machine it may be far below the wall time.
    cpuMs,
    loopLag,
    reconnects: reconnects.length,
    closeCodes: reconnects.map((s) => s.lastClose.code),
    halfOpen: reconnects.some((s) => s.lastClose.code === 4000),
    serverSockets: done.sockets,
    getClocksAnswered: done.getClocks,
    diagnostics,
    delivery: check(done.expected, delivered),
  };
  log(
    `flood: lag max ${result.loopLag.histogramMaxMs} ms (interval ${result.loopLag.intervalMaxMs}), p99 ${result.loopLag.histogramP99Ms} ms; main-thread CPU between ticks max ${result.loopLag.busyMaxMs} ms, p99 ${result.loopLag.busyP99Ms} ms; ` +
      `reconnects ${result.reconnects} [${result.closeCodes.join(', ')}]; ${result.received}/${result.sent} frames; ` +
      `${result.delivery.deliveredEvents}/${result.delivery.expectedEvents} events, every dialog in order: ${result.delivery.everyDialogInOrder}`,
  );
  return result;
});
