// Reads the X-RateLimit-* headers that every response carries, and keeps the quota in a store:
// this process's memory by default, or one shared by every process that uses the same key.
import type { TransportResponse } from "./transport.js";

type ResponseHeaders = TransportResponse["headers"];

/** The key's quota as of the latest response. */
export interface RateLimit {
  limit: number;
  remaining: number;
  /** When the quota resets. */
  resetAt: Date;
}

/**
 * Where the quota is kept. Read before every request, so `get` is synchronous: a shared store (e.g.
 * `createRedisRateLimitStore` in `@seedance/redis`) keeps a local copy that it syncs in the background.
 */
export interface RateLimitStore {
  /** The quota to act on, or `undefined` before any response reported one. */
  get(): RateLimit | undefined;
  /** Records the quota a response reported. */
  set(rateLimit: RateLimit): void;
}

const intHeader = (headers: ResponseHeaders, name: string): number | undefined => {
  const raw = headers[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
};

export function parseRateLimit(headers: ResponseHeaders): RateLimit | undefined {
  const limit = intHeader(headers, "x-ratelimit-limit");
  const remaining = intHeader(headers, "x-ratelimit-remaining");
  const reset = intHeader(headers, "x-ratelimit-reset");
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  return { limit, remaining, resetAt: new Date(reset * 1000) };
}

/** The default store: the latest quota this process was told. */
export function createMemoryRateLimitStore(): RateLimitStore {
  let latest: RateLimit | undefined;
  return {
    get: () => latest,
    set: (rateLimit) => {
      latest = rateLimit;
    },
  };
}

/** The quota the store holds, and how long to hold the next request once it is used up. */
export class RateLimitState {
  readonly #store: RateLimitStore;

  constructor(store: RateLimitStore = createMemoryRateLimitStore()) {
    this.#store = store;
  }

  get latest(): RateLimit | undefined {
    return this.#store.get();
  }

  update(headers: ResponseHeaders): RateLimit | undefined {
    const parsed = parseRateLimit(headers);
    if (parsed) this.#store.set(parsed);
    return parsed;
  }

  /** Milliseconds until the quota resets when none is left, else 0. */
  holdMs(now: number = Date.now()): number {
    const latest = this.latest;
    if (!latest || latest.remaining > 0) return 0;
    return Math.max(0, latest.resetAt.getTime() - now);
  }
}
