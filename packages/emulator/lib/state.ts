/**
 * `state()`: a JSON view of everything the emulator holds (what `GET /emulator/state` answers and the
 * agent console shows). Conversations and dialogs in their wire shape, plus what the wire does not
 * say: how each call went (`call.outcome`), its media sides, the connections, accounts and call script.
 */
import type { JsonObject } from './json';
import type { AccountControl } from './accounts';
import type { CallHub } from './call-hub';
import type { CallScript } from './call-script';
import type { EmulatorCore } from './core';
import { conversationDetails, dialogWire } from './snapshots';
import type { CallEnd, CobrowseSession } from './store';
import type { EmulatorState } from './types';

const ENDS: Readonly<Record<CallEnd, string>> = {
  cancel: 'cancelled by the agent',
  expire: 'expired',
  hangup: 'hung up by the agent',
  decline: 'declined by the visitor',
  consumer: 'ended by the visitor',
  failed: 'failed',
  'conversation-closed': 'conversation closed',
};

/** One line saying where a call stands, e.g. `invited`, `in call`, `declined by the visitor`, `failed: NO_CAMERA_ACCESS`. */
export function callOutcome(session: CobrowseSession): string {
  if (session.end !== undefined) return session.end.detail === undefined ? ENDS[session.end.how] : `${ENDS[session.end.how]}: ${session.end.detail}`;
  if (session.sessionState === 'INVITED') return 'invited';
  return session.updates.includes('joined') ? 'in call' : 'accepted';
}

export function emulatorState(core: EmulatorCore, hub: CallHub, accounts: AccountControl, script: CallScript): EmulatorState {
  const { store, agent } = core;
  const conversations: JsonObject[] = store.all().map((c) => ({
    convId: c.convId,
    accountId: c.accountId,
    consumerId: c.consumerId,
    deleted: c.deleted,
    conversationDetails: conversationDetails(c, agent, true),
  }));
  const media = hub.describe();
  const dialogs = store.all().flatMap((c) =>
    c.dialogs.map((d): JsonObject => {
      const session = d.cobrowse;
      if (session === undefined) return { conversationId: c.convId, dialog: dialogWire(c, d, agent) };
      const side = media.calls.find((m) => m['serviceId'] === session.serviceId);
      const call: JsonObject = { outcome: callOutcome(session), end: session.end?.how ?? null, updates: [...session.updates], media: side ?? null };
      return { conversationId: c.convId, dialog: dialogWire(c, d, agent), call };
    }),
  );
  return {
    conversations,
    dialogs,
    connections: [...core.sockets].map((s) => s.describe()),
    accounts: { known: [...accounts.list()], permissive: accounts.permissive },
    calls: { script: { ...script }, pages: media.peers },
    retained: {
      tokens: core.tokens.size(),
      consumers: core.forgetting.size(),
      conversations: store.all().length,
      sockets: core.sockets.size,
      timers: core.timerCount(),
      pages: hub.size().pages,
      calls: hub.size().calls,
    },
    closedSockets: { ...core.closedSockets() },
  };
}
