// Per-identity request counts for the proxy's `policy.quota`: fixed windows that start with a key's
// first counted request.
import { createExpiringMap, type MemoryStoreOptions } from "./expiring-map.js";

/**
 * Where the proxy's quota counts are kept. The default is this instance's memory; with several
 * instances (Workers isolates, serverless functions, replicas) use a shared store, e.g. Redis:
 * `INCR key`, then `EXPIRE key windowSeconds NX` and `TTL key` in the same `MULTI`.
 */
export interface QuotaStore {
  /**
   * Adds one to `key`'s count and returns the new count with the seconds until its window ends. The
   * first count of a key (or the first after its window ended) starts a window of `windowSeconds`.
   * Must be atomic, or concurrent requests could share one count.
   */
  increment(key: string, windowSeconds: number): QuotaCount | Promise<QuotaCount>;
}

export interface QuotaCount {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Seconds until the window ends and the count starts again from zero. */
  resetSeconds: number;
}

export type MemoryQuotaStoreOptions = MemoryStoreOptions;

/** An in-process store: one window per key, forgotten when it ends, at most `maxEntries` keys. */
export function createMemoryQuotaStore(options: MemoryQuotaStoreOptions = {}): QuotaStore {
  const windows = createExpiringMap<{ count: number; endsAt: number }>(options);
  return {
    increment(key, windowSeconds) {
      const time = windows.now();
      let window = windows.get(key);
      if (!window) {
        window = { count: 0, endsAt: time + windowSeconds * 1000 };
        windows.set(key, window, window.endsAt);
      }
      window.count += 1;
      return { count: window.count, resetSeconds: Math.ceil((window.endsAt - time) / 1000) };
    },
  };
}
