/**
 * What the call session consumes: dialog changes, the consumer's intents, the call app's lpTag
 * events and the outcomes of the session's own publishes.
 */
import type { CallDialog, DialogEvent } from '../dialog/types';

/** Events the session publishes on lpTag app `lpCoBrowse`. */
export type SessionPublishEvent = 'cobrowseOffered' | 'cobrowseAccepted' | 'cobrowseDeclined' | 'sliderOpened';

/** What the consumer can ask of an invitation. */
export type IntentType = 'accept' | 'decline' | 'offer';

/** One input of the call session. */
export type SessionEvent =
  /** A COBROWSE dialog changed (`dialog$`). Non-call dialogs are ignored. */
  | { readonly type: 'dialog'; readonly event: DialogEvent }
  /**
   * The consumer accepts / declines an invitation, or asks for `cobrowseOffered` to be published
   * (`autoOffer: false`). `at` (epoch ms, e.g. `scheduler.now()`) lets an already expired one be refused.
   */
  | { readonly type: IntentType; readonly dialogId: string; readonly at?: number }
  /** `cobrowse` / `sessionError` from the call app. */
  | { readonly type: 'session-error'; readonly id: string; readonly message: string }
  /**
   * `cobrowse` / `sessionResume`: an active call after a reload. `replayed`: it fired before we
   * listened. `dialog`: the open accepted call dialog known at that moment, if any (adopted).
   */
  | { readonly type: 'resume'; readonly replayed: boolean; readonly dialog?: CallDialog | undefined }
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

/** The outcome of one of the session's own effects (its publishes, its call screen). */
export type EffectOutcome = Extract<SessionEvent, { readonly type: 'published' | 'publish-failed' | 'call-screen-failed' }>;

/** A consumer intent, as {@link SessionEvent} carries it. */
export type SessionIntent = Extract<SessionEvent, { readonly type: IntentType }>;

/** Why an intent was refused (a value, never a crash). */
export type IntentRejectionReason =
  /** No session knows this dialog (never invited, or another session is running). */
  | 'unknown-invitation'
  /** The invitation expired (closed as expired, or `at` is past `expiresAt`). */
  | 'invitation-expired'
  /** The invitation was cancelled, ended or answered elsewhere. */
  | 'invitation-closed'
  /** The session failed (a `sessionError`, a publish with invalid data, no call screen): see `session$`'s `failure`. */
  | 'session-failed'
  | 'already-accepted'
  | 'already-declined';

/** A refused consumer intent. */
export interface IntentRejection {
  readonly intent: IntentType;
  readonly dialogId: string;
  readonly reason: IntentRejectionReason;
}

/** How the session behaves (the client's `autoOffer`). */
export interface SessionOptions {
  /** Publish `cobrowseOffered` as soon as an invitation arrives (default `true`); else on an `offer` intent. */
  readonly autoOffer?: boolean;
}
