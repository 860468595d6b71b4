/**
 * The public shapes of a running emulator and its agent control.
 */
import type { JsonObject } from './json';
import type { AccountControl } from './accounts';
import type { CallScript } from './call-script';
import type { SessionErrorId } from './hub-protocol';
import type { CallMode, SessionState } from './store';

export type { CallMode, SessionState } from './store';

/** Which conversation/dialog a control acts on; omitted = latest open conversation / its open COBROWSE dialog. */
export interface DialogTarget {
  conversationId?: string;
  dialogId?: string;
}

/** A COBROWSE dialog after a control acted on it. */
export interface CallDialogResult {
  readonly conversationId: string;
  readonly dialogId: string;
  readonly serviceId: string;
  readonly mode: CallMode;
  readonly sessionState: SessionState;
  /** Epoch ms (the wire's `expires` is epoch seconds). */
  readonly expiresAtMs: number;
}

/** Drives the emulated agent. Each method throws {@link EmulatorControlError} (an HTTP 4xx) when it cannot act. */
export interface AgentControl {
  /** Adds an INVITED COBROWSE dialog (assigning the agent if none); 409 while one is still open. */
  invite(options: { mode: CallMode; conversationId?: string; expiresInMs?: number }): CallDialogResult;
  /** INVITED -> CLOSED (`notificationKey: 'cancel_invitation'`), dialog state CLOSE. */
  cancel(target?: DialogTarget): CallDialogResult;
  /**
   * INVITED -> CLOSED, dialog state CLOSE, closed by CONSUMER: what LivePerson's call service does
   * after the page published `lpCoBrowse/cobrowseDeclined` (the stand-in call app calls this).
   */
  decline(target?: DialogTarget): CallDialogResult;
  /**
   * INVITED -> ACCEPTED twice, now: `notificationKey` `accepted`, then `joined` (two UPSERTs), without
   * the consumer's call app. To a page that did not accept, that is the consumer answering in another
   * tab or device ("answered elsewhere"); a test without a call app (e.g. with a fake lpTag) uses it
   * as the call service's answer to its accept. The stand-in call app's accept and join produce these
   * updates by themselves.
   */
  accept(target?: DialogTarget): CallDialogResult;
  /** INVITED or ACCEPTED -> CLOSED, dialog state CLOSE. */
  hangup(target?: DialogTarget): CallDialogResult;
  /** Lets an INVITED dialog expire now (it also expires by itself at `expires`). */
  expire(target?: DialogTarget): CallDialogResult;
  /** An agent text message on the MAIN dialog (assigning the agent if none). */
  message(options: { text: string; conversationId?: string }): { readonly conversationId: string; readonly dialogId: string; readonly sequence: number };
  /** Closes the conversation as the agent (DELETE follows after `deleteAfterCloseMs`). */
  closeConversation(options?: { conversationId?: string }): { readonly conversationId: string };
}

/** The calls' side of the emulator: what the stand-in call app does on demand, and how the server answers it. */
export interface CallControl {
  /**
   * Makes the stand-in call app fire `cobrowse/sessionError {id, msg}` in every consumer page (or in
   * the page of call `serviceId`); a page in a call then ends it. Returns how many pages got it.
   */
  sessionError(options: { readonly id: SessionErrorId; readonly msg?: string | undefined; readonly serviceId?: string | undefined }): number;
  /** Sets how the ACCEPTED updates answer the call app's accept and join (see {@link CallScript}); returns the script now in force. */
  script(script: Partial<CallScript>): CallScript;
}

/** A JSON-able view of everything the emulator holds. */
export interface EmulatorState {
  readonly conversations: readonly JsonObject[];
  /** Each `{ conversationId, dialog }` (the wire shape), and for call dialogs `call` (how it went, its media sides). */
  readonly dialogs: readonly JsonObject[];
  readonly connections: readonly JsonObject[];
  /** The known account ids and whether every id is accepted. */
  readonly accounts: JsonObject;
  /** The call script in force and the pages connected to the call hub. */
  readonly calls: JsonObject;
  /**
   * How much the emulator holds right now: `tokens` remembered, `consumers` whose conversations are
   * remembered, `conversations`, open `sockets`, pending `timers`, call-hub `pages` and `calls`.
   * What no one can reach any more is forgotten (see the README's "Forgetting").
   */
  readonly retained: JsonObject;
  /** How many sockets closed with each close code, e.g. `{ "1000": 3, "4401": 1 }`. */
  readonly closedSockets: JsonObject;
}

/** A started emulator. */
export interface RunningEmulator {
  /** e.g. `'http://127.0.0.1:8080'`. */
  readonly url: string;
  readonly port: number;
  /**
   * The per-run secret of the agent control over HTTP: send it as `X-Emulator-Secret` (the CLI prints
   * the curl lines with it). The methods here need none.
   */
  readonly controlSecret: string;
  /** `ws://HOST:PORT/ws_api/account/{accountId}/messaging/consumer?v=3`. */
  socketUrl(accountId: string): string;
  readonly agent: AgentControl;
  /** sessionError on demand and the call script. */
  readonly calls: CallControl;
  /** The accounts the Domain API and the IdP answer for. */
  readonly accounts: AccountControl;
  /** Closes every consumer socket: abruptly (the client sees 1006) or with `code`; returns how many. */
  dropSockets(code?: number): number;
  /** Every issued token becomes expired; authenticated sockets close with 4401. */
  expireTokens(): void;
  /** Re-sends each socket's last `cqm.ExConversationChangeNotification`. */
  repeatLast(): void;
  /** Each socket gets its next two notifications in reverse order. */
  reorderNext(): void;
  state(): EmulatorState;
  /** Closes every socket and the server. */
  close(): Promise<void>;
}

/**
 * Why a control request was refused, for programs (the agent console turns it into "what to click").
 * HTTP answers carry it as `code` next to `error`.
 */
export type ControlErrorCode =
  | 'bad-request'
  | 'no-conversation'
  | 'unknown-conversation'
  | 'conversation-closed'
  | 'invitation-pending'
  | 'call-in-progress'
  | 'no-call'
  | 'unknown-dialog'
  | 'call-closed'
  | 'call-accepted'
  | 'unknown-call'
  | 'unknown-peer'
  /** A cap of `limits` would be passed (the message names it). */
  | 'limit-reached';

/** A control request that cannot be served; `status` is its HTTP status (400, 404, 409). */
export class EmulatorControlError extends Error {
  override readonly name = 'EmulatorControlError';
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
    /** Why, for programs (HTTP answers carry it as `code`). */
    readonly code: ControlErrorCode = status === 400 ? 'bad-request' : status === 404 ? 'unknown-dialog' : 'no-call',
  ) {
    super(message);
  }
}
