// A rate-limit store that reserves: each request the client is about to send takes one of the
// quota's `remaining` at once, so N requests in flight cannot overrun the quota between answers
// (the plain store only learns of each spent request when its answer comes back). Answers lower the
// count within a window and replace it when a new window starts.
import { createMemoryRateLimitStore, type RateLimit, type RateLimitStore } from "@seedance/node";

export interface ReservingRateLimitStore extends RateLimitStore {
  /** The quota as known now, without reserving a request (for displays). */
  peek(): RateLimit | undefined;
}

/** Wraps `shared` (default: this process's memory), e.g. `createRedisRateLimitStore` for a fleet. */
export function reservingRateLimitStore(
  shared: RateLimitStore = createMemoryRateLimitStore(),
  now: () => number = Date.now,
): ReservingRateLimitStore {
  let local: RateLimit | undefined;
  const current = (): RateLimit | undefined => {
    const reported = shared.get();
    if (!local || (reported && reported.resetAt > local.resetAt)) local = reported && { ...reported };
    else if (reported && reported.resetAt.getTime() === local.resetAt.getTime())
      local.remaining = Math.min(local.remaining, reported.remaining);
    return local;
  };
  return {
    // The client reads the store once before each request it sends: that read is the reservation.
    get: () => {
      const quota = current();
      if (!quota || quota.remaining === 0 || quota.resetAt.getTime() <= now()) return quota;
      const before = { ...quota };
      quota.remaining -= 1;
      return before;
    },
    set: (reported) => {
      shared.set(reported);
      current();
    },
    peek: () => current(),
  };
}
