// One deadline per call (its `timeout`, retries included) combined with the caller's signal.
import { AbortError, APITimeoutError } from "../errors.js";

const abort = (controller: AbortController, reason?: unknown) => controller.abort(reason);

export class Deadline {
  readonly signal: AbortSignal;
  readonly #at: number;
  readonly #timeoutMs: number;
  readonly #userSignal: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #forward: (() => void) | undefined;

  constructor(timeoutMs: number, userSignal?: AbortSignal) {
    this.#at = Date.now() + timeoutMs;
    this.#timeoutMs = timeoutMs;
    this.#userSignal = userSignal;
    // An own timer rather than AbortSignal.timeout, so that it is cleared the moment the call ends;
    // and the caller's signal forwarded by hand, as AbortSignal.any is missing in some edge runtimes.
    const combined = new AbortController();
    this.signal = combined.signal;
    this.#timer = setTimeout(abort, timeoutMs, combined);
    if (!userSignal) return;
    if (userSignal.aborted) abort(combined, userSignal.reason);
    else {
      this.#forward = () => abort(combined, userSignal.reason);
      userSignal.addEventListener("abort", this.#forward, { once: true });
    }
  }

  /** Ends the deadline: no timer or listener outlives the call. */
  dispose(): void {
    clearTimeout(this.#timer);
    if (this.#forward) this.#userSignal?.removeEventListener("abort", this.#forward);
  }

  remaining(): number {
    return Math.max(0, this.#at - Date.now());
  }

  /** The error that explains why the call must stop now, or undefined while it may go on. */
  reason(): AbortError | APITimeoutError | undefined {
    if (this.#userSignal?.aborted) return new AbortError("The request was aborted by its signal.");
    if (this.signal.aborted || this.remaining() === 0) {
      return new APITimeoutError(
        `The request timed out after ${this.#timeoutMs} ms (retries included); raise the timeout option if the API needs longer.`,
      );
    }
    return undefined;
  }

  throwIfOver(): void {
    const reason = this.reason();
    if (reason) throw reason;
  }

  /** Sleeps `ms`, cut short (with the right error) if the deadline passes or the caller aborts. */
  sleep(ms: number): Promise<void> {
    this.throwIfOver();
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(this.reason());
      };
      const timer = setTimeout(() => {
        this.signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      this.signal.addEventListener("abort", onAbort, { once: true });
    });
  }
}
