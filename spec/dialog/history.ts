/**
 * A random valid call history (the model) and its delivery as wire frames (reconnects, losses,
 * duplicates, reordering): shared by the dialog property specs.
 */
import fc from 'fast-check';
import { mergeMap, Subject, VirtualTimeScheduler } from 'rxjs';
import { callCore } from '../../lib/core/call-core';
import { callStreams } from '../../lib/core/streams';
import type { ClosedCall } from '../../lib/core/types';
import type { CloseReason, DialogEvent } from '../../lib/dialog/types';
import type { InboundFrame, JsonObject } from '../../lib/protocol/types';
import { callDialog, conversationDelete, conversationUpsert, exConversationNotification, mainDialog } from '../../lib/testing/frames';

// ─── A valid call history (the model) ────────────────────────────────────────────────────────────

export type Action =
  | { readonly kind: 'invite'; readonly dialog: number; readonly conversation: number; readonly mode: string }
  | { readonly kind: 'accept'; readonly dialog: number }
  | { readonly kind: 'close'; readonly dialog: number; readonly vanish: boolean }
  | { readonly kind: 'closeConversation'; readonly conversation: number }
  | { readonly kind: 'deleteConversation'; readonly conversation: number };

type Phase = 'INVITED' | 'ACCEPTED' | 'JOINED' | 'CLOSED' | 'VANISHED';
interface DialogModel { readonly id: string; readonly conversation: string; readonly mode: string; phase: Phase; ts: number }
interface ConversationModel { readonly id: string; readonly dialogs: DialogModel[]; closed: boolean; deleted: boolean; ts: number }

export const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('invite' as const), dialog: fc.nat(3), conversation: fc.nat(1), mode: fc.constantFrom('VIDEO_CALL', 'VOICE_CALL', 'shared', 'view', 'follow') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('accept' as const), dialog: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('close' as const), dialog: fc.nat(3), vanish: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('closeConversation' as const), conversation: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteConversation' as const), conversation: fc.nat(1) }) },
);

function dialogJson(d: DialogModel): JsonObject {
  const sessionState = d.phase === 'JOINED' ? 'ACCEPTED' : d.phase;
  const notificationKey = d.phase === 'ACCEPTED' ? 'accepted' : d.phase === 'JOINED' ? 'joined' : undefined;
  return callDialog({ dialogId: d.id, mode: d.mode, sessionState, notificationKey, creationTs: 0, expiresAt: null, metaDataLastUpdateTs: d.ts }); // no expiry (covered by the marble specs)
}

function upsert(c: ConversationModel): JsonObject {
  const stage = c.closed ? 'CLOSE' : 'OPEN';
  const dialogs = c.dialogs.filter((d) => d.phase !== 'VANISHED').map(dialogJson);
  return conversationUpsert({ conversationId: c.id, dialogs: [mainDialog({ conversationId: c.id, creationTs: 0 }), ...dialogs], state: stage, stage, metaDataLastUpdateTs: c.ts });
}

/** Plays the actions (invalid ones are skipped); returns one change per step and the final model. */
export function play(actions: readonly Action[]) {
  const conversations = new Map<string, ConversationModel>();
  const dialogs = new Map<string, DialogModel>();
  const steps: { readonly change: JsonObject; readonly listing: readonly JsonObject[] }[] = [];
  const listing = () => [...conversations.values()].filter((c) => !c.deleted).map(upsert);
  const open = (c: ConversationModel | undefined) => c !== undefined && !c.closed && !c.deleted;
  for (const action of actions) {
    const ts = steps.length + 1;
    let conversation: ConversationModel | undefined;
    if (action.kind === 'invite') {
      const id = `conv-${action.conversation}`;
      conversation = conversations.get(id) ?? { id, dialogs: [], closed: false, deleted: false, ts };
      if (dialogs.has(`d-${action.dialog}`) || !open(conversation)) continue;
      const dialog: DialogModel = { id: `d-${action.dialog}`, conversation: id, mode: action.mode, phase: 'INVITED', ts };
      conversations.set(id, conversation);
      dialogs.set(dialog.id, dialog);
      conversation.dialogs.push(dialog);
    } else if (action.kind === 'accept' || action.kind === 'close') {
      const dialog = dialogs.get(`d-${action.dialog}`);
      conversation = dialog && conversations.get(dialog.conversation);
      if (!dialog || !open(conversation) || dialog.phase === 'CLOSED' || dialog.phase === 'VANISHED') continue;
      if (action.kind === 'accept' && dialog.phase === 'JOINED') continue;
      dialog.phase = action.kind === 'close' ? (action.vanish ? 'VANISHED' : 'CLOSED') : dialog.phase === 'INVITED' ? 'ACCEPTED' : 'JOINED';
      dialog.ts = ts;
    } else {
      conversation = conversations.get(`conv-${action.conversation}`);
      if (!conversation || conversation.deleted || (action.kind === 'closeConversation' && conversation.closed)) continue;
      if (action.kind === 'closeConversation') conversation.closed = true;
      else conversation.deleted = true;
    }
    if (!conversation) continue;
    conversation.ts = ts;
    const change = conversation.deleted ? conversationDelete(conversation.id) : upsert(conversation);
    steps.push({ change, listing: listing() }); // the listing a re-subscribe right after this step would get
  }
  return { steps, dialogs: [...dialogs.values()], conversations };
}

// ─── Delivery: reconnects (new subscriptionId + full listing), losses, duplicates, reordering ─────

/** The arbitraries of a delivery: reconnect cuts, copies (delivery offsets) and losses, one per step. */
export const deliveryArb = fc.tuple(
  fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
  fc.array(fc.array(fc.nat(4), { minLength: 1, maxLength: 3 }), { minLength: 25, maxLength: 25 }),
  fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
);

/**
 * Segments separated by reconnects (`cuts[i]`: before step i). Each segment starts with a full
 * listing under a new subscriptionId; within it, frames are duplicated and shuffled (`copies[i]`:
 * one delivery offset per copy). A step followed by a reconnect may be lost (`lost[i]`): it
 * happened while the socket was down, and only the listing tells.
 */
export function deliver(steps: ReturnType<typeof play>['steps'], cuts: readonly boolean[], copies: readonly (readonly number[])[], lost: readonly boolean[]): JsonObject[] {
  const reconnectAfter = (i: number) => cuts.slice(i + 1, steps.length).some(Boolean);
  const frames: JsonObject[] = [exConversationNotification({ subscriptionId: 'sub-0', changes: [] })];
  let segment: { readonly at: number; readonly frame: JsonObject }[] = [];
  let subscription = 0;
  const flush = () => {
    frames.push(...segment.sort((a, b) => a.at - b.at).map((s) => s.frame));
    segment = [];
  };
  steps.forEach((step, i) => {
    if (cuts[i] === true && i > 0) {
      flush();
      subscription += 1;
      const previous = steps[i - 1];
      frames.push(exConversationNotification({ subscriptionId: `sub-${subscription}`, changes: previous ? [...previous.listing] : [] }));
    }
    if (lost[i] === true && reconnectAfter(i)) return;
    const frame = exConversationNotification({ subscriptionId: `sub-${subscription}`, changes: [step.change] });
    for (const [k, offset] of (copies[i] ?? [0]).entries()) segment.push({ at: i + offset + k / 10, frame });
  });
  flush();
  return frames;
}

// ─── The streams under test ──────────────────────────────────────────────────────────────────────

/** One event of the call view, as a label: `invitation:<id>`, `accepted:<id>` or `closed:<id>:<reason>`. */
export type CallLabel = `invitation:${string}` | `accepted:${string}` | `closed:${string}:${ClosedCall['reason']}`;

/**
 * Runs `frames` through `callCore` and `callStreams`, in virtual time, with every view held:
 * - the dialog view: `dialog$` (`events`), split by type per dialog (`invited`, `accepted`, `closed`);
 * - the call view: `invitation$`, `accepted$` and `closed$`, each as the stream said it
 *   (`invitations`, `acceptedCalls`, `closedCalls`), and all three in the order the steps told
 *   them (`calls`, read from `step$`).
 */
export function observe(frames: readonly InboundFrame[]) {
  const sourceSubject$ = new Subject<InboundFrame>();
  const { step$, dialog$, invitation$, accepted$, closed$ } = callStreams(sourceSubject$.pipe(callCore({ scheduler: new VirtualTimeScheduler() })));
  const out = {
    events: [] as DialogEvent[],
    invited: [] as string[],
    accepted: [] as string[],
    closed: [] as { id: string; reason: CloseReason }[],
    calls: [] as CallLabel[],
    invitations: [] as string[],
    acceptedCalls: [] as string[],
    closedCalls: [] as { id: string; reason: ClosedCall['reason'] }[],
  };
  const subscriptions = [
    dialog$.subscribe((e) => {
      out.events.push(e);
      if (e.type === 'invited') out.invited.push(e.dialog.dialogId);
      else if (e.type === 'accepted') out.accepted.push(e.dialog.dialogId);
      else if (e.type === 'closed') out.closed.push({ id: e.dialog.dialogId, reason: e.reason });
    }),
    step$.pipe(mergeMap((step, index) => (index === 0 ? [] : step.events))).subscribe((e) => {
      if (e.type === 'invitation') out.calls.push(`invitation:${e.invitation.dialogId}`);
      else if (e.type === 'accepted') out.calls.push(`accepted:${e.call.dialogId}`);
      else if (e.type === 'closed') out.calls.push(`closed:${e.call.dialog.dialogId}:${e.call.reason}`);
    }),
    invitation$.subscribe((d) => out.invitations.push(d.dialogId)),
    accepted$.subscribe((d) => out.acceptedCalls.push(d.dialogId)),
    closed$.subscribe((c) => out.closedCalls.push({ id: c.dialog.dialogId, reason: c.reason })),
  ];
  frames.forEach((frame) => sourceSubject$.next(frame));
  sourceSubject$.complete();
  subscriptions.forEach((s) => s.unsubscribe());
  return out;
}
