/**
 * What the call session consumes: dialog changes, the consumer's intents, the call app's lpTag
 * events and the outcomes of the session's own publishes.
 */
import type { DialogEvent } from '../dialog/types';

/** Events the session publishes on lpTag app `lpCoBrowse`. */
export type SessionPublishEvent = 'cobrowseOffered' | 'cobrowseAccepted' | 'cobrowseDeclined' | 'sliderOpened';

/** One input of the call session. */
export type SessionEvent =
  /** A COBROWSE dialog changed (`dialog$`). Non-call dialogs are ignored. */
  | { readonly type: 'dialog'; readonly event: DialogEvent }
  /** The consumer accepts / declines an invitation. `at` (epoch ms, e.g. `scheduler.now()`) lets an already expired one be refused. */
  | { readonly type: 'accept' | 'decline'; readonly dialogId: string; readonly at?: number }
  /** `cobrowse` / `sessionError` from the call app. */
  | { readonly type: 'session-error'; readonly id: string; readonly message: string }
  /** `cobrowse` / `sessionResume`: an active call after a reload. `replayed`: it fired before we listened. */
  | { readonly type: 'resume'; readonly replayed: boolean }
  /** A publish the session asked for was made. */
  | { readonly type: 'published'; readonly event: SessionPublishEvent; readonly dialogId: string | undefined }
  /** A publish the session asked for failed (`field` for an invalid-data `PublishError`). */
  | {
      readonly type: 'publish-failed';
      readonly event: SessionPublishEvent;
      readonly dialogId: string | undefined;
      readonly field: string | undefined;
      readonly message: string;
    }
  /** The call-screen container could not be created. */
  | { readonly type: 'call-screen-failed'; readonly message: string };

/** A consumer intent, as {@link SessionEvent} carries it. */
export type SessionIntent = Extract<SessionEvent, { readonly type: 'accept' | 'decline' }>;

/** Why an accept/decline was refused (a value, never a crash). */
export type IntentRejectionReason =
  /** No session knows this dialog (never invited, or another session is running). */
  | 'unknown-invitation'
  /** The invitation expired (closed as expired, or `at` is past `expiresAt`). */
  | 'invitation-expired'
  /** The invitation was cancelled, ended or failed. */
  | 'invitation-closed'
  | 'already-accepted'
  | 'already-declined';

/** A refused consumer intent. */
export interface IntentRejection {
  readonly intent: 'accept' | 'decline';
  readonly dialogId: string;
  readonly reason: IntentRejectionReason;
}
