// Per-key quotas (hourly by default) in fixed windows that start at a key's first request, as the spec's
// X-RateLimit-* headers describe them. The tier comes from the key: `sk-test-free-…` is free.
import type { ApiError } from "./http.ts";

export type Tier = "free" | "pro";

export const DEFAULT_TIERS: Readonly<Record<Tier, number>> = { free: 10, pro: 1000 };

const FREE_KEY_PREFIX = "sk-test-free-";
const HOUR_SECONDS = 3600;

export interface RateLimitOptions {
  /** Requests per hour of each tier; defaults to free 10, pro 1000. */
  tiers?: Partial<Record<Tier, number>>;
  /** Requests per hour for every key, whatever its tier (e.g. a tiny quota in tests). */
  rateLimit?: number;
  /** The length of a quota window in seconds (default 3600), e.g. a few seconds to test waiting for the reset. */
  rateLimitWindowSeconds?: number;
}

/** A key's quota as the headers report it: `reset` in unix seconds. */
export interface Quota {
  limit: number;
  remaining: number;
  reset: number;
}

function tierOf(key: string): Tier {
  return key.startsWith(FREE_KEY_PREFIX) ? "free" : "pro";
}

export class RateLimiter {
  readonly #windows = new Map<string, { start: number; used: number }>();
  readonly #tiers: Record<Tier, number>;
  readonly #override: number | undefined;
  readonly #windowMs: number;

  constructor(options: RateLimitOptions = {}) {
    this.#tiers = { ...DEFAULT_TIERS, ...options.tiers };
    this.#override = options.rateLimit;
    const windowSeconds = options.rateLimitWindowSeconds ?? HOUR_SECONDS;
    if (!(windowSeconds >= 1)) throw new RangeError(`rateLimitWindowSeconds must be at least 1, got ${windowSeconds}`);
    this.#windowMs = windowSeconds * 1000;
  }

  /** The key's quota, without spending a request. */
  peek(key: string, now = Date.now()): Quota {
    const { start, used } = this.#window(key, now);
    const limit = this.#limitOf(key);
    return { limit, remaining: Math.max(0, limit - used), reset: Math.ceil((start + this.#windowMs) / 1000) };
  }

  /** Spends one request, or answers the 429 when the quota is used up. */
  take(key: string, now = Date.now()): { quota: Quota; error?: ApiError } {
    const quota = this.peek(key, now);
    if (quota.remaining === 0) {
      // Whole seconds until the window ends, rounded up: a client that waits exactly this long is
      // at most a second late (counting from the rounded-up reset could make it almost two).
      const retryAfter = Math.max(1, Math.ceil((this.#window(key, now).start + this.#windowMs - now) / 1000));
      const per = this.#windowMs === HOUR_SECONDS * 1000 ? "hour" : `${this.#windowMs / 1000} s`;
      const plan = `${quota.limit} requests/${per} on the ${tierOf(key)} plan`;
      return {
        quota,
        error: { status: 429, code: "RATE_LIMITED", message: `Rate limit exceeded (${plan})`, retryAfter },
      };
    }
    this.#window(key, now).used += 1;
    return { quota: { ...quota, remaining: quota.remaining - 1 } };
  }

  #limitOf(key: string): number {
    return this.#override ?? this.#tiers[tierOf(key)];
  }

  #window(key: string, now: number): { start: number; used: number } {
    let window = this.#windows.get(key);
    if (!window || now >= window.start + this.#windowMs) {
      window = { start: now, used: 0 };
      this.#windows.set(key, window);
    }
    return window;
  }
}
