// When a failed attempt may be retried, and how long to wait before the next one.
import type { TransportResponse } from "./transport.js";

/** Statuses worth another attempt when repeating the request is safe. */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Statuses at which the server provably did no work, so even a POST without an idempotency key may repeat. */
const REJECTED_BEFORE_WORK = new Set([429, 503]);

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8000;

/**
 * `safeToRepeat`: the request is a GET, or a POST carrying an idempotency key (the server returns the
 * first result for a repeated key, so a retry never generates — or bills — twice).
 */
export function isRetryableStatus(status: number, safeToRepeat: boolean): boolean {
  return safeToRepeat ? RETRYABLE_STATUSES.has(status) : REJECTED_BEFORE_WORK.has(status);
}

/** Exponential backoff with full jitter: a random delay in [0, min(cap, base × 2^attempt)). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));
}

/**
 * The wait the server asked for, in milliseconds: `Retry-After` (seconds or an HTTP date), else
 * `X-RateLimit-RetryAfter` (seconds). Undefined when neither is present or readable.
 */
export function serverRetryDelay(headers: TransportResponse["headers"], now: number = Date.now()): number | undefined {
  const retryAfter = headers["retry-after"]?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const seconds = Number(headers["x-ratelimit-retryafter"] ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
