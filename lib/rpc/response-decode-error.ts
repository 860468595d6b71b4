/** A successful response whose body does not have the documented shape (the request's outcome is unclear). */
export class ResponseDecodeError extends Error {
  override readonly name = 'ResponseDecodeError';
  constructor(
    readonly requestType: string,
    readonly code: number,
    /** Where the body went wrong, e.g. `body.subscriptionId: expected string`. */
    readonly detail: string,
  ) {
    super(`${requestType} answered ${code} with an unexpected body (${detail})`);
  }
}
