// Latency: emulator → `invitation$` of createCallClient over loopback, next to the same emulator →
// a raw `ws` consumer's `message` event, measured in the same run. Each sample: the agent invites
// (t0), the consumer sees the invitation (t1); then the agent cancels and we wait for that too.
// For the client, a second figure: from the moment the frame naming the INVITED dialog reaches the
// socket's `message` event (a listener registered before the library's own) to the moment the
// host's `invitation$` handler runs — the library's own share of the wait, whatever the network did.
// Blocks of BLOCK invitations alternate between the two consumers; the first WARMUP of each are
// not recorded. A conversation is closed and a new one requested every ROTATE calls (closed call
// dialogs stay in a snapshot, as on LivePerson: frames would otherwise grow without end).
import { callClient, clientConversation, rawConsumer, startEmulator, whenOpen } from './consumers.mjs';
import { ws } from './lib.mjs';
import { log, median, nowMs, percentile, round, section } from './measure.mjs';

const SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 5_000);
const WARMUP = 200;
const BLOCK = 100;
const ROTATE = 5;

/** Waits for `predicate` to resolve a value pushed by `register`. */
function waiter() {
  const waiting = new Map();
  return {
    wait: (key) => new Promise((resolve) => waiting.set(key, resolve)),
    settle(key, value) {
      const resolve = waiting.get(key);
      if (resolve !== undefined) {
        waiting.delete(key);
        resolve(value);
      }
    },
  };
}

function stats(samples) {
  const us = samples.map((ms) => ms * 1000);
  return { samples: us.length, p50Us: round(percentile(us, 50), 1), p99Us: round(percentile(us, 99), 1), p999Us: round(percentile(us, 99.9), 1), maxUs: round(Math.max(...us), 1), meanUs: round(us.reduce((a, b) => a + b, 0) / us.length, 1), medianUs: round(median(us), 1) };
}

section(async () => {
  let recording = false;
  const emu = await startEmulator();
  try {
    // The raw consumer: invitation = the first frame naming the dialog as INVITED.
    const raw = await rawConsumer(emu);
    const rawInvited = waiter();
    const rawClosed = waiter();
    raw.onMessage((text, at) => {
      // `at` was taken on arrival; what the frame says is looked at afterwards.
      const frame = JSON.parse(text);
      if (frame.type !== 'cqm.ExConversationChangeNotification') return;
      for (const change of frame.body.changes) {
        for (const dialog of change.result?.conversationDetails?.dialogs ?? []) {
          if (dialog.channelType !== 'COBROWSE') continue;
          if (dialog.metaData.sessionState === 'INVITED') rawInvited.settle(dialog.dialogId, at);
          if (dialog.metaData.sessionState === 'CLOSED') rawClosed.settle(dialog.dialogId, at);
        }
      }
    });

    // The library's socket, with a listener of ours registered first: it stamps every frame's
    // arrival before the library sees it, and keeps the last few (stamp, text) pairs. The handler
    // finds the frame that first named its dialog INVITED among them — after taking its own stamp,
    // so finding it costs the measurement nothing.
    const arrivals = [];
    const webSocketFactory = (url) => {
      const socket = new ws.WebSocket(url);
      socket.addEventListener('message', (event) => {
        arrivals.push(nowMs(), event.data);
        if (arrivals.length > 64) arrivals.splice(0, 2);
      });
      return socket;
    };
    const arrivalOf = (dialogId) => {
      for (let i = 0; i < arrivals.length; i += 2) {
        const text = String(arrivals[i + 1]);
        if (text.includes(dialogId) && text.includes('"INVITED"')) return arrivals[i];
      }
      return undefined;
    };
    const { client } = callClient(emu, { webSocketFactory });
    const handlerDelays = [];
    const clientInvited = waiter();
    const clientClosed = waiter();
    const subscriptions = [
      client.invitation$.subscribe((invitation) => {
        const at = nowMs();
        const arrived = arrivalOf(invitation.dialogId);
        if (arrived !== undefined && recording) handlerDelays.push(at - arrived);
        clientInvited.settle(invitation.dialogId, at);
      }),
      client.closed$.subscribe(({ dialog }) => clientClosed.settle(dialog.dialogId, nowMs())),
    ];
    await whenOpen(client);

    const sides = [
      { name: 'raw ws', conversation: () => raw.newConversation(), invited: rawInvited, closed: rawClosed, samples: [], calls: 0, conversationId: undefined },
      { name: 'createCallClient invitation$', conversation: () => clientConversation(client), invited: clientInvited, closed: clientClosed, samples: [], calls: 0, conversationId: undefined },
    ];

    const one = async (side, record) => {
      if (side.calls % ROTATE === 0) {
        if (side.conversationId !== undefined) emu.agent.closeConversation({ conversationId: side.conversationId });
        side.conversationId = await side.conversation();
      }
      side.calls += 1;
      const t0 = nowMs();
      const { dialogId } = emu.agent.invite({ mode: 'VIDEO_CALL', conversationId: side.conversationId });
      const t1 = await side.invited.wait(dialogId);
      if (record) side.samples.push(t1 - t0);
      const closed = side.closed.wait(dialogId);
      emu.agent.cancel({ conversationId: side.conversationId, dialogId });
      await closed;
    };

    for (const side of sides) for (let i = 0; i < WARMUP; i++) await one(side, false);
    recording = true;
    const started = nowMs();
    for (let block = 0; sides.some((s) => s.samples.length < SAMPLES); block++) {
      const side = sides[block % 2];
      for (let i = 0; i < BLOCK && side.samples.length < SAMPLES; i++) await one(side, true);
    }
    log(`latency: ${2 * SAMPLES} invitations in ${((nowMs() - started) / 1000).toFixed(1)} s`);
    subscriptions.forEach((s) => s.unsubscribe());
    raw.close();
    const [rawStats, clientStats] = sides.map((s) => stats(s.samples));
    return {
      raw: rawStats,
      client: clientStats,
      p99OverRawUs: round(clientStats.p99Us - rawStats.p99Us, 1),
      p50OverRawUs: round(clientStats.p50Us - rawStats.p50Us, 1),
      // From the frame's arrival at the socket to the host's invitation$ handler (client only).
      arrivalToHandler: stats(handlerDelays),
    };
  } finally {
    await emu.close();
  }
});
