// Per-key hourly quotas in fixed windows that start at a key's first request, as the spec's
// X-RateLimit-* headers describe them. The tier comes from the key: `sk-test-free-…` is free.
import type { ApiError } from "./http.ts";

export type Tier = "free" | "pro";

export const DEFAULT_TIERS: Readonly<Record<Tier, number>> = { free: 10, pro: 1000 };

const FREE_KEY_PREFIX = "sk-test-free-";
const WINDOW_MS = 3_600_000;

export interface RateLimitOptions {
  /** Requests per hour of each tier; defaults to free 10, pro 1000. */
  tiers?: Partial<Record<Tier, number>>;
  /** Requests per hour for every key, whatever its tier (e.g. a tiny quota in tests). */
  rateLimit?: number;
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

  constructor(options: RateLimitOptions = {}) {
    this.#tiers = { ...DEFAULT_TIERS, ...options.tiers };
    this.#override = options.rateLimit;
  }

  /** The key's quota, without spending a request. */
  peek(key: string, now = Date.now()): Quota {
    const { start, used } = this.#window(key, now);
    const limit = this.#limitOf(key);
    return { limit, remaining: Math.max(0, limit - used), reset: Math.ceil((start + WINDOW_MS) / 1000) };
  }

  /** Spends one request, or answers the 429 when the quota is used up. */
  take(key: string, now = Date.now()): { quota: Quota; error?: ApiError } {
    const quota = this.peek(key, now);
    if (quota.remaining === 0) {
      const retryAfter = Math.max(1, quota.reset - Math.floor(now / 1000));
      const plan = `${quota.limit} requests/hour on the ${tierOf(key)} plan`;
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
    if (!window || now >= window.start + WINDOW_MS) {
      window = { start: now, used: 0 };
      this.#windows.set(key, window);
    }
    return window;
  }
}
