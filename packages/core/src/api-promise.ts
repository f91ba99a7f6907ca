// What every API method returns: a Promise of the unwrapped `data`, plus `withResponse()` for callers
// who also need the HTTP response, its request id and the rate-limit state.
import type { RateLimit } from "./transport/rate-limit.js";

export interface WithResponse<T> {
  data: T;
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** A web `Response` of the same status, headers and body text, built on first read. */
  readonly response: Response;
  requestId: string | undefined;
  rateLimit: RateLimit | undefined;
}

export class APIPromise<T> extends Promise<T> {
  readonly #withResponse: Promise<WithResponse<T>>;

  constructor(withResponse: Promise<WithResponse<T>>) {
    super((resolve, reject) => {
      withResponse.then((result) => resolve(result.data), reject);
    });
    this.#withResponse = withResponse;
  }

  // Derived promises (then/catch/finally) are plain Promises.
  static override get [Symbol.species]() {
    return Promise;
  }

  /** The data together with the status, headers, `X-Request-Id`, parsed rate limit and (lazily) a `Response`. */
  withResponse(): Promise<WithResponse<T>> {
    // The caller handles the outcome through this promise; keep the data-only twin from being reported as unhandled.
    this.catch(() => {});
    return this.#withResponse;
  }
}
