/**
 * The typed wire model of LivePerson's consumer Messaging Window API (UMS WebSocket, v=3).
 *
 * Pure data types: no rxjs, no globals. Field-by-field sources are in the project's protocol notes;
 * the rules that shape these types:
 * - envelopes are discriminated on `kind` (`req` / `resp` / `notification`);
 * - responses are matched by `reqId` and `code`, never by their `type` string (the docs disagree);
 * - unknown types, fields and enum values are tolerated (open string unions, `Unknown*` frames);
 * - `expires` on COBROWSE dialogs is epoch *seconds* (a float); decoded values also carry
 *   `expiresAtMs` so no caller ever multiplies by 1000 by hand (an implausible value is handled
 *   by a documented rule, see `ExpiresRule`);
 * - one list element that does not decode is dropped (with an issue), not the whole frame.
 */

/** Any JSON value, as produced by `JSON.parse`. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
/** A JSON object. */
export type JsonObject = { readonly [key: string]: Json };

/** A string union that still accepts undocumented values (the protocol says: ignore unknown enum values). */
export type Open<T extends string> = T | (string & { readonly __open?: never });

// ─── Requests (outbound) ────────────────────────────────────────────────────────────────────────

export type DeviceFamily = Open<'DESKTOP' | 'TABLET' | 'MOBILE' | 'OTHER'>;
export type OperatingSystem = Open<'WINDOWS' | 'LINUX' | 'OSX' | 'ANDROID' | 'IOS' | 'OTHER'>;
export type ClientFeature = Open<
  | 'CO_BROWSE'
  | 'CO_APP'
  | 'PHOTO_SHARING'
  | 'SECURE_FORMS'
  | 'AUTO_MESSAGES'
  | 'RICH_CONTENT'
  | 'QUICK_REPLIES'
  | 'MULTI_DIALOG'
  | 'FILE_SHARING'
  | 'MARKDOWN_HYPERLINKS'
>;

/** `.ams.headers.ClientProperties` — sent in InitConnection's `headers`. */
export interface ClientPropertiesHeader {
  readonly type: '.ams.headers.ClientProperties';
  readonly deviceFamily?: DeviceFamily;
  readonly os?: OperatingSystem;
  readonly osVersion?: string;
  readonly osName?: string;
  readonly appId?: string;
  readonly appVersion?: string;
  readonly integration?: Open<'WEB_SDK' | 'MOBILE_SDK' | 'BRAND_SDK'>;
  readonly integrationVersion?: string;
  readonly browser?: string;
  readonly browserVersion?: string;
  readonly timeZone?: string;
  readonly features?: readonly ClientFeature[];
}

/** `.ams.headers.ConsumerAuthentication` — carries the LP JWT (never put it in a URL or a log). */
export interface ConsumerAuthenticationHeader {
  readonly type: '.ams.headers.ConsumerAuthentication';
  readonly jwt: string;
}

export type InitConnectionHeader = ClientPropertiesHeader | ConsumerAuthenticationHeader;

export interface ConversationContext {
  readonly type?: string;
  readonly visitorId?: string;
  readonly sessionId?: string;
  readonly interactionContextId?: string;
  readonly lang?: string;
}

export interface ConsumerRequestConversationBody {
  readonly channelType?: Open<'MESSAGING'>;
  readonly ttrDefName?: string | null;
  readonly skillId?: string;
  readonly brandId?: string;
  readonly campaignInfo?: { readonly campaignId: number; readonly engagementId: number };
  readonly conversationContext?: ConversationContext;
}

export type ChatState = Open<'ACTIVE' | 'INACTIVE' | 'GONE' | 'COMPOSING' | 'PAUSE'>;
export type AcceptStatus = Open<'ACCEPT' | 'READ' | 'ACCESS' | 'NACK' | 'ACTION'>;

export interface ContentEvent {
  readonly type: 'ContentEvent';
  readonly contentType: Open<'text/plain'>;
  readonly message: string;
}
export interface ChatStateEvent {
  readonly type: 'ChatStateEvent';
  readonly chatState: ChatState;
}
export interface AcceptStatusEvent {
  readonly type: 'AcceptStatusEvent';
  readonly status: AcceptStatus;
  readonly sequenceList: readonly number[];
}
/** An event type this library does not model; its JSON is kept. */
export interface UnknownMessagingEvent {
  readonly type: 'unknown';
  readonly eventType: string;
  readonly raw: JsonObject;
}
/** Events a consumer may publish. */
export type PublishableEvent = ContentEvent | ChatStateEvent | AcceptStatusEvent;
/** Events as received in `ms.MessagingEventNotification`. */
export type MessagingEvent = PublishableEvent | UnknownMessagingEvent;

export interface PublishEventBody {
  readonly dialogId: string;
  readonly conversationId?: string;
  readonly event: PublishableEvent;
}

export interface SubscribeMessagingEventsBody {
  readonly dialogId: string;
  readonly conversationId?: string;
  readonly fromSeq?: number;
}

export type ConversationState = Open<'OPEN' | 'CLOSE'>;

export type ConversationField =
  | { readonly field: 'ConversationStateField'; readonly conversationState: ConversationState }
  | { readonly field: 'Stage'; readonly conversationState: ConversationState }
  | {
      readonly field: 'DialogChange';
      readonly type: Open<'CREATE' | 'UPDATE'>;
      readonly dialog: { readonly dialogId: string; readonly state?: ConversationState; readonly closedCause?: string };
    };

export interface UpdateConversationFieldBody {
  readonly conversationId: string;
  /** The protocol allows a single element instead of a one-element array. */
  readonly conversationField: ConversationField | readonly ConversationField[];
}

export interface SubscribeExConversationsBody {
  readonly minLastUpdatedTime?: number;
  readonly convState?: readonly ConversationState[];
  readonly stage?: readonly ConversationState[];
}

export interface UnsubscribeExConversationsBody {
  readonly subscriptionId: string;
}

/** Body of each request type the consumer sends (`undefined`: no body). */
export interface RequestBodies {
  readonly InitConnection: Record<string, never> | undefined;
  readonly GetClock: undefined;
  readonly 'cm.ConsumerRequestConversation': ConsumerRequestConversationBody | undefined;
  readonly 'ms.PublishEvent': PublishEventBody;
  readonly 'ms.SubscribeMessagingEvents': SubscribeMessagingEventsBody;
  readonly 'cm.UpdateConversationField': UpdateConversationFieldBody;
  readonly 'cqm.SubscribeExConversations': SubscribeExConversationsBody;
  readonly 'cqm.UnsubscribeExConversations': UnsubscribeExConversationsBody;
}

export type RequestType = keyof RequestBodies;

/** An outbound request frame. */
export interface RequestFrame<T extends RequestType = RequestType> {
  readonly kind: 'req';
  readonly id: string;
  readonly type: T;
  readonly body?: RequestBodies[T];
  /** Only InitConnection carries headers. */
  readonly headers?: readonly InitConnectionHeader[];
  readonly metadata?: readonly JsonObject[];
}

/** Any outbound request, discriminated on `type`. */
export type AnyRequestFrame = { [T in RequestType]: RequestFrame<T> }[RequestType];

// ─── Responses (inbound) ────────────────────────────────────────────────────────────────────────

/** Typed success bodies, per request type. Error bodies are strings or unknown JSON. */
export interface ResponseBodies {
  /** A short string (its text is not documented). */
  readonly InitConnection: string | undefined;
  readonly GetClock: { readonly currentTime: number };
  readonly 'cm.ConsumerRequestConversation': { readonly conversationId: string };
  readonly 'ms.PublishEvent': { readonly sequence: number };
  readonly 'ms.SubscribeMessagingEvents': undefined;
  readonly 'cm.UpdateConversationField': string | undefined;
  readonly 'cqm.SubscribeExConversations': { readonly subscriptionId: string };
  readonly 'cqm.UnsubscribeExConversations': string | undefined;
}

/** An inbound response: correlate with `reqId`, judge with `code` (HTTP semantics). */
export interface ResponseFrame {
  readonly kind: 'resp';
  /** Always a string, even when the server echoed a number. */
  readonly reqId: string;
  readonly code: number;
  /** Informational only: the docs disagree on these strings. */
  readonly type: string | undefined;
  readonly body: Json | undefined;
}

// ─── Notifications (inbound) ────────────────────────────────────────────────────────────────────

export type ParticipantRole = Open<'CONSUMER' | 'ASSIGNED_AGENT' | 'MANAGER' | 'CONTROLLER' | 'READER' | 'AGENT'>;

export interface Participant {
  readonly id: string;
  readonly role: ParticipantRole;
}

export interface ParticipantDetails extends Participant {
  readonly state?: Open<'ACTIVE' | 'SUGGESTED'>;
}

export type DialogType = Open<'MAIN' | 'POST_SURVEY' | 'OTHER'>;
export type ChannelType = Open<'MESSAGING' | 'COBROWSE'>;
/** Call modes are upper case, co-browse modes lower case. */
export type CobrowseMode = Open<'VOICE_CALL' | 'VIDEO_CALL' | 'shared' | 'view' | 'follow'>;
/** Note the D in CLOSED (a dialog's own `state` is `CLOSE`). */
export type SessionState = Open<'INVITED' | 'ACCEPTED' | 'CLOSED'>;
export type NotificationKey = Open<'invited' | 'accepted' | 'joined' | 'cancel_invitation'>;

/** `metaData` of a COBROWSE dialog (calls and co-browse). Every field may be missing on the wire. */
export interface CobrowseMetaData {
  readonly serviceId?: string;
  readonly mode?: CobrowseMode;
  readonly sessionState?: SessionState;
  /** As on the wire (when a number, even an implausible one): epoch **seconds**, a float (e.g. `1.502893131855E9`). */
  readonly expires?: number;
  /**
   * `expires` in epoch milliseconds (rounded), after the plausibility rule (see `ExpiresRule`):
   * `undefined` when absent or ignored. Prefer this one.
   */
  readonly expiresAtMs?: number;
  readonly dialogId?: string;
  readonly notificationKey?: NotificationKey;
  readonly callLink?: string;
  /** Every field as received, including ones not modelled above. */
  readonly raw: JsonObject;
}

interface DialogBase {
  readonly dialogId: string;
  readonly dialogType?: DialogType;
  readonly state?: ConversationState;
  /** COBROWSE dialogs list participants as bare ids: consumer PId, then `"<accountId>.<agentId>"`. */
  readonly participants?: readonly string[];
  readonly participantsDetails?: readonly ParticipantDetails[];
  readonly creationTs?: number;
  readonly endTs?: number;
  readonly metaDataLastUpdateTs?: number;
  readonly closedBy?: Open<'CONSUMER' | 'AGENT'>;
  readonly closedCause?: string;
}

/** A call or co-browse dialog: `channelType: "COBROWSE"`. */
export interface CobrowseDialog extends DialogBase {
  readonly channelType: 'COBROWSE';
  readonly metaData: CobrowseMetaData;
}

/** Any other dialog (MAIN messaging, POST_SURVEY, …); its metaData is kept as JSON. */
export interface OtherDialog extends DialogBase {
  readonly channelType: Exclude<ChannelType, 'COBROWSE'> | undefined;
  readonly metaData?: JsonObject;
}

export type Dialog = CobrowseDialog | OtherDialog;

/**
 * An element `decode` left out of a list because it did not decode (a `DecodeError` in the
 * result's `issues` says why), kept so consumers do not mistake "undecodable" for "gone".
 */
export interface DroppedElement {
  /** Its id (`dialogId` of a dialog, `convId` of a change) when that much could be read. */
  readonly id: string | undefined;
}

export interface ConversationDetails {
  readonly skillId?: string;
  readonly brandId?: string;
  readonly participants: readonly Participant[];
  readonly dialogs: readonly Dialog[];
  /** Reflects the MAIN dialog. */
  readonly state?: ConversationState;
  /** Reflects the whole conversation container. */
  readonly stage?: ConversationState;
  readonly startTs?: number;
  readonly endTs?: number;
  /** Use to drop out-of-order snapshots. */
  readonly metaDataLastUpdateTs?: number;
  readonly closeReason?: string;
  /**
   * Dialogs of this snapshot that did not decode and were left out. They have not vanished: a
   * consumer must not close an open dialog listed here (or, for one without an id, any open dialog)
   * on the strength of this snapshot.
   */
  readonly droppedDialogs?: readonly DroppedElement[];
}

/** UPSERT carries the whole current conversation (replace, don't merge). */
export interface ConversationUpsert {
  readonly type: 'UPSERT';
  readonly result: {
    readonly convId: string;
    readonly effectiveTTR?: number;
    readonly conversationDetails: ConversationDetails;
  };
}

/** DELETE: the conversation left the subscription (some time after it closed). */
export interface ConversationDelete {
  readonly type: 'DELETE';
  readonly result: {
    readonly convId: string;
    readonly conversationDetails?: ConversationDetails;
  };
}

export type ConversationChange = ConversationUpsert | ConversationDelete;

export interface ExConversationChangeNotification {
  readonly kind: 'notification';
  readonly type: 'cqm.ExConversationChangeNotification';
  readonly body: {
    readonly subscriptionId?: string;
    readonly sentTs?: number;
    readonly changes: readonly ConversationChange[];
    /** Changes that did not decode and were left out (the conversation is not gone: see `DroppedElement`). */
    readonly droppedChanges?: readonly DroppedElement[];
  };
}

export interface MessagingEventChange {
  readonly sequence?: number;
  readonly originatorId: string;
  readonly originatorMetadata?: { readonly id: string; readonly role: ParticipantRole };
  readonly serverTimestamp?: number;
  readonly event: MessagingEvent;
  readonly conversationId?: string;
  readonly dialogId: string;
  readonly messageAudience?: Open<'ALL' | 'AGENTS_AND_MANAGERS'>;
}

export interface MessagingEventNotification {
  readonly kind: 'notification';
  readonly type: 'ms.MessagingEventNotification';
  readonly body: {
    readonly sentTs?: number;
    readonly changes: readonly MessagingEventChange[];
  };
}

/** A notification type this library does not model; its body is kept. */
export interface UnknownNotification {
  readonly kind: 'notification';
  readonly type: 'unknown';
  readonly notificationType: string;
  readonly body: Json | undefined;
}

export type NotificationFrame = ExConversationChangeNotification | MessagingEventNotification | UnknownNotification;

/** A well-formed JSON envelope of a kind a consumer does not expect (e.g. a `req` from the server). */
export interface UnknownFrame {
  readonly kind: 'unknown';
  readonly frameKind: string;
  readonly raw: JsonObject;
}

/** Everything `decode` can return for a well-formed frame. */
export type InboundFrame = ResponseFrame | NotificationFrame | UnknownFrame;

// ─── Decoding results ───────────────────────────────────────────────────────────────────────────

/** A malformed frame, as a value. `path` names the offending field, e.g. `body.changes[0].result`. */
export interface DecodeError {
  readonly kind: 'decode-error';
  /** Dotted/indexed path from the frame root; `""` when the text is not JSON at all. */
  readonly path: string;
  /** What was expected, e.g. `expected array`. */
  readonly expected: string;
  /** `"<path>: <expected>"`, ready to show. */
  readonly message: string;
  /** The first 200 characters of the frame, for diagnostics (JWTs redacted). */
  readonly excerpt: string;
  /**
   * Absent: the whole frame was dropped. Present: the frame was still delivered and this says
   * what `decode` did at `path` (an entry of the result's `issues`).
   */
  readonly recovery?: DecodeRecovery;
}

/**
 * How an implausible COBROWSE `expires` was read (the rule is in the protocol README):
 * `read-as-ms` — too large for epoch seconds but a valid epoch-milliseconds date, so read as ms;
 * `ignored` — not a number, not finite, not positive, beyond any date, or more than a day before
 * the dialog's creation: treated as absent (no client-side expiry; the server's CLOSED still ends it);
 * `clamped` — more than a day after the dialog's creation: moved to one day after it.
 */
export type ExpiresRule = 'read-as-ms' | 'ignored' | 'clamped';

/** What `decode` did about a problem inside a frame it still delivered. */
export type DecodeRecovery =
  /** The list element at `element` (a path) did not decode and was left out; the rest of the frame was kept. */
  | { readonly type: 'dropped'; readonly element: string }
  /** An implausible `expires` was handled by the documented rule. */
  | { readonly type: 'expires'; readonly rule: ExpiresRule };

/**
 * A decoded frame comes with its `issues`: what was dropped or adjusted inside it (usually none;
 * each is a `DecodeError` with a `recovery`). A frame that could not be decoded at all is an `error`.
 */
export type DecodeResult =
  | { readonly ok: true; readonly frame: InboundFrame; readonly issues: readonly DecodeError[] }
  | { readonly ok: false; readonly error: DecodeError };

export type BodyDecodeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DecodeError };
