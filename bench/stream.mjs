// A seeded, realistic stream of `cqm.ExConversationChangeNotification` text frames, the way a page
// (or an agent-side / load-test process) holding many calls sees them:
//
//   - every frame is a WHOLE conversation snapshot (MAIN dialog with participantsDetails, ttr,
//     context, campaign, every COBROWSE dialog the conversation ever had), ~2.5 KB;
//   - ~20 % are state changes (invite, accept, join, hang up, cancel, conversation close, DELETE),
//     keeping ~`inFlight` calls open at once;
//   - ~70 % are re-sent or OLDER snapshots of a recently changed conversation (duplicates, reordering);
//   - ~10 % are updates of conversations without any COBROWSE dialog (plain messaging).
//
// Deterministic: the same seed gives the same frames and the same ground truth. The generator is
// an iterator of slices so the stream never has to sit in memory whole.
//
// Ground truth: every state change says which event the dialog streams must emit for it
// (`invited`, `accepted`, `updated`, `closed` + reason); re-sends and messaging updates emit nothing.

/** mulberry32: a tiny seeded PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (random, n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(random() * 16)];
  return s;
};
const uuid = (random) => `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-8${hex(random, 3)}-${hex(random, 12)}`;

const ACCOUNT = 'le83624296';
const T0 = 1_767_225_600_000;
const TTL_MS = 120_000;

/** Defaults: the stream. */
export const STREAM_DEFAULTS = { seed: 20_240_601, frames: 200_000, inFlight: 1_000, stateChangeShare: 0.2, messagingShare: 0.1, frameMs: 1, t0: T0 };

/**
 * Creates the stream. `next(n)` returns up to n frames `{ text, now, expected }` where `expected`
 * is the list of events `[type, dialogId, reason?]` the frame must produce (usually empty).
 * `summary()` after the end: totals of the ground truth.
 */
export function createStream(options = {}) {
  const o = { ...STREAM_DEFAULTS, ...options };
  const random = prng(o.seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const subscriptionId = uuid(random);
  const agents = Array.from({ length: 40 }, (_, i) => ({ pid: uuid(random), numeric: String(356_285_412 + i) }));

  let ts = o.t0; // strictly increasing metaDataLastUpdateTs
  let index = 0;
  const conversations = []; // open conversations that have a call dialog or may get one
  const inFlight = []; // conversations with an open call
  const idle = []; // open conversations without an open call
  const recent = []; // conversations recently changed (incl. closed ones): replay candidates
  const messaging = []; // conversations without any COBROWSE dialog
  const closedPendingDelete = [];
  const totals = { frames: 0, bytes: 0, invited: 0, accepted: 0, updated: 0, closed: 0, dialogs: 0, reasons: {} };

  const newConversation = (withCalls) => {
    const agent = pick(agents);
    const c = {
      id: uuid(random),
      consumer: uuid(random),
      agent,
      skillId: String(3_801_636_938 + Math.floor(random() * 20)),
      appInstallId: uuid(random),
      startTs: ts,
      ts,
      stage: 'OPEN',
      closeReason: undefined,
      calls: [],
      snapshots: [], // the last few texts sent (older ones are replayed)
      withCalls,
    };
    if (withCalls) conversations.push(c);
    return c;
  };

  const callJson = (c, d) => ({
    dialogId: d.id,
    participants: [c.consumer, `${ACCOUNT}.${c.agent.numeric}`],
    dialogType: 'OTHER',
    channelType: 'COBROWSE',
    metaData: {
      serviceId: `${c.consumer}#${d.service}`,
      mode: d.mode,
      expires: d.expiresAt / 1000,
      sessionState: d.sessionState,
      dialogId: d.id,
      ...(d.notificationKey === undefined ? {} : { notificationKey: d.notificationKey }),
      callLink: `https://${ACCOUNT}.va.cobrowse.liveperson.net/join-call/${c.consumer}%23${d.service}?skillId=${c.skillId}`,
    },
    state: d.sessionState === 'CLOSED' ? 'CLOSE' : 'OPEN',
    creationTs: d.created,
    metaDataLastUpdateTs: d.ts,
    ...(d.sessionState === 'CLOSED' ? { endTs: d.ts, closedBy: d.closedBy, closedCause: d.closedBy === 'AGENT' ? 'Completed' : 'Closed by consumer' } : {}),
  });

  const snapshotText = (c) =>
    JSON.stringify({
      kind: 'notification',
      type: 'cqm.ExConversationChangeNotification',
      body: {
        subscriptionId,
        sentTs: ts,
        changes: [
          {
            type: 'UPSERT',
            result: {
              convId: c.id,
              effectiveTTR: -1,
              conversationDetails: {
                skillId: c.skillId,
                brandId: ACCOUNT,
                participants: [
                  { id: c.consumer, role: 'CONSUMER' },
                  { id: c.agent.pid, role: 'ASSIGNED_AGENT' },
                ],
                dialogs: [
                  {
                    dialogId: c.id,
                    participantsDetails: [
                      { id: c.consumer, role: 'CONSUMER', state: 'ACTIVE' },
                      { id: c.agent.pid, role: 'ASSIGNED_AGENT', state: 'ACTIVE' },
                    ],
                    dialogType: 'MAIN',
                    channelType: 'MESSAGING',
                    metaData: { appInstallId: c.appInstallId },
                    state: c.stage,
                    creationTs: c.startTs,
                    metaDataLastUpdateTs: c.ts,
                  },
                  ...c.calls.map((d) => callJson(c, d)),
                ],
                state: c.stage,
                stage: c.stage,
                ...(c.closeReason === undefined ? {} : { closeReason: c.closeReason, endTs: c.ts }),
                startTs: c.startTs,
                metaDataLastUpdateTs: c.ts,
                firstConversation: false,
                ttr: { ttrType: 'NORMAL', value: 3600 },
                campaignInfo: { campaignId: 3_744_542_210, engagementId: 3_744_557_910 },
                context: {
                  type: 'SharkContext',
                  lang: 'en-US',
                  clientProperties: { type: '.ClientProperties', appId: 'webAsync', ipAddress: '203.0.113.17', deviceFamily: 'DESKTOP', os: 'WINDOWS', osVersion: '10', integration: 'WEB_SDK', integrationVersion: '3.0.71', browser: 'CHROME', browserVersion: '131.0.0.0', features: ['CO_BROWSE', 'PHOTO_SHARING', 'QUICK_REPLIES', 'MARKDOWN_HYPERLINKS', 'AUTO_MESSAGES', 'MULTI_DIALOG', 'FILE_SHARING', 'RICH_CONTENT'] },
                  visited: true,
                  interactionContextId: '2',
                },
                conversationHandlerDetails: { accountId: ACCOUNT, skillId: c.skillId },
              },
            },
          },
        ],
      },
    });

  const deleteText = (c) =>
    JSON.stringify({ kind: 'notification', type: 'cqm.ExConversationChangeNotification', body: { subscriptionId, sentTs: ts, changes: [{ type: 'DELETE', result: { convId: c.id } }] } });

  const remember = (c, text) => {
    c.snapshots.push(text);
    if (c.snapshots.length > 4) c.snapshots.shift();
    recent.push(c);
    if (recent.length > 2 * o.inFlight) recent.shift();
  };
  const send = (c) => {
    ts += 1;
    c.ts = ts;
    const text = snapshotText(c);
    remember(c, text);
    return text;
  };
  const removeFrom = (list, c) => {
    const i = list.indexOf(c);
    if (i >= 0) {
      list[i] = list[list.length - 1];
      list.pop();
    }
  };

  /** One state change: the frame text and the events it must cause. */
  const stateChange = (now) => {
    if (closedPendingDelete.length > 0 && random() < 0.05) {
      const c = closedPendingDelete.shift();
      ts += 1;
      return { text: deleteText(c), expected: [] };
    }
    if (inFlight.length < o.inFlight) {
      // Invite: in an idle open conversation, or a new one.
      const c = idle.length > 0 && random() < 0.5 ? idle.pop() : newConversation(true);
      const d = { id: uuid(random), service: uuid(random), mode: random() < 0.7 ? 'VIDEO_CALL' : 'VOICE_CALL', created: ts + 1, ts: ts + 1, expiresAt: now + TTL_MS, sessionState: 'INVITED', notificationKey: 'invited', closedBy: undefined };
      c.calls.push(d);
      c.open = d;
      inFlight.push(c);
      totals.dialogs += 1;
      d.ts = ts + 1;
      return { text: send(c), expected: [['invited', d.id]] };
    }
    const c = pick(inFlight);
    const d = c.open;
    d.ts = ts + 1;
    let expected;
    if (d.sessionState === 'INVITED') {
      if (random() < 0.7) {
        d.sessionState = 'ACCEPTED';
        d.notificationKey = 'accepted';
        expected = [['accepted', d.id]];
      } else {
        d.sessionState = 'CLOSED';
        d.notificationKey = 'cancel_invitation';
        d.closedBy = 'AGENT';
        expected = [['closed', d.id, 'cancelled']];
      }
    } else if (d.notificationKey === 'accepted') {
      d.notificationKey = 'joined';
      expected = [['updated', d.id]];
    } else if (random() < 0.8) {
      d.sessionState = 'CLOSED';
      d.notificationKey = undefined;
      d.closedBy = random() < 0.5 ? 'AGENT' : 'CONSUMER';
      expected = [['closed', d.id, 'hangup']];
    } else {
      // The agent closes the whole conversation: the call ends with it.
      d.sessionState = 'CLOSED';
      d.notificationKey = undefined;
      d.closedBy = 'AGENT';
      c.stage = 'CLOSE';
      c.closeReason = 'AGENT';
      expected = [['closed', d.id, 'conversation-closed']];
    }
    if (d.sessionState === 'CLOSED') {
      c.open = undefined;
      removeFrom(inFlight, c);
      if (c.stage === 'CLOSE') closedPendingDelete.push(c);
      else if (c.calls.length < 4) idle.push(c);
    }
    return { text: send(c), expected };
  };

  const replay = () => {
    const c = pick(recent);
    // Half exact re-sends of the latest snapshot, half older snapshots (reordered / replayed).
    const text = random() < 0.5 || c.snapshots.length < 2 ? c.snapshots[c.snapshots.length - 1] : c.snapshots[Math.floor(random() * (c.snapshots.length - 1))];
    return { text, expected: [] };
  };

  const messagingUpdate = () => {
    const c = messaging.length < 500 ? newConversation(false) : pick(messaging);
    if (messaging.length < 500) messaging.push(c);
    return { text: send(c), expected: [] };
  };

  const frame = () => {
    const now = o.t0 + index * o.frameMs;
    index += 1;
    const r = random();
    const item = recent.length === 0 || r < o.stateChangeShare ? stateChange(now) : r < o.stateChangeShare + o.messagingShare ? messagingUpdate() : replay();
    totals.frames += 1;
    totals.bytes += item.text.length;
    for (const [type, , reason] of item.expected) {
      totals[type] += 1;
      if (reason !== undefined) totals.reasons[reason] = (totals.reasons[reason] ?? 0) + 1;
    }
    return { text: item.text, now, expected: item.expected };
  };

  return {
    /** Up to `n` next frames (fewer at the end). */
    next(n) {
      const out = [];
      while (out.length < n && index < o.frames) out.push(frame());
      return out;
    },
    get done() {
      return index >= o.frames;
    },
    get dialogsSeen() {
      return totals.dialogs;
    },
    summary: () => ({ ...totals, reasons: { ...totals.reasons }, meanBytes: Math.round(totals.bytes / Math.max(1, totals.frames)) }),
    subscriptionId,
  };
}
