/** Shared fixtures of the dialog specs: wire JSON from the test kit, decoded by the real decoder. */
import { filter, map, mergeMap, type OperatorFunction, type SchedulerLike } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { callCore, type CallCoreConfig } from '../../lib/core/call-core';
import type { CallEvent } from '../../lib/core/types';
import { decode } from '../../lib/protocol';
import type { InboundFrame, JsonObject } from '../../lib/protocol/types';
import type { CallDialog, DialogEvent } from '../../lib/dialog/types';
import { callDialog, conversationUpsert, exConversationNotification, FRAME_DEFAULTS, frameText, mainDialog } from '../../lib/testing/frames';
import type { CallDialogOptions } from '../../lib/testing/frames';

export const CONV = FRAME_DEFAULTS.conversationId;
export const DIALOG = FRAME_DEFAULTS.dialogId;
export const SUB = FRAME_DEFAULTS.subscriptionId;

/** Wire JSON → JSON text → `decode`, as the client does; fails the test on a decode error. */
export function wire(json: JsonObject): InboundFrame {
  const result = decode(frameText(json));
  if (!result.ok) throw new Error(`fixture does not decode: ${result.error.message}`);
  return result.frame;
}

export interface SnapshotOptions {
  readonly conversationId?: string;
  readonly subscriptionId?: string;
  readonly stage?: string;
  /** Conversation `metaDataLastUpdateTs`; default: the newest dialog's. */
  readonly ts?: number;
}

/** One notification carrying one conversation snapshot: the MAIN dialog plus `dialogs`. */
export function snapshot(dialogs: readonly JsonObject[], options: SnapshotOptions = {}): InboundFrame {
  const conversationId = options.conversationId ?? CONV;
  const dialogTs = dialogs.map((d) => d['metaDataLastUpdateTs']).filter((ts) => typeof ts === 'number');
  return wire(
    exConversationNotification({
      subscriptionId: options.subscriptionId ?? SUB,
      changes: [
        conversationUpsert({
          conversationId,
          dialogs: [mainDialog({ conversationId, creationTs: 0 }), ...dialogs],
          stage: options.stage,
          metaDataLastUpdateTs: options.ts ?? Math.max(0, ...dialogTs),
        }),
      ],
    }),
  );
}

/** A COBROWSE dialog created at 0 that expires at `expiresAt` (default 1000); `ts` is its `metaDataLastUpdateTs`. */
export function dialog(options: CallDialogOptions & { readonly ts?: number } = {}): JsonObject {
  return callDialog({ creationTs: 0, expiresAt: 1000, metaDataLastUpdateTs: options.ts ?? 1, ...options });
}

const KIND: { readonly [mode: string]: CallDialog['kind'] } = { VOICE_CALL: 'voice', VIDEO_CALL: 'video', shared: 'shared', view: 'view', follow: 'follow' };

/** The `CallDialog` expected for `dialog(options)` (written out independently of the code under test). */
export function expected(options: CallDialogOptions & { readonly ts?: number; readonly conversationId?: string } = {}): CallDialog {
  const mode = options.mode === null ? undefined : (options.mode ?? 'VIDEO_CALL');
  const sessionState = options.sessionState === null ? undefined : (options.sessionState ?? 'INVITED');
  const kind = (mode === undefined ? undefined : KIND[mode]) ?? 'unknown';
  return {
    dialogId: options.dialogId ?? DIALOG,
    conversationId: options.conversationId ?? CONV,
    kind,
    isCall: kind === 'voice' || kind === 'video',
    mode,
    sessionState,
    dialogState: options.state === null ? undefined : (options.state ?? (sessionState === 'CLOSED' ? 'CLOSE' : 'OPEN')),
    serviceId: options.serviceId === null ? undefined : (options.serviceId ?? FRAME_DEFAULTS.serviceId),
    // Without dialog participants, the conversation's ASSIGNED_AGENT is the fallback.
    agentId: options.agentId === null ? FRAME_DEFAULTS.agentPid : (options.agentId ?? FRAME_DEFAULTS.agentId),
    expiresAt: options.expiresAt === null ? undefined : (options.expiresAt ?? 1000),
    creationTs: 0,
    metaDataLastUpdateTs: options.ts ?? 1,
    notificationKey: options.notificationKey ?? undefined,
  };
}

/** A scheduler whose clock reads `epoch + virtual time` (to replay the seed's real timestamps). */
export function epochScheduler(scheduler: TestScheduler, epoch: number): SchedulerLike {
  return { now: () => epoch + scheduler.now(), schedule: scheduler.schedule.bind(scheduler) };
}

type DialogCallEvent = Extract<CallEvent, { readonly type: 'dialog' }>;
const isDialogEvent = (event: CallEvent): event is DialogCallEvent => event.type === 'dialog';

/**
 * The dialog events of the call core's steps: what `dialog$` says (every COBROWSE dialog change
 * as the server told it), without `callStreams`' sharing. State per subscription, like the core.
 *
 * ```text
 * frames:  --i--a--c--|
 * result:  --I--A--C--|
 * ```
 */
export function dialogEvents(config: CallCoreConfig = {}): OperatorFunction<InboundFrame, DialogEvent> {
  return (frame$) =>
    frame$.pipe(
      callCore(config),
      mergeMap((step) => step.events),
      filter(isDialogEvent),
      map(({ event }) => event),
    );
}
