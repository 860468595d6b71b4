/**
 * Typed errors. Each has a stable `name` so hosts can narrow with `err.name === '…'` or
 * `instanceof`. Messages say what happened and what to do; none ever contains a JWT.
 */

/** A request got a response with `code >= 400`. */
export class RequestError extends Error {
  override readonly name = 'RequestError';
  constructor(
    readonly requestType: string,
    readonly code: number,
    readonly body: unknown,
  ) {
    super(`${requestType} failed with code ${code}${typeof body === 'string' && body ? `: ${body}` : ''}`);
  }
}

/** No response arrived in time. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  constructor(
    readonly requestType: string,
    readonly timeoutMs: number,
  ) {
    super(`${requestType} got no response within ${timeoutMs} ms`);
  }
}

/** The socket closed while a request was pending; its outcome is unknown. */
export class ConnectionLostError extends Error {
  override readonly name = 'ConnectionLostError';
  constructor(
    readonly requestType: string,
    readonly closeCode: number | undefined,
  ) {
    super(`${requestType}: the connection was lost before a response arrived${closeCode === undefined ? '' : ` (close code ${closeCode})`}`);
  }
}

/** A command waited while reconnecting and the bounded queue was full or its time-to-live ran out. */
export class QueueError extends Error {
  override readonly name = 'QueueError';
  constructor(
    readonly requestType: string,
    readonly reason: 'overflow' | 'expired' | 'closed',
    detail: string,
  ) {
    super(`${requestType} was not sent: ${detail}`);
  }
}

/**
 * A configuration mistake, found when the client or connection is created (thrown synchronously)
 * or when only the network can reveal it (then `connection$` ends with `closed { reason: 'config' }`
 * and the diagnostic carries this message). `field` names what to fix.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    /** The config path at fault, e.g. `accountId`, `visitor.name`, `endpoint.socketUrl`. */
    readonly field: string,
    /** What is wrong and what to pass instead. */
    detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

/** The connection is closed for good; commands can no longer be sent. */
export class ConnectionClosedError extends Error {
  override readonly name = 'ConnectionClosedError';
  constructor(readonly reason: string) {
    super(`the connection is closed (${reason}); create a new client to connect again`);
  }
}

/** An lpCoBrowse event was not published because its data is invalid. */
export class PublishError extends Error {
  override readonly name = 'PublishError';
  constructor(
    readonly event: string,
    /** The offending field, e.g. `visitorName`. */
    readonly field: string,
    readonly problem: string,
  ) {
    super(`lpCoBrowse/${event} not published: ${field} ${problem}`);
  }
}

/** `lpTag` (or `lpTag.events`) never appeared on the page. */
export class LpTagUnavailableError extends Error {
  override readonly name = 'LpTagUnavailableError';
  constructor(waitedMs: number) {
    super(`lpTag.events did not appear within ${waitedMs} ms: is the LivePerson tag on this page?`);
  }
}

/**
 * `accept()` / `decline()` / `offer()` failed: refused when issued (the invitation is unknown, not
 * shown yet, expired, closed or already handled), or the call ended before the command was done
 * (it failed, was cancelled, expired, the client ended). `reason` says which; `detail` says more.
 */
export class CallIntentError extends Error {
  override readonly name = 'CallIntentError';
  constructor(
    readonly intent: 'accept' | 'decline' | 'offer',
    readonly dialogId: string,
    /**
     * `unknown-invitation`, `busy`, `invitation-expired`, `invitation-closed`, `call-failed`,
     * `already-accepted`, `already-declined` or `client-ended`.
     */
    readonly reason: string,
    /** What the call's end said, when there is more to say (e.g. why it failed). */
    readonly detail?: string,
  ) {
    super(`cannot ${intent} ${dialogId}: ${reason}${detail === undefined ? '' : ` (${detail})`}`);
  }
}
