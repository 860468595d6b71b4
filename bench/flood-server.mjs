// The flood source for `bench/flood.mjs`, run in its OWN process (forked with IPC) so that making and
// sending frames costs the client's event loop nothing. A raw `ws` server on 127.0.0.1 that speaks
// just enough of UMS v3 for a consumer: InitConnection → 200, GetClock → 200 { currentTime },
// cqm.SubscribeExConversations → 200 { subscriptionId } (the stream's own id), anything else → 200.
// No JWT check (the emulator covers auth; here only the flood matters).
//
// The frames are the seeded stream of `bench/stream.mjs` (whole-conversation snapshots of ~2.5 KB:
// 20 % state changes, 70 % re-sent or older snapshots, 10 % messaging-only updates), generated
// BEFORE the flood starts, then sent at `rate` frames per second for `seconds`, paced against the
// clock (each turn of this process's event loop sends what is due, at most `burst` frames, so its
// own GetClock answers are never held back by more than one burst). While more than 8 MB wait in its
// write buffer (the client is not reading) it holds: a Node process with ~100 MB queued on one socket
// stalls itself for seconds, which would measure the sender, not the client.
//
// IPC: sends { type: 'ready', port } first; on { cmd: 'flood' } floods the socket that subscribed
// and answers { type: 'done', sent, seconds, maxBufferedBytes, expected, getClocks, sockets };
// on { cmd: 'close' } exits. `expected` is the stream's ground truth: [type, dialogId, reason?] in order.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ws } from './lib.mjs';
import { createStream } from './stream.mjs';

/** Forks the flood server; resolves to `{ port, flood(), close() }`. */
export function forkFloodServer(options) {
  const child = fork(fileURLToPath(import.meta.url), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (ready) => {
      resolve({
        port: ready.port,
        frames: ready.frames,
        flood: () =>
          new Promise((done) => {
            child.once('message', done);
            child.send({ cmd: 'flood' });
          }),
        close: () => new Promise((done) => child.once('exit', done) && child.send({ cmd: 'close' })),
      });
    });
  });
}

function serve(options) {
  const { rate, seconds, seed, burst = 200, maxBufferedBytesLimit = 8 * 1024 * 1024 } = options;
  const total = Math.round(rate * seconds);
  const t0 = Date.now() + 2_000; // invitations expire 120 s after their frame's time: well after the run
  const stream = createStream({ seed, frames: total, frameMs: 1000 / rate, t0 });
  const frames = [];
  const expected = [];
  for (const item of stream.next(total)) {
    frames.push(item.text);
    for (const event of item.expected) expected.push(event);
  }

  const server = new ws.WebSocketServer({ host: '127.0.0.1', port: 0 });
  const sockets = new Set();
  let subscribed;
  let getClocks = 0;
  let socketCount = 0;

  server.on('connection', (socket) => {
    socketCount += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => {
      const request = JSON.parse(String(data));
      const reply = (type, body) => socket.send(JSON.stringify({ kind: 'resp', reqId: request.id, code: 200, type, body }));
      switch (request.type) {
        case 'InitConnection':
          return reply('.ReqBody$StringResp', 'OK');
        case 'GetClock':
          getClocks += 1;
          return reply('GetClockResponse', { currentTime: Date.now() });
        case 'cqm.SubscribeExConversations':
          subscribed = socket;
          return reply('cqm.SubscribeExConversationsResponse', { subscriptionId: stream.subscriptionId });
        default:
          return reply('.ReqBody$StringResp', 'OK');
      }
    });
  });

  const flood = () =>
    new Promise((resolve) => {
      const started = process.hrtime.bigint();
      let sent = 0;
      let maxBufferedBytes = 0;
      const turn = () => {
        const target = subscribed; // after a reconnect: the socket that subscribed again
        const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
        const due = Math.min(total, Math.floor((elapsedMs * rate) / 1000));
        // Past maxBufferedBytes the client is not reading: hold (as a real server's write buffer would),
        // so this process is not itself stalled by a huge write queue; the rate then drops (reported).
        const until = target.bufferedAmount > maxBufferedBytesLimit ? sent : Math.min(due, sent + burst);
        while (sent < until && target.readyState === target.OPEN) target.send(frames[sent++]);
        maxBufferedBytes = Math.max(maxBufferedBytes, target.bufferedAmount);
        if (sent < total && target.readyState === target.OPEN) return setImmediate(turn);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        resolve({ type: 'done', sent, seconds, maxBufferedBytes, expected, getClocks, sockets: socketCount, meanBytes: stream.summary().meanBytes });
      };
      turn();
    });

  server.on('listening', () => {
    process.on('message', async (message) => {
      if (message.cmd === 'flood') process.send(await flood());
      if (message.cmd === 'close') {
        for (const socket of sockets) socket.terminate();
        server.close(() => process.exit(0));
      }
    });
    process.send({ type: 'ready', port: server.address().port, frames: total });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send !== undefined) serve(JSON.parse(process.argv[2] ?? '{}'));
