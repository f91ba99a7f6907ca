// The limits of one download as one AbortSignal for fetch: the caller's signal, a deadline for the
// whole download, and an idle timeout that runs only while the download waits on the host (for the
// answer, or for the next chunk), so a slow disk or a slow stream of the caller's never trips it.
// Each wait on the host is raced against the limits too, so they hold even with a `fetch` that
// ignores its signal.
import { AbortError, APITimeoutError, type SeedanceError } from "@seedance/edge";

export interface Limits {
  signal?: AbortSignal | undefined;
  /** Milliseconds for the whole download. */
  timeout: number;
  /** Milliseconds the host may stay silent. */
  idleTimeout: number;
}

export class DownloadLimits {
  readonly #controller = new AbortController();
  readonly #stopped: Promise<never>;
  readonly #limits: Limits;
  readonly #what: string;
  readonly #deadline: ReturnType<typeof setTimeout>;
  readonly #onAbort = () =>
    this.#stop(new AbortError("The download was aborted by its signal.", { cause: this.#limits.signal?.reason }));
  #reason: SeedanceError | undefined;

  /** `what` names the download in the errors. */
  constructor(what: string, limits: Limits) {
    this.#what = what;
    this.#limits = limits;
    this.#stopped = new Promise<never>((_, reject) => {
      this.#controller.signal.addEventListener("abort", () => reject(this.#reason), { once: true });
    });
    // Nobody may be waiting when a limit passes; the next wait sees the rejection.
    this.#stopped.catch(() => {});
    this.#deadline = setTimeout(
      () =>
        this.#stop(
          new APITimeoutError(
            `The download of ${what} did not finish within ${limits.timeout} ms; pass a longer timeout if the file needs it.`,
          ),
        ),
      limits.timeout,
    );
    if (limits.signal?.aborted) this.#onAbort();
    else limits.signal?.addEventListener("abort", this.#onAbort, { once: true });
  }

  /** For fetch: aborted when any limit passes. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Waits for `work`, which depends on the host: it fails when the host stays silent for `idleTimeout`. */
  fromHost<T>(work: Promise<T>): Promise<T> {
    const { idleTimeout } = this.#limits;
    const idle = setTimeout(
      () =>
        this.#stop(
          new APITimeoutError(
            `The download of ${this.#what} stalled: nothing arrived for ${idleTimeout} ms; pass a longer idleTimeout if the host is that slow.`,
          ),
        ),
      idleTimeout,
    );
    return Promise.race([work, this.#stopped]).finally(() => clearTimeout(idle));
  }

  /** The limit that stopped the download, else `error` itself. */
  explain(error: unknown): unknown {
    return this.#reason ?? error;
  }

  /** Throws the limit that stopped the download, if one did. */
  throwIfStopped(): void {
    if (this.#reason) throw this.#reason;
  }

  /** Ends the limits: no timer or listener outlives the download. */
  dispose(): void {
    clearTimeout(this.#deadline);
    this.#limits.signal?.removeEventListener("abort", this.#onAbort);
  }

  #stop(reason: SeedanceError): void {
    if (this.#reason) return;
    this.#reason = reason;
    this.#controller.abort(reason);
  }
}
