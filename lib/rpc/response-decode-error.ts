import { brand, isBranded } from '../errors';

/** A successful response whose body does not have the documented shape (the request's outcome is unclear). */
export class ResponseDecodeError extends Error {
  /** `'ResponseDecodeError'`: narrow with `err.name === 'ResponseDecodeError'` (or `instanceof`). */
  override readonly name = brand(this, 'ResponseDecodeError');
  /** Also true for a `ResponseDecodeError` of the package's other build (CommonJS or ES modules). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBranded(this, 'ResponseDecodeError', value);
  }
  constructor(
    /** The request's `type`. */
    readonly requestType: string,
    /** The response's `code`. */
    readonly code: number,
    /** Where the body went wrong, e.g. `body.subscriptionId: expected string`. */
    readonly detail: string,
  ) {
    super(`${requestType} answered ${code} with an unexpected body (${detail})`);
  }
}
