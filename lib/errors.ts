/**
 * Typed errors. Each has a stable `name` so hosts can narrow with `err.name === '…'` or
 * `instanceof`. Messages say what happened and what to do; none ever contains a JWT.
 *
 * `instanceof` holds across copies of this package: the CommonJS and the ES module build hold two
 * classes of each name, and a host's code may load one while a dependency loads the other. Each
 * instance carries a brand under a `Symbol.for` key (one registry per JavaScript realm, shared by
 * both builds), and each class's `Symbol.hasInstance` reads it.
 */

const BRAND = Symbol.for('lp-call-streams.error');

/** Marks `error` as made by the class named `name`; returns `name` (a class field initialiser: `name = brand(this, 'X')`). */
export function brand<N extends string>(error: object, name: N): N {
  Object.defineProperty(error, BRAND, { value: name });
  return name;
}

/**
 * `instanceof` of a branded class `self`, whose instances carry the brand `name` (class names do not
 * survive minifiers): an instance from any copy of this package, or what the prototype chain says
 * (`Object.create`, and subclasses: they inherit `Symbol.hasInstance` without owning it).
 */
export function isBranded(self: object, name: string, value: unknown): boolean {
  const own = Object.hasOwn(self, Symbol.hasInstance) && Reflect.get(Object(value), BRAND) === name;
  return own || Function.prototype[Symbol.hasInstance].call(self, value);
}

/** A request got a response with `code >= 400`. */
export class RequestError extends Error {
  /** `'RequestError'`: narrow with `err.name === 'RequestError'` (or `instanceof`). */
  override readonly name = brand(this, 'RequestError');
  /** Also true for a `RequestError` of the package's other build (CommonJS or ES modules). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBranded(this, 'RequestError', value);
  }
  constructor(
    /** The request's `type`, e.g. `cm.ConsumerRequestConversation`. */
    readonly requestType: string,
    /** The response's `code` (HTTP semantics). */
    readonly code: number,
    /** The response's body, as sent (narrow before use). */
    readonly body: unknown,
  ) {
    super(`${requestType} failed with code ${code}${typeof body === 'string' && body ? `: ${body}` : ''}`);
  }
}

/** No response arrived in time. */
export class RequestTimeoutError extends Error {
  /** `'RequestTimeoutError'`: narrow with `err.name === 'RequestTimeoutError'` (or `instanceof`). */
  override readonly name = brand(this, 'RequestTimeoutError');
  /** Also true for a `RequestTimeoutError` of the package's other build (CommonJS or ES modules). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBranded(this, 'RequestTimeoutError', value);
  }
  constructor(
    /** The request's `type`, e.g. `cm.ConsumerRequestConversation`. */
    readonly requestType: string,
    /** How long it waited (ms). */
    readonly timeoutMs: number,
  ) {
    super(`${requestType} got no response within ${timeoutMs} ms`);
  }
}

/** The socket closed while a request was pending; its outcome is unknown. */
export class ConnectionLostError extends Error {
  /** `'ConnectionLostError'`: narrow with `err.name === 'ConnectionLostError'` (or `instanceof`). */
  override readonly name = brand(this, 'ConnectionLostError');
  /** Also true for a `ConnectionLostError` of the package's other build (CommonJS or ES modules). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBranded(this, 'ConnectionLostError', value);
  }
  constructor(
    /** The request's `type`, e.g. `cm.ConsumerRequestConversation`. */
    readonly requestType: string,
    /** The close code of the socket that went, when known. */
    readonly closeCode: number | undefined,
  ) {
    super(`${requestType}: the connection was lost before a response arrived${closeCode === undefined ? '' : ` (close code ${closeCode})`}`);
  }
}

/** A command waited while reconnecting and the bounded queue was full or its time-to-live ran out. */
export class QueueError extends Error {
  /** `'QueueError'`: narrow with `err.name === 'QueueError'` (or `instanceof`). */
  override readonly name = brand(this, 'QueueError');
  /** Also true for a `QueueError` of the package's other build (CommonJS or ES modules). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBranded(this, 'QueueError', value);
  }
  constructor(
    /** The request's `type`, e.g. `cm.ConsumerRequestConversation`. */
    readonly requestType: string,
    /** Why: the queue was full, the command waited too long, or the connection closed for good. */
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
  /** `'ConfigError'`: narrow with `err.name === 'ConfigError'` (or `instanceof`). */
  override readonly name = brand(this, 'ConfigError');
  /** Also true for a `ConfigError` of the package's other build (CommonJS or ES modules). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBranded(this, 'ConfigError', value);
  }
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
  /** `'ConnectionClosedError'`: narrow with `err.name === 'ConnectionClosedError'` (or `instanceof`). */
  override readonly name = brand(this, 'ConnectionClosedError');
  /** Also true for a `ConnectionClosedError` of the package's other build (CommonJS or ES modules). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBranded(this, 'ConnectionClosedError', value);
  }
  constructor(
    /** Why it closed: `auth`, `gave-up`, `config` or `client`. */
    readonly reason: string,
  ) {
    super(`the connection is closed (${reason}); create a new client to connect again`);
  }
}

/** An lpCoBrowse event was not published because its data is invalid. */
export class PublishError extends Error {
  /** `'PublishError'`: narrow with `err.name === 'PublishError'` (or `instanceof`). */
  override readonly name = brand(this, 'PublishError');
  /** Also true for a `PublishError` of the package's other build (CommonJS or ES modules). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBranded(this, 'PublishError', value);
  }
  constructor(
    /** The event that was not published, e.g. `cobrowseAccepted`. */
    readonly event: string,
    /** The offending field, e.g. `visitorName`. */
    readonly field: string,
    /** What is wrong with it. */
    readonly problem: string,
  ) {
    super(`lpCoBrowse/${event} not published: ${field} ${problem}`);
  }
}

/** `lpTag` (or `lpTag.events`) never appeared on the page. */
export class LpTagUnavailableError extends Error {
  /** `'LpTagUnavailableError'`: narrow with `err.name === 'LpTagUnavailableError'` (or `instanceof`). */
  override readonly name = brand(this, 'LpTagUnavailableError');
  /** Also true for a `LpTagUnavailableError` of the package's other build (CommonJS or ES modules). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBranded(this, 'LpTagUnavailableError', value);
  }
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
  /** `'CallIntentError'`: narrow with `err.name === 'CallIntentError'` (or `instanceof`). */
  override readonly name = brand(this, 'CallIntentError');
  /** Also true for a `CallIntentError` of the package's other build (CommonJS or ES modules). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBranded(this, 'CallIntentError', value);
  }
  constructor(
    /** The command. */
    readonly intent: 'accept' | 'decline' | 'offer',
    /** The invitation's dialog id. */
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
