// Reads the X-RateLimit-* headers that every response carries.
import type { TransportResponse } from "./transport.js";

type ResponseHeaders = TransportResponse["headers"];

/** The key's quota as of the latest response. */
export interface RateLimit {
  limit: number;
  remaining: number;
  /** When the quota resets. */
  resetAt: Date;
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

/** The latest quota the server reported, and how long to hold the next request once it is used up. */
export class RateLimitState {
  latest: RateLimit | undefined;

  update(headers: ResponseHeaders): RateLimit | undefined {
    const parsed = parseRateLimit(headers);
    if (parsed) this.latest = parsed;
    return parsed;
  }

  /** Milliseconds until the quota resets when none is left, else 0. */
  holdMs(now: number = Date.now()): number {
    const latest = this.latest;
    if (!latest || latest.remaining > 0) return 0;
    return Math.max(0, latest.resetAt.getTime() - now);
  }
}
