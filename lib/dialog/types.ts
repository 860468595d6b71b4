/**
 * The call-domain view of COBROWSE dialogs: what `dialog$`, `invitation$`, `accepted$` and
 * `closed$` carry. Pure types, shared by the dialog operators, the call session and the client.
 */
import type { CobrowseMode, NotificationKey, SessionState } from 'lp-call-streams/protocol';

/**
 * What the agent asked for. Calls: `voice` / `video`. Co-browse modes stay distinct (`shared`,
 * `view`, `follow`) — a co-browse invitation is never a call invitation. `unknown` keeps an
 * undocumented mode from being mistaken for either.
 */
export type DialogKind = 'voice' | 'video' | 'shared' | 'view' | 'follow' | 'unknown';

/** One COBROWSE dialog, as of its latest accepted snapshot. */
export interface CallDialog {
  /** The dialog's id (unique across conversations). */
  readonly dialogId: string;
  /** The conversation it belongs to. */
  readonly conversationId: string;
  /** What the agent asked for: a voice or video call, or a co-browse mode. */
  readonly kind: DialogKind;
  /** True for `voice` and `video`. */
  readonly isCall: boolean;
  /** The mode string exactly as on the wire (e.g. `VIDEO_CALL`), needed for lpCoBrowse events. */
  readonly mode: CobrowseMode | undefined;
  /** `INVITED`, `ACCEPTED`, `CLOSED` (or an undocumented one), as the server said last. */
  readonly sessionState: SessionState | undefined;
  /** Dialog-level `state` (`OPEN` / `CLOSE`). */
  readonly dialogState: string | undefined;
  /** Pass to `lpCoBrowse` events; matches consumer and agent. */
  readonly serviceId: string | undefined;
  /** The agent id to put into `lpCoBrowse` events (see the README for where it comes from). */
  readonly agentId: string | undefined;
  /** Invitation expiry, epoch milliseconds (the wire's `expires` is seconds). */
  readonly expiresAt: number | undefined;
  /** When the dialog was created (epoch ms). */
  readonly creationTs: number | undefined;
  /** When its metadata last changed (epoch ms): orders the snapshots. */
  readonly metaDataLastUpdateTs: number | undefined;
  /** The server's sub-state (`invited`, `accepted`, `joined`, `cancel_invitation`), when it sends one. */
  readonly notificationKey: NotificationKey | undefined;
}

/** Why a dialog ended. */
export type CloseReason =
  /** Closed after it was ACCEPTED: the call ended. */
  | 'hangup'
  /** Closed while INVITED, before `expiresAt`: the agent withdrew it. */
  | 'cancelled'
  /** `expiresAt` passed (or the close arrived at/after it) while INVITED. */
  | 'expired'
  /** We declined it (the consumer pressed "decline"). */
  | 'declined'
  /** It reached ACCEPTED although this client never accepted it: the consumer answered in another tab or on another device. */
  | 'answered-elsewhere'
  /** The whole conversation closed or was deleted. */
  | 'conversation-closed'
  /** It closed, and nothing tells why. */
  | 'unknown';

/** An open, unexpired invitation (sessionState INVITED). */
export interface CallInvitation extends CallDialog {
  /** Always `INVITED`. */
  readonly sessionState: 'INVITED';
}

/** A dialog the invitee accepted (emitted once per dialog, although LivePerson sends ACCEPTED twice). */
export interface AcceptedCall extends CallDialog {
  /** Always `ACCEPTED`. */
  readonly sessionState: 'ACCEPTED';
}

/** One change of one COBROWSE dialog: what `dialog$` emits. */
export type DialogEvent =
  | { readonly type: 'invited'; readonly dialog: CallInvitation }
  | { readonly type: 'accepted'; readonly dialog: AcceptedCall }
  /** Any other accepted change of an open dialog (e.g. ACCEPTED again with `notificationKey: joined`). */
  | { readonly type: 'updated'; readonly dialog: CallDialog }
  | { readonly type: 'closed'; readonly dialog: CallDialog; readonly reason: CloseReason };
