// Remembers which deliveries were handled, so a retried delivery (same `webhook-id`) is not handled twice.
import { createExpiringMap, type MemoryStoreOptions } from "../expiring-map.js";

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

export type MemoryWebhookIdStoreOptions = MemoryStoreOptions;

/** An in-process store: expires ids after their TTL and keeps at most `maxEntries`. */
export function createMemoryWebhookIdStore(options: MemoryWebhookIdStoreOptions = {}): WebhookIdStore {
  const ids = createExpiringMap<true>(options);
  return {
    claim(id, ttlSeconds) {
      if (ids.get(id)) return false;
      ids.set(id, true, ids.now() + ttlSeconds * 1000);
      return true;
    },
    release(id) {
      ids.delete(id);
    },
  };
}
