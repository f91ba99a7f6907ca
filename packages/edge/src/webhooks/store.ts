// Remembers which deliveries were handled, so a retried delivery (same `webhook-id`) is not handled twice.

/**
 * Where handled webhook ids are kept. For several instances (Workers isolates, serverless
 * functions, replicas) use a shared store, e.g. Redis: `claim` = `SET key 1 NX EX ttl`, `release` = `DEL key`.
 */
export interface WebhookIdStore {
  /**
   * Records `id` for `ttlSeconds` and returns `true`, or returns `false` when it is already recorded
   * (a duplicate). Must be an atomic check-and-set, or two concurrent retries could both be handled.
   */
  claim(id: string, ttlSeconds: number): boolean | Promise<boolean>;
  /** Forgets `id` after handling it failed, so the sender's next retry is handled. */
  release(id: string): void | Promise<void>;
}

export interface MemoryWebhookIdStoreOptions {
  /** The most ids kept; the oldest are dropped beyond it (default 10000). */
  maxEntries?: number;
  /** The clock, in milliseconds; defaults to the system's. */
  now?: () => number;
}

/** An in-process store: expires ids after their TTL and keeps at most `maxEntries`. */
export function createMemoryWebhookIdStore(options: MemoryWebhookIdStoreOptions = {}): WebhookIdStore {
  const { maxEntries = 10_000, now = Date.now } = options;
  if (!(maxEntries >= 1)) throw new RangeError(`maxEntries must be at least 1, got ${maxEntries}`);
  // Insertion order is claim order, so the oldest (and, with one TTL, the first to expire) come first.
  const expiries = new Map<string, number>();
  return {
    claim(id, ttlSeconds) {
      const time = now();
      if ((expiries.get(id) ?? 0) > time) return false;
      expiries.delete(id);
      for (const [oldId, expiry] of expiries) {
        if (expiry > time && expiries.size < maxEntries) break;
        expiries.delete(oldId);
      }
      expiries.set(id, time + ttlSeconds * 1000);
      return true;
    },
    release(id) {
      expiries.delete(id);
    },
  };
}
