// Per-identity request counts for the proxy's `policy.quota`: fixed windows that start with a key's
// first counted request.

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

export interface MemoryQuotaStoreOptions {
  /** The most keys kept; the oldest windows are dropped beyond it (default 10000). */
  maxEntries?: number;
  /** The clock, in milliseconds; defaults to the system's. */
  now?: () => number;
}

/** An in-process store: one window per key, forgotten when it ends, at most `maxEntries` keys. */
export function createMemoryQuotaStore(options: MemoryQuotaStoreOptions = {}): QuotaStore {
  const { maxEntries = 10_000, now = Date.now } = options;
  if (!(maxEntries >= 1)) throw new RangeError(`maxEntries must be at least 1, got ${maxEntries}`);
  // Insertion order is window order, so with one window length the first to end come first.
  const windows = new Map<string, { count: number; endsAt: number }>();
  return {
    increment(key, windowSeconds) {
      const time = now();
      let window = windows.get(key);
      if (!window || window.endsAt <= time) {
        windows.delete(key);
        for (const [oldKey, old] of windows) {
          if (old.endsAt > time && windows.size < maxEntries) break;
          windows.delete(oldKey);
        }
        window = { count: 0, endsAt: time + windowSeconds * 1000 };
        windows.set(key, window);
      }
      window.count += 1;
      return { count: window.count, resetSeconds: Math.ceil((window.endsAt - time) / 1000) };
    },
  };
}
